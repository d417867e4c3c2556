#!/usr/bin/python3
"""paste14 cases (code.jsonl, ids paste14-*): pasted code the bot misread in
round 14's dev set, and other ways of asking the same. Every number is
computed here with PyTorch (Debian's python3-torch 1.13); Keras layers as
their PyTorch equivalents (channels-last shapes turned channels-first).

Each row: id, kind, text, must_contain, head (the asked numbers the first
line must give), unused (numbers of the question the reply must name as not
used, as written), working.

Run: /usr/bin/python3 testdata/questions/paste14_cases.py >> testdata/questions/code.jsonl
"""
import json
import torch
from torch import nn

torch.manual_seed(0)
ROWS = []


def P(*mods):
    return sum(p.numel() for m in mods for p in m.parameters())


def shape(m, *s):
    with torch.no_grad():
        return tuple(m(torch.zeros(*s)).shape)


def rf(layers):
    """Receptive field of a chain of (kernel, stride), Distill 2019."""
    r, j = 1, 1
    for k, s in layers:
        r, j = r + (k - 1) * j, j * s
    return r


def add(id, kind, text, head, working, unused=()):
    ROWS.append(dict(id="paste14-" + id, kind=kind, text=text, must_contain=list(head), head=list(head),
                     unused=list(unused), working=working))


# --- the receptive field asked as "rf", with no input size
f = rf([(3, 2), (3, 1), (3, 2), (3, 1)])
add("rf-short-no-input", "rf", "rf of this?\n```\nnn.Conv2d(3, 32, 3, stride=2),\nnn.Conv2d(32, 64, 3, stride=1),\nnn.Conv2d(64, 64, 3, stride=2),\nnn.Conv2d(64, 128, 3, stride=1),\n```",
    [f], f"1+2*1+2*2+2*2+2*4 = {f}")
f = rf([(5, 1), (2, 2), (5, 1), (2, 2)])
add("rf-short-with-pools", "rf", "what's the RF of the last layer here\n```\nnn.Conv2d(1, 8, 5), nn.MaxPool2d(2),\nnn.Conv2d(8, 16, 5), nn.MaxPool2d(2),\n```",
    [f], f"1+4+1*1+4*2+1*2 = {f}")
f = rf([(3, 1), (3, 1), (3, 2)])
add("rf-short-dont-know-input", "rf", "```\nself.c1 = nn.Conv2d(3, 16, 3)\nself.c2 = nn.Conv2d(16, 16, 3)\nself.c3 = nn.Conv2d(16, 32, 3, stride=2)\n```\ncan i get the rf without knowing the image size?",
    [f], f"1+2+2+2 = {f}")

# --- a batched shape after the data's name, no "input" or "shape" word
m = nn.Sequential(nn.Conv1d(4, 32, 10, stride=2), nn.Conv1d(32, 64, 5, stride=2), nn.Flatten())
o = shape(m, 1, 4, 200)
add("data-noun-batched-sensor", "input", "sensor data (B, 4, 200)\n```\nnn.Conv1d(4, 32, 10, stride=2),\nnn.Conv1d(32, 64, 5, stride=2),\nnn.Flatten(),\n```\nflatten size?",
    [o[1]], f"200->96->46; 64*46 = {o[1]} (torch {o})")
m = nn.Sequential(nn.Conv1d(3, 16, 5), nn.MaxPool1d(2), nn.Conv1d(16, 32, 5), nn.Flatten())
o = shape(m, 1, 3, 128)
add("data-noun-batched-windows", "input", "accelerometer windows (N, 3, 128)\n```\nnn.Conv1d(3, 16, 5),\nnn.MaxPool1d(2),\nnn.Conv1d(16, 32, 5),\nnn.Flatten(),\n```\nflatten size?",
    [o[1]], f"128->124->62->58; 32*58 = {o[1]} (torch {o})")
