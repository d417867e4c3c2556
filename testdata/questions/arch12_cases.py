# arch12 cases (prose.jsonl and code.jsonl, ids arch12-*): named torchvision
# networks changed (head swapped, avgpool = nn.Identity, other input sizes,
# backbone frozen). Each number checked with torch 1.13: torchvision is not
# installed here, so the networks are built below as torchvision builds
# them, and their totals checked against torchvision's published counts.
# Run with /usr/bin/python3; `prose` prints the prose rows, `code` the code rows.
import json, sys, torch, torch.nn as nn

def vgg_features(cfg):
    layers, c = [], 3
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(2, 2))
        else:
            layers += [nn.Conv2d(c, v, 3, padding=1), nn.ReLU(True)]; c = v
    return nn.Sequential(*layers)
VGG16 = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]
def vgg16(classes=1000):
    return nn.Sequential(vgg_features(VGG16), nn.AdaptiveAvgPool2d(7), nn.Flatten(),
        nn.Linear(25088, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, classes))
def alexnet_features():
    return nn.Sequential(nn.Conv2d(3, 64, 11, 4, 2), nn.ReLU(), nn.MaxPool2d(3, 2), nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(), nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2))
def alexnet(classes=1000):
    return nn.Sequential(alexnet_features(), nn.AdaptiveAvgPool2d(6), nn.Flatten(), nn.Dropout(), nn.Linear(9216, 4096), nn.ReLU(),
        nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, classes))
class Basic(nn.Module):
    def __init__(s, i, o, st):
        super().__init__()
        s.a = nn.Sequential(nn.Conv2d(i, o, 3, st, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(), nn.Conv2d(o, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o))
        s.d = nn.Sequential(nn.Conv2d(i, o, 1, st, bias=False), nn.BatchNorm2d(o)) if st != 1 or i != o else nn.Identity()
    def forward(s, x): return torch.relu(s.a(x) + s.d(x))
def resnet_features(blocks):
    layers, c = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1)], 64
    for k, (n, o) in enumerate(zip(blocks, [64, 128, 256, 512])):
        for b in range(n):
            layers.append(Basic(c, o, 2 if b == 0 and k > 0 else 1)); c = o
    return nn.Sequential(*layers)
def resnet(blocks, classes=1000):
    return nn.Sequential(resnet_features(blocks), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, classes))
def params(m, trainable=False): return sum(p.numel() for p in m.parameters() if p.requires_grad or not trainable)
def flat(m, hw): return m(torch.zeros(1, 3, hw, hw)).flatten(1).shape[1]
def lin(i, o): return params(nn.Linear(i, o))

R18, R34 = resnet([2, 2, 2, 2]), resnet([3, 4, 6, 3])
assert params(R18) == 11689512 and params(R34) == 21797672 and params(vgg16()) == 138357544 and params(alexnet()) == 61100840
MOBILENET_V2, EFFICIENTNET_B0, LAST_CHANNEL = 3504872, 5288548, 1280  # torchvision's published counts; last_channel
with torch.no_grad():
    vgg_f, alex_f, r18_f = vgg_features(VGG16), alexnet_features(), resnet_features([2, 2, 2, 2]).eval()
    alex_in = lambda hw: flat(nn.Sequential(alex_f, nn.AdaptiveAvgPool2d(6)), hw)
    r18_map = lambda hw: tuple(r18_f(torch.zeros(1, 3, hw, hw)).shape[1:])
    r34_map = lambda hw: tuple(resnet_features([3, 4, 6, 3]).eval()(torch.zeros(1, 3, hw, hw)).shape[1:])

