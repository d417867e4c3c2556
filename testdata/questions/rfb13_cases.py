# rfb13 cases (prose.jsonl, ids rfb13-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
# torchvision is not installed: vgg16 and the resnets are built as
# preset13_cases.py builds them (same layers, same parameter counts).
import json, torch, torch.nn as nn
def params(m):
    return sum(x.numel() for x in m.parameters())
def vgg16(classes=1000):
    layers, c = [], 3
    for v in [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]:
        if v == "M":
            layers.append(nn.MaxPool2d(2, 2))
        else:
            layers += [nn.Conv2d(c, v, 3, padding=1), nn.ReLU(True)]; c = v
    features = nn.Sequential(*layers)
    classifier = nn.Sequential(nn.Linear(512 * 7 * 7, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, classes))
    return features, nn.AdaptiveAvgPool2d(7), classifier
assert sum(params(m) for m in vgg16()) == 138357544  # torchvision's published count
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="rfb13-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# 'froze' is the past of 'freeze': the features frozen, only the classifier trains
features, pool, classifier = vgg16(3)
for p in features.parameters():
    p.requires_grad = False
trainable = sum(p.numel() for m in (features, pool, classifier) for p in m.parameters() if p.requires_grad)
add("froze-features-set-classifier6", "preset-context", "vgg16 pretrained, i froze model.features and set classifier[6] = nn.Linear(4096, 3) ... how many trainable params now?", [trainable], f"torch vgg16 with Linear(4096, 3), features requires_grad False: {trainable}")
add("froze-features-replace-classifier6", "preset-context", "vgg16, i froze model.features, replace classifier[6] with nn.Linear(4096, 3), trainable params?", [trainable], f"torch as above: {trainable}")
# the stem named right after its network, with no 'after' before it
def rf(layers):  # (kernel, stride) pairs: Distill's r0 = sum (k-1) prod s + 1
    r, j = 1, 1
    for k, s in layers:
        r += (k - 1) * j; j *= s
    return r, j
stem_rf, stem_stride = rf([(7, 2), (3, 2)])
add("stem-rf-and-stride-bare", "preset-part", "resnet50 stem rf and stride?", [stem_rf, stem_stride], "Distill: 7 + (3-1)*2 = 11, stride 2*2 = 4")
add("stem-rf-of-the-stem-of-resnet", "preset-part", "rf of the stem of resnet?", [stem_rf], "Distill: 7 + (3-1)*2 = 11")
add("stem-rf-receptive-field-of-resnet-stem", "preset-part", "receptive field of the resnet stem?", [stem_rf], "Distill: 7 + (3-1)*2 = 11")
s256 = nn.MaxPool2d(3, 2, 1)(nn.Conv2d(3, 64, 7, 2, 3)(torch.zeros(1, 3, 256, 256))).shape
add("stem-output-for-256", "preset-part", "resnet stem output for 256x256 input?", [s256[2]], f"torch conv 7x7 s2 p3 then maxpool 3 s2 p1 on 256: {tuple(s256[1:])}")
# a class count in words sizes the new head as one in digits does
fc2, fc3 = params(nn.Linear(2048, 2)), params(nn.Linear(512, 3))
add("new-fc-two-classes-words", "head-output", "resnet50 pretrained, two classes, how many params in the new fc?", [fc2], f"torch Linear(2048, 2): {fc2}")
add("new-fc-three-classes-words", "head-output", "resnet18 fine-tuned for three classes, how many params does the new fc layer have?", [fc3], f"torch Linear(512, 3): {fc3}")
# activations of every conv and pool output summed (dev m12chat-043)
x, total = torch.zeros(1, 3, 32, 32), 0
for l in [nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2)]:
    x = l(x); total += x.numel()
add("activations-summed-conv-pool", "memory", "small net on 32x32x3:\nconv(3,16,3,p1) -> pool2 -> conv(16,32,3,p1) -> pool2\ncounting only outputs of the conv and pool layers (no relu, no input), total activation values per img? and bytes fp32", [total, total * 4], f"torch outputs 16384+4096+8192+2048 = {total}; x4 bytes = {total * 4}")
for c in C:
    print(json.dumps(c))
