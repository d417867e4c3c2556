#!/usr/bin/python3
"""paste12 cases (code.jsonl, ids paste12-*): pasted code the bot misread in
round 12's dev set, and other ways of asking the same. Every number is
computed here with PyTorch (Debian's python3-torch 1.13); Keras layers as
their PyTorch equivalents (channels-last shapes turned channels-first).

Each row: id, kind, text, must_contain, head (the asked numbers the first
line must give), unused (numbers of the question the reply must name as not
used, as written), working.

Run: /usr/bin/python3 testdata/questions/paste12_cases.py >> testdata/questions/code.jsonl
"""
import json
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)
ROWS = []


def P(*mods):
    return sum(p.numel() for m in mods for p in m.parameters())


def shape(m, *s):
    with torch.no_grad():
        return tuple(m(torch.zeros(*s)).shape)


def add(id, kind, text, head, working, unused=(), more=()):
    ROWS.append(dict(id="paste12-" + id, kind=kind, text=text, must_contain=list(head) + list(more), head=list(head),
                     unused=list(unused), working=working))


# --- a shape comment on a fragment's line gives the tensor the layers take
c = nn.Conv1d(1, 16, kernel_size=80, stride=4)
o = shape(c, 1, 1, 16000)
add("comment-shape-unsqueeze", "input", 'Conv1d output length on raw waveform\n\n```\nwav, sr = torchaudio.load("clip.wav")   # sr = 16000, exactly 1 second, mono\nx = wav.unsqueeze(0)                    # (1, 1, 16000)\nconv = nn.Conv1d(1, 16, kernel_size=80, stride=4)\nprint(conv(x).shape)\n```\nbefore running this on the cluster i need the time dimension to size the next layer. what length does it give? I expected 4000 since stride is 4 but someone said it\'s less',
    [o[2]], f"floor((16000-80)/4)+1 = {o[2]} (torch {o})", ["4000"])
c = nn.Conv1d(300, 100, kernel_size=3)
o = shape(c, 1, 300, 50)
add("comment-shape-batch-letter", "input", "text cnn\n```\nx = emb(tokens)          # (B, 50, 300)\nx = x.permute(0, 2, 1)\nx = nn.Conv1d(300, 100, kernel_size=3)(x)\n```\nparams of the conv and output len?",
    [P(c), o[2]], f"300*100*3+100 = {P(c)}; 50-3+1 = {o[2]} (torch {o})")
c = nn.Conv2d(512, 256, 3, padding=1)
o = shape(c, 1, 512, 7, 7)
add("comment-shape-feature-map", "input", "```\nfeats = backbone(img)   # [N, 512, 7, 7]\nhead = nn.Conv2d(512, 256, 3, padding=1)\nout = head(feats)\n```\nwhat shape is out and how many params in head?",
    [o[1], o[2], P(c)], f"padding 1 keeps 7x7: torch {o}; 3*3*512*256+256 = {P(c)}")
c = nn.Conv1d(128, 64, kernel_size=5)
o = shape(c, 1, 128, 20)
add("comment-shape-rnn-out", "input", "```\nh, _ = lstm(x)   # (B, 20, 128)\nh = h.transpose(1, 2)\ny = nn.Conv1d(128, 64, kernel_size=5)(h)\n```\noutput length of y and the conv's params?",
    [o[2], P(c)], f"20-5+1 = {o[2]} (torch {o}); 5*128*64+64 = {P(c)}")

# --- a batched input said after a size the words gave in passing
dec = nn.Sequential(nn.ConvTranspose2d(64, 32, 7), nn.ReLU(), nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1), nn.ReLU(),
                    nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1), nn.Sigmoid())