P, K = [], []
def add(rows, id, kind, text, head, working, unused=()):
    rows.append(dict(id="arch12-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))

# a changed head: the new Linear's parameters, the trainable count with the backbone frozen, the total
r = R18; f = nn.Linear(512, 5); m = resnet([2, 2, 2, 2], 5)
for p in m.parameters(): p.requires_grad = False
m[3] = f
add(K, "frozen-resnet18-fc5", "pytorch", "Fine tuning resnet18, how many trainable parameters after freezing?\n\n```\nmodel = torchvision.models.resnet18(pretrained=True)\nfor p in model.parameters():\n    p.requires_grad = False\nmodel.fc = nn.Linear(model.fc.in_features, 5)\nn = sum(p.numel() for p in model.parameters() if p.requires_grad)\n```\nWhat should n be?", [params(m, True)], f"only fc trains: 512*5+5 = {params(m, True)}")
add(K, "frozen-resnet50-fc37", "pytorch", "model = models.resnet50(weights='IMAGENET1K_V2')\nfor param in model.parameters():\n    param.requires_grad = False\nmodel.fc = nn.Linear(2048, 37)\nhow many params will the optimizer actually update?", [lin(2048, 37)], f"2048*37+37 = {lin(2048, 37)}")
add(K, "vgg16-classifier6-total", "pytorch", "vgg16 with a new 10 class head - total params?\n\n```\nmodel = torchvision.models.vgg16()\nmodel.classifier[6] = nn.Linear(4096, 10)\nprint(sum(p.numel() for p in model.parameters()))\n```", [params(vgg16(10))], f"torch: {params(vgg16(10))}")
add(K, "effnet-b0-classifier1-total", "pytorch", "m = torchvision.models.efficientnet_b0()\nm.classifier[1] = nn.Linear(1280, 10)\nhow many params does the model have now?", [EFFICIENTNET_B0 - lin(1280, 1000) + lin(1280, 10)], f"published {EFFICIENTNET_B0} - {lin(1280, 1000)} + {lin(1280, 10)}")
add(K, "mobilenet-v2-last-channel", "pytorch", "mobilenet_v2 head swap\n\n```\nm = torchvision.models.mobilenet_v2(weights=\"IMAGENET1K_V1\")\nm.classifier[1] = nn.Linear(m.last_channel, 3)\n```\nhow many params in the new linear?", [lin(LAST_CHANNEL, 3)], f"1280*3+3 = {lin(LAST_CHANNEL, 3)}")
add(K, "mobilenet-v2-blank-in", "pytorch", "```\nm = torchvision.models.mobilenet_v2(weights=None)\nm.classifier[1] = nn.Linear(???, 5)\n```\nwhat goes in ??? and how many params does that layer have, 5 flower classes", [LAST_CHANNEL, lin(LAST_CHANNEL, 5)], f"last_channel 1280; 1280*5+5 = {lin(LAST_CHANNEL, 5)}")
add(P, "alexnet-classifier6-binary", "head-layer", "alexnet from torchvision, binary classification (cats/dogs). i replace classifier[6] (the 4096 -> 1000 one) with a layer for 2 classes. params of that new layer?", [lin(4096, 2)], f"4096*2+2 = {lin(4096, 2)}")
add(P, "alexnet-classifier6-37", "head-layer", "alexnet: I replace classifier[6] with a new linear for 37 classes. how many params in the new layer?", [lin(4096, 37)], f"4096*37+37 = {lin(4096, 37)}")
add(P, "resnet18-total-and-swapped", "head-total", "torchvision resnet18 total params w/ 1000 classes? and if i swap the fc to 10 classes", [params(R18), params(resnet([2, 2, 2, 2], 10))], f"torch: {params(R18)}; {params(resnet([2, 2, 2, 2], 10))}")
add(P, "vgg16-swap-2-total", "head-total", "vgg16 total params if I swap the classifier to output 2 classes?", [params(vgg16(2))], f"torch: {params(vgg16(2))}")
# avgpool = nn.Identity and other input sizes: what reaches the first Linear
with torch.no_grad():
    add(P, "vgg16-cifar-no-avgpool", "preset-context", "i'm using vgg16 from torchvision on 32x32 cifar images and did\n\nmodel.avgpool = nn.Identity()\n\nnow classifier[0] complains. what in_features should classifier[0] get?", [flat(vgg_f, 32)], f"5 maxpools: 32 -> 1; torch {flat(vgg_f, 32)}")
    add(P, "vgg16-160-no-avgpool", "preset-context", "vgg16 features, input 160x160, i removed model.avgpool (nn.Identity) and flatten directly. in_features for the first linear?", [flat(vgg_f, 160)], f"160/32 = 5; torch {flat(vgg_f, 160)}")
    add(P, "resnet18-no-avgpool-224", "preset-context", "resnet18 with model.avgpool = nn.Identity() on 224x224 images, what in_features should fc have?", [flat(r18_f, 224)], f"512*7*7, torch {flat(r18_f, 224)}")
    add(P, "alexnet-256-in-features", "preset-context", "torchvision alexnet last conv block gives 256x6x6 -> first linear in_features? and if i feed 256x256 imgs instead of 224 does it change", [alex_in(256)], f"AdaptiveAvgPool2d(6) keeps it: torch {alex_in(224)} at 224, {alex_in(256)} at 256")
    add(P, "resnet18-64-before-pool", "preset-context", "tiny imagenet 64x64 with an unmodified resnet18. what is the spatial size of the feature map right before the global avgpool?", [r18_map(64)[1]], f"torch {r18_map(64)}")
    add(P, "resnet34-32-before-pool", "preset-context", "resnet34 on 32x32 cifar inputs: what's the spatial size of the feature map before the avgpool?", [r34_map(32)[1]], f"torch {r34_map(32)}")

# fully connected layers written pair by pair ("fc 400->120 -> 120->84 -> 84->10") are one layer a pair
blitz = nn.Sequential(nn.Conv2d(1, 6, 5), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10))
add(P, "blitz-fc-pairs", "network", "lenet from the pytorch 60 min blitz: conv(1,6,5) -> pool2 -> conv(6,16,5) -> pool2 -> fc 400->120 -> 120->84 -> 84->10, 32x32 grayscale input. total number of params?", [params(blitz)], f"156 + 2416 + 48120 + 10164 + 850 = {params(blitz)} (torch)", ["60"])
add(P, "tutorial-fc-pairs", "network", "the cnn from the pytorch tutorial: conv(1,6,5) -> pool2 -> conv(6,16,5) -> pool2 -> fc 400->120 -> 120->84 -> 84->10 on a 32x32 input. how many params?", [params(blitz)], f"torch {params(blitz)}")
mlp2 = nn.Sequential(nn.Linear(512, 128), nn.Linear(128, 128), nn.Linear(128, 10))
add(P, "mlp-fc-chain-equal", "dense", "fully connected 512 -> 128 -> 128 -> 10, total params?", [params(mlp2)], f"three layers, 128->128 one of them: torch {params(mlp2)}")

# LeNet-5's layers as the paper counts them: the bias is a connection; S2/S4 have one coefficient and one bias per
# map; C3 reads S2 through the partial table (6 maps read 3, 9 read 4, 1 reads 6). Built with torch below.
def lenet_c1():
    c = nn.Conv2d(1, 6, 5); o = c(torch.zeros(1, 1, 32, 32)); return params(c), params(c) * o.shape[2] * o.shape[3], tuple(o.shape[1:])
def lenet_s2(maps, side):  # a trainable coefficient and bias per map, on 2x2 sums: 4 inputs + bias per unit
    coef = nn.Conv2d(maps, maps, 1, groups=maps); return params(coef), (4 + 1) * maps * side * side
def lenet_c3():
    convs = [nn.Conv2d(k, 1, 5, bias=False) for k in [3] * 6 + [4] * 9 + [6]]
    p = sum(params(c) for c in convs) + 16; o = convs[0](torch.zeros(1, 3, 14, 14)); return p, p * o.shape[2] * o.shape[3], o.shape[2]
with torch.no_grad():
    p1, k1, o1 = lenet_c1(); p2, k2 = lenet_s2(6, 14); p3, k3, s3 = lenet_c3(); p4, k4 = lenet_s2(16, 5)
add(P, "lenet-c1-connections-paper", "connections", "LeNet-5 C1 connections - paper says 156 trainable parameters but how many connections?\nI get 156 params fine (6 maps * (25+1)) but the paper mentions a number of connections too and I can't reproduce it. C1 output is 28x28x6 from a 32x32 input.", [k1], f"(25+1)*6*28*28 = {k1} (torch C1 {p1} params, out {o1})")
add(P, "lenet-c1-connections-chat", "connections", "lenet5 C1: 6 maps 28x28 from 32x32 input, 5x5 kernels. how many connections (paper counts the bias as a connection)", [k1], f"{p1}*28*28 = {k1}")
add(P, "lenet-c1-params-short", "params", "LeNet-5 C1 how many trainable params?", [p1], f"torch {p1}")
add(P, "lenet-s2-connections", "connections", "lenet-5 paper: S2 is 6 maps of 14x14, each unit takes a 2x2 area of C1, times a trainable coefficient plus bias. it has 12 trainable params. how many connections?", [k2], f"(4+1)*6*14*14 = {k2}; params {p2}")
add(P, "lenet-s4-params", "params", "LeNet-5 S4 trainable params?", [p4], f"a coefficient and a bias per map: {p4}")
add(P, "lenet-s4-connections", "connections", "how many connections does S4 of lenet-5 have?", [k4], f"(4+1)*16*5*5 = {k4}")
add(P, "lenet-c3-table", "connections", "lenet5 C3 parameters and connections\nC3 has 16 maps of 10x10 with 5x5 kernels but the partial connection table (6 maps take 3 S2 maps, 9 take 4, 1 takes all 6). trainable params and connections?", [p3, k3], f"25*60+16 = {p3}; *{s3}*{s3} = {k3}")
add(P, "lenet-c3-connections-short", "connections", "how many connections does the C3 layer of LeNet-5 have?", [k3], f"{p3}*100 = {k3}")
c3full = nn.Conv2d(6, 16, 5)
add(P, "lenet-c3-all-maps", "params", "our course's lenet-5 connects C3 to all 6 maps of S2, no connection table. 16 filters of 5x5. trainable params of C3?", [params(c3full)], f"5*5*6*16+16 = {params(c3full)} (torch)")
add(P, "lenet-c3-not-table-connections", "connections", "lenet5 but C3 is a normal conv over all six S2 maps (not the partial table): 16 maps of 10x10, 5x5 kernels. how many connections, bias counted?", [params(c3full) * 100], f"{params(c3full)}*10*10 = {params(c3full) * 100}")
add(P, "lenet-s4-flatten", "network", "lenet-5: after S4 theres 16 maps of 5x5, how many numbers go into the next layer if u flatten", [16 * 5 * 5], f"torch {nn.Flatten()(torch.zeros(1, 16, 5, 5)).shape[1]}")
add(P, "lenet-s2-flatten", "network", "in lenet, how many values does S2 output if flattened?", [nn.Flatten()(torch.zeros(1, 6, 14, 14)).shape[1]], "6*14*14")

rows = P if sys.argv[1:] == ["prose"] else K
for c in rows: print(json.dumps(c))
