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
for c in C:
    print(json.dumps(c))
