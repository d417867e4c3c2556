# vocab12 cases (prose.jsonl, ids vocab12-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl
# ("code" as its argument: those appended to code.jsonl).
import json, sys, torch, torch.nn as nn
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
def conv3d(cin, cout, k, p=0, dhw=None):
    m = nn.Conv3d(cin, cout, k, padding=p)
    params = sum(x.numel() for x in m.parameters())
    o = m(torch.zeros(1, cin, *dhw)); out = tuple(o.shape[1:])
    return params, out, o.numel() * cin * k ** 3
def lin(i, o, bias=True):
    return sum(x.numel() for x in nn.Linear(i, o, bias=bias).parameters())
def keep_pad(k, d=1):
    p = d * (k - 1) // 2
    assert nn.Conv2d(1, 1, k, padding=p, dilation=d)(torch.zeros(1, 1, 37, 37)).shape[-1] == 37
    return p
def state_dict_numbers(m):
    return sum(v.numel() for v in m.state_dict().values())
C, CODE = [], []
def add(id, kind, text, head, working, unused=(), must=None, solve=None):
    c = dict(id="vocab12-" + id, kind=kind, text=text, must_contain=must or head, head=head, unused=list(unused), working=working)
    if solve:
        c["solve"] = solve
    (CODE if kind.startswith("code-") else C).append(c)

# a title ending in a setting's name ("... with dilation") gives the next line's first number no setting
add("title-dilation-then-kernel", "inverse", "padding to keep size with dilation\n3x3 kernel, dilation=4, stride 1. what int padding keeps H and W unchanged", [keep_pad(3,4)], "p = 4*(3-1)/2 = 4 (torch: 37 -> 37); the title's 'dilation' and the body's '3x3' are not 'dilation 3'", solve={"unknown": "pad", "solutions": [keep_pad(3,4)]})
add("title-dilation-5x5", "inverse", "same padding with dilation\n5x5 conv, dilation 3, stride 1: padding so the output size equals the input size?", [keep_pad(5,3)], "p = 3*(5-1)/2 = 6 (torch: 37 -> 37)", solve={"unknown": "pad", "solutions": [keep_pad(5,3)]})
add("title-atrous-dilation", "inverse", "atrous conv padding, dilation\n3x3 kernel with dilation 6, stride 1: what padding keeps 65x65 at 65x65?", [keep_pad(3,6)], "p = 6*(3-1)/2 = 6 (torch: 37 -> 37)", solve={"unknown": "pad", "solutions": [keep_pad(3,6)]})

# "MACs (no bias)" names the MAC convention; the parameters asked with their bias keep it
p,_,m = conv(2048,512,1,hw=7)
add("macs-no-bias-params-with", "bias-words", "1x1 conv reduce channels\n1x1 conv from 2048 to 512 channels on a 7x7 map. params (with bias) and MACs (no bias)?", [p, m], f"2048*512+512 = {p}; 49*2048*512 = {m} (torch)")
p,_,m = conv(64,128,3,hw=56)
add("macs-excluding-params-including", "bias-words", "conv 3x3 64->128 on 56x56: params including bias and MACs excluding bias", [p, m], f"3*3*64*128+128 = {p}; 54*54*128*576 = {m} (torch)")
add("flops-no-biases-params-incl", "bias-words", "dense 512 -> 256: flops (no biases), params incl. bias?", [2*512*256, lin(512,256)], f"FLOPs = 2*512*256 = {2*512*256}; params 512*256+256 = {lin(512,256)}")
p,_,m = conv(3,16,5,hw=32)
add("macs-without-bias-params-with", "bias-words", "MACs without bias for a 5x5 conv 3->16 on 32x32, and params with bias?", [m, p], f"28*28*16*75 = {m}; 5*5*3*16+16 = {p} (torch)")

# "a fully connected layer 4096 -> 1000" with a batch said: the 4096 is the inputs, not the layer's place
add("fc-layer-pair-batch-one", "dense", "multiply-accumulates for a fully connected layer 4096 -> 1000, batch size 1, not counting bias?", [4096*1000], "4096*1000 = 4096000")
add("fc-layer-pair-batch-size", "dense", "MACs of a fully connected layer 2048 -> 10, batch size 1?", [2048*10], "2048*10 = 20480")
add("fc-layer-pair-batch-of", "dense", "a fully connected layer 784 -> 128, batch of 1: how many multiply-accumulates", [784*128], "784*128 = 100352")

