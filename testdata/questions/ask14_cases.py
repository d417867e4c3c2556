# ask14 cases (prose.jsonl, ids ask14-*): a message asking two parts, each
# answered. Each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
def out(m, c, hw):
    return tuple(m(torch.zeros(1, c, hw, hw)).shape[1:])
def macs(cin, cout, k, s, p, hw):
    o = nn.Conv2d(cin, cout, k, s, p, bias=False)(torch.zeros(1, cin, hw, hw))
    return o.numel() * cin * k * k
C = []
def add(id, text, head, working):
    C.append(dict(id="ask14-" + id, kind="two-parts", text=text, must_contain=head, head=head, unused=[], working=working))
# "X, and with SETTING?": the same asked again with the change
a, b = out(nn.MaxPool2d(3, 2), 1, 112)[1], out(nn.MaxPool2d(3, 2, ceil_mode=True), 1, 112)[1]
add("pool-out-and-with-ceil", "maxpool 3 stride 2 on 112x112 (pytorch). whats out size, and with ceil_mode=True?", [a, b], f"torch floor {a}, ceil {b}")
a, b = out(nn.MaxPool2d(3, 2), 1, 56)[1], out(nn.MaxPool2d(3, 2, ceil_mode=True), 1, 56)[1]
add("pool-out-and-if-ceil", "what is the output size of maxpool 3x3 stride 2 on a 56x56 input, and if ceil_mode=True?", [a, b], f"torch floor {a}, ceil {b}")
a, b = out(nn.AvgPool2d(2, 2), 1, 15)[1], out(nn.AvgPool2d(2, 2, ceil_mode=True), 1, 15)[1]
add("avgpool-out-and-with-ceil", "avgpool 2 stride 2 on 15x15, whats the output size, and with ceil_mode=True?", [a, b], f"torch floor {a}, ceil {b}")
a, b = out(nn.Conv2d(3, 16, 5), 3, 32)[1], out(nn.Conv2d(3, 16, 5, stride=2), 3, 32)[1]
add("conv-out-and-with-stride", "conv 5x5 3->16 on 32x32 no pad, what's the output size, and with stride 2?", [a, b], f"torch {a}, stride 2 {b}")
a, b = out(nn.Conv2d(32, 64, 3, padding=1), 32, 28)[1], out(nn.Conv2d(32, 64, 3, stride=2, padding=1), 32, 28)[1]
add("conv-out-and-if-stride", "3x3 conv 32->64 pad 1 on 28x28, what is the output size, and if stride=2?", [a, b], f"torch {a}, stride 2 {b}")
# "how many with stride 1, and how many with stride 2?"
a, b = macs(16, 32, 3, 1, 1, 64), macs(16, 32, 3, 2, 1, 64)
add("macs-with-stride-and-how-many-with", "what happens to compute if I change the stride\n\nconv 3x3, 16 in channels -> 32 out channels, padding 1, on a 64x64 input. how many MACs (no bias) with stride 1, and how many with stride 2?", [a, b], f"64*64*32*144 = {a}; 32*32*32*144 = {b}")
a, b = macs(32, 64, 3, 1, 1, 56), macs(32, 64, 3, 2, 1, 56)
add("macs-on-input-with-stride-and-how-many", "how many MACs for a 3x3 conv 32->64 pad 1 on a 56x56 input with stride 1, and how many with stride 2?", [a, b], f"56*56*64*288 = {a}; 28*28*64*288 = {b}")
pa = sum(x.numel() for x in nn.Conv2d(64, 64, 3).parameters())
pb = sum(x.numel() for x in nn.Conv2d(64, 64, 3, bias=False).parameters())
add("params-and-with-bias-false", "params of conv 3x3 64->64, and with bias=False?", [pa, pb], f"torch {pa}; bias=False {pb}")
# "feature map after layerN" asks the output there, not the parameters
def resnet_hw(hw, stages):
    # torchvision's ResNet: conv1 7x7 s2 p3, maxpool 3 s2 p1, then a 3x3 s2 p1 at each stage after layer1
    x = torch.zeros(1, 1, hw, hw)
    x = nn.MaxPool2d(3, 2, 1)(nn.Conv2d(1, 1, 7, 2, 3)(x))
    for _ in range(stages - 1):
        x = nn.Conv2d(1, 1, 3, 2, 1)(x)
    return x.shape[-1]
def addh(id, text, head, working):
    C.append(dict(id="ask14-" + id, kind="at-output", text=text, must_contain=head, head=head, unused=[], working=working))
h = resnet_hw(512, 4); addh("feature-map-after-layer4", "resnet18 on 512x512 imgs, feature map after layer4?", [512, h], f"layer4 has 512 channels; stride 32: {h}")
h = resnet_hw(320, 3); addh("feature-map-after-layer3-whats", "resnet50 with 320x320 input: what's the feature map after layer3", [1024, h], f"layer3 of resnet50 has 1024 channels; stride 16: {h}")
for c in C:
    print(json.dumps(c))