o = shape(dec, 1, 64, 1, 1)
add("batched-input-after-wanted", "input", "my decoder doesn't give 28x28 back, the loss complains about size mismatch\n\nself.decoder = nn.Sequential(\n    nn.ConvTranspose2d(64, 32, 7), nn.ReLU(),\n    nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1), nn.ReLU(),\n    nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1), nn.Sigmoid())\n\ninput (B,64,1,1). what H/W does this actually output?",
    [o[2]], f"1 -> 7 -> 13 -> 25 (torch {o})", ["28"])
up = nn.Sequential(nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1), nn.ReLU(), nn.ConvTranspose2d(64, 3, 4, stride=2, padding=1))
o = shape(up, 1, 128, 8, 8)
add("batched-input-after-want-out", "input", "I want 64x64 out of this but get something smaller:\n\nup = nn.Sequential(nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1), nn.ReLU(), nn.ConvTranspose2d(64, 3, 4, stride=2, padding=1))\n\ninput (N, 128, 8, 8). what is the output size?",
    [o[2]], f"8 -> 16 -> 32 (torch {o})", ["64"])
enc = nn.Sequential(nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, stride=2, padding=1))
o = shape(enc, 1, 3, 100, 100)
add("batched-input-after-supposed", "input", "this is supposed to give 32x32 maps\n\nenc = nn.Sequential(nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, stride=2, padding=1))\n\ninput (B, 3, 100, 100). what does it output?",
    [o[2]], f"100 -> 50 -> 25 (torch {o})", ["32"])

# --- a Keras shape led into a layer with an arrow or a word
o = (7 - 1) * 2 + 4
t = nn.ConvTranspose2d(128, 32, 4, stride=2)
assert shape(t, 1, 128, 7, 7)[2] == o
add("keras-arrow-input-deconv", "keras", "keras gan generator, (None, 7, 7, 128) -> Conv2DTranspose(32, 4, strides=2, padding='valid'). output height/width?",
    [o], f"valid: 7*2 + max(4-2, 0) = {o} (torch {shape(t, 1, 128, 7, 7)})")
c = nn.Conv2d(64, 128, 3, stride=2, padding=1)
o = shape(c, 1, 64, 14, 14)  # TF 'same' at stride 2 on 14: ceil(14/2) = 7, as torch with pad 1
add("keras-arrow-input-same", "keras", "(None, 14, 14, 64) -> Conv2D(128, 3, strides=2, padding='same'): output shape and params?",
    [o[2], P(c)], f"same: ceil(14/2) = {o[2]}; 3*3*64*128+128 = {P(c)}")
c = nn.Conv2d(3, 16, 5)
o = shape(c, 1, 3, 32, 32)
add("keras-into-input-valid", "keras", "(None, 32, 32, 3) into Conv2D(16, 5) - output size and params?",
    [o[2], P(c)], f"32-5+1 = {o[2]} (torch {o}); 5*5*3*16+16 = {P(c)}")

# --- a layer named again in the words by its first arguments
g1 = nn.ConvTranspose2d(256, 128, 5, stride=1, padding=2, bias=False)
g2 = nn.ConvTranspose2d(128, 64, 5, stride=2, padding=2, output_padding=1, bias=False)
g3 = nn.ConvTranspose2d(64, 1, 5, stride=2, padding=2, output_padding=1, bias=False)
o = shape(nn.Sequential(g1, g2, g3), 1, 256, 7, 7)
add("mention-ellipsis-glued", "keras", "TF DCGAN generator shapes\n\n```\nmodel = tf.keras.Sequential()\nmodel.add(layers.Dense(7*7*256, use_bias=False, input_shape=(100,)))\nmodel.add(layers.BatchNormalization())\nmodel.add(layers.LeakyReLU())\nmodel.add(layers.Reshape((7, 7, 256)))\nmodel.add(layers.Conv2DTranspose(128, (5, 5), strides=(1, 1), padding='same', use_bias=False))\nmodel.add(layers.BatchNormalization())\nmodel.add(layers.LeakyReLU())\nmodel.add(layers.Conv2DTranspose(64, (5, 5), strides=(2, 2), padding='same', use_bias=False))\nmodel.add(layers.BatchNormalization())\nmodel.add(layers.LeakyReLU())\nmodel.add(layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding='same', use_bias=False, activation='tanh'))\n```\nwhats the final image size and how many params does the Conv2DTranspose(64...) layer have?",
    [o[2], P(g2)], f"7 -> 7 -> 14 -> 28 (torch {o}); 5*5*128*64 = {P(g2)}")
