#!/usr/bin/python3
"""Appends the vocab9- cases to prose.jsonl: single layers and the words
for them, written after reading real threads (Keras's Flatten vs
GlobalAveragePooling2D, nn.PReLU's num_parameters, CS231n's "connections
per neuron", PyTorch's ceil_mode and adaptive pools). Every number is
computed here with PyTorch (Debian's python3-torch 1.13); Keras layers as
their PyTorch equivalents (GlobalAveragePooling2D = AdaptiveAvgPool2d(1) +
flatten, Dense = nn.Linear).

Run:  /usr/bin/python3 testdata/questions/vocab9_cases.py
Rows whose id starts with "vocab9-" are replaced, the rest kept.
"""

import json
import os

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "prose.jsonl")


def params(m):
    return sum(p.numel() for p in m.parameters())


def out(m, *shape):
    with torch.no_grad():
        return list(m(torch.zeros(1, *shape)).shape[1:])


def numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def gap_dense(c, units):
    m = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, units))
    return params(m)


CASES = []


def case(id, kind, text, must, working, unused=()):
    CASES.append({"id": "vocab9-" + id, "kind": kind, "text": text, "must_contain": must,
                  "unused": list(unused), "working": working})


# Global average pooling before a Dense / Linear: one value per channel.
p = gap_dense(512, 5)
case("gap-keras-bare-then", "gap", "GAP or Flatten? after my last conv I have (None, 6, 6, 512). GlobalAveragePooling2D then Dense(5, activation='softmax'). how many params in the dense?",
     [p], f"GAP -> 512; 512*5+5 = {p} (Flatten would give 6*6*512*5+5 = 92165)")
p = gap_dense(1280, 10)
case("gap-keras-arrow", "gap", "my last conv gives (None, 7, 7, 1280), then GlobalAveragePooling2D -> Dense(10). params of the dense?",
     [p], f"1280*10+10 = {p}")
p = gap_dense(2048, 100)
case("gap-prose-channels", "gap", "after global average pooling the 2048 channels go into a linear layer with 100 classes, how many params?",
     [p], f"2048*100+100 = {p}")
p = gap_dense(768, 3)
case("gap-prose-backbone", "gap", "my backbone ends with 768 channels; after global average pooling a linear classifier for 3 classes. how many trainable params",
     [p], f"768*3+3 = {p}")
p = gap_dense(1280, 10)
case("gap-prose-avg-pooling", "gap", "global avg pooling over 1280 channels then a dense layer of 10 units: params?",
     [p], f"1280*10+10 = {p}")
p = gap_dense(960, 1000)
case("gap-word-features", "gap", "GAP gives 960 features, then fc to 1000 classes. weights and biases?",
     [960000, 1000, p], f"960*1000 = 960000 weights, 1000 biases, {p} in all")

# A layer named after "after" runs first.
m = nn.Sequential(nn.Conv2d(64, 32, 3), nn.Upsample(scale_factor=2))
o = out(m, 64, 33, 33)
case("upsample-after-conv", "order", "nn.Upsample(scale_factor=2) after a Conv2d(64, 32, 3) on 33x33, what size?",
     [o[1]], f"33-3+1 = 31, x2 = {o[1]}: {o}")
m = nn.Sequential(nn.Conv2d(3, 16, 5), nn.MaxPool2d(2))
o = out(m, 3, 32, 32)
case("pool-after-conv", "order", "nn.MaxPool2d(2) after nn.Conv2d(3, 16, 5) on a 32x32 image, output shape?",
     [o[1]], f"32-5+1 = 28, /2 = {o[1]}: {o}")
m = nn.Sequential(nn.Conv2d(16, 8, 3, padding=1), nn.Upsample(scale_factor=4))
o = out(m, 16, 20, 20)
case("upsample-following-conv", "order", "what comes out of nn.Upsample(scale_factor=4) following a nn.Conv2d(16, 8, 3, padding=1) on a 20x20 map?",
     [o[1]], f"20 kept by padding 1, x4 = {o[1]}: {o}")

# PReLU learns its negative slope.
case("prelu-num-parameters", "prelu", "PReLU instead of ReLU: how many params does nn.PReLU(num_parameters=128) add?",
     [params(nn.PReLU(num_parameters=128))], "one slope per channel: 128")
case("prelu-default", "prelu", "how many learnable parameters in nn.PReLU()?",
     [params(nn.PReLU())], "one shared slope: 1")
