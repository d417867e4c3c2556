# stack12 cases (prose.jsonl, ids stack12-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
def conv(cin, cout, k, s=1, p=0, d=1, g=1, bias=True, hw=None):
    m = nn.Conv2d(cin, cout, k, s, p, dilation=d, groups=g, bias=bias)
    params = sum(x.numel() for x in m.parameters())
    out = macs = None
    if hw:
        h, w = (hw, hw) if isinstance(hw, int) else hw
        o = m(torch.zeros(1, cin, h, w)); out = tuple(o.shape[1:])
        kk = k * k if isinstance(k, int) else k[0] * k[1]
        macs = o.numel() * (cin // g) * kk
    return params, out, macs
def lin(i, o, bias=True):
    return sum(x.numel() for x in nn.Linear(i, o, bias=bias).parameters())
def rf(layers, n=4096):
    """receptive field of output 0 of a 1-D stack [(k, s, d)], by the gradient's support"""
    mods = [nn.Conv1d(1, 1, k, s, 0, dilation=d, bias=False) for k, s, d in layers]
    for m in mods:
        nn.init.ones_(m.weight)
    x = torch.zeros(1, 1, n, requires_grad=True)
    y = x
    for m in mods:
        y = m(y)
    y[0, 0, 0].backward()
    nz = (x.grad[0, 0] != 0).nonzero()
    return int(nz.max() - nz.min() + 1)
C = []
def add(id, kind, text, head, working, unused=(), must=None):
    C.append(dict(id="stack12-" + id, kind=kind, text=text, must_contain=must or head, head=head, unused=list(unused), working=working))
# a count reaches its layers across a size and a setting: "5 stacked 3x3 stride-2 convs"
r = rf([(3, 2, 1)] * 5); add("rf-stacked-stride-hyphen", "stack-rf", "rf of 5 stacked 3x3 stride-2 convs?", [r], f"1+2*(1+2+4+8+16) = {r} (torch gradient support)")
r = rf([(3, 2, 1)] * 4); add("rf-stacked-stride-layers", "stack-rf", "receptive field of 4 stacked 3x3 stride 2 conv layers", [r], f"1+2*(1+2+4+8) = {r} (torch gradient support)")
r = rf([(3, 2, 1)] * 5); add("rf-stacked-stride-before-size", "stack-rf", "rf of five stacked stride-2 3x3 convs?", [r], f"{r} (torch gradient support)")
# one list of dilations, space-separated, is one value a layer
r = rf([(2, 1, 2**i) for i in range(10)]); add("rf-wavenet-dilations", "stack-rf", "wavenet stack kernel 2, dilations 1 2 4 8 16 32 64 128 256 512, rf?", [r], f"1+sum(d) = {r} (torch gradient support)")
r = rf([(3, 1, 2**i) for i in range(4)]); add("rf-dilations-spaced-k", "stack-rf", "k=3, dilation 1 2 4 8, rf?", [r], f"1+2*15 = {r} (torch gradient support)")
r = rf([(2, 1, 2**i) for i in range(4)]); add("rf-dilation-rates-one-list", "stack-rf", "receptive field with kernel size 2 and dilation rates 1, 2, 4, 8?", [r], f"1+15 = {r} (torch gradient support)")
# a part of a named network, its layers recalled in passing without channels, is the part
def vgg_rf(upto):
    L, blocks = [], [2, 2, 3, 3, 3]
    for b, n in enumerate(blocks, 1):
        for i in range(1, n + 1):
            L.append((3, 1, 1))
            if f"conv{b}_{i}" == upto: return rf(L)
        L.append((2, 2, 1))  # a 2x2 stride-2 pool has the RF of a 2x2 stride-2 conv
        if f"pool{b}" == upto: return rf(L)
r = vgg_rf("pool5"); add("vgg-pool5-rf-recalled", "preset-part", "receptive field of a unit after pool5 in vgg16 (all 3x3 convs stride 1 pad 1, 2x2 pools stride 2)? the distill article has a table but i want to get it myself", [r], f"sum over layers (k-1)*jump + 1 = {r} (torch gradient support, pools as 2x2 stride-2 windows)")
r = vgg_rf("conv5_3"); add("vgg-conv5-3-rf-recalled", "preset-part", "receptive field of a neuron after conv5_3 in vgg-16 (3x3 convs, pad 1, 2x2 max pools)?", [r], f"{r} (torch gradient support)")
r = vgg_rf("pool3"); add("vgg-pool3-rf-recalled", "preset-part", "rf after pool3 in vgg16, where all convs are 3x3 stride 1 pad 1 and pools 2x2 stride 2?", [r], f"{r} (torch gradient support)")
# a layer said again without its numbers ("then another one the same") is the layer before, on its output
def chain(layers, cin, hw):
    x = torch.zeros(1, cin, hw, hw); outs = []
    for m in layers:
        x = m(x); outs.append(tuple(x.shape[1:]))
    return outs
o = chain([nn.Conv2d(1, 1, 3, 3, 0)] * 2, 1, 100); add("same-again-arrows", "several", "input 100x100, conv k=3 s=3 p=0 -> ? then another one the same -> ?", [o[0][1], o[1][1]], f"100 -> {o[0][1]} -> {o[1][1]} (torch shapes {o})")
o = chain([nn.Conv2d(1, 1, 3, 2, 1)] * 2, 1, 64); add("same-again-identical-conv", "several", "64x64 input, 3x3 conv stride 2 pad 1, then another identical conv. output size?", [o[1][1]], f"64 -> {o[0][1]} -> {o[1][1]} (torch shapes {o})")
o = chain([nn.MaxPool2d(2, 2)] * 2, 16, 28); add("same-again-pool", "several", "maxpool 2x2 stride 2 on 28x28x16, then the same pool again: output?", [o[1][0], o[1][1]], f"28 -> 14 -> 7 (torch shapes {o})")
p,_,_ = conv(64, 64, 3); add("same-again-params", "several", "conv 3x3 64->64 then another one the same, total params?", [2 * p], f"2*(3*3*64*64+64) = {2*p} (torch)")
# a channel chain of convs, the convs named by their module ("five nn.Conv2d", "Conv2d layers")
def chain_net(chs, k, s, p, hw):
    ms = [nn.Conv2d(a, b, k, s, p) for a, b in zip(chs, chs[1:])]
    x = torch.zeros(1, chs[0], hw, hw)
    for m in ms: x = m(x)
    return sum(q.numel() for m in ms for q in m.parameters()), tuple(x.shape[1:])
P, o = chain_net([1, 8, 16, 32, 64, 10], 3, 2, 1, 28); add("chain-five-nn-conv2d", "prose-stack", "fast.ai lesson simple cnn: five nn.Conv2d with kernel 3, stride 2, padding 1, channels 1->8->16->32->64->10, with bias, no batchnorm, 28x28 mnist input. total params and final spatial size?", [P, o[1]], f"80 + 1168 + 4640 + 18496 + 5770 = {P}; torch shape {o}")
P, o = chain_net([1, 8, 16, 32, 64, 10], 3, 2, 1, 28); add("chain-conv2d-layers-no-count", "prose-stack", "a cnn of nn.Conv2d layers, kernel 3, stride 2, padding 1: 1->8->16->32->64->10 channels, input 28x28. params and final size?", [P, o[1]], f"{P}; torch shape {o}")
P, o = chain_net([3, 16, 32, 64, 128], 3, 1, 1, 32); add("chain-four-nn-conv2d-layers", "prose-stack", "four nn.Conv2d layers, 3x3, padding 1, channels 3->16->32->64->128 on a 32x32 image: params?", [P], f"{P} (torch)")
P, o = chain_net([3, 16, 32], 3, 1, 1, 32); add("chain-conv-layers-plural", "prose-stack", "conv layers 3x3 pad 1 with channels 3->16->32 on 32x32: params?", [P], f"448 + 4640 = {P} (torch)")
# fully connected layers said once, then a pair of sizes each
def fcs(pairs, bias=True):
    return sum(lin(a, b, bias) for a, b in pairs)
P = fcs([(256, 16), (16, 256)]); add("fc-pairs-squeeze-excite", "dense", "squeeze excite on 256 ch, reduction 16: fc 256->16 and 16->256 w/ biases, params?", [P], f"4112 + 4352 = {P} (torch)")
P = fcs([(512, 32), (32, 512)]); add("fc-pairs-dense-then", "dense", "dense 512->32 then 32->512, params", [P], f"16416 + 16896 = {P} (torch)")
P = fcs([(256, 16), (16, 256)]); add("fc-pairs-two-fc-layers", "dense", "two fc layers 256->16 and 16->256, params?", [P], f"{P} (torch)")
P = fcs([(512, 256), (256, 10)], False); add("fc-pairs-no-bias-weights", "dense", "fc 512->256, 256->10 no bias, weights?", [P], f"512*256 + 256*10 = {P} (torch, bias=False)")
# "no bias" said once after two designs is said of both
def convs(spec, bias=False):
    return sum(conv(a, b, k, bias=bias)[0] for k, a, b in spec)
A = convs([(3, 256, 256)]); B = convs([(1, 256, 64), (3, 64, 64), (1, 64, 256)])
add("sides-no-bias-tail-bottleneck", "compare", "256 ch in. plain 3x3 conv 256->256 vs bottleneck 1x1 256->64, 3x3 64->64, 1x1 64->256. no bias. params of each?", [A, B], f"256*256*9 = {A}; 16384+36864+16384 = {B} (torch, bias=False)")
A = convs([(7, 3, 64)]); B = convs([(3, 3, 64), (3, 64, 64), (3, 64, 64)])
add("sides-no-bias-tail-question", "compare", "which has fewer params: a 7x7 conv 3->64 or three 3x3 convs 3->64->64->64? no bias", [A, B], f"7*7*3*64 = {A}; 1728+36864+36864 = {B} (torch, bias=False)")
A = convs([(5, 64, 64)]); B = convs([(3, 64, 64)] * 2)
add("sides-no-bias-semicolon", "compare", "5x5 conv 64->64 vs two 3x3 convs 64->64; no biases. params?", [A, B], f"{A} vs {B} (torch, bias=False)")
# a what-if that asks the setup too ("with stride 1, and how many if ... stride 2"), and a change said of one layer by its place
_,_,m1 = conv(64, 64, 3, 1, 1, bias=False, hw=128); _,_,m2 = conv(64, 64, 3, 2, 1, bias=False, hw=128)
add("whatif-both-how-many-if", "what-if", "comparing two designs for my report: 3x3 conv, padding 1, 64 -> 64 channels on a 128x128 input. how many MACs (no bias) with stride 1, and how many if i change the stride to 2?", [m1, m2], f"128*128*64*576 = {m1}; 64*64*64*576 = {m2} (torch shapes)")
_,o1,_ = conv(3, 16, 5, hw=32); _,o2,_ = conv(3, 16, 5, p=2, hw=32)
add("whatif-both-what-is-it-if", "what-if", "5x5 conv, 3->16, on 32x32, output size with padding 0, and what is it if i use padding 2?", [o1[1], o2[1]], f"torch shapes {o1}, {o2}")
def stem(s1):
    x = torch.zeros(1, 3, 224, 224)
    x = nn.Conv2d(3, 64, 7, s1, 3)(x); x = nn.MaxPool2d(3, 2, 1)(x)
    return x.shape[-1]
add("place-change-stride-of-first-conv", "what-if", "resnet stem on a 224x224 image: 7x7 conv stride 2 padding 3, then maxpool 3x3 stride 2 padding 1. what size after the maxpool? and what if i change the stride of the first conv to 1 (keep everything else)?", [stem(2), stem(1)], f"224 -> 112 -> {stem(2)}; with stride 1: 224 -> 224 -> {stem(1)} (torch)")
x = torch.zeros(1, 16, 64, 64); a = nn.Conv2d(16, 32, 3, 2)(x); b1 = nn.Conv2d(32, 64, 3, 2)(a); b2 = nn.Conv2d(32, 64, 3, 1)(a)
add("place-change-set-stride-of-second", "what-if", "3x3 conv 16->32 stride 2 then 3x3 conv 32->64 stride 2 on 64x64. output? what if i set the stride of the second conv to 1?", [b1.shape[-1], b2.shape[-1]], f"64 -> 31 -> {b1.shape[-1]}; second at stride 1: {b2.shape[-1]} (torch)")
# several layers of a named network asked together: the sum; a pool listed with them is one of them
def vgg_outs():
    # VGG-16's first block as torchvision builds it: conv 3->64, relu, conv 64->64, relu, maxpool 2
    m = [nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2)]
    x = torch.zeros(1, 3, 224, 224); outs = {}
    for name, layer in zip(["conv1_1", "r", "conv1_2", "r", "pool1"], m):
        x = layer(x)
        if name != "r": outs[name] = x.numel()
    return outs
