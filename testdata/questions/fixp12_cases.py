#!/usr/bin/python3
"""fixp12 cases (code.jsonl, ids fixp12-*): confident wrong answers and
regressions round 12's paste review found (eval review-paste A1-A10, B1-B2),
and other ways of asking each. Every number is computed here with PyTorch
(Debian's python3-torch 1.13); Keras layers as their PyTorch equivalents
(channels-last shapes turned channels-first, bias on).

Each row: id, kind, text, must_contain, head (the asked numbers the first
Answer line must give, with confidence), wrong (numbers of a misreading
the first line must not give), unsure (the reply must start
"Not sure" or refuse), working.

Run: /usr/bin/python3 testdata/questions/fixp12_cases.py >> testdata/questions/code.jsonl
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


def add(id, kind, text, head, working, unsure=False, wrong=()):
    ROWS.append(dict(id="fixp12-" + id, kind=kind, text=text, must_contain=list(head), head=list(head),
                     unsure=unsure, wrong=list(wrong), working=working))


# --- A1/A2: a Keras layer named again by its first arguments is that layer
K3 = ("model = keras.Sequential([\n"
      "    layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),\n"
      "    layers.Conv2D(64, (3, 3), activation='relu'),\n"
      "    layers.Conv2D(128, (3, 3), activation='relu'),\n"
      "])\n")
c1, c2, c3 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3), nn.Conv2d(64, 128, 3)
add("mention-middle-conv", "keras", K3 + "how many params does the Conv2D(64) have?",
    [P(c2)], f"3*3*32*64+64 = {P(c2)}, not the model's {P(c1, c2, c3)}")
add("mention-first-conv-params", "keras", K3 + "how many params does the Conv2D(32) have?",
    [P(c1)], f"3*3*1*32+32 = {P(c1)}")
o = shape(c1, 1, 1, 28, 28)
add("mention-first-conv-shape", "keras", K3 + "what shape comes out of the Conv2D(32)?",
    [o[1], o[2]], f"28 -> 26 (torch {o})")
KP = ("model = keras.Sequential([\n"
      "    layers.Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)),\n"
      "    layers.MaxPooling2D((2, 2)),\n"
      "    layers.Conv2D(64, (3, 3), activation='relu'),\n"
      "    layers.Conv2D(128, (3, 3), strides=2),\n"
      "])\n")
m = nn.Sequential(nn.Conv2d(3, 32, 3), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.Conv2d(64, 128, 3, stride=2))
add("mention-glued-ellipsis-layer", "keras", KP + "how many params does the Conv2D(64...) layer have?",
    [P(m[2])], f"3*3*32*64+64 = {P(m[2])}, not the model's {P(m)}")
add("mention-last-conv-short", "keras", KP + "params of the Conv2D(128)?",
    [P(m[3])], f"3*3*64*128+128 = {P(m[3])}")
o = shape(m, 1, 3, 32, 32)
add("mention-whole-call", "keras", KP + "what's the output shape of the Conv2D(128, (3, 3), strides=2) layer?",
    [o[1], o[2]], f"32 -> 30 -> 15 -> 13 -> 6 (torch {o}); the call names the 4th layer, not a 5th")
o = shape(m[:3], 1, 3, 32, 32)
add("mention-tuple-unspaced", "keras", KP + "what does the Conv2D(64, (3,3)) output?",
    [o[1], o[2]], f"32 -> 30 -> 15 -> 13 (torch {o})")
KA = ("model = Sequential()\n"
      "model.add(Conv2D(32, (3, 3), input_shape=(64, 64, 3)))\n"
      "model.add(MaxPooling2D((2, 2)))\n"
      "model.add(Conv2D(64, (3, 3)))\n"
      "model.add(Conv2D(128, (3, 3), strides=2))\n")
add("mention-add-form", "keras", KA + "params of the Conv2D(64, (3, 3))?",
    [P(m[2])], f"3*3*32*64+64 = {P(m[2])}")
add("mention-add-form-strided", "keras", KA + "how many params does the Conv2D(128, (3, 3), strides=2) have?",
    [P(m[3])], f"3*3*64*128+128 = {P(m[3])}")
K2 = ("model = keras.Sequential([\n"
      "    layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),\n"
      "    layers.Conv2D(64, (3, 3), activation='relu'),\n"
      "    layers.Conv2D(64, (3, 3), activation='relu'),\n"
      "])\n")
add("mention-two-alike", "keras", K2 + "how many params does the Conv2D(64) have?",
    [], "two layers start Conv2D(64: which one is not said (each has 18496 or 36928)", unsure=True)

# --- A4/B2: "excluding BN running stats" leaves the norms' statistics out, not the norms
net = nn.Sequential(nn.Conv2d(3, 16, 3, bias=False), nn.BatchNorm2d(16), nn.Conv2d(16, 32, 3, bias=False), nn.BatchNorm2d(32))
NET = "net = nn.Sequential(nn.Conv2d(3, 16, 3, bias=False), nn.BatchNorm2d(16), nn.Conv2d(16, 32, 3, bias=False), nn.BatchNorm2d(32))\n"
add("bn-running-stats-params", "pytorch", NET + "excluding BN running stats, how many params?",
    [P(net)], f"the learnable parameters, BN's weight and bias among them: {P(net)} (the convs alone {P(net[0], net[2])})")
add("bn-moving-stats-params", "pytorch", NET + "how many parameters excluding the batchnorm moving statistics?",
    [P(net)], f"{P(net)}: the moving statistics are buffers, no parameters")
add("bn-excluded-params", "pytorch", NET + "params excluding BN?",
    [P(net[0], net[2])], f"the convs alone: 3*3*3*16 + 3*3*16*32 = {P(net[0], net[2])}")

# --- B1: an expansion factor told before the question, the layers expanding by it already
blk = nn.Sequential(nn.Conv2d(16, 96, 1, bias=False), nn.BatchNorm2d(96), nn.ReLU6(), nn.Conv2d(96, 96, 3, padding=1, groups=96, bias=False),
                    nn.BatchNorm2d(96), nn.ReLU6(), nn.Conv2d(96, 16, 1, bias=False), nn.BatchNorm2d(16))
BLK = ("block = nn.Sequential(nn.Conv2d(16, 96, 1, bias=False), nn.BatchNorm2d(96), nn.ReLU6(), nn.Conv2d(96, 96, 3, padding=1, groups=96, bias=False), "
       "nn.BatchNorm2d(96), nn.ReLU6(), nn.Conv2d(96, 16, 1, bias=False), nn.BatchNorm2d(16))\n")
convs = P(blk[0], blk[3], blk[6])
add("expansion-told-first", "pytorch", BLK + "expansion factor is 6 here. total params?", [P(blk)], f"16*96 + 9*96 + 96*16 + 2*(96+96+16) = {P(blk)}; 96 = 6*16")
add("expansion-told-short", "pytorch", BLK + "expansion is 6. params?", [P(blk)], f"{P(blk)}")
add("expansion-told-norms-out", "pytorch", BLK + "expansion factor is 6 here. params not counting the batchnorms?", [convs], f"the convs alone: {convs}")
add("expansion-told-after", "pytorch", BLK + "total params? (expansion factor is 6)", [P(blk)], f"{P(blk)}")

# --- A3: an elided summary row, the blank row's stride said after the call
c = nn.Conv2d(32, 64, 3, stride=2)
o = shape(c, 1, 32, 62, 62)
ROWS_A3 = [
    ("stride-with-eq", "conv2d_2 is Conv2D(64, 3) with strides=2. what are the ?s"),
    ("stride-with-words", "conv2d_2 is Conv2D(64, 3) with stride 2. what are the ?s"),
    ("stride-comma", "conv2d_2 is Conv2D(64, 3), strides=2. fill in the ?s"),
]
for id, words in ROWS_A3:
    add("elided-" + id, "keras", " conv2d_1 (Conv2D)           (None, 62, 62, 32)        ...\n conv2d_2 (Conv2D)           (None, ?, ?, 64)          ?\n\n" + words,
        [o[2], P(c)], f"(62-3)//2+1 = {o[2]} (torch {o}); 3*3*32*64+64 = {P(c)}; not the stride-1 reading's 60", wrong=[60])

# --- A5: names assigned in one line are each their own value's
fc1, fc2 = nn.Linear(512, 256), nn.Linear(256, 10)
add("tuple-second-name", "pytorch", "self.fc1, self.fc2 = nn.Linear(512, 256), nn.Linear(256, 10)\nparams of fc2?",
    [P(fc2)], f"256*10+10 = {P(fc2)}, not fc1's {P(fc1)}", wrong=[P(fc1)])
add("tuple-first-name", "pytorch", "self.fc1, self.fc2 = nn.Linear(512, 256), nn.Linear(256, 10)\nhow many params does fc1 have?",
    [P(fc1)], f"512*256+256 = {P(fc1)}")
enc, dec = nn.Conv2d(3, 8, 4, stride=2, padding=1), nn.ConvTranspose2d(8, 3, 4, stride=2, padding=1)
o = shape(nn.Sequential(enc, dec), 1, 3, 64, 64)
add("tuple-enc-dec", "pytorch", "self.enc, self.dec = nn.Conv2d(3, 8, 4, stride=2, padding=1), nn.ConvTranspose2d(8, 3, 4, stride=2, padding=1)\n# forward: enc -> dec\nfor 64x64 input, shape after dec?",
    [o[1], o[2]], f"64 -> 32 -> 64 (torch {o})")
c1, c2 = nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3)
o = shape(c1, 1, 3, 64, 64)
add("tuple-shape-after-first", "pytorch", "self.c1, self.c2 = nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3)\nself.pool = nn.MaxPool2d(2)\n# forward: c1 -> pool -> c2 -> pool\ninput 64x64 rgb, what's the shape after c1?",
    [o[1], o[2]], f"64 -> 62 (torch {o})")
cv1, cv2 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)
add("tuple-conv1-params", "pytorch", "self.conv1, self.conv2 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)\n# forward: conv1 -> conv2\nparams of conv1?",
    [P(cv1)], f"3*3*1*32+32 = {P(cv1)}, not the total {P(cv1, cv2)}", wrong=[P(cv1, cv2)])
add("tuple-three-names", "pytorch", "self.a, self.b, self.c = nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), nn.Conv2d(32, 64, 3)\nparams of b?",
    [P(c2)], f"3*3*16*32+32 = {P(c2)}")

# --- A10: the batch norms' own count asked
stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64))
STEM = "stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64))\n"
bns = P(stem[1], stem[4])
add("norms-only-have", "pytorch", STEM + "how many params do the batchnorms have?", [bns], f"2*(64+64) = {bns}, not the stem's {P(stem)}", wrong=[P(stem)])
add("norms-only-add", "pytorch", BLK + "how much do the BN layers add?", [P(blk[1], blk[4], blk[7])],
    f"2*(96+96+16) = {P(blk[1], blk[4], blk[7])}, not the block's {P(blk)}", wrong=[P(blk)])
add("norms-only-params-in", "pytorch", STEM + "params in the bn layers?", [bns], f"{bns}")

for r in ROWS:
    print(json.dumps(r))