add("mention-ellipsis-comma", "keras", "```\nmodel = tf.keras.Sequential()\nmodel.add(layers.Dense(7*7*256, use_bias=False, input_shape=(100,)))\nmodel.add(layers.Reshape((7, 7, 256)))\nmodel.add(layers.Conv2DTranspose(128, (5, 5), strides=(1, 1), padding='same', use_bias=False))\nmodel.add(layers.Conv2DTranspose(64, (5, 5), strides=(2, 2), padding='same', use_bias=False))\nmodel.add(layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding='same', use_bias=False, activation='tanh'))\n```\nfinal image size? and params of the Conv2DTranspose(64, ...) layer",
    [o[2], P(g2)], f"7 -> 7 -> 14 -> 28 (torch {o}); 5*5*128*64 = {P(g2)}")
k1, k2 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)
o = shape(nn.Sequential(k1, k2), 1, 1, 28, 28)
add("mention-first-args-only", "keras", "```\nmodel = keras.Sequential([\n    layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),\n    layers.Conv2D(64, (3, 3), activation='relu'),\n])\n```\nhow many params does the Conv2D(64) have, and what shape comes out?",
    [P(k2), o[2]], f"3*3*32*64+64 = {P(k2)}; 28 -> 26 -> 24 (torch {o})")

# --- batch norms the words leave out of the count
b = [nn.Conv2d(24, 144, 1, bias=False), nn.Conv2d(144, 144, 3, padding=1, groups=144, bias=False), nn.Conv2d(144, 24, 1, bias=False)]
add("norms-not-counting", "blocks", "param count of a MobileNetV2 inverted residual (convs only)\n\n```\nblock = nn.Sequential(\n    nn.Conv2d(24, 144, 1, bias=False), nn.BatchNorm2d(144), nn.ReLU6(inplace=True),\n    nn.Conv2d(144, 144, 3, stride=1, padding=1, groups=144, bias=False), nn.BatchNorm2d(144), nn.ReLU6(inplace=True),\n    nn.Conv2d(144, 24, 1, bias=False), nn.BatchNorm2d(24),\n)\n```\nhow many params in the three convs together, not counting the batchnorms? expansion factor is 6 here",
    [P(*b)], f"24*144 + 144*9 + 144*24 = {P(*b)}")
b = [nn.Conv2d(3, 32, 3, padding=1, bias=False), nn.Conv2d(32, 64, 3, padding=1, bias=False)]
add("norms-excluding-bn", "blocks", "stem = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU())\nparams excluding BN?",
    [P(*b)], f"3*3*3*32 + 3*3*32*64 = {P(*b)}")
b = [nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)]
add("norms-ignoring-keras", "keras", "```\nmodel = keras.Sequential([\n    layers.Conv2D(32, 3, input_shape=(28, 28, 1)),\n    layers.BatchNormalization(),\n    layers.Conv2D(64, 3),\n    layers.BatchNormalization(),\n])\n```\nignoring the batch norm layers, how many params?",
    [P(*b)], f"(9*1*32+32) + (9*32*64+64) = {P(*b)}")

# --- a class of the paste built below it with arguments
class BasicBlock(nn.Module):
    def __init__(self, inp, out, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inp, out, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out)
        self.conv2 = nn.Conv2d(out, out, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out)
        self.shortcut = nn.Sequential(nn.Conv2d(inp, out, 1, stride, bias=False), nn.BatchNorm2d(out))


