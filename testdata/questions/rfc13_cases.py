#!/usr/bin/python3
"""rfc13 cases (code.jsonl and prose.jsonl, ids rfc13-*): round 13's review of
pasted code, a module asked by its name, and the dev misses of the round.
Every number is computed here with PyTorch (Debian's python3-torch 1.13).

Each row: id, kind, text, must_contain, head (the asked numbers the first
line must give), unused, working.

Run: /usr/bin/python3 testdata/questions/rfc13_cases.py code >> testdata/questions/code.jsonl
     /usr/bin/python3 testdata/questions/rfc13_cases.py prose >> testdata/questions/prose.jsonl
"""
import json
import sys
import torch
from torch import nn

torch.manual_seed(0)
ROWS = {"code": [], "prose": []}


def P(*mods):
    return sum(p.numel() for m in mods for p in m.parameters())


def add(file, id, kind, text, head, working, unused=()):
    ROWS[file].append(dict(id="rfc13-" + id, kind=kind, text=text, must_contain=list(head), head=list(head),
                           unused=list(unused), working=working))


# --- a module asked by its name: its layers summed, not the whole model
enc = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3))
dec = nn.Sequential(nn.ConvTranspose2d(32, 16, 3), nn.ReLU(), nn.ConvTranspose2d(16, 1, 3))
add("code", "module-asked-encoder", "params",
    "self.encoder = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3))\n"
    "self.decoder = nn.Sequential(nn.ConvTranspose2d(32, 16, 3), nn.ReLU(), nn.ConvTranspose2d(16, 1, 3))\n"
    "how many params in the encoder?", [P(enc)], f"160 + 4640 = {P(enc)} (whole model {P(enc, dec)})")
add("code", "module-asked-decoder-only", "params",
    "self.encoder = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3))\n"
    "self.decoder = nn.Sequential(nn.ConvTranspose2d(32, 16, 3), nn.ReLU(), nn.ConvTranspose2d(16, 1, 3))\n"
    "param count of the decoder only?", [P(dec)], f"4624 + 145 = {P(dec)}")
bb = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3))
add("code", "module-asked-backbone-only", "params",
    "self.backbone = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3))\n"
    "self.head = nn.Linear(32, 5)\nparams in the backbone only?", [P(bb)], f"448 + 4640 = {P(bb)} (with head {P(bb, nn.Linear(32, 5))})")
b = nn.Sequential(nn.Conv2d(3, 16, 3, bias=False), nn.BatchNorm2d(16))
add("code", "named-model-asked-b", "params",
    "a = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU())\n"
    "b = nn.Sequential(nn.Conv2d(3, 16, 3, bias=False), nn.BatchNorm2d(16))\nparams of b?", [P(b)], f"432 + 32 = {P(b)}")

# --- (2+1)D said in words: 1xkxk and tx1x1 kernels taking 64 or 144
# channels are 3-D convs, not 2-D filters spanning 3 or 1 channels
full = nn.Conv3d(64, 64, 3, bias=False)
fac = nn.Sequential(nn.Conv3d(64, 144, (1, 3, 3), bias=False), nn.Conv3d(144, 64, (3, 1, 1), bias=False))
add("prose", "r2plus1d-each-side", "params",
    "r(2+1)d block: 3x3x3 conv 64->64 vs 1x3x3 64->144 then 3x1x1 144->64, all no bias. params of each?",
    [P(full), P(fac)], f"64*64*27 = {P(full)}; 64*144*9 + 144*64*3 = {P(fac)} (equal by design)")
sp = nn.Conv3d(32, 64, (1, 3, 3), bias=False)
add("prose", "spatial-1x3x3-conv", "params",
    "video model: a 1x3x3 conv 32->64 without bias, how many params?",
    [P(sp)], f"32*64*9 = {P(sp)}")
c2 = nn.Conv2d(3, 16, 5)
add("prose", "5x5x3-filters-rgb-stay-2d", "params",
    "5x5x3 conv 3->16 params?", [P(c2)], f"5*5*3*16 + 16 = {P(c2)}")

# --- the conv before a pixel shuffle: C·r² filters for C channels out
for r, cout, cin, k, text in [
    (4, 3, 64, 3, "sub-pixel conv for super resolution: 64 feature channels, I want RGB output upscaled x4 with nn.PixelShuffle(4), the conv before it is 3x3. how many out_channels must the conv have and how many params (with bias)?"),
    (3, 1, 32, 3, "ESPCN: 3x3 conv from 32 channels then pixel shuffle x3, grayscale output. how many filters and params?"),
    (2, 3, 64, 5, "pixel shuffle upscale factor 2 to a 3 channel output from 64 feature maps, 5x5 conv: out_channels and params?"),
]:
    conv = nn.Conv2d(cin, cout * r * r, k, padding=k // 2)
    y = nn.PixelShuffle(r)(conv(torch.zeros(1, cin, 8, 8)))
    assert y.shape[1] == cout
    add("prose", f"subpixel-conv-x{r}-to-{cout}", "params", text, [conv.out_channels, P(conv)],
        f"{cout}*{r}^2 = {conv.out_channels}; {k}*{k}*{cin}*{conv.out_channels} + {conv.out_channels} = {P(conv)} (PixelShuffle gives {tuple(y.shape)})")

# --- two layers changed in one sentence: each takes its own old layer's place
fc1, fc2 = nn.Linear(784, 256), nn.Linear(256, 10)
add("code", "two-changes-joined", "params",
    "self.fc1 = nn.Linear(784, 128)\nself.fc2 = nn.Linear(128, 10)\n"
    "if I change fc1 to nn.Linear(784, 256) and fc2 to nn.Linear(256, 10), total params?",
    [P(fc1, fc2)], f"784*256+256 + 256*10+10 = {P(fc1, fc2)}")

if __name__ == "__main__":
    for r in ROWS[sys.argv[1] if len(sys.argv) > 1 else "code"]:
        print(json.dumps(r))
