# whatif13 cases (prose.jsonl, ids whatif13-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, math, torch, torch.nn as nn
def out(m, hw, cin=1):
    return m(torch.zeros(1, cin, hw, hw)).shape[-1]
def conv(k, s=1, p=0, hw=28):
    return out(nn.Conv2d(1, 1, k, s, p), hw)
def pool(k, s=None, ceil=False, hw=28):
    return out(nn.MaxPool2d(k, s, ceil_mode=ceil), hw)
def same_pool(k, s, hw):  # Keras padding='same': ceil(in/stride)
    return math.ceil(hw / s)
def pad_for(k, s, hin, hout):
    ps = [p for p in range(k) if conv(k, s, p, hin) == hout]
    assert len(ps) == 1, ps
    return ps[0]
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="whatif13-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# a size the setup keeps is the asker's own result; the what-if and every further change are answered
assert conv(3, 1, 1, 28) == 28
add("keeps-then-stride-then-input", "what-if", "conv 3x3 pad 1 on 28x28 keeps 28, what if stride 2? and on a 7x7 input with stride 2",
    [conv(3, 2, 1, 28), conv(3, 2, 1, 7)], f"torch: 28 -> {conv(3,2,1,28)}; 7 -> {conv(3,2,1,7)}")
assert conv(3, 1, 1, 56) == 56
add("keeps-also-what-if", "what-if", "conv 3x3 pad 1 on 56x56 keeps 56. also what if stride 2",
    [conv(3, 2, 1, 56)], f"torch: 56 -> {conv(3,2,1,56)}")
add("keeps-stride-2-and-3", "what-if", "if I take a 5x5 conv with padding 2 on a 128x128 input, stride 1 keeps 128. what if I change the stride to 2? and stride 3?",
    [conv(5, 2, 2, 128), conv(5, 3, 2, 128)], f"torch: {conv(5,2,2,128)}, {conv(5,3,2,128)}")
add("stays-at-what-happens", "what-if", "a 3x3 conv with padding 1 on a 32x32 image stays at 32. what happens with stride 2?",
    [conv(3, 2, 1, 32)], f"torch: {conv(3,2,1,32)}")
add("stays-what-about", "what-if", "5x5 conv pad 2 on 64x64 stays 64. what if stride 2? what about stride 4?",
    [conv(5, 2, 2, 64), conv(5, 4, 2, 64)], f"torch: {conv(5,2,2,64)}, {conv(5,4,2,64)}")
add("keeps-size-then-input", "what-if", "conv 7x7 padding 3 on 100x100 keeps the size at 100. what if the stride is 2? and on a 50x50 input?",
    [conv(7, 2, 3, 100), conv(7, 2, 3, 50)], f"torch: {conv(7,2,3,100)}, {conv(7,2,3,50)}")
add("keeps-right-then-two", "what-if", "3x3 conv, padding 1, 40x40 input keeps 40x40, right? what if I use stride 2? and stride 4?",
    [conv(3, 2, 1, 40), conv(3, 4, 1, 40)], f"torch: {conv(3,2,1,40)}, {conv(3,4,1,40)}")
# ceil_mode against the same without it
add("ceil-vs-same-without", "what-if", "`nn.MaxPool2d(3, stride=2, ceil_mode=True)` on 112 vs the same without ceil_mode?",
    [pool(3, 2, True, 112), pool(3, 2, False, 112)], f"torch: ceil {pool(3,2,True,112)}, floor {pool(3,2,False,112)}")
add("ceil-versus-same-without", "what-if", "nn.MaxPool2d(2, stride=2, ceil_mode=True) on 15x15 versus the same without ceil_mode",
    [pool(2, 2, True, 15), pool(2, 2, False, 15)], f"torch: ceil {pool(2,2,True,15)}, floor {pool(2,2,False,15)}")
# Keras pooling, valid then padding='same' (ceil(in/stride))
add("keras-pool-and-w-same", "what-if", "keras MaxPooling2D(2) on 7x7 gives? and w/ padding='same'",
    [pool(2, 2, False, 7), same_pool(2, 2, 7)], f"valid: torch {pool(2,2,False,7)}; same: ceil(7/2) = {same_pool(2,2,7)}")
add("keras-pool-strides-and-with-same", "what-if", "MaxPooling2D(pool_size=3, strides=2) on 15x15? and with padding=\"same\"?",
    [pool(3, 2, False, 15), same_pool(3, 2, 15)], f"valid: torch {pool(3,2,False,15)}; same: ceil(15/2) = {same_pool(3,2,15)}")
add("keras-avgpool-and-w-same", "what-if", "Keras AveragePooling2D(pool_size=2) on a 9x9 map, output? and w/ padding='same'?",
    [out(nn.AvgPool2d(2), 9), same_pool(2, 2, 9)], f"valid: torch {out(nn.AvgPool2d(2), 9)}; same: ceil(9/2) = {same_pool(2,2,9)}")
# the padding for in -> out, the library named after the sizes
add("pad-224-112-in-pytorch", "inverse", "k=7 stride 2, what symmetric padding gets 224 -> 112 in pytorch",
    [pad_for(7, 2, 224, 112)], f"torch: pad {pad_for(7,2,224,112)} takes 224 to 112")
add("pad-64-32-in-torch", "inverse", "kernel 5 stride 2: which padding takes 64 to 32 in torch",
    [pad_for(5, 2, 64, 32)], f"torch: pad {pad_for(5,2,64,32)} takes 64 to 32")
add("pad-32-16-in-pytorch", "inverse", "3x3 conv stride 2, what padding gets 32 -> 16 in pytorch?",
    [pad_for(3, 2, 32, 16)], f"torch: pad {pad_for(3,2,32,16)} takes 32 to 16")
for c in C:
    print(json.dumps(c))
