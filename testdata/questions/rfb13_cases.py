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
for c in C:
    print(json.dumps(c))