add("class-built-below", "helpers", "trainable params of a downsampling BasicBlock\n\n```\nclass BasicBlock(nn.Module):\n    def __init__(self, inp, out, stride):\n        super().__init__()\n        self.conv1 = nn.Conv2d(inp, out, 3, stride, 1, bias=False)\n        self.bn1 = nn.BatchNorm2d(out)\n        self.conv2 = nn.Conv2d(out, out, 3, 1, 1, bias=False)\n        self.bn2 = nn.BatchNorm2d(out)\n        self.shortcut = nn.Sequential(nn.Conv2d(inp, out, 1, stride, bias=False), nn.BatchNorm2d(out))\n    def forward(self, x):\n        return F.relu(self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))) + self.shortcut(x))\n\nblk = BasicBlock(64, 128, 2)\n```\nhow many trainable parameters in blk, batchnorm included?",
    [P(BasicBlock(64, 128, 2))], f"73728 + 147456 + 8192 + 3*256 = {P(BasicBlock(64, 128, 2))}")
cb = nn.Sequential(nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64))
add("class-built-below-two-args", "helpers", "class ConvBlock(nn.Module):\n    def __init__(self, cin, cout):\n        super().__init__()\n        self.conv = nn.Conv2d(cin, cout, 3, padding=1)\n        self.bn = nn.BatchNorm2d(cout)\n    def forward(self, x):\n        return F.relu(self.bn(self.conv(x)))\n\nblock = ConvBlock(32, 64)\nhow many params does block have?",
    [P(cb)], f"3*3*32*64+64 + 2*64 = {P(cb)}")
dn = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding=1))
o = shape(dn, 1, 64, 56, 56)
add("class-built-below-keywords", "helpers", "class Down(nn.Module):\n    def __init__(self, in_ch, out_ch):\n        super().__init__()\n        self.pool = nn.MaxPool2d(2)\n        self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1)\n    def forward(self, x):\n        return self.conv(self.pool(x))\n\ndown = Down(in_ch=64, out_ch=128)\nx = torch.randn(1, 64, 56, 56)\nwhat shape does down(x) give, and how many params?",
    [o[2], P(dn)], f"56 -> 28: torch {o}; 3*3*64*128+128 = {P(dn)}")

# --- a product the words ask to check is the asker's figure, the size after it the input
def mnist20(x):
    c1, c2 = nn.Conv2d(1, 20, 5, 1), nn.Conv2d(20, 50, 5, 1)
    with torch.no_grad():
        x = F.max_pool2d(F.relu(c1(x)), 2, 2)
        x = F.max_pool2d(F.relu(c2(x)), 2, 2)
    return x.flatten(1).shape[1]
n = mnist20(torch.zeros(1, 1, 28, 28))
add("check-product-right-for", "view", "classic mnist example\n\nself.conv1 = nn.Conv2d(1, 20, 5, 1)\nself.conv2 = nn.Conv2d(20, 50, 5, 1)\nself.fc1 = nn.Linear(4*4*50, 500)\n...\nx = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)\nx = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)\nx = x.view(-1, 4*4*50)\n\nis 4*4*50 right for 28x28, i.e. what is the flattened size, and params of fc1",
    [n, P(nn.Linear(n, 500))], f"28->24->12->8->4: {n}; {n}*500+500 = {P(nn.Linear(n, 500))}")
def lenet(x):
    c1, c2, pool = nn.Conv2d(3, 6, 5), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2, 2)
    with torch.no_grad():
        x = pool(F.relu(c1(x)))
        x = pool(F.relu(c2(x)))
    return x.flatten(1).shape[1]
