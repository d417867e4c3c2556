#!/usr/bin/python3
"""Writes testdata/questions/paste11.jsonl: the paste front-end's round-11
cases, phrased after real threads (PyTorch forum and Stack Overflow posts
that paste one line of a VAE/GAN decoder and give latent_dim in a sentence;
GitHub issues with "Given groups=1 ... expected input[8, 691, 18]" followed by
the asker's permute; U-Net up blocks with torch.cat; Keras tutorials quoting
"(None, 10, 10, 64)" after a layer; text-CNN ModuleList comprehensions).

Each row: id, text, head (numbers the first Answer line must hold; empty for
a row that must not be answered with confidence), unsure (the reply must
start "Not sure" or refuse), working. Every number is computed here with
PyTorch (Debian's python3-torch 1.13); Keras layers as their PyTorch
equivalents (Dense = Linear on the flattened channels-last tensor).

Run: /usr/bin/python3 testdata/questions/paste11_cases.py
"""
import json
import os

import torch
from torch import nn

torch.manual_seed(0)
ROWS = []


def P(*mods):
    return sum(p.numel() for m in mods for p in m.parameters())


def out(model, shape):
    with torch.no_grad():
        return list(model(torch.zeros(*shape)).shape)


def case(id, text, head, working, unsure=False):
    ROWS.append({"id": "paste11-" + id, "text": text.strip("\n"), "head": head, "unsure": unsure, "working": working})


# --- 1. names bound in the words; a view after a layer is its output -------
case("bind-zdim-view", "decoder: self.fc = nn.Linear(z_dim, 128 * 4 * 4), then x.view(-1, 128, 4, 4). z_dim is 32. params of self.fc?",
     [P(nn.Linear(32, 2048))], "Linear(32, 2048): 32*2048+2048")
case("bind-in-ch", "self.conv1 = nn.Conv2d(in_ch, 64, 3, padding=1) with in_ch = 3. how many params?",
     [P(nn.Conv2d(3, 64, 3, padding=1))], "3*64*9+64")
case("bind-nz-colon", "generator starts with nn.Linear(nz, 256 * 7 * 7). nz: 100. how many parameters in that layer?",
     [P(nn.Linear(100, 256 * 49))], "100*12544+12544")
case("bind-two-names", "self.head = nn.Linear(hidden, num_classes) where hidden is 512 and num_classes is 10. param count?",
     [P(nn.Linear(512, 10))], "512*10+10")
case("bind-ngf", "last layer of my DCGAN generator is nn.ConvTranspose2d(ngf, 3, 4, 2, 1) with ngf=64, parameters?",
     [P(nn.ConvTranspose2d(64, 3, 4, 2, 1))], "64*3*16+3")
case("bind-latent-unflatten", "self.fc = nn.Linear(latent_dim, 32 * 8 * 8) and after it x.view(-1, 32, 8, 8); latent_dim = 16. how many weights and biases in fc?",
     [P(nn.Linear(16, 2048))], "16*2048+2048")

# --- 2. Keras: a layer's output said in words ------------------------------
case("keras-gives-28", "keras: Conv2D(32, (5,5)) on 28x28 gives (None, 24, 24, 32), then Flatten and Dense(10). params of the Dense?",
     [P(nn.Linear(24 * 24 * 32, 10))], "24*24*32 = 18432; 18432*10+10")
case("keras-outputs-arrow", "Conv2D(16, 3) outputs (None, 30, 30, 16) -> Flatten -> Dense(64). how many parameters does the Dense have?",
     [P(nn.Linear(30 * 30 * 16, 64))], "14400*64+64")
case("keras-stride-gives", "Conv2D(32, 3, strides=2) gives (None, 15, 15, 32); then Flatten(), Dense(100). what's the param count of the Dense layer?",
     [P(nn.Linear(15 * 15 * 32, 100))], "7200*100+100")
case("keras-gives-conv-asked", "Conv2D(64,(3,3)) gives (None,10,10,64) then Flatten then Dense(128). how many params does the Conv2D have?",
     [], "the conv's input channels are not given: no confident number", unsure=True)
case("keras-gives-mismatch", "Conv2D(64,(3,3)) on a 20x20 input gives (None,10,10,64), then Flatten, Dense(128). Dense params?",
     [], "a 3x3 valid conv takes 20x20 to 18x18, not 10x10: the words disagree", unsure=True)
case("keras-dense-product-then", "layers.Dense(4*4*512, use_bias=False, input_shape=(100,)) then BatchNormalization, LeakyReLU, Reshape((4, 4, 512)). params of the Dense alone?",
     [P(nn.Linear(100, 8192, bias=False))], "100*8192 (no bias)")
