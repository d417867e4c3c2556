# named14 cases (prose.jsonl and code.jsonl, ids named14-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines: those with "file": "code" go to code.jsonl
# (the field dropped), the others to prose.jsonl. torchvision is not installed: VGG16/19 and
# AlexNet are built here as torchvision builds them; ResNet and DenseNet totals are torchvision's
# published counts, and only their heads are built.
import json, torch, torch.nn as nn
def n(m): return sum(x.numel() for x in m.parameters())
def sd(m): return sum(v.numel() for v in m.state_dict().values())
def conv_out(m, *shape):
    return tuple(m(torch.zeros(1, *shape)).shape[1:])
def vgg(cfg):
    layers, c = [], 3
    for v in cfg:
        if v == 'M': layers.append(nn.MaxPool2d(2, 2))
        else: layers += [nn.Conv2d(c, v, 3, padding=1), nn.ReLU()]; c = v
    feats = nn.Sequential(*layers)
    cls = nn.Sequential(nn.Linear(512*7*7, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 1000))
    return feats, cls
V16 = [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M']
V19 = [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M']
f16, c16 = vgg(V16); f19, c19 = vgg(V19)
assert n(f16) + n(c16) == 138357544
afeat = nn.Sequential(nn.Conv2d(3, 64, 11, 4, 2), nn.ReLU(), nn.MaxPool2d(3, 2), nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
                      nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(), nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2))
acls = nn.Sequential(nn.Dropout(), nn.Linear(256*6*6, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 1000))
ALEX = n(afeat) + n(acls); assert ALEX == 61100840
RESNET18, RESNET50, DENSENET121 = 11689512, 25557032, 7978856  # torchvision's published counts
C = []
def add(id, kind, text, head, working, unused=(), code=False):
    row = dict(id="named14-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working)
    if code: row["file"] = "code"
    C.append(row)

# BatchNorm's state_dict: weight, bias, running_mean, running_var (C each) and num_batches_tracked (1)
for c, id, text in [(64, "bn-state-dict-incl-num-batches", "BatchNorm2d(64) state_dict, how many numbers total incl running stats and num_batches_tracked"),
                    (64, "bn-checkpoint-numbers-saved", "batchnorm with 64 channels: total numbers saved in the checkpoint including running mean/var and num_batches_tracked"),
                    (100, "bn1d-state-dict-has-how-many", "nn.BatchNorm1d(100) -> state_dict has how many values?"),
                    (32, "bn-params-plus-buffers", "BatchNorm2d(32): params + buffers in total?")]:
    m = nn.BatchNorm2d(c); add(id, "layers", text, [sd(m)], f"torch state_dict numel: 4*{c}+1 = {sd(m)}")

# a conv without weight sharing: every output neuron has its own weights and bias
o = conv_out(nn.Conv2d(3, 96, 11, 4), 3, 227, 227); u = o[0]*o[1]*o[2]*(11*11*3+1)
add("unshared-did-not-share-weights", "layers", "conv 11x11 stride 4 96 filters on 227x227x3, params if we did not share weights?", [u], f"torch output {o}; 55*55*96*(11*11*3+1) = {u}")
add("unshared-each-output-neuron-own", "layers", "conv layer 96 filters 11x11, stride 4, input 227x227x3. if each output neuron had its own weights, how many params?", [u], f"torch output {o}; 55*55*96*(11*11*3+1) = {u}")
o = conv_out(nn.Conv2d(3, 32, 5), 3, 32, 32); u = o[0]*o[1]*o[2]*(5*5*3+1)
add("unshared-filters-werent-shared", "layers", "how many parameters would a 5x5 conv with 32 filters on a 32x32x3 image have if the filters weren't shared across positions?", [u], f"torch output {o}; 28*28*32*(5*5*3+1) = {u}")

# a follow-up quiz question: "same ... input, but now the hidden layer is a conv"
p = n(nn.Conv2d(3, 100, 5))
add("quiz-same-input-but-now-conv", "layers", "follow up to the previous quiz q: same 300x300 rgb input, but now the first hidden layer is a conv layer with 100 filters each 5x5. how many params incl bias? I wrote 2500 and it was marked wrong lol", [p], f"torch Conv2d(3,100,5): {p}", ["2500"])
add("quiz-hidden-layer-is-a-conv", "layers", "300x300 rgb input, first hidden layer is a conv layer with 100 filters each 5x5. params?", [p], f"torch Conv2d(3,100,5): {p}")
p = n(nn.Conv2d(3, 10, 3))
add("quiz-same-input-but-now-filters", "layers", "same 32x32x3 input but now the conv has 10 filters of 3x3, how many parameters?", [p], f"torch Conv2d(3,10,3): {p}")

# U-Net's up-convolution: a transposed conv, named before its sizes
for cin, cout, id, text in [(1024, 512, "upconv-unet-first-is-a", "unet decoder: the first up-conv is a 2x2 transposed conv with stride 2 going from 1024 to 512 channels. how many params incl bias in that layer"),
                            (1024, 512, "upconv-first-conv-is-a-transposed", "the first conv is a 2x2 transposed conv with stride 2 going from 1024 to 512 channels. params?"),
                            (512, 256, "upconv-two-words", "up conv 2x2 stride 2, 512 -> 256 channels: params incl bias"),
                            (256, 128, "upconv-layers-are-2x2", "in unet the up-conv layers are 2x2; the one from 256 to 128 channels has how many params?")]:
    p = n(nn.ConvTranspose2d(cin, cout, 2, 2)); add(id, "layers", text, [p], f"torch ConvTranspose2d({cin},{cout},2,2): {p}")

# a keyword written without its '=' in a hand-written call
add("conv3d-kernel-3x3x3-no-equals", "pytorch", "c3d style net, second conv is Conv3d(64,128,kernel 3x3x3, padding 1) with bias. param count?", [n(nn.Conv3d(64, 128, 3, padding=1))], f"torch Conv3d(64,128,3,padding=1): {n(nn.Conv3d(64, 128, 3, padding=1))}", code=True)
add("conv2d-kernel-7-no-equals", "pytorch", "nn.Conv2d(3, 64, kernel 7, stride 2, padding 3) params?", [n(nn.Conv2d(3, 64, 7, 2, 3))], f"torch: {n(nn.Conv2d(3, 64, 7, 2, 3))}", code=True)

# a 1-D conv over N frames: the sequence's length
m = nn.Conv1d(256, 512, 1); o = conv_out(m, 256, 100); mac = o[0]*o[1]*256
add("conv1d-pointwise-over-frames", "pytorch", "pointwise Conv1d(256, 512, kernel_size=1) over 100 frames: MACs without bias?", [mac], f"torch output {o}; 100*256*512 = {mac}", code=True)
m = nn.Conv1d(80, 256, 3, padding=1); o = conv_out(m, 80, 200); mac = o[0]*o[1]*80*3
add("conv1d-mel-frames", "pytorch", "nn.Conv1d(80, 256, 3, padding=1) applied to 200 frames of mel features, output shape and MACs?", [o[1], mac], f"torch output {o}; 200*256*80*3 = {mac}", code=True)
add("conv1d-1x1-words-frames", "layers", "conv1d 1x1 from 256 to 512 channels over 100 frames, MACs?", [13107200], "torch Conv1d(256,512,1) on 100: 100*256*512 = 13107200")
add("conv1d-pointwise-words-frames", "layers", "pointwise conv1d 256->512 over 100 frames macs no bias", [13107200], "torch Conv1d(256,512,1) on 100: 100*256*512 = 13107200")

# LeNet-5's C3 from the paper: its partial connection table; "98" is a year
c3 = 25*(6*3 + 9*4 + 1*6) + 16
add("lenet-c3-lecun-98", "layers", "LeNet-5 question from the original paper (LeCun 98). layer C3 has 16 maps of 10x10 with 5x5 kernels, but not every map connects to all 6 S2 maps (the connection table). how many trainable params and how many connections does C3 have? I keep getting 2416", [c3, c3*100], f"25*60+16 = {c3}; {c3}*10*10 = {c3*100}", ["98", "2416"])
add("lenet-c3-et-al-1998", "layers", "In LeCun et al. 1998, C3 of LeNet-5 doesn't connect each map to all S2 maps. How many trainable parameters does C3 have?", [c3], f"25*60+16 = {c3}", ["1998"])

# torchvision networks with a frozen part or a swapped head
add("head-freeze-all-but-fc-classes", "head-output", "resnet18 pretrained, freeze all but fc, 5 classes, trainable params?", [n(nn.Linear(512, 5))], f"torch Linear(512, 5): {n(nn.Linear(512, 5))}")
add("head-frozen-except-the-fc", "head-output", "resnet50 frozen except the fc, 10 classes: how many trainable parameters?", [n(nn.Linear(2048, 10))], f"torch Linear(2048, 10): {n(nn.Linear(2048, 10))}")
add("head-everything-frozen-except-last-linear", "head-output", "pretrained vgg16 for 3 classes with everything frozen except the last linear, trainable params?", [n(nn.Linear(4096, 3))], f"torch Linear(4096, 3): {n(nn.Linear(4096, 3))}")
add("frozen-vgg16-features", "head-output", "vgg16 froze features, trainable params?", [n(c16)], f"torch vgg16 classifier: {n(c16)}")
add("frozen-alexnet-conv-layers", "head-output", "alexnet with the conv layers frozen: how many trainable parameters?", [n(acls)], f"torch alexnet classifier: {n(acls)}")
add("frozen-vgg19-convolutional-base", "head-output", "vgg19 pretrained, I froze the convolutional base. how many parameters will be updated during training?", [n(c19)], f"torch vgg19 classifier: {n(c19)}")
add("frozen-resnet18-backbone", "head-output", "resnet18, backbone frozen, how many params are trainable?", [n(nn.Linear(512, 1000))], f"torch Linear(512, 1000): {n(nn.Linear(512, 1000))}")
add("classifier-index-vgg16-0", "head-output", "vgg16 classifier[0] params", [n(c16[0])], f"torch vgg16 classifier[0]: {n(c16[0])}")
add("classifier-index-alexnet-1", "head-output", "alexnet classifier[1] params", [n(acls[1])], f"torch alexnet classifier[1]: {n(acls[1])}")
add("classifier-index-vgg19-weights", "head-output", "how many weights in vgg19's classifier[3]?", [c19[3].weight.numel()], f"torch vgg19 classifier[3].weight: {c19[3].weight.numel()}")
t = ALEX - n(acls[6]) + n(nn.Linear(4096, 10))
add("swap-alexnet-linear-new-total", "head-output", "torchvision alexnet has 61,100,840 params. if I replace the final Linear(4096, 1000) with Linear(4096, 10), what's the new total?", [t], f"61100840 - {n(acls[6])} + {n(nn.Linear(4096, 10))} = {t}")
t = RESNET18 - n(nn.Linear(512, 1000)) + n(nn.Linear(512, 7))
add("swap-resnet18-linear-total-now", "head-output", "resnet18: swapped fc Linear(512, 1000) for Linear(512, 7). total params now?", [t], f"11689512 - 513000 + {n(nn.Linear(512, 7))} = {t}")
t = n(f16) + n(c16) - n(c16[6]) + n(nn.Linear(4096, 2))
add("swap-vgg16-classifier-6", "head-output", "cats vs dogs with vgg16 from torchvision, replacing classifier[6] (the last Linear 4096->1000) with a 4096->2 one. vgg16 has 138,357,544 params originally. how many params in the new layer and in the whole net after the swap?", [n(nn.Linear(4096, 2)), t], f"torch Linear(4096,2): {n(nn.Linear(4096, 2))}; 138357544 - 4097000 + 8194 = {t}")
t = RESNET50 - n(nn.Linear(2048, 1000)) + n(nn.Linear(2048, 2))
add("classes-binary-two-output-neurons", "head-output", "resnet50 for binary classification (two output neurons), total params?", [t], f"25557032 - 2049000 + 4098 = {t}")
t = RESNET18 - n(nn.Linear(512, 1000)) + n(nn.Linear(512, 2))
add("classes-binary-classifier", "head-output", "resnet18 as a binary classifier, how many params in total?", [t], f"11689512 - 513000 + 1026 = {t}")
t = DENSENET121 - n(nn.Linear(1024, 1000)) + n(nn.Linear(1024, 3))
add("classes-output-neurons", "head-output", "densenet121 with 3 output neurons, total params?", [t], f"7978856 - 1025000 + 3075 = {t}")
# AlexNet's two-GPU convs: groups=2, each filter reads half the input channels
m = nn.Conv2d(96, 256, 5, padding=2, groups=2); per = m.weight[0].numel()
add("groups-alexnet-conv2-gpu-groups", "layers", "alexnet conv2 with the 2 gpu groups: 96 -> 256, 5x5, groups=2. weights per neuron and total params", [per, n(m)], f"torch weight {tuple(m.weight.shape)}: 5*5*48 = {per}; 256*{per}+256 = {n(m)}")
add("groups-colon-arrow", "layers", "conv2 with the 2 gpu groups: 96 -> 256, 5x5, groups=2. weights per neuron and total params", [per, n(m)], f"torch weight {tuple(m.weight.shape)}: 5*5*48 = {per}; 256*{per}+256 = {n(m)}")
add("groups-split-in-2", "layers", "AlexNet's second conv split in 2 groups: 96 -> 256 channels, 5x5 kernels. params?", [n(m)], f"torch Conv2d(96,256,5,groups=2): {n(m)}")
for c in C: print(json.dumps(c))