p = params(nn.Sequential(nn.Conv2d(3, 64, 3), nn.PReLU(64)))
case("prelu-after-conv", "prelu", "nn.Conv2d(3, 64, 3) then nn.PReLU(64), total params?",
     [p], f"3*3*3*64+64 = 1792, + 64 slopes = {p}")
p = params(nn.Sequential(nn.Conv2d(3, 64, 3), nn.PReLU(64)))
case("prelu-channelwise-prose", "prelu", "conv 3x3 3->64 then a channel-wise PReLU, total params?",
     [p], f"1792 + 64 = {p}")
p = params(nn.Sequential(nn.Conv2d(3, 64, 3), nn.PReLU()))
case("prelu-shared-prose", "prelu", "conv 3x3 3->64 then PReLU, how many params in total?",
     [p], f"1792 + 1 shared slope = {p} (nn.PReLU() default)")

# One neuron's weights are its connections; no filter count needed.
c = nn.Conv2d(16, 1, 3)
case("conn-gloss-depth", "connections", "Consider a conv layer with 3x3 kernels applied to an input volume of depth 16. How many connections (weights) does each neuron in the output volume have, not counting the bias?",
     [c.weight.numel()], "3*3*16 = 144")
c = nn.Conv2d(12, 1, 7)
case("conn-gloss-seven", "connections", "A conv layer uses 7x7 filters on an input with 12 channels. How many connections (weights) does one neuron of the output have, bias excluded?",
     [c.weight.numel()], "7*7*12 = 588")
c = nn.Conv2d(20, 50, 5)
case("unit-weights-feed", "connections", "how many weights feed into one output unit of nn.Conv2d(20, 50, 5), counting the bias as one",
     [c.weight[0].numel() + 1], "5*5*20 + 1 = 501")
c = nn.Conv2d(8, 16, 3)
case("unit-weights-go-into", "connections", "nn.Conv2d(8, 16, 3): how many weights go into each output neuron?",
     [c.weight[0].numel()], "3*3*8 = 72")

# A post's title naming the body's layer again is not a second layer.
m = nn.Conv2d(144, 144, 3, padding=1, groups=144, bias=False)
macs = 56 * 56 * m.weight.numel()
case("title-depthwise-macs", "title", "Cost of a depthwise 3x3 conv?\n\nin my block there are 96 channels at 28x28, depthwise 3x3 (groups=96), stride 1, padding 1. how many MACs for one image?",
     [28 * 28 * nn.Conv2d(96, 96, 3, padding=1, groups=96).weight.numel()], "96*28*28*9 = 677376 (depthwise: one 3x3 filter per channel)")
c = nn.Conv2d(256, 64, 1)
case("title-pointwise-params", "title", "Params of a 1x1 conv layer\n\nmy 1x1 conv goes from 256 to 64 channels on a 28x28 map, with bias. how many parameters?",
     [params(c)], "256*64+64 = 16448")

# A pool's number right after its word is its window; ceil_mode.
for id, text, k, s, n, ceil in [
        ("ceil-pool-2-on-7", "maxpool 2 with ceil_mode=True on 7x7, output size?", 2, 2, 7, True),
        ("ceil-avg-3-s2-on-10", "avg pool 3 stride 2 ceil mode on 10x10 what size", 3, 2, 10, True),
        ("pool-2-stride-1-on-7", "maxpool 2 with stride 1 on 7x7 whats output", 2, 1, 7, False),
        ("ceil-pool-3-s2-on-56", "maxpool 3 stride 2 with ceil_mode=True on 56x56, output?", 3, 2, 56, True)]:
    Pool = nn.AvgPool2d if "avg" in text else nn.MaxPool2d
    o = out(Pool(k, stride=s, ceil_mode=ceil), 1, n, n)
    case(id, "pool", text, [o[1]], f"k{k} s{s} ceil={ceil} on {n}: {o[1]}")

# An adaptive pool with the channels said apart from the size.
o = out(nn.Sequential(nn.AdaptiveAvgPool2d((5, 5)), nn.Flatten()), 256, 13, 13)
case("adaptive-channels-apart", "adaptive", "nn.AdaptiveAvgPool2d((5,5)) then flatten, with 256 channels coming in at 13x13. what's the flatten size?",
     [o[0]], f"256*5*5 = {o[0]}")