case("keras-dense-then-trainable", "Dense(7*7*128, input_shape=(64,)), then BatchNormalization, ReLU, Reshape((7,7,128)): how many trainable params in total?",
     [P(nn.Linear(64, 6272), nn.BatchNorm1d(6272))], "64*6272+6272 = 407,680; BN gamma+beta 2*6272 = 12,544")

# --- 3. the asker's own fix after an error ---------------------------------
conv = nn.Conv1d(40, 64, 5)
case("fix-permute-added", "RuntimeError: Given groups=1, weight of size [64, 40, 5], expected input[16, 200, 40] to have 40 channels, but got 200 channels instead\nso I added x = x.permute(0, 2, 1) before nn.Conv1d(40, 64, 5). output length now?",
     [out(conv, (16, 40, 200))[2]], "after permute (16, 40, 200): 200-5+1")
case("fix-view-then-pool", "ValueError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [32, 3072]\nI fixed it with x.view(-1, 3, 32, 32). conv1 = nn.Conv2d(3, 16, 3, padding=1) then max_pool2d(2) then flatten. what's the flattened size?",
     [16 * 16 * 16], "32 -> 32 -> 16: 16*16*16")
case("fix-reshaping-words", "got input of size: [10, 784] error for conv2d. after reshaping it to 1x28x28, nn.Conv2d(1, 6, 5) gives what output size?",
     [out(nn.Conv2d(1, 6, 5), (10, 1, 28, 28))[2]], "28-5+1 = 24")
case("fix-reshape-tuple", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [128, 784]. I'll reshape to (1, 28, 28) first. nn.Conv2d(1, 32, 3, stride=2, padding=1): output H and W?",
     [out(nn.Conv2d(1, 32, 3, stride=2, padding=1), (1, 1, 28, 28))[2]], "(28+2-3)//2+1 = 14")
case("fix-transpose", "RuntimeError: Given groups=1, weight of size [128, 64, 3], expected input[4, 1000, 64] to have 64 channels, but got 1000 channels instead\nfixed with x.transpose(1, 2). nn.Conv1d(64, 128, 3, stride=2) output length?",
     [out(nn.Conv1d(64, 128, 3, stride=2), (4, 64, 1000))[2]], "(1000-3)//2+1 = 499")
case("fix-permute-doing", "error: expected input[2, 50, 300] to have 300 channels, but got 50 channels instead. doing x.permute(0, 2, 1) before the nn.Conv1d(300, 100, 3, padding=1). output length?",
     [out(nn.Conv1d(300, 100, 3, padding=1), (2, 300, 50))[2]], "padding 1 keeps 50")

# --- 4. a pool in words without its tensor; options as words in shorthand --
case("words-maxpool-flatten", "input 3x32x32. conv1 = nn.Conv2d(3, 16, 3) then max_pool2d(2) then flatten into fc. flatten size?",
     [16 * 15 * 15], "32-3+1 = 30 -> 15; 16*15*15")
case("words-avgpool", "conv1 = nn.Conv2d(1, 10, 5) then avg_pool2d(2) then flatten, input 1x32x32: in_features for the linear after it?",
     [10 * 14 * 14], "32-5+1 = 28 -> 14; 10*14*14")
case("words-maxpool4", "conv1 = nn.Conv2d(3, 8, 3, padding=1) then max_pool2d(4) then flatten. input 3x64x64, in_features of the fc?",
     [8 * 16 * 16], "64 -> 64 -> 16; 8*16*16")
case("short-stride-pad", "input 1x28x28, conv(1, 16, 5, stride 1, pad 2), output size?",
     [out(nn.Conv2d(1, 16, 5, stride=1, padding=2), (1, 1, 28, 28))[2]], "28+4-5+1 = 28")
case("short-stride-padding", "on 64x64x3: conv(3, 32, 3, stride 2, padding 1) output spatial?",
     [out(nn.Conv2d(3, 32, 3, stride=2, padding=1), (1, 3, 64, 64))[2]], "(64+2-3)//2+1 = 32")
case("short-resnet-stem", "conv(3,64,7,stride 2, pad 3) on 224x224x3: output?",
     [out(nn.Conv2d(3, 64, 7, stride=2, padding=3), (1, 3, 224, 224))[2]], "(224+6-7)//2+1 = 112")

case("listed-pool-fix-params", "input 1x32x32: conv1 = nn.Conv2d(1, 8, 5), max_pool2d(2), flatten, fc1 = nn.Linear(1000, 10) -> mat1 and mat2 shapes cannot be multiplied. once fc1s in_features is fixed, how many params does it have?",
     [P(nn.Linear(8 * 14 * 14, 10))], "32-5+1 = 28 -> 14; 8*14*14 = 1568; 1568*10+10")
case("listed-avgpool-blank", "input 3x64x64, conv1 = nn.Conv2d(3, 16, 3, padding=1), avg_pool2d(4), flatten, fc = nn.Linear(???, 5). what goes in the ???",
     [16 * 16 * 16], "64 -> 64 -> 16; 16*16*16")

