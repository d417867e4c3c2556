# fixs12 cases (prose.jsonl, ids fixs12-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
C = []
def add(id, kind, text, head, working, unused=(), must=None):
    C.append(dict(id="fixs12-" + id, kind=kind, text=text, must_contain=must or head, head=head, unused=list(unused), working=working))
def chain(layers, cin, hw):
    x = torch.zeros(1, cin, hw, hw); outs = []
    for m in layers:
        x = m(x); outs.append(tuple(x.shape[1:]))
    return outs
def params(*ms):
    return [sum(x.numel() for x in m.parameters()) for m in ms]
# a "then" question after one that says a layer again does not say it again
c = nn.Conv2d(1, 1, 3, 3, 0)
o = chain([c, c, nn.MaxPool2d(2)], 1, 100); add("then-after-same-again-pool", "several", "input 100x100, conv k=3 s=3 p=0 -> ? then another one the same -> ? then maxpool 2 -> ?", [o[0][1], o[1][1], o[2][1]], f"torch shapes {o}")
o = chain([c, c, nn.Conv2d(1, 1, 3)], 1, 100); add("then-after-same-again-conv", "several", "input 100x100, conv k=3 s=3 p=0 -> ? then another one the same -> ? then conv 3x3 -> ?", [o[0][1], o[1][1], o[2][1]], f"torch shapes {o}")
# "the same conv again" after a pool is the conv again, not the pool
c = nn.Conv2d(16, 16, 3, padding=1)
o = chain([c, nn.MaxPool2d(2), c], 16, 32); add("same-conv-after-pool", "several", "conv 3x3 16->16 pad 1 on 32x32 and then a maxpool 2, then the same conv again, output?", [o[2][0], o[2][1]], f"torch shapes {o}", must=[o[2][0] * o[2][1] * o[2][2]])
# "params each" of two fc layers is each, not their sum
p = params(nn.Linear(100, 50), nn.Linear(50, 10)); add("fc-pair-params-each", "several", "dense 100->50 and 50->10 params each", p, f"torch {p}")
# two or three "another one the same"
p = params(nn.Conv2d(64, 64, 3))[0]; add("same-again-twice-params", "several", "conv 3x3 64->64 then another one the same then another one the same, params?", [3 * p], f"3*{p} (torch)")
o = chain([nn.Conv2d(1, 1, 3, 2, 1)] * 3, 1, 64); add("same-again-twice-arrows", "several", "conv 3x3 stride 2 pad 1 on 64x64 -> ? then another one the same -> ? then another one the same -> ?", [x[1] for x in o], f"torch shapes {o}")
o = chain([nn.Conv2d(1, 1, 3)] * 3, 1, 32); add("same-again-twice-input-first", "several", "input 32x32, conv 3x3 -> ? then another one the same -> ? then another one the same -> ?", [x[1] for x in o], f"torch shapes {o}")
# "then an identical one"
p = params(nn.Conv2d(32, 32, 3, padding=1))[0]; add("identical-one", "several", "3x3 conv 32->32 pad 1 on 56x56, then an identical one, params total?", [2 * p], f"2*{p} (torch)")
add("identical-conv", "several", "3x3 conv 32->32 pad 1 on 56x56, then an identical conv, params?", [2 * p], f"2*{p} (torch)")
# layers of vgg16 asked together: activation values, MACs and memory summed first
x = torch.zeros(1, 3, 224, 224)
c11, c12 = nn.Conv2d(3, 64, 3, padding=1), nn.Conv2d(64, 64, 3, padding=1)
a = c11(x); b = c12(torch.relu(a)); pl = nn.MaxPool2d(2)(b)
n = [a.numel(), b.numel(), pl.numel()]
add("together-activation-values", "preset-part", "vgg16: how many activation values for conv1_1 + conv1_2 + pool1 together?", [sum(n)], f"{n} (torch numel)")
add("together-activations", "preset-part", "vgg16 activations of conv1_1 and conv1_2 together", [n[0] + n[1]], f"{n[:2]} (torch numel)")
m = [a.numel() * 3 * 9, b.numel() * 64 * 9]
add("together-macs", "preset-part", "vgg16 conv1_1 + conv1_2 MACs together", [sum(m)], f"out numel x cin x 9 = {m} (torch shapes)")
add("together-macs-combined", "preset-part", "vgg16 MACs of conv1_1 and conv1_2 combined", [sum(m)], f"{m} (torch shapes)")
add("together-memory", "preset-part", "memory of conv1_1 + conv1_2 outputs together in vgg16, float32", [4 * (n[0] + n[1])], f"4 B x {n[:2]} (torch numel)")
add("together-memory-fp16", "preset-part", "vgg16 conv1_1 and conv1_2 output memory combined, fp16", [2 * (n[0] + n[1])], f"2 B x {n[:2]} (torch numel)")
for c in C:
    print(json.dumps(c))
