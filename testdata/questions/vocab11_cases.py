# vocab11 cases (prose.jsonl, ids vocab11-*): each number checked with torch 1.13.
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
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="vocab11-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# a ratio said in passing ("2x what I expect") is no size or count
add("ratio-gives-2x-what", "layers", "ptflops gives 2x what I get by hand. dense 2048 -> 512, batch 1. how many MACs (not flops)?", [2048*512], "2048*512 = 1048576", ["2"])
add("ratio-reports-2x-the", "layers", "thop reports 2x the MACs I compute for a fully connected layer 784 -> 128. what is the real MAC count?", [784*128], "784*128 = 100352", ["2"])
add("ratio-off-by-2x", "layers", "my numbers and fvcore's are off by 2x. linear 4096 -> 1000: how many MACs?", [4096*1000], "4096*1000 = 4096000", ["2"])
add("ratio-2x-more-flops", "layers", "the profiler says 2x more flops than I expect for a linear 256 -> 64 layer. how many MACs?", [256*64], "256*64 = 16384", ["2"])
_,o,m = conv(64,128,3,p=1,hw=28); add("ratio-conv-2x-the", "layers", "my counter shows 2x the number for a conv 3x3 64->128, pad 1, on a 28x28 map. MACs?", [m], f"28*28*128*64*9 = {m} (torch shape {o})", ["2"])
add("ratio-gives-2x-params", "layers", "keras gives 2x the params I expect?? dense layer 100 -> 50, with bias. how many params?", [lin(100,50)], f"100*50+50 = {lin(100,50)}", ["2"])
# colour plus one more band (RGB-D, RGBA, rgb + depth) is 4 input channels
p,_,_ = conv(4,16,3); add("bands-rgba-png", "layers", "RGBA png images 32x32, first layer conv 3x3 with 16 filters. params?", [p], f"3*3*4*16+16 = {p} (torch)")
p,o,_ = conv(4,32,5,s=2,p=2,hw=(240,320)); add("bands-rgb-plus-depth", "layers", "my input is rgb + depth (kinect), 240x320. conv 5x5, 32 filters, stride 2, pad 2: params and output size?", [p, o[1], o[2]], f"5*5*4*32+32 = {p}; torch shape {o}")
p,_,_ = conv(4,64,7,s=2,p=3); add("bands-rgbd-one-word", "layers", "RGBD images, 128x128, first conv 7x7 with 64 filters stride 2 pad 3: params?", [p], f"7*7*4*64+64 = {p} (torch)")
p,_,_ = conv(4,16,3,bias=False); add("bands-rgbd-four-input-channels", "layers", "our RGB-D frames have 4 input channels; conv 3x3 with 16 filters, no bias. how many weights?", [p], f"3*3*4*16 = {p} (torch)")
p,o,_ = conv(4,8,3,p=1,hw=64); add("bands-rgb-nir", "layers", "RGB-NIR images of 64x64, a 3x3 conv with 8 filters and padding 1: params and output shape?", [p, o[1]], f"3*3*4*8+8 = {p}; torch shape {o}")
p,_,_ = conv(4,20,5); add("bands-rgb-plus-depth-words", "layers", "4 channel images (rgb plus depth), 5x5 kernels, 20 filters: params?", [p], f"5*5*4*20+20 = {p} (torch)")
# one neuron's parameters asked after a sentence that describes every neuron
add("one-neuron-after-each-neuron", "layers", "a conv layer has 32 3x3 filters on a 16-channel input, and each neuron has a bias. how many parameters does one neuron use, bias included?", [145], "3*3*16+1 = 145", ["32"])
add("one-neuron-single-after-each", "layers", "each filter is 5x5 over 3 input channels; each neuron also gets a bias. how many params does a single neuron have including its bias?", [76], "5*5*3+1 = 76")
# the padding that keeps the size at stride 1, from the kernel and dilation alone: p = d(k-1)/2
def keep_pad(k, d=1):
    p = d * (k - 1) // 2
    assert nn.Conv2d(1, 1, k, padding=p, dilation=d)(torch.zeros(1, 1, 37, 37)).shape[-1] == 37
    return p
add("keep-zeros-each-side", "layers", "for a 9x9 conv, stride 1, how many zeros do I add on each side so output size = input size?", [keep_pad(9)], "p = (9-1)/2 = 4 (torch: 37 -> 37)")
add("keep-same-height-width-dilated", "layers", "kernel 5, dilation 3, stride 1: what padding gives an output the same height and width as the input?", [keep_pad(5,3)], "p = 3*(5-1)/2 = 6 (torch: 37 -> 37)")
add("keep-hw-unchanged-paste", "layers", "nn.Conv2d(32, 32, kernel_size=5, dilation=2) - which padding keeps H and W unchanged?", [keep_pad(5,2)], "p = 2*(5-1)/2 = 4 (torch: 37 -> 37)")
add("keep-input-output-same-size", "layers", "7x7 conv with stride 1: padding so that input and output have the same size?", [keep_pad(7)], "p = (7-1)/2 = 3 (torch: 37 -> 37)")
add("keep-same-h-slash-w-paste", "layers", "I want my Conv2d(16, 16, 3, dilation=4) to keep the same H/W, what padding?", [keep_pad(3,4)], "p = 4*(3-1)/2 = 4 (torch: 37 -> 37)")
add("keep-rows-of-zeros", "layers", "how many rows of zeros on each border for a 5x5 kernel so the feature map does not shrink (stride 1)?", [keep_pad(5)], "p = (5-1)/2 = 2 (torch: 37 -> 37)")
add("keep-same-hw-paste-stride-prose", "layers", "which padding do I set in nn.Conv2d(8, 8, kernel_size=3, dilation=3) so the output keeps the same H and W as the input? stride is 1", [keep_pad(3,3)], "p = 3*(3-1)/2 = 3 (torch: 37 -> 37)")
for c in C: print(json.dumps(c))