n = lenet(torch.zeros(1, 3, 32, 32))
add("check-product-correct-for", "view", "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv1 = nn.Conv2d(3, 6, 5)\n        self.pool = nn.MaxPool2d(2, 2)\n        self.conv2 = nn.Conv2d(6, 16, 5)\n        self.fc1 = nn.Linear(16 * 5 * 5, 120)\n    def forward(self, x):\n        x = self.pool(F.relu(self.conv1(x)))\n        x = self.pool(F.relu(self.conv2(x)))\n        x = x.view(-1, 16 * 5 * 5)\n        return self.fc1(x)\n\nis 16*5*5 correct for 32x32 cifar images? what is the flattened size",
    [n], f"32->28->14->10->5: {n}")
def mnist32(x):
    c1, c2 = nn.Conv2d(1, 32, 3, padding=1), nn.Conv2d(32, 64, 3, padding=1)
    with torch.no_grad():
        x = F.max_pool2d(F.relu(c1(x)), 2)
        x = F.max_pool2d(F.relu(c2(x)), 2)
    return x.flatten(1).shape[1]
n = mnist32(torch.zeros(1, 1, 28, 28))
add("check-product-ok-for", "view", "self.conv1 = nn.Conv2d(1, 32, 3, padding=1)\nself.conv2 = nn.Conv2d(32, 64, 3, padding=1)\nself.fc1 = nn.Linear(7*7*64, 128)\n\nx = F.max_pool2d(F.relu(self.conv1(x)), 2)\nx = F.max_pool2d(F.relu(self.conv2(x)), 2)\nx = x.view(x.size(0), -1)\n\nis 7*7*64 ok for 28x28 mnist? params of fc1?",
    [n, P(nn.Linear(n, 128))], f"28->14->7: {n}; {n}*128+128 = {P(nn.Linear(n, 128))}")

# --- modules assigned in one line to several names, applied by a forward told in words
def dc(i, o):
    return nn.Sequential(nn.Conv2d(i, o, 3), nn.ReLU(), nn.Conv2d(o, o, 3), nn.ReLU())
pool = nn.MaxPool2d(2)
u = nn.Sequential(dc(1, 64), pool, dc(64, 128), pool, dc(128, 256), pool, dc(256, 512), pool, dc(512, 1024))
o = shape(u, 1, 1, 572, 572)
add("tuple-assign-unet", "helpers", "unpadded U-Net like the paper - bottleneck size?\n\n```\ndef dc(i, o): return nn.Sequential(nn.Conv2d(i, o, 3), nn.ReLU(), nn.Conv2d(o, o, 3), nn.ReLU())\nself.d1, self.d2, self.d3, self.d4 = dc(1, 64), dc(64, 128), dc(128, 256), dc(256, 512)\nself.bottom = dc(512, 1024)\nself.pool = nn.MaxPool2d(2)\n# forward: d1 -> pool -> d2 -> pool -> d3 -> pool -> d4 -> pool -> bottom\n```\ninput 572x572 like ronneberger et al. what's the spatial size of the output of self.bottom?",
    [o[2]], f"572->568->284->280->140->136->68->64->32->28 (torch {o})")
o = shape(nn.Sequential(nn.Conv2d(3, 16, 3), pool, nn.Conv2d(16, 32, 3), pool), 1, 3, 64, 64)
add("tuple-assign-layers", "forward", "self.c1, self.c2 = nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3)\nself.pool = nn.MaxPool2d(2)\n# forward: c1 -> pool -> c2 -> pool\n\ninput 64x64 rgb, output shape?",
    [o[1], o[2]], f"64->62->31->29->14 (torch {o})")
def block(i, o):
    return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
n = shape(nn.Sequential(block(3, 32), block(32, 64), block(64, 128), nn.Flatten()), 1, 3, 32, 32)[1]
add("tuple-assign-helper-blank", "helpers", "def block(i, o): return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))\nself.b1, self.b2, self.b3 = block(3, 32), block(32, 64), block(64, 128)\nself.fc = nn.Linear(???, 10)\n# forward: b1 -> b2 -> b3 -> flatten -> fc\n\ninput 32x32 rgb. what goes in ???",
    [n], f"32->16->8->4, 128*4*4 = {n} (torch)")

