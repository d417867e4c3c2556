# designs13 cases (prose.jsonl and code.jsonl, ids designs13-*): two designs
# compared and well-known blocks in words; each number checked with torch 1.13.
# Run with /usr/bin/python3 FILE {prose|code}; prints the JSON lines to append.
import json, sys, torch, torch.nn as nn
def n(m):
    return sum(x.numel() for x in m.parameters())
def macs(m, shape):
    """conv MACs, bias excluded, counted on the output torch gives"""
    tot, x = 0, torch.zeros(1, *shape)
    for l in (m if isinstance(m, nn.Sequential) else [m]):
        x = l(x)
        if isinstance(l, nn.Conv2d):
            tot += x.numel() * l.in_channels // l.groups * l.kernel_size[0] * l.kernel_size[1]
    return tot
C = {"prose": [], "code": []}
def add(file, id, kind, text, head, working, unused=()):
    C[file].append(dict(id="designs13-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# two modules pasted under their own names, each taking the same input: one design each, not a chain
sep, reg = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False), nn.Conv2d(64, 128, 1, bias=False)), nn.Conv2d(64, 128, 3, padding=1, bias=False)
add("code", "named-sep-regular", "pytorch", "Depthwise separable conv parameter count vs normal conv\n\n```python\nsep = nn.Sequential(\n    nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False),  # depthwise\n    nn.Conv2d(64, 128, 1, bias=False),                        # pointwise\n)\nregular = nn.Conv2d(64, 128, 3, padding=1, bias=False)\n```\n\nhow many parameters does `sep` have in total and how many does `regular` have? trying to see how much mobilenet style convs actually save", [n(sep), n(reg)], f"576 + 8192 = {n(sep)}; 64*128*9 = {n(reg)}")
sep, reg = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1, groups=64), nn.Conv2d(64, 128, 1)), nn.Conv2d(64, 128, 3, padding=1)
add("code", "named-sep-normal-bias", "pytorch", "comparing depthwise separable with normal conv for my project:\n\n```\nsep = nn.Sequential(\n    nn.Conv2d(64, 64, 3, padding=1, groups=64),\n    nn.Conv2d(64, 128, 1),\n)\nnormal = nn.Conv2d(64, 128, 3, padding=1)\n```\nhow many params does each have? (default bias)", [n(sep), n(reg)], f"640 + 8320 = {n(sep)}; 73728 + 128 = {n(reg)}")
full, fact = nn.Conv3d(64, 64, (3, 3, 3), bias=False), nn.Sequential(nn.Conv3d(64, 64, (1, 3, 3), bias=False), nn.Conv3d(64, 64, (3, 1, 1), bias=False))
add("code", "named-full-factored-3d", "pytorch", "(2+1)D factorization, comparing\n\n```\nfull = nn.Conv3d(64, 64, (3, 3, 3), bias=False)\nfact = nn.Sequential(nn.Conv3d(64, 64, (1, 3, 3), bias=False),\n                     nn.Conv3d(64, 64, (3, 1, 1), bias=False))\n```\nparam count of each?", [n(full), n(fact)], f"64*64*27 = {n(full)}; 64*64*9 + 64*64*3 = {n(fact)}")
sep, reg = nn.Sequential(nn.Conv2d(32, 32, 3, groups=32, bias=False), nn.Conv2d(32, 64, 1, bias=False)), nn.Conv2d(32, 64, 3, bias=False)
add("code", "named-one-line-vs", "pytorch", "dw_sep = nn.Sequential(nn.Conv2d(32, 32, 3, groups=32, bias=False), nn.Conv2d(32, 64, 1, bias=False))\nplain = nn.Conv2d(32, 64, 3, bias=False)\nparams of dw_sep vs plain?", [n(sep), n(reg)], f"288 + 2048 = {n(sep)}; 32*64*9 = {n(reg)}")
bott = nn.Sequential(nn.Conv2d(256, 64, 1, bias=False), nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.Conv2d(64, 256, 1, bias=False))
plain = nn.Sequential(nn.Conv2d(256, 256, 3, padding=1, bias=False), nn.Conv2d(256, 256, 3, padding=1, bias=False))
add("code", "named-bottleneck-plain", "pytorch", "bottleneck = nn.Sequential(\n    nn.Conv2d(256, 64, 1, bias=False),\n    nn.Conv2d(64, 64, 3, padding=1, bias=False),\n    nn.Conv2d(64, 256, 1, bias=False),\n)\nplain = nn.Sequential(\n    nn.Conv2d(256, 256, 3, padding=1, bias=False),\n    nn.Conv2d(256, 256, 3, padding=1, bias=False),\n)\nhow many weights in each one?", [n(bott), n(plain)], f"16384 + 36864 + 16384 = {n(bott)}; 2*256*256*9 = {n(plain)}")
# a depthwise separable conv and a plain one asked in turn ("params? and how many for a normal conv", "what about a regular one"), or set side by side by a bare "a 3x3 conv"
def sep(cin, cout, k, bias):
    """Keras's SeparableConv2D: the bias on the pointwise conv only"""
    return n(nn.Conv2d(cin, cin, k, groups=cin, bias=False)) + n(nn.Conv2d(cin, cout, 1, bias=bias))
add("prose", "sep-then-normal-same-ch", "separable", "depthwise separable conv 32 -> 64 ch, 3x3, no bias. how many params? and how many for a normal 3x3 conv same ch (also no bias)", [sep(32, 64, 3, False), n(nn.Conv2d(32, 64, 3, bias=False))], "dw 32*9=288 + pw 32*64=2048 = 2336; normal 32*64*9 = 18432")
add("prose", "sep-what-about-regular", "separable", "depthwise separable 3x3 conv from 64 to 128 channels, no bias: params? what about a regular conv?", [sep(64, 128, 3, False), n(nn.Conv2d(64, 128, 3, bias=False))], "64*9 + 64*128 = 8768; 64*128*9 = 73728")
add("prose", "sep-and-for-normal-version", "separable", "separable conv 3x3, 128 in 128 out, bias. params? and for the normal version?", [sep(128, 128, 3, True), n(nn.Conv2d(128, 128, 3))], "128*9 + 128*128 + 128 = 17664 (bias on the pointwise conv, as Keras); 128*128*9 + 128 = 147584")
add("prose", "compare-bare-3x3-and-sep", "separable", "compare a 3x3 conv and a depthwise separable conv, 64 -> 128 channels, no bias. params?", [n(nn.Conv2d(64, 128, 3, bias=False)), sep(64, 128, 3, False)], "64*128*9 = 73728; 64*9 + 64*128 = 8768")
add("prose", "sep-vs-bare-3x3", "separable", "params of a depthwise separable conv vs a 3x3 conv, 32 in 64 out, no bias", [sep(32, 64, 3, False), n(nn.Conv2d(32, 64, 3, bias=False))], "32*9 + 32*64 = 2336; 32*64*9 = 18432")
for row in C[sys.argv[1]]:
    print(json.dumps(row))