# --- 5. several modules defined in one comment, each by its name -----------
case("comment-labels-colon", """x = self.pool(F.relu(self.conv1(x)))  # conv1: nn.Conv2d(1, 16, 5), pool: nn.MaxPool2d(2)
x = self.pool(F.relu(self.conv2(x)))  # conv2: nn.Conv2d(16, 32, 5)
x = x.view(x.size(0), -1)
28x28 grayscale. what does fc1 need as in_features?""", [32 * 4 * 4], "28 -> 24 -> 12 -> 8 -> 4; 32*4*4")
case("comment-labels-equals", """x = self.pool(F.relu(self.conv1(x)))  # conv1 = nn.Conv2d(3, 6, 5), pool = nn.MaxPool2d(2, 2)
x = self.pool(F.relu(self.conv2(x)))  # conv2 = nn.Conv2d(6, 16, 5)
x = torch.flatten(x, 1)
for 32x32 rgb images, in_features for fc1?""", [16 * 5 * 5], "32 -> 28 -> 14 -> 10 -> 5; 16*5*5")
case("comment-labels-three", """x = self.mp(F.relu(self.c1(x)))  # c1: nn.Conv2d(3, 32, 3, padding=1), mp = nn.MaxPool2d(2)
x = self.mp(F.relu(self.c2(x)))  # c2: nn.Conv2d(32, 64, 3, padding=1)
x = self.mp(F.relu(self.c3(x)))  # c3: nn.Conv2d(64, 64, 3, padding=1)
x = torch.flatten(x, 1)
input is 3x64x64. in_features of the linear?""", [64 * 8 * 8], "64 -> 32 -> 16 -> 8; 64*8*8")

# --- 6. a join of tensors the reading does not have: not sure ---------------
case("cat-skip-blank", """self.up = nn.ConvTranspose2d(512, 256, 2, stride=2)
self.conv = nn.Conv2d(???, 256, 3, padding=1)
def forward(self, x, skip):   # skip has 256 channels
    x = self.up(x)
    x = torch.cat([x, skip], dim=1)
    return self.conv(x)
what is ??? and how many params does conv have?""", [], "in = 256 + 256 = 512; the reading must not answer with 256", unsure=True)
case("cat-enc-feature", """def forward(self, x, enc):   # enc is 64 channels
    x = self.deconv(x)   # nn.ConvTranspose2d(128, 64, 2, stride=2)
    x = torch.cat((enc, x), 1)
    x = self.conv(x)     # nn.Conv2d(???, 64, 3, padding=1)
params of self.conv?""", [], "in = 64 + 64 = 128; not sure without the join", unsure=True)

# --- 7. the input told in a comment on forward's first line ----------------
case("comment-input-was", "x = F.interpolate(x, scale_factor=2)   # x was [1, 32, 8, 8]\nx = self.conv(x)   # nn.Conv2d(32, 16, 3, padding=1)\nshape of x now?",
     [16], "8 -> 16 (x2); 3x3 pad 1 keeps 16; 16 channels")
case("comment-input-colon", "x = self.pool(x)  # x: [4, 64, 56, 56], self.pool = nn.MaxPool2d(2)\nx = self.conv(x)  # nn.Conv2d(64, 128, 3)\noutput spatial size?",
     [26], "56 -> 28 -> 26")

# --- 8. a comprehension over written values builds one module a value ------
case("comp-textcnn-2d", "self.convs = nn.ModuleList([nn.Conv2d(1, 100, (k, 300)) for k in [3, 4, 5]])\nself.fc = nn.Linear(300, 2)\ntotal params?",
     [P(*[nn.Conv2d(1, 100, (k, 300)) for k in (3, 4, 5)], nn.Linear(300, 2))], "100*300*(3+4+5)+300 + 300*2+2")
case("comp-conv1d-two", "self.branches = nn.ModuleList([nn.Conv1d(128, 64, k) for k in (2, 3)])\nhow many parameters?",
     [P(*[nn.Conv1d(128, 64, k) for k in (2, 3)])], "64*128*(2+3)+2*64")
case("comp-dilations", "self.aspp = nn.ModuleList([nn.Conv2d(256, 64, 3, padding=d, dilation=d) for d in (1, 6, 12, 18)])\nparams of the four convs together?",
     [P(*[nn.Conv2d(256, 64, 3, padding=d, dilation=d) for d in (1, 6, 12, 18)])], "4*(256*64*9+64)")


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "paste11.jsonl")
    with open(path, "w") as f:
        for r in ROWS:
            f.write(json.dumps(r) + "\n")
    print(len(ROWS), "rows ->", path)


if __name__ == "__main__":
    main()