# --- layers pasted side by side, each on the input the code builds
def macs(m, *s):
    o = shape(m, *s)
    if isinstance(m, nn.Linear):
        return m.in_features * m.out_features * (o[0] if len(s) == 1 else 1)
    return (o[1] * o[2] * o[3] if len(o) == 4 else o[1] * o[2]) * m.in_channels // m.groups * int(torch.tensor(m.kernel_size).prod())
a = nn.Conv2d(3, 64, 3, stride=1, padding=1, bias=False)
b = nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False)
add("side-by-side-convs", "two", "stride 1 vs stride 2 first layer cost\n\n```\na = nn.Conv2d(3, 64, 3, stride=1, padding=1, bias=False)\nb = nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False)\nx = torch.randn(1, 3, 64, 64)\n```\nhow many MACs does a do on x, and b?",
    [macs(a, 1, 3, 64, 64), macs(b, 1, 3, 64, 64)], f"64*64*64*27 = {macs(a, 1, 3, 64, 64)}; 32*32*64*27 = {macs(b, 1, 3, 64, 64)}")
c3, c5 = nn.Conv1d(128, 64, 3), nn.Conv1d(128, 64, 5, padding=2)
add("side-by-side-conv1d", "two", "c3 = nn.Conv1d(128, 64, 3)\nc5 = nn.Conv1d(128, 64, 5, padding=2)\nx = torch.randn(8, 128, 100)\noutput length of c3(x) and c5(x)?",
    [shape(c3, 8, 128, 100)[2], shape(c5, 8, 128, 100)[2]], f"100-3+1 = {shape(c3, 8, 128, 100)[2]}; 100+4-5+1 = {shape(c5, 8, 128, 100)[2]}")
h1, h2 = nn.Linear(512, 10), nn.Linear(512, 100)
add("side-by-side-linear", "two", "head1 = nn.Linear(512, 10)\nhead2 = nn.Linear(512, 100)\nx = torch.randn(4, 512)\nMACs of head1(x) and head2(x)?",
    [512 * 10, 512 * 100], "per sample: 512*10 = 5120; 512*100 = 51200")

# --- a summary pasted from a row whose count is elided: read from that row's output
c = nn.Conv2d(64, 128, 3, stride=2)
o = shape(c, 1, 64, 31, 31)
add("summary-elided-first-row", "summary", "Conv2D strides=2 valid output shape + params\n\n```\n conv2d_2 (Conv2D)           (None, 31, 31, 64)        ...\n conv2d_3 (Conv2D)           (None, ?, ?, 128)         ?\n```\nconv2d_3 is Conv2D(128, 3, strides=2) with the default padding. what's ? for the spatial size and the param count?",
    [P(c), o[2]], f"floor((31-3)/2)+1 = {o[2]} (torch {o}); 3*3*64*128+128 = {P(c)}")
c = nn.Conv2d(128, 256, 3, stride=2, padding=1)  # TF 'same' at stride 2 on 56: ceil(56/2) = 28, as torch with pad 1
o = shape(c, 1, 128, 56, 56)
add("summary-elided-unicode", "summary", " conv2d_4 (Conv2D)           (None, 56, 56, 128)       \u2026\n conv2d_5 (Conv2D)           (None, ?, ?, 256)         ???\n\nconv2d_5 is Conv2D(256, 3, strides=2, padding=\"same\"). fill in the ? for the size and the params",
    [P(c), o[2]], f"same: ceil(56/2) = {o[2]}; 3*3*128*256+256 = {P(c)}")