# CS231n's letters after "what's the output for": the output is asked, W is given
_,o,_ = conv(1,1,3,s=2,hw=10)
add("letters-whats-output-size", "formula", "whats the output size for W=10 F=3 S=2 P=0? cs231n says invalid but what does pytorch actually give", [o[1]], f"floor((10-3)/2)+1 = {o[1]} (torch shape {o})")
_,o,_ = conv(1,1,3,s=2,p=1,hw=7)
add("letters-whats-output-for", "formula", "what's the output for W=7 F=3 S=2 P=1?", [o[1]], f"floor((7-3+2)/2)+1 = {o[1]} (torch shape {o})")
_,o,_ = conv(1,96,11,s=4,hw=227)
add("letters-whats-output-volume", "formula", "whats the output volume for W=227 F=11 S=4 P=0 K=96", [o[1], o[0]], f"(227-11)/4+1 = {o[1]}, 96 deep (torch shape {o})")

# a conv over a clip or a scan, with a kernel of three sides, is a 3-D conv
_,o,m = conv3d(3,64,3,p=1,dhw=(16,112,112))
add("clip-c3d-first-conv", "layers", "c3d first conv: 3->64 3x3x3 pad 1 on a 16x112x112 clip. how many MACs (no bias)?", [m], f"torch shape {o}; {o[0]*o[1]*o[2]*o[3]} outputs * 81 = {m}")
_,o,_ = conv3d(3,64,3,dhw=(16,112,112))
add("clip-video-channels-last", "layers", "conv 3x3x3, 64 filters, on a 16x112x112x3 video clip: output shape?", list(o), f"torch shape {o}")
p,_,_ = conv3d(1,32,3,p=1,dhw=(8,8,8))
add("clip-mri-channels-first", "layers", "a 3x3x3 conv with 32 filters on a 1x64x64x64 MRI volume, padding 1: params?", [p], f"3*3*3*1*32+32 = {p} (torch); 1x64x64x64 is C×D×H×W")
_,o,m = conv3d(64,64,3,dhw=(8,56,56))
add("clip-i3d-macs", "layers", "I3D: 3x3x3 conv 64->64 on 8x56x56 clip, MACs?", [m], f"torch shape {o}; {o[0]*o[1]*o[2]*o[3]} outputs * 64*27 = {m}")

# a batch size in words
b = 64*112*112*4*32
add("batch-thirty-two-mib", "memory", "conv output 64 ch 112x112 float32 batch of thirty two, how much memory is just that activation in MiB", [round(b/2**20)], f"64*112*112*4 B * 32 = {b} B = {b/2**20:.0f} MiB (torch: torch.zeros(32,64,112,112).element_size()*numel)")
assert torch.zeros(32,64,112,112).element_size() * torch.zeros(32,64,112,112).numel() == b
b = torch.zeros(16,3,224,224).numel() * 4
add("batch-sixteen-images", "memory", "a batch of sixteen 224x224 RGB images in float32: how many bytes?", [b], f"16*3*224*224*4 = {b}")
b = torch.zeros(64,128,56,56, dtype=torch.float16); b = b.numel() * b.element_size()
add("batch-sixty-four-fp16", "memory", "feature map 128x56x56, fp16, batch size sixty four, memory in bytes?", [b], f"64*128*56*56*2 = {b} (torch float16)")

# a state_dict holds a batch norm's running statistics and num_batches_tracked
bn = nn.BatchNorm2d(256)
add("state-dict-bn-everything", "norm", "batchnorm2d state dict size\nBatchNorm2d(256): how many trainable params, and how many numbers total are in its state_dict (everything incl. running stats and num_batches_tracked)?", [sum(x.numel() for x in bn.parameters()), state_dict_numbers(bn)], f"2*256 = 512; state_dict numel sum = {state_dict_numbers(bn)} (torch)")
bn = nn.BatchNorm2d(128)
add("state-dict-values-in", "norm", "nn.BatchNorm2d(128) - how many values in its state_dict?", [state_dict_numbers(bn)], f"4*128+1 = {state_dict_numbers(bn)} (torch)")
bn = nn.BatchNorm2d(64)
add("state-dict-numbers-hold", "norm", "batchnorm 64: how many numbers does its state dict hold in total?", [state_dict_numbers(bn)], f"4*64+1 = {state_dict_numbers(bn)} (torch)")
bn = nn.BatchNorm1d(100)
add("state-dict-entries-1d", "norm", "how many entries does the state dict of nn.BatchNorm1d(100) have in total", [state_dict_numbers(bn)], f"4*100+1 = {state_dict_numbers(bn)} (torch)")