V = vgg_outs()
t = V["conv1_1"] + V["conv1_2"] + V["pool1"]
add("together-conv-conv-pool", "preset-part", "cs231n memory estimate, vgg16 first block: how many activation values for conv1_1 + conv1_2 + pool1 together for one 224x224 image?", [t], f"2*224*224*64 + 112*112*64 = {t} (torch, VGG-16's first block)")
t = V["conv1_1"] + V["conv1_2"]
add("together-two-outputs", "preset-part", "activation count for vgg first block\nconv1_1 and conv1_2 in vgg16 both output 224x224x64. how many float values are those two outputs together for one image", [t], f"2*224*224*64 = {t} (torch, VGG-16's first block)")
P = conv(3, 64, 3, p=1)[0] + conv(64, 64, 3, p=1)[0]
add("together-params-combined", "preset-part", "params of conv1_1 and conv1_2 in vgg16 combined?", [P], f"1792 + 36928 = {P} (torch)")
add("each-named-described", "preset-part", "VGG-16 conv1_1 and conv1_2, both 64 filters 3x3 with bias, rgb input. how many params in each?", [conv(3, 64, 3)[0], conv(64, 64, 3)[0]], "3*3*3*64+64 = 1792; 3*3*64*64+64 = 36928 (torch)")
add("each-named-described-stage3", "preset-part", "vgg16: conv3_1 and conv3_2 are 3x3 with 256 filters. params of each?", [conv(128, 256, 3)[0], conv(256, 256, 3)[0]], "3*3*128*256+256 = 295168; 3*3*256*256+256 = 590080 (torch)")
add("pool-listed-with-convs", "preset-part", "vgg16 output sizes of conv1_1, conv1_2 and pool1?", [224, 112], "64x224x224, 64x224x224, 64x112x112 (torch, VGG-16's first block)")
# a question that starts with "then" goes on from the output of the one before
x = torch.zeros(1, 1, 572, 572); a = nn.Conv2d(1, 1, 3)(nn.Conv2d(1, 1, 3)(x)); b = nn.MaxPool2d(2)(a)
add("then-part-unet", "several", "unet paper: input 572x572, two 3x3 valid convs -> ? then maxpool 2 -> ?", [a.shape[-1], b.shape[-1]], f"572-4 = {a.shape[-1]}; then {b.shape[-1]} (torch)")
x = torch.zeros(1, 3, 64, 64); a = nn.Conv2d(3, 16, 3, padding=1)(x); b = nn.MaxPool2d(2)(a); c = nn.Conv2d(16, 32, 3)(b)
add("then-part-three", "several", "input 64x64x3, conv 3x3 3->16 pad 1 -> ? then maxpool 2 -> ? then conv 3x3 16->32 -> ?", [a.shape[-1], b.shape[-1], c.shape[-1]], f"torch shapes {tuple(a.shape[1:])}, {tuple(b.shape[1:])}, {tuple(c.shape[1:])}")
for c in C:
    print(json.dumps(c))