o = out(nn.Sequential(nn.AdaptiveMaxPool2d(2), nn.Flatten()), 512, 7, 7)
case("adaptive-max-channels-at", "adaptive", "nn.AdaptiveMaxPool2d(2) on 512 channels at 7x7, then flatten: how many features?",
     [o[0]], f"512*2*2 = {o[0]}")

# PyTorch's 'same' with a stride: PyTorch refuses, the spec and Keras use
# TensorFlow's ceil(in/stride).
try:
    nn.Conv2d(1, 8, 3, stride=2, padding="same")
    raise SystemExit("PyTorch took padding='same' with stride 2")
except ValueError:
    pass
o = out(nn.Conv2d(1, 8, 5, padding="same"), 1, 28, 28)
case("torch-same-stride-1", "same", "pytorch conv 5x5 with padding='same' and stride 1 on 28x28, 1->8 channels. output?",
     [o[1]], f"stride 1 'same' keeps 28: {o}")
case("keras-same-stride-2", "same", "keras Conv2D 3x3 stride 2 padding same on 64x64 output?",
     [32], "TensorFlow: ceil(64/2) = 32 (PyTorch: nn.Conv2d(1, 8, 3, stride=2, padding=1) also gives 32)")

# A depth multiplier said in prose for a separable conv; its two parts.
def separable(cin, cout, k, m, bias=True):
    dw = nn.Conv2d(cin, cin * m, k, groups=cin, bias=False)
    pw = nn.Conv2d(cin * m, cout, 1, bias=bias)
    return params(dw), params(pw)


dw, pw = separable(32, 64, 3, 2)
case("sep-multiplier-prose", "separable", "separable conv 3x3 from 32 to 64 channels with depth multiplier 2, how many params?",
     [dw + pw], f"depthwise 32*2*9 = {dw}, pointwise 64*64+64 = {pw}: {dw + pw} (Keras SeparableConv2D(64, 3, depth_multiplier=2))")
dw, pw = separable(16, 48, 5, 3)
case("sep-multiplier-channel", "separable", "depthwise separable conv, 5x5 kernel, 16 channels in and 48 out, channel multiplier of 3. total parameters?",
     [dw + pw], f"depthwise 16*3*25 = {dw}, pointwise 48*48+48 = {pw}: {dw + pw}")
dw, pw = separable(32, 64, 3, 1, bias=False)
case("sep-parts-asked", "separable", "depthwise separable conv 3x3, 32 in 64 out, no bias: params of the depthwise part and of the pointwise part?",
     [dw, pw], f"depthwise 32*9 = {dw}; pointwise 32*64 = {pw}")
dw, pw = separable(32, 64, 3, 2)
case("sep-parts-multiplier", "separable", "separable conv 3x3 from 32 to 64 channels with depth multiplier 2: parameters of the depthwise step and the pointwise step?",
     [dw, pw], f"depthwise 32*2*9 = {dw}; pointwise 64*64+64 = {pw}")

# Group norm and layer norm said in words: 2·C, whatever the groups.
p_ = lambda m: params(m)  # noqa: E731
case("gn-words-groups-on", "norm", "groupnorm with 8 groups on 64 channels, learnable params?",
     [p_(nn.GroupNorm(8, 64))], "gamma and beta per channel: 2*64 = 128")
case("gn-words-normalization", "norm", "how many trainable parameters does a group normalization layer with 32 groups and 256 channels have?",
     [p_(nn.GroupNorm(32, 256))], "2*256 = 512")
case("gn-short", "norm", "GN 16 groups, 128 channels. parameters?",
     [p_(nn.GroupNorm(16, 128))], "2*128 = 256")
case("ln-words-features", "norm", "layer norm over 512 features, params?",
     [p_(nn.LayerNorm(512))], "2*512 = 1024")
case("ln-words-no-affine", "norm", "layernorm on 768 hidden dims without elementwise affine: params?",
     [p_(nn.LayerNorm(768, elementwise_affine=False))], "elementwise_affine=False: 0")


def main():
    rows = []
    with open(PATH) as f:
        for line in f:
            if line.strip() and not json.loads(line)["id"].startswith("vocab9-"):
                rows.append(line.rstrip("\n"))
    rows += [json.dumps(c) for c in CASES]
    with open(PATH, "w") as f:
        f.write("\n".join(rows) + "\n")
    print(len(CASES), "vocab9 cases")


if __name__ == "__main__":
    main()