# CS231n's neurons: an output volume H×W×K of neurons, each looking at F×F×D
p,_,_ = conv(3,96,11)
add("neurons-each-looking-at", "layers", "alexnet conv1 params with weight sharing\ncs231n says conv1 has 55x55x96 = 290,400 neurons each looking at 11x11x3. with parameter sharing how many params does the layer actually have (bias incl)?", [p], f"96*(11*11*3+1) = {p} (torch)", ["55", "290,400"])
add("neurons-connected-to-patch", "layers", "55x55x96 output neurons, each connected to an 11x11x3 patch of the input: params with weight sharing (incl bias)?", [p], f"96*(11*11*3+1) = {p} (torch)", ["55"])
p,_,_ = conv(3,12,5)
add("neurons-looks-at-there-are", "layers", "each neuron looks at 5x5x3 and there are 32x32x12 neurons. how many params with parameter sharing", [p], f"12*(5*5*3+1) = {p} (torch)", ["32"])
p,_,_ = conv(3,96,11)
add("neurons-conv-layer-region", "layers", "a conv layer has 55x55x96 neurons, each looking at a 11x11x3 region. with parameter sharing how many params?", [p], f"96*(11*11*3+1) = {p} (torch)", ["55"])

# the setting asked after an arrow: "k=7, s=1, d=2 -> padding for same size?"
add("arrow-padding-for-same", "inverse", "kernel=7, stride=1, dilation=2 -> padding for same size?", [keep_pad(7,2)], "p = 2*(7-1)/2 = 6 (torch: 37 -> 37)", solve={"unknown": "pad", "solutions": [keep_pad(7,2)]})
add("arrow-padding-to-keep", "inverse", "kernel 5 stride 1 -> padding to keep the size?", [keep_pad(5)], "p = (5-1)/2 = 2 (torch: 37 -> 37)", solve={"unknown": "pad", "solutions": [keep_pad(5)]})
# "(bias not counted)" after the MACs is the count's convention too
p,_,m = conv(64,128,3,s=2,p=1,hw=56)
add("macs-bias-not-counted-params-counted", "bias-words", "conv 3x3 64->128 s2 p1 on 56x56: MACs (bias not counted) and params (bias counted)", [m, p], f"28*28*128*576 = {m}; 3*3*64*128+128 = {p} (torch)")
add("flops-bias-excluded-params-with", "bias-words", "linear 1024 -> 512: params with bias, and FLOPs (bias excluded)?", [lin(1024,512), 2*1024*512], f"1024*512+512 = {lin(1024,512)}; 2*1024*512 = {2*1024*512}")

# "the weight tensor" is the parameters' room, not an activation's
m = nn.Conv2d(256, 512, 3).half()
b = sum(x.numel() * x.element_size() for x in m.parameters())
add("code-weight-tensor-bytes", "code-memory", "how many bytes does the weight tensor of nn.Conv2d(256, 512, 3) take in fp16", [m.weight.numel()*2], f"torch: conv.half().weight.numel()*element_size() = {m.weight.numel()*2} (.weight excludes the bias; with it {b})")
m = nn.Linear(1024, 256)
b = sum(x.numel() * 4 for x in m.parameters())
add("code-param-tensors-mb", "code-memory", "nn.Linear(1024, 256): how many bytes do its parameter tensors take in float32?", [b], f"(1024*256+256)*4 = {b}")

# CS231n's W2, H2, D2 asked: the output volume, not a dilation ("D2")
_,o,_ = conv(3,10,5,p=2,hw=32)
add("letters-w2-h2-d2", "formula", "W1=32, H1=32, D1=3, K=10, F=5, S=1, P=2. what are W2, H2, D2?", [o[1], o[0]], f"(32-5+4)/1+1 = {o[1]}, D2 = K = 10 (torch shape {o})")
_,o,_ = conv(3,96,11,s=4,hw=227)
add("letters-w2-x-h2-x-d2", "formula", "input W1 = 227, H1 = 227, D1 = 3; K = 96 filters, F = 11, S = 4, P = 0: compute W2 x H2 x D2", [o[1], o[0]], f"(227-11)/4+1 = {o[1]}, D2 = 96 (torch shape {o})")

# a batch in words beside pasted code: the words' batch, as in digits
m = nn.Conv2d(64, 128, 3, padding=1); o = m(torch.zeros(32, 64, 56, 56))
add("code-batch-thirty-two-paste", "code-memory", "nn.Conv2d(64,128,3,padding=1) on a 56x56 input, batch of thirty two: memory of the output in float32?", [o.numel() * 4], f"torch output {tuple(o.shape)}: {o.numel()} values * 4 = {o.numel()*4} bytes")
m = nn.Linear(512, 10); o = m(torch.zeros(16, 512))
add("code-batch-sixteen-linear", "code-memory", "nn.Linear(512, 10) with a batch size of sixteen, output bytes in fp32?", [o.numel() * 4], f"torch output {tuple(o.shape)}: {o.numel()} values * 4 = {o.numel()*4} bytes")

for c in (CODE if sys.argv[1:] == ["code"] else C):
    print(json.dumps(c, ensure_ascii=False))
