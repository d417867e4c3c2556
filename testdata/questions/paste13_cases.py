#!/usr/bin/python3
"""paste13 cases (code.jsonl, ids paste13-*): pasted code the bot misread in
round 13's dev set, and other ways of asking the same. Every number is
computed here with PyTorch (Debian's python3-torch 1.13); Keras layers as
their PyTorch equivalents (channels-last shapes turned channels-first).

Each row: id, kind, text, must_contain, head (the asked numbers the first
line must give), unused (numbers of the question the reply must name as not
used, as written), working.

Run: /usr/bin/python3 testdata/questions/paste13_cases.py >> testdata/questions/code.jsonl
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


def add(id, kind, text, head, working, unused=()):
    ROWS.append(dict(id="paste13-" + id, kind=kind, text=text, must_contain=list(head), head=list(head),
                     unused=list(unused), working=working))


# --- sizes with words between them: "1 x 128 mel bins x 431 frames"
c = nn.Conv2d(1, 32, 3, stride=2, padding=1)
o = shape(c, 1, 1, 128, 431)
add("labelled-dims-mel-bins", "input", "mel spectrogram CNN: input is 1 x 128 mel bins x 431 frames. first layer Conv2d(1, 32, 3, stride=2, padding=1). what's the output size (mel dim and time dim)?",
    [o[2], o[3]], f"(128+2-3)//2+1 = {o[2]}; (431+2-3)//2+1 = {o[3]} (torch {o})")
add("labelled-dims-no-channel", "input", "input is 128 mel bins x 431 frames. first layer nn.Conv2d(1, 32, 3, stride=2, padding=1). output size?",
    [o[2], o[3]], f"(128+2-3)//2+1 = {o[2]}; (431+2-3)//2+1 = {o[3]} (torch {o})")
m = nn.Sequential(nn.Conv2d(1, 16, 5, padding=2), nn.MaxPool2d(2))
o = shape(m, 1, 1, 64, 100)
add("labelled-dims-by-time-steps", "input", "my input has 64 mels by 100 time steps, nn.Conv2d(1, 16, 5, padding=2) then nn.MaxPool2d(2). output shape?",
    [o[2], o[3]], f"64 -> 64 -> 32; 100 -> 100 -> 50 (torch {o})")
m = nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.MaxPool2d(2))
o = shape(m, 1, 1, 40, 101)
add("labelled-dims-mfcc", "input", "audio model, each input is 40 mfcc coefficients x 101 frames. nn.Conv2d(1, 64, 3, padding=1), nn.MaxPool2d(2). what shape comes out?",
    [o[2], o[3]], f"40 -> 20; 101 -> 50 (torch {o})")

# --- a batched tuple after the data's name: "a mel spectrogram (N, 1, 64, 128)"
conv = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
o = shape(conv, 1, 1, 64, 128)
n = o[1] * o[2] * o[3]
add("data-noun-tuple-spectrogram", "input", "spectrogram CNN in_features\n```python\nself.conv = nn.Sequential(\n    nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n    nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n)\nself.fc = nn.Linear(???, 10)\n```\ninput is a mel spectrogram (N, 1, 64, 128) - 64 mel bins, 128 frames",
    [n], f"64x128 -> 32x64 -> 16x32 -> 8x16; 128*8*16 = {n} (torch {o})")
m = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
o = shape(m, 1, 1, 128, 256)
n = o[1] * o[2] * o[3]
add("data-noun-tuple-batch-letter", "input", "input is a spectrogram (B, 1, 128, 256)\n```\nself.conv1 = nn.Conv2d(1, 16, 3, padding=1)\nself.pool = nn.MaxPool2d(2)\nself.fc = nn.Linear(???, 10)\n# forward: pool(relu(conv1(x))), flatten, fc\n```",
    [n], f"128x256 -> 64x128; 16*64*128 = {n} (torch {o})")
m = nn.Sequential(nn.Conv2d(3, 32, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.Flatten())
o = shape(m, 1, 3, 64, 64)
add("data-noun-tuple-tensor", "input", "my batch is a tensor (N, 3, 64, 64) going into\nnn.Sequential(nn.Conv2d(3, 32, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.Flatten(), nn.Linear(???, 10))\nwhat goes in ???",
    [o[1]], f"64 -> 32 -> 16; 64*16*16 = {o[1]} (torch {o})")

# --- a comment beside a layer naming the tensor passed to it: its input
d = nn.Linear(1280, 10)  # GlobalAveragePooling2D on 7x7x1280 leaves 1280
x = torch.zeros(1, 1280, 7, 7).mean((2, 3))
add("comment-names-arg-gap", "keras", "```\nx = GlobalAveragePooling2D()(base.output)   # base out is 7x7x1280\nout = Dense(10, activation='softmax')(x)\n```\nparams in that dense?",
    [P(d)], f"GAP leaves {x.shape[1]}; 1280*10+10 = {P(d)}")
d = nn.Linear(2048, 256)
add("comment-names-arg-gap-model", "keras", "x = GlobalAveragePooling2D()(base_model.output)   # base_model.output is 7x7x2048\nx = Dense(256, activation='relu')(x)\nhow many params in the Dense?",
    [P(d)], f"2048*256+256 = {P(d)}")
d = nn.Linear(4 * 4 * 512, 10)
add("comment-names-arg-flatten", "keras", "x = Flatten()(backbone.output)  # backbone output: 4x4x512\nout = Dense(10)(x)\nparams of the dense layer?",
    [P(d)], f"4*4*512 = 8192; 8192*10+10 = {P(d)}")

# --- a layer written after "change X to" is X changed, not one more layer
c = nn.Conv2d(3, 64, 5)
o = shape(c, 16, 3, 32, 32)
add("changed-into-after-error-fix", "error", "RuntimeError: Given groups=1, weight of size [64, 32, 5, 5], expected input[16, 3, 32, 32] to have 32 channels, but got 3 channels instead\nmy first layer was nn.Conv2d(32, 64, 5) and i mixed up the args. after I change it to nn.Conv2d(3, 64, 5) how many params does the layer have?",
    [P(c)], f"64*3*25+64 = {P(c)} (torch out {o})")
c = nn.Conv2d(32, 96, 3)  # Keras Conv2D(96, (3, 3)) after Conv2D(32, ...)
add("changed-into-keras-call-again", "keras", "model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))\nmodel.add(Conv2D(64, (3, 3)))\nif I change Conv2D(64, (3, 3)) to Conv2D(96, (3, 3)) how many params does that layer have?",
    [P(c)], f"32*96*9+96 = {P(c)}")
c = nn.Conv2d(16, 64, 5)
add("changed-into-named-layer", "pytorch", "self.conv1 = nn.Conv2d(3, 16, 3)\nself.conv2 = nn.Conv2d(16, 32, 3)\nif I change conv2 to nn.Conv2d(16, 64, 5), how many params does it have?",
    [P(c)], f"16*64*25+64 = {P(c)}")
c = nn.Conv2d(32, 64, 3, groups=32)
add("changed-into-swapped-for", "pytorch", "model = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3))\ni swapped nn.Conv2d(32, 64, 3) for nn.Conv2d(32, 64, 3, groups=32). how many params does it have now?",
    [P(c)], f"64*(32/32)*9+64 = {P(c)}")

# --- a mat1/mat2 message sizes the Linear: the data's size in the words is
# not what reaches it
lenet = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
o = shape(lenet, 32, 1, 28, 28)
add("message-linear-data-size-lenet", "error", "I removed the padding=2 from the first conv of lenet (MNIST 28x28 input) and now\n\nRuntimeError: mat1 and mat2 shapes cannot be multiplied (32x256 and 400x120)\n\nso the Linear should be Linear(???, 120)",
    [o[1]], f"28->24->12->8->4; 16*4*4 = {o[1]} (torch {o})")
add("message-linear-data-size-grayscale", "error", "RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x1250 and 800x500)\ninput images are 28x28 grayscale. the fc should be nn.Linear(???, 500) right?",
    [1250], "the message's mat1 is 16x1250: 1250 features reach the Linear")
add("message-linear-data-size-cifar", "error", "training on CIFAR-10 (32x32 images) and I get RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2304 and 4096x10). so nn.Linear(???, 10)?",
    [2304], "the message's mat1 is 64x2304: 2304 features reach the Linear")

for r in ROWS:
    print(json.dumps(r))
