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
# the layer before, said only by its filters, gives this layer's input channels
add("prev-first-second-per-filter", "layers", "the first layer has 24 filters. the second layer uses 5x5 kernels - how many weights in each filter of the second layer (no bias)?", [5*5*24], "5*5*24 = 600")
p,_,_ = conv(40,20,3); add("prev-first-second-params", "layers", "the first conv layer has 40 filters and the second conv layer has 3x3 kernels with 20 filters. params of the second layer?", [p], f"3*3*40*20+20 = {p} (torch)")
p,_,_ = conv(32,64,5); add("prev-conv1-conv2", "layers", "conv1 has 32 filters. conv2 is 5x5 with 64 filters. how many parameters in conv2?", [p], f"5*5*32*64+64 = {p} (torch)")
p,_,_ = conv(64,16,1); add("prev-next-conv", "layers", "the first conv has 64 filters; the next conv uses 1x1 kernels and 16 filters. how many parameters does the next conv have?", [p], f"64*16+16 = {p} (torch)")
add("prev-layer-n-maps", "layers", "layer 1 outputs 16 feature maps; layer 2 applies 3x3 filters. how many weights per filter in layer 2?", [144], "3*3*16 = 144")
add("prev-layer-n-after", "layers", "layer 2 has 5x5 filters and layer 1 has 6 feature maps. how many weights in one filter of layer 2?", [150], "5*5*6 = 150")
p,_,_ = conv(16,32,3); add("prev-layer-n-of-them", "layers", "layer 2 uses 3x3 filters, 32 of them, and layer 1 gives 16 feature maps. params in layer 2?", [p], f"3*3*16*32+32 = {p} (torch)")
# the input named as the owner of a count: those maps are read, not made
add("owner-whose-input-has", "layers", "a conv layer whose input has 20 feature maps uses 3x3 kernels. how many connections does one of its neurons have, not counting the bias?", [180], "3*3*20 = 180")
add("owner-input-to-this-conv", "layers", "the input to this conv has 24 feature maps and the kernels are 3x3: weights per filter?", [216], "3*3*24 = 216")
add("owner-layer-input-has-maps", "layers", "the layer input has 10 maps, 4x4 kernels: connections per neuron (no bias)?", [160], "4*4*10 = 160")
p,_,_ = conv(32,8,1); add("owner-input-consists-of", "layers", "its input consists of 32 feature maps; the conv uses 1x1 kernels and 8 filters. params?", [p], f"32*8+8 = {p} (torch)")
add("owner-input-with-maps-bias-one", "layers", "Suppose a conv layer's input has 6 feature maps and it uses 5x5 kernels. How many connections per neuron, counting the bias as one?", [151], "5*5*6+1 = 151")
add("owner-input-contains-channels", "layers", "the input contains 48 channels and the layer uses 3x3 kernels. how many weights does a single filter have?", [432], "3*3*48 = 432")
# "(just weights no bias)" says how to count the connections asked
add("qual-just-weights", "layers", "each output neuron of a 5x5 conv over 32 input maps connects to how many inputs (just weights)?", [800], "5*5*32 = 800")
add("qual-brackets-weights-no-bias", "layers", "a 5x5 conv on 16 input channels: each neuron is connected to how many inputs? (weights, no bias)", [400], "5*5*16 = 400")
add("qual-only-weights", "layers", "how many inputs does each neuron of a 3x3 conv over 32 maps connect to, only weights?", [288], "3*3*32 = 288")
# height and width named with no word between: "120 tall 160 wide"
_,o,_ = conv(3,16,5,s=2,p=2,hw=(120,160)); add("sides-tall-wide-paste", "layers", "input is 120 tall 160 wide, Conv2d(3, 16, 5, stride=2, padding=2). h and w of the output?", [o[1], o[2]], f"torch shape {o}")
_,o,_ = conv(1,4,3,hw=(90,120)); add("sides-pixels-tall-wide", "layers", "images are 90 pixels tall 120 pixels wide; conv 3x3 with 4 filters, no padding: output size?", [o[1], o[2]], f"torch shape {o}")
o = tuple(nn.MaxPool2d(2,2)(torch.zeros(1,1,120,160)).shape[1:]); add("sides-wide-tall-pool", "layers", "a frame 160 wide 120 tall, maxpool 2x2 stride 2: output?", [o[1], o[2]], f"torch shape {o}")
_,o,_ = conv(3,8,3,s=2,p=1,hw=(100,200)); add("sides-px-wide-tall-paste", "layers", "my photos are 200 px wide 100 px tall, Conv2d(3, 8, 3, padding=1, stride=2): output shape?", [o[1], o[2]], f"torch shape {o}")
_,o,_ = conv(1,6,5,hw=(64,48)); add("sides-high-wide", "layers", "input 64 high 48 wide, conv 5x5 stride 1 pad 0 with 6 filters. output h, w?", [o[1], o[2]], f"torch shape {o}")
_,o,_ = conv(3,32,7,s=2,p=3,hw=(240,320)); add("sides-tall-wide-rgb", "layers", "RGB frames 240 tall 320 wide go into a 7x7 conv, 32 filters, stride 2, padding 3. output height and width?", [o[1], o[2]], f"torch shape {o}")
# a Keras call in prose, then "- output height/width?": the keyword's value is no formula
def kconv_out(n, k, s, same=False):
    return -(-n // s) if same else (n - k) // s + 1   # TF: ceil(n/s) for 'same', floor((n-k)/s)+1 for 'valid'
_,o,_ = conv(1,10,4,s=2,hw=28); assert o[1] == kconv_out(28,4,2)
add("kwarg-strides-then-dash", "layers", "MNIST (28x28x1) into Conv2D(10, (4,4), strides=2) with default padding - output height/width?", [o[1]], f"valid: floor((28-4)/2)+1 = {o[1]} (torch shape {o})")
add("kwarg-same-then-dash", "layers", "CIFAR (32x32x3) into Conv2D(16, (3,3), strides=2, padding=\"same\") - output height/width?", [kconv_out(32,3,2,True)], "same: ceil(32/2) = 16")
_,o,_ = conv(3,32,5,s=2,hw=100); add("kwarg-valid-then-arrow", "layers", "input 100x100x3, Conv2D(32, (5,5), strides=(2,2), padding='valid') -> output height/width?", [o[1]], f"floor((100-5)/2)+1 = {o[1]} (torch shape {o})")
add("kwarg-same-57", "layers", "my keras layer Conv2D(64, kernel_size=3, strides=2, padding='same') on a 57x57x32 input: output height/width and params?", [kconv_out(57,3,2,True), 3*3*32*64+64], "same: ceil(57/2) = 29; 3*3*32*64+64 = 18496")
_,o,_ = conv(1,8,3,s=3,hw=64); add("kwarg-strides3-then-dash", "layers", "grayscale 64x64 into Conv2D(8, (3,3), strides=3) - output height/width?", [o[1]], f"floor((64-3)/3)+1 = {o[1]} (torch shape {o})")
_,o,_ = conv(3,24,7,s=4,hw=227); add("kwarg-strides4-then-dash", "layers", "227x227x3 images into Conv2D(24, (7,7), strides=4) - output height/width/depth?", [o[1], 24], f"floor((227-7)/4)+1 = {o[1]} (torch shape {o})")
# a batch norm after a conv said by its filters: the conv gives its channels, and only it is asked
def bn(c): return sum(x.numel() for x in nn.BatchNorm2d(c).parameters())
add("norm-after-filters-followed", "layers", "a conv layer with 64 filters is followed by batch norm. how many learnable params in the batch norm?", [bn(64)], f"2*64 = {bn(64)} (torch BatchNorm2d)")
add("norm-after-filters-kernel-unused", "layers", "conv 3x3 with 128 filters then BatchNorm2d. params of the batchnorm?", [bn(128)], f"2*128 = {bn(128)} (torch)", ["3"])
add("norm-after-filters-keras-colon", "layers", "in keras, Conv2D with 48 filters and then a BatchNormalization layer: non-trainable params of the BN?", [96], "Keras BN(48): moving mean + variance = 2*48 = 96 non-trainable")
add("norm-after-filters-bn-layer", "layers", "my conv has 256 filters and is followed by a BN layer. how many parameters does the BN layer have?", [bn(256)], f"2*256 = {bn(256)} (torch)")
add("norm-after-filters-keras-summary", "layers", "keras summary: a Conv2D with 32 filters, then BatchNormalization(). what Param # does summary print for the BN row?", [128], "Keras BN(32): 4*32 = 128 (gamma, beta, moving mean, moving variance)")
add("norm-after-filters-stride", "layers", "a 5x5 conv, stride 2, with 32 filters, then batch norm. how many parameters does the batch norm add?", [bn(32)], f"2*32 = {bn(32)} (torch)", ["5", "2"])
# a layer named again by its kernel ("the 1x1 convolution") is the layer said, not a second one
_,o,m = conv(16,8,1,hw=20); add("again-d2l-1x1", "layers", "c_i=16, c_o=8, h=w=20, 1x1 conv, stride 1. how many multiply-adds does the 1x1 convolution need?", [m], f"20*20*8*16 = {m} (torch shape {o})")
_,o,m = conv(16,32,3,p=1,hw=28); add("again-this-3x3", "layers", "a 3x3 conv with 16 input channels and 32 output channels on a 28x28 map, pad 1. how many MACs does this 3x3 conv need?", [m], f"28*28*32*16*9 = {m} (torch shape {o})")
p,_,_ = conv(3,6,5); add("again-params-of-the-5x5", "layers", "conv 5x5, 3 in 6 out, input 32x32, no padding. params of the 5x5 conv?", [p], f"5*5*3*6+6 = {p} (torch)")
_,o,_ = conv(3,64,7,s=2,p=3,hw=224); add("again-output-of-the-7x7", "layers", "7x7 conv, 3->64, stride 2, pad 3 on 224x224: what is the output size of the 7x7 convolution?", [o[1]], f"torch shape {o}")
p,_,_ = conv(256,64,1); add("again-that-1x1", "layers", "a 1x1 conv reduces 256 channels to 64 on a 56x56 map. how many params does that 1x1 conv have?", [p], f"256*64+64 = {p} (torch)")
_,o,m = conv(128,64,3,p=1,hw=14); add("again-macs-of-the-3x3", "layers", "a 3x3 conv with 64 filters on a 14x14x128 input, padding 1. MACs of the 3x3 conv?", [m], f"14*14*64*128*9 = {m} (torch shape {o})")
# connections of one fully connected neuron: no unit count needed
add("fcunit-flattened-image-bias", "layers", "in a fully connected layer that takes a flattened 32x32 grayscale image, how many connections does each neuron have including the bias?", [1025], "32*32+1 = 1025")
add("fcunit-after-flatten-map", "layers", "a dense layer after flattening a 7x7x64 map: how many connections per unit including bias?", [3137], "7*7*64+1 = 3137")
add("fcunit-input-is-values", "layers", "fully connected layer whose input is 784 values: connections per neuron incl bias?", [785], "784+1 = 785")
add("fcunit-bias-excluded", "layers", "a dense layer on a flattened 32x32x3 image: how many connections does one neuron have, bias excluded?", [3072], "32*32*3 = 3072")
add("fcunit-bias-counted-as-one", "layers", "fully connected layer on 4x4x50 inputs, each unit connects to how many inputs (bias counted as one)?", [801], "4*4*50+1 = 801")
add("fcunit-mnist-weights", "layers", "each neuron of a fully connected layer on a flattened 28x28 image has how many weights?", [784], "28*28 = 784")
for c in C: print(json.dumps(c))