c = nn.Conv2d(32, 64, 5, padding=2)
o = shape(c, 1, 32, 14, 14)
add("summary-elided-pool-row", "summary", "part of my summary:\n\n```\n max_pooling2d (MaxPooling2D)  (None, 14, 14, 32)        ...\n conv2d_1 (Conv2D)             (None, ?, ?, 64)          ?\n```\nconv2d_1 is Conv2D(64, 5, padding='same'). what are the ?s",
    [P(c), o[2]], f"same keeps 14 (torch {o}); 5*5*32*64+64 = {P(c)}")

# --- layer calls in a bracketed remark under a summary name its rows
c3, d = nn.Conv2d(64, 64, 3), nn.Linear(4 * 4 * 64, 64)
add("summary-remark-calls", "summary", "tf cifar10 tutorial, my summary with the numbers i couldn't figure out:\n\nLayer (type)                 Output Shape              Param #\n=================================================================\nconv2d (Conv2D)              (None, 30, 30, 32)        896\nmax_pooling2d (MaxPooling2D) (None, 15, 15, 32)        0\nconv2d_1 (Conv2D)            (None, 13, 13, 64)        18496\nmax_pooling2d_1 (MaxPooling2 (None, 6, 6, 64)          0\nconv2d_2 (Conv2D)            (None, 4, 4, 64)          ???\nflatten (Flatten)            (None, ???)               0\ndense (Dense)                (None, 64)                ???\n\n(last conv is Conv2D(64, (3,3)), dense is Dense(64))",
    [P(c3), 4 * 4 * 64, P(d)], f"3*3*64*64+64 = {P(c3)}; 4*4*64 = 1024; 1024*64+64 = {P(d)}")
c, d = nn.Conv2d(32, 64, 3), nn.Linear(7744, 10)
add("summary-remark-two-rows", "summary", "my summary, two numbers missing:\n\nLayer (type)                 Output Shape              Param #\n=================================================================\nconv2d (Conv2D)              (None, 26, 26, 32)        320\nmax_pooling2d (MaxPooling2D) (None, 13, 13, 32)        0\nconv2d_1 (Conv2D)            (None, 11, 11, 64)        ???\nflatten (Flatten)            (None, 7744)              0\ndense (Dense)                (None, 10)                ???\n\n(second conv is Conv2D(64, (3,3)), output is Dense(10))",
    [P(c), P(d)], f"3*3*32*64+64 = {P(c)}; 7744*10+10 = {P(d)}")

# --- the padding that makes a dilated conv causal: d*(k-1) on the left only
def causal(cin, k, d, L):
    c = nn.Conv1d(cin, cin, k, dilation=d)
    o = shape(c, 1, cin, L)[2]
    p = d * (k - 1)
    with torch.no_grad():
        assert c(F.pad(torch.zeros(1, cin, L), (p, 0))).shape[2] == L
    return o, p
o, p = causal(32, 3, 8, 1000)
add("causal-left-pad", "inverse", "wavenet-ish\n```\nnn.Conv1d(32, 32, kernel_size=3, dilation=8)\n```\ninput len 1000 no padding, out len? and how much left padding to make it causal + same length",
    [o, p], f"eff k=17: 1000-16 = {o}; left pad 8*(3-1) = {p} (torch: F.pad(x, ({p}, 0)) keeps 1000)")
o, p = causal(8, 4, 5, 300)
add("causal-left-pad-tcn", "inverse", "TCN layer: nn.Conv1d(8, 8, 4, dilation=5), seq len 300. output length with no padding, and the causal left pad?",
    [o, p], f"300-15 = {o}; left pad 5*(4-1) = {p} (torch: F.pad keeps 300)")
o, p = causal(16, 5, 3, 200)
add("causal-left-pad-same-length", "inverse", "nn.Conv1d(16, 16, kernel_size=5, dilation=3)\nhow much padding on the left makes it causal with the same length? input length 200",
    [p], f"left pad 3*(5-1) = {p} (torch: F.pad(x, ({p}, 0)) keeps 200; without it {o})")

for r in ROWS:
    print(json.dumps(r))