m = nn.Sequential(nn.Conv1d(12, 32, 7, stride=2, padding=3), nn.MaxPool1d(2))
o = shape(m, 1, 12, 5000)
add("data-noun-batched-ecg", "input", "my ecg batch (B, 12, 5000)\n```python\nself.conv = nn.Conv1d(12, 32, kernel_size=7, stride=2, padding=3)\nself.pool = nn.MaxPool1d(2)\n```\nlength after conv then pool?",
    [o[2]], f"(5000+6-7)//2+1 = 2500; pool 1250 (torch {o})")

# --- the input in brackets of words: "(12 leads, 5000 samples each)"
add("bracket-leads-samples-each", "input", "ecg classification (12 leads, 5000 samples each)\n```python\nself.conv = nn.Conv1d(12, 32, kernel_size=7, stride=2, padding=3)\nself.pool = nn.MaxPool1d(2)\n```\nlength of the sequence after conv then pool?",
    [o[2]], f"floor((5000+6-7)/2)+1 = 2500; pool {o[2]} (torch {o})")
m = nn.Sequential(nn.Conv1d(8, 16, 9, stride=4), nn.MaxPool1d(4))
o = shape(m, 1, 8, 2048)
add("bracket-channels-samples-each", "input", "vibration model (8 channels, 2048 samples each)\n```\nnn.Conv1d(8, 16, 9, stride=4),\nnn.MaxPool1d(4),\n```\noutput length?",
    [o[2]], f"(2048-9)//4+1 = 510; pool {o[2]} (torch {o})")

# --- a text CNN: the permute after the embedding is the channels-first view calc already has
emb, conv = nn.Embedding(20000, 300), nn.Conv1d(300, 100, kernel_size=3)
o = shape(conv, 1, 300, 50)
add("embedding-permute-comment", "params", "text cnn, embeddings are 300 dim, sentences padded to 50 tokens\n\nself.emb = nn.Embedding(20000, 300)\nself.conv = nn.Conv1d(300, 100, kernel_size=3)\n...\nx = self.emb(x).permute(0, 2, 1)   # (B, 300, 50)\nx = self.conv(x)\n\nwhat is the sequence length after the conv, and how many params in self.conv",
    [o[2], P(conv)], f"50-3+1 = {o[2]}; 300*100*3+100 = {P(conv)} (torch {o})")
conv = nn.Conv1d(300, 100, kernel_size=5)
o = shape(conv, 1, 300, 80)
add("embedding-permute-comment-only", "input", "text cnn\n\nself.emb = nn.Embedding(20000, 300)\nself.conv = nn.Conv1d(300, 100, kernel_size=5)\n...\nx = self.emb(x).permute(0, 2, 1)   # (B, 300, 80)\nx = self.conv(x)\n\nsequence length after the conv?",
    [o[2]], f"the comment's 80 tokens: 80-5+1 = {o[2]} (torch {o})")
emb, conv = nn.Embedding(20000, 300), nn.Conv1d(300, 100, kernel_size=3)
o = shape(conv, 1, 300, 50)
add("embedding-transpose", "params", "text cnn, embeddings are 300 dim, sentences padded to 50 tokens\n\nself.emb = nn.Embedding(20000, 300)\nself.conv = nn.Conv1d(300, 100, kernel_size=3)\n...\nx = self.emb(x).transpose(1, 2)\nx = self.conv(x)\n\nsequence length after the conv?",
    [o[2]], f"transpose(1, 2) gives (B, 300, 50): 50-3+1 = {o[2]} (torch {o})")

# --- Keras: the shape of the tensor the layers are called on, in a comment
d = nn.Linear(256, 10)
add("keras-comment-base-output", "params", "x = base_model.output            # (None, 8, 8, 256)\nx = GlobalAveragePooling2D()(x)\nout = Dense(10, activation='softmax')(x)\n\nparams of that dense?",
    [P(d)], f"GAP leaves 256: 256*10+10 = {P(d)}")
