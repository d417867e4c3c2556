# rfa13 cases (prose.jsonl / code.jsonl, ids rfa13-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
def out(m, hw, cin=1):
    return m(torch.zeros(1, cin, hw, hw)).shape[-1]
def conv(k, s=1, p=0, hw=28, d=1):
    return out(nn.Conv2d(1, 1, k, s, p, dilation=d), hw)
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="rfa13-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# a kept size said with no other size is the input as well as the output
assert conv(3, 1, 1, 28) == 28
add("keeps-only-size-what-if", "what-if", "conv 3x3 stride 1 pad 1 keeps 28x28 right? what if pad 0",
    [conv(3, 1, 0, 28)], f"torch: 28 -> {conv(3,1,0,28)}")
add("keeps-only-size-stride", "what-if", "a 3x3 conv with padding 1 keeps 32x32. what if stride 2?",
    [conv(3, 2, 1, 32)], f"torch: 32 -> {conv(3,2,1,32)}")
# a separable conv and a plain one asked in turn after a question mark
def w(cin, cout, k, groups=1):
    return nn.Conv2d(cin, cout, k, groups=groups, bias=False).weight.numel()
add("sep-params-and-how-many-normal", "separable", "depthwise separable conv 3x3, 32 in 64 out, no bias. params? and how many for a normal 3x3 conv same ch",
    [w(32, 32, 3, 32) + w(32, 64, 1), w(32, 64, 3)], f"torch: {w(32,32,3,32)} + {w(32,64,1)}; {w(32,64,3)}")
add("sep-params-and-a-plain", "separable", "depthwise separable 5x5, 16 in 32 out, no bias, params? and a plain 5x5 conv?",
    [w(16, 16, 5, 16) + w(16, 32, 1), w(16, 32, 5)], f"torch: {w(16,16,5,16)} + {w(16,32,1)}; {w(16,32,5)}")
# a kept size and another ask: the what-if answers both
def params(cin, cout, k):
    return sum(p.numel() for p in nn.Conv2d(cin, cout, k).parameters())
add("keeps-params-what-if-stride", "what-if", "conv 3x3, 16 -> 32, pad 1 on 28x28 keeps 28. params? what if stride 2?",
    [params(16, 32, 3), conv(3, 2, 1, 28)], f"torch: {params(16,32,3)}; 28 -> {conv(3,2,1,28)}")
add("keeps-what-if-and-params", "what-if", "conv 3x3 pad 1 keeps 32x32, 3->16 channels. what if stride 2? and how many params",
    [conv(3, 2, 1, 32), params(3, 16, 3)], f"torch: 32 -> {conv(3,2,1,32)}; {params(3,16,3)}")
for c in C:
    print(json.dumps(c))
