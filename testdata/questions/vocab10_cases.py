# vocab10 cases (prose.jsonl, ids vocab10-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
def conv(cin, cout, k, s=1, p=0, g=1, bias=True, hw=None):
    m = nn.Conv2d(cin, cout, k, s, p, groups=g, bias=bias)
    params = sum(x.numel() for x in m.parameters())
    out = macs = None
    if hw:
        o = m(torch.zeros(1, cin, hw, hw)); out = tuple(o.shape[1:])
        macs = o.numel() * (cin // g) * k * k
    return params, out, macs
def lin(i, o, bias=True):
    return sum(x.numel() for x in nn.Linear(i, o, bias=bias).parameters())
C = []
def add(id, kind, text, head, working):
    C.append(dict(id="vocab10-" + id, kind=kind, text=text, must_contain=head, head=head, unused=[], working=working))
# role pairs
p,_,_ = conv(96,192,3,g=8,bias=False); add("role-grouped-in-out", "layers", "grouped conv, 96 in 192 out 3x3 groups=8, no bias. how many params?", [p], f"3*3*(96/8)*192 = {p} (torch Conv2d(96,192,3,groups=8,bias=False))")
p,_,_ = conv(16,32,5); add("role-in-out-kernel-after", "layers", "conv, 16 in 32 out 5x5 with bias: parameter count?", [p], f"5*5*16*32+32 = {p} (torch)")
_,o,_ = conv(3,8,3,p=1,hw=10); add("role-in-ch-arrow-maps", "layers", "conv 3x3, 3 in ch -> 8 maps, input 10x10, pad 1. output shape?", [o[0], o[1]], f"torch Conv2d(3,8,3,padding=1) on 1x3x10x10 -> {o}")
_,o,m = conv(2,12,7,s=2,p=3,hw=64); add("role-in-channels-arrow-out", "layers", "7x7 conv, 2 in channels -> 12 out, stride 2, pad 3, input 64x64: MACs?", [m], f"out {o}; 12*32*32*2*49 = {m} (torch shape)")
_,o,m = conv(256,64,1,hw=56); add("role-in-out-1x1", "layers", "conv 1x1, 256 in 64 out, input 56x56: how many MACs?", [m], f"56*56*64*256 = {m}")
p,_,_ = conv(6,16,5); add("role-input-channels-to-maps", "layers", "a 5x5 conv, 6 input channels to 16 feature maps, params?", [p], f"5*5*6*16+16 = {p} (torch)")
# previous layer's output is this layer's input
add("prev-output-connections", "layers", "previous layer output is 28x28x16, this conv has 3x3 kernels: how many connections per neuron (no bias)?", [144], "3*3*16 = 144")
_,o,_ = conv(64,128,3,hw=10); add("prev-before-outputs", "layers", "the layer before it outputs 10x10x64; the conv is 3x3, 128 filters, no padding. output shape?", [o[0], o[1]], f"torch Conv2d(64,128,3) on 1x64x10x10 -> {o}")
p,_,_ = conv(64,16,1); add("prev-output-of-previous", "layers", "the output of the previous layer is 7x7x64 and a 1x1 conv with 16 filters follows. params?", [p], f"64*16+16 = {p} (torch)")
_,o,m = conv(128,128,3,p=1,hw=56); add("prev-layers-output-colon", "layers", "previous layer's output: 56x56x128. the next conv is 3x3 with 128 filters and padding 1. MACs?", [m], f"56*56*128*128*9 = {m} (torch shape {o})")
add("prev-preceding-connects", "layers", "each neuron of conv3 connects to how many inputs if the preceding layer output is 13x13x256 and conv3 uses 3x3 kernels (not counting bias)?", [2304], "3*3*256 = 2304")
p,_,_ = conv(3,6,5); add("prev-before-gives", "layers", "layer before gives 32x32x3 and this conv has 5x5 kernels, 6 filters: params?", [p], f"5*5*3*6+6 = {p} (torch)")
# a dataset's name gives way to the layer's own channels
_,o,m = conv(8,16,5,hw=12); p,_,_ = conv(8,16,5); add("dataset-mnist-second-conv", "layers", "in my mnist net the second conv goes from 8 channels to 16 channels, 5x5 kernel, its input is 12x12. params?", [p], f"5*5*8*16+16 = {p}; out {o}")
_,o,m = conv(64,128,3,p=1,hw=16); add("dataset-cifar-deep-conv", "layers", "CIFAR model, conv with 64 input channels, 128 output channels, 3x3, pad 1, on a 16x16 map. MACs?", [m], f"16*16*128*64*9 = {m} (torch shape {o})")
_,o,m = conv(32,64,3,p=1,hw=7); add("dataset-mnist-multiplications", "layers", "MNIST cnn: the conv layer has 32 input channels and 64 output channels, kernel 3, padding 1, input map 7x7. how many multiplications?", [m], f"7*7*64*32*9 = {m} (torch shape {o})")
_,o,m = conv(16,16,3,p=1,hw=32); add("dataset-cifar-in-out-channels", "layers", "cifar10 resnet block conv: 16 in channels, 16 out channels, 3x3, pad 1, 32x32 map. MACs?", [m], f"32*32*16*16*9 = {m}")
_,o,m = conv(128,256,3,s=2,p=1,hw=8); add("dataset-cifar-strided", "layers", "on cifar: conv with 128 input channels, 256 output channels, 3x3 stride 2 pad 1 on an 8x8 map: MACs?", [m], f"out {o}; 4*4*256*128*9 = {m}")
_,o,m = conv(20,40,3,hw=13); add("dataset-mnist-output", "layers", "for mnist, conv3 takes 20 input channels to 40 output channels with a 3x3 kernel, input 13x13. output shape?", [o[0], o[1]], f"torch Conv2d(20,40,3) on 1x20x13x13 -> {o}")
# the asked quantity leads: total connections, incoming weights
add("total-fc-bias-counts", "layers", "a dense layer maps 120 inputs to 84 outputs. how many connections does it have, each bias counting as one?", [lin(120,84)], f"120*84+84 = {lin(120,84)}")
add("total-fc-volume-incl-bias", "layers", "fully connected from a 4x4x50 volume to 500 units, connections incl bias?", [lin(800,500)], f"800*500+500 = {lin(800,500)}")
add("total-fc-counting-biases", "layers", "dense layer 400 -> 120, number of connections counting biases?", [lin(400,120)], f"400*120+120 = {lin(400,120)}")
add("unit-incoming-after-flatten", "layers", "each unit of a Dense(10) after flattening a 3x3x64 map: how many incoming weights (no bias)?", [576], "3*3*64 = 576")
add("unit-incoming-arrow-chain", "layers", "input 5x5x16 -> flatten -> Dense(120). how many incoming weights per unit of the dense?", [400], "5*5*16 = 400")
_,o,_ = conv(1,6,5,hw=32); add("total-conv-in-ch-maps", "layers", "lenet-ish: conv 5x5, 1 in ch -> 6 maps, input 32x32, no pad. total connections in the layer counting the bias?", [26*6*28*28], f"(25+1)*6*28*28 = {26*6*28*28} (out {o})")
# bytes of a fully connected layer's parameters
add("bytes-fc-weights-biases", "layers", "fully connected layer 2048 -> 10 with bias. how many bytes to store its weights+biases in float32?", [lin(2048,10)*4], f"({lin(2048,10)})*4 = {lin(2048,10)*4}")
add("bytes-fc-fp16", "layers", "fully connected layer 9216 -> 4096: bytes for its parameters in fp16?", [lin(9216,4096)*2], f"{lin(9216,4096)}*2 = {lin(9216,4096)*2}")
add("bytes-fc-memory-of-weights", "layers", "fully connected 512 -> 256, memory of the weights in float32, in bytes?", [lin(512,256)*4], f"{lin(512,256)}*4 = {lin(512,256)*4}")
add("bytes-fc-does-it-take", "layers", "fully connected layer 1024 -> 100 with bias. how many bytes does it take?", [lin(1024,100)*4], f"{lin(1024,100)}*4 = {lin(1024,100)*4}")
add("bytes-fc-float64", "layers", "a fully connected layer 100 -> 10, storage in bytes (float64)?", [lin(100,10)*8], f"{lin(100,10)}*8 = {lin(100,10)*8}")
add("bytes-fc-bare", "layers", "fully connected layer 784 -> 128, bytes in float32?", [lin(784,128)*4], f"{lin(784,128)}*4 = {lin(784,128)*4}")
# counts of an output that need no input channels
_,o,_ = conv(1,8,5,hw=28); add("neurons-output-volume", "layers", "How many neurons in the output volume of a conv with 8 filters 5x5 on a 28x28 input, no padding?", [8*24*24], f"8*24*24 = {8*24*24} (torch shape {o} for any input depth)")
add("neurons-activations-same", "layers", "a conv with 16 filters of 3x3, stride 1, padding 1, on a 20x20 input: how many activations in its output?", [16*20*20], "16*20*20 = 6400")
_,o,_ = conv(1,32,3,s=2,p=1,hw=64); add("neurons-strided", "layers", "how many output neurons does a 3x3 conv with 32 filters, stride 2, pad 1 produce on a 64x64 input?", [32*32*32], f"torch shape {o}: 32*32*32 = 32768")
add("neurons-floats-activation", "layers", "how many floats is the output activation of a conv with 32 channels at 128x128? just the count", [32*128*128], "32*128*128 = 524288")
add("neurons-bytes-output-channels", "layers", "how many bytes (float32) does the output of a conv layer with 64 output channels at 56x56 take for one image?", [64*56*56*4], "64*56*56*4 = 802816")
add("neurons-values-no-pad", "layers", "how many values does a 5x5 conv with 20 filters output on a 24x24 image, no padding?", [20*20*20], "20*20*20 = 8000")
# filters with a depth, and 'N input -> HxW'
_,o,m = conv(3,64,7,s=2,p=3,hw=224); add("depth-7x7x3", "layers", "MACs of a conv with 64 filters 7x7x3, stride 2, padding 3, on a 224x224 input?", [m], f"out {o}; 64*112*112*3*49 = {m}")
_,o,m = conv(16,32,3,p=1,hw=32); add("depth-3x3x16", "layers", "how many MACs for a conv with 32 filters 3x3x16, 32x32 input, padding 1?", [m], f"32*32*32*16*9 = {m}")
p,o,m = conv(48,256,5,p=2,hw=27); add("depth-side-arrow", "layers", "params and MACs: 256 filters 5x5x48, stride 1, pad 2, 27 input -> 27x27", [p, m], f"params {p}; 27*27*256*1200 = {m} (torch shape {o})")
_,o,m = conv(3,10,3,hw=32); add("depth-side-arrow-small", "layers", "10 filters 3x3x3, stride 1, 32 input -> 30x30. how many MACs?", [m], f"30*30*10*27 = {m} (torch shape {o})")
_,o,_ = conv(3,96,11,s=4,hw=227); add("depth-output-shape", "layers", "a conv with 96 filters 11x11x3 stride 4 on a 227x227 image. output shape?", [o[0], o[1]], f"torch shape {o}")
p,o,m = conv(3,16,5,hw=28); add("depth-params-macs", "layers", "conv with 16 filters 5x5x3, stride 1, padding 0, 28 input -> 24x24. params and MACs?", [p, m], f"params {p}; MACs {m} (torch shape {o})")
# blocks said in prose: a bottleneck chain written kernel first, a fire module
def fire(cin, s, e1, e3, bias=True):
    sq = nn.Conv2d(cin, s, 1, bias=bias); a = nn.Conv2d(s, e1, 1, bias=bias); b = nn.Conv2d(s, e3, 3, padding=1, bias=bias)
    o = torch.cat([a(sq(torch.zeros(1, cin, 13, 13))), b(sq(torch.zeros(1, cin, 13, 13)))], 1)
    assert o.shape[1] == e1 + e3
    return sum(x.numel() for m in (sq, a, b) for x in m.parameters())
def chain(cin, steps, bias=False, bn=False):
    ms = []
    for k, c in steps:
        ms.append(nn.Conv2d(cin, c, k, padding=k // 2, bias=bias)); cin = c
        if bn: ms.append(nn.BatchNorm2d(c))
    return sum(x.numel() for x in nn.Sequential(*ms).parameters())
n = chain(256, [(1, 64), (3, 64), (1, 256)], bn=True); add("block-kernel-first-bn", "layers", "bottleneck 256 -> 1x1 64 -> 3x3 64 -> 1x1 256, convs without bias, each conv followed by batchnorm, no downsample. params incl bn?", [n], f"torch: {n}")
n = chain(128, [(1, 32), (3, 32), (1, 128)]); add("block-kernel-first", "layers", "128 -> 1x1 32 -> 3x3 32 -> 1x1 128, no bias. total params?", [n], f"torch: {n}")
n = chain(512, [(1, 128), (3, 128), (1, 512)], bn=True); add("block-kernel-first-resnet", "layers", "a wider bottleneck block: 512 -> 1x1 128 -> 3x3 128 -> 1x1 512, bias=False, each followed by batchnorm. how many parameters?", [n], f"torch: {n}")
n = fire(96, 16, 64, 64); add("fire-equals", "layers", "squeezenet fire block with 96 input channels: squeeze1x1 = 16, expand1x1 = 64, expand3x3 = 64. how many parameters?", [n], f"torch: {n}")
n = fire(256, 32, 128, 128, bias=False); add("fire-no-bias", "layers", "a fire module taking 256 input channels: squeeze 1x1 to 32, expand 1x1 to 128 and expand 3x3 to 128, no bias. params?", [n], f"torch: {n}")
n = fire(512, 64, 256, 256); add("fire-input-of", "layers", "fire module, input of 512 channels, squeeze 1x1 to 64, expand 1x1 to 256, expand 3x3 to 256. parameters?", [n], f"torch: {n}")
for c in C:
    print(json.dumps(c))