h = (nn.Linear(1280, 256), nn.Linear(256, 5))
add("keras-comment-backbone-head", "params", "feats = backbone(inputs)   # (None, 7, 7, 1280)\nx = layers.GlobalAveragePooling2D()(feats)\nx = layers.Dense(256, activation=\"relu\")(x)\nout = layers.Dense(5)(x)\nhow many trainable params in my head?",
    [P(*h)], f"1280*256+256 + 256*5+5 = {P(*h)}")

# --- Keras Dense on a 3-D input acts on the last axis; "does it flatten?" asks, it says no flatten
d = nn.Linear(32, 64)
add("keras-dense-3d-flatten-asked", "params", "keras Dense(64) on input shape (None, 10, 32) — params? does it flatten first?",
    [P(d)], f"last axis: 32*64+64 = {P(d)}")
d = nn.Linear(300, 128)
add("keras-dense-3d-should-i-flatten", "params", "keras model: Input(shape=(50, 300)) then Dense(128). params? should i flatten before it?",
    [P(d)], f"last axis: 300*128+128 = {P(d)}")

# --- the input in a comment beside the first layer, the size then "in"/"input"
m = nn.Sequential(nn.Conv2d(1, 6, 5), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2), nn.Flatten(),
                  nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10))
macs = 6*28*28*25 + 16*10*10*150 + 400*120 + 120*84 + 84*10
assert shape(m, 1, 1, 32, 32) == (1, 10)
add("comment-size-in-first-layer", "macs", "lenet total MACs? (ignore bias & pooling)\n```\nconv1 = nn.Conv2d(1, 6, 5)      # 32x32 in\npool  = nn.MaxPool2d(2)\nconv2 = nn.Conv2d(6, 16, 5)\nfc1 = nn.Linear(16*5*5, 120)\nfc2 = nn.Linear(120, 84)\nfc3 = nn.Linear(84, 10)\n```",
    [macs], f"117600+240000+48000+10080+840 = {macs}")
macs = 16*64*64*27 + 32*32*32*144 + 8192*10
add("comment-size-input-first-layer", "macs", "how many MACs in total?\n```\nself.conv1 = nn.Conv2d(3, 16, 3, padding=1)  # 64x64 input\nself.pool = nn.MaxPool2d(2)\nself.conv2 = nn.Conv2d(16, 32, 3, padding=1)\nself.fc = nn.Linear(32*16*16, 10)\n```",
    [macs], f"16*64*64*27 + 32*32*32*144 + 8192*10 = {macs}")

# --- the 1x1 projection shortcut a residual block's shape error asks for
sc = nn.Conv2d(64, 128, 1, stride=2)
assert shape(sc, 1, 64, 56, 56) == (1, 128, 28, 28)
add("shortcut-1x1-with-bias", "params", "residual block, getting `The size of tensor a (28) must match the size of tensor b (56) at non-singleton dimension 3`\n```\nself.conv1 = nn.Conv2d(64, 128, 3, stride=2, padding=1)\nself.conv2 = nn.Conv2d(128, 128, 3, padding=1)\n...\nout = self.conv2(F.relu(self.conv1(x)))\nout = out + x\n```\ni guess i need a 1x1 conv on the shortcut, how many params would that be w bias",
    [P(sc)], f"64*128+128 = {P(sc)}")
sc = nn.Conv2d(32, 64, 1, stride=2, bias=False)
add("shortcut-downsample-no-bias", "params", "my resnet block crashes at out += identity (32x32 and 16x16 maps)\n```\nself.conv1 = nn.Conv2d(32, 64, 3, stride=2, padding=1, bias=False)\nself.bn1 = nn.BatchNorm2d(64)\nself.conv2 = nn.Conv2d(64, 64, 3, padding=1, bias=False)\nself.bn2 = nn.BatchNorm2d(64)\n```\nso I add a downsample with a 1x1 conv, no bias. how many weights is that?",
    [P(sc)], f"32*64 = {P(sc)}")
sc = nn.Conv2d(16, 32, 1)
add("shortcut-projection-skip", "params", "```\nself.conv1 = nn.Conv2d(16, 32, 3, padding=1)\nself.conv2 = nn.Conv2d(32, 32, 3, padding=1)\n```\nout = conv2(conv1(x)) + x fails, 16 channels against 32. params of a 1x1 projection for the skip connection?",
    [P(sc)], f"16*32+32 = {P(sc)}")

# --- the Linear a mat1/mat2 error asks for, made so in words, and its params asked
fc = nn.Linear(5408, 10)
add("linear-fix-make-it-params", "params", "`RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x5408 and 1024x10)`\nmodel is Conv2d(1, 32, 3) -> relu -> MaxPool2d(2) -> flatten -> Linear(1024, 10) on mnist\nso i just make it Linear(5408, 10)? how many params is that then",
    [P(fc)], f"5408*10+10 = {P(fc)}")
fc = nn.Linear(2048, 10)
m = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
assert shape(m, 1, 3, 16, 16) == (1, 2048)
add("linear-fix-should-i-make-it", "params", "error: mat1 and mat2 shapes cannot be multiplied (64x2048 and 512x10)\n```\nnn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\nnn.Flatten(),\nnn.Linear(512, 10)\n```\ninput 3x16x16. should i make it nn.Linear(2048, 10)? how many params would that be",
    [P(fc)], f"2048*10+10 = {P(fc)}")
fc = nn.Linear(1568, 128)
add("linear-fix-set-it-to", "params", "mat1 and mat2 shapes cannot be multiplied (16x1568 and 784x128)\nmy model: Conv2d(1, 8, 3, padding=1) -> MaxPool2d(2) -> Flatten -> Linear(784, 128) -> Linear(128, 10)\nok so set it to Linear(1568, 128), how many params is that then?",
    [P(fc)], f"1568*128+128 = {P(fc)}")

# --- named layers pasted alone, asked against each other: each layer's count, not their sum
a, b = nn.Conv2d(3, 16, 3), nn.Conv2d(3, 16, 5)
add("named-convs-which-has-more", "params", "a = nn.Conv2d(3,16,3)\nb = nn.Conv2d(3,16,5)\nwhich has more params?",
    [P(a), P(b)], f"3*3*3*16+16 = {P(a)}; 5*5*3*16+16 = {P(b)}")
a, b = nn.Conv2d(64, 64, 3, padding=1), nn.Conv2d(64, 64, 1)
add("named-convs-does-each-have", "params", "conv_a = nn.Conv2d(64, 64, 3, padding=1)\nconv_b = nn.Conv2d(64, 64, 1)\nhow many params does each have?",
    [P(a), P(b)], f"3*3*64*64+64 = {P(a)}; 64*64+64 = {P(b)}")

# --- a setting changed in words after the paste: "change padding to 0 in both convs, output shape?"
m = nn.Sequential(nn.Conv2d(3, 32, 3), nn.Conv2d(32, 64, 3))
o = shape(m, 1, 3, 32, 32)
add("padding-changed-both-convs", "output", "self.conv1 = nn.Conv2d(3, 32, 3, padding=1)\nself.conv2 = nn.Conv2d(32, 64, 3, padding=1)\ninput 32x32. change padding to 0 in both convs, output shape?",
    [o[2]], f"32 -> 30 -> 28 (torch {o})")
m = nn.Sequential(nn.Conv2d(1, 16, 5), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.MaxPool2d(2))
o = shape(m, 1, 1, 28, 28)
add("padding-changed-new-output", "output", "```\nnn.Conv2d(1, 16, 5, padding=2), nn.MaxPool2d(2),\nnn.Conv2d(16, 32, 5, padding=2), nn.MaxPool2d(2),\n```\non 28x28 mnist. change padding to 0 in both convs, new output shape?",
    [o[2]], f"28 -> 24 -> 12 -> 8 -> 4 (torch {o})")

for r in ROWS:
    print(json.dumps(r))
