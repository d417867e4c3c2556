# fixa12 cases (prose.jsonl and code.jsonl, ids fixa12-*): confident wrongs
# found in review of arch12/vocab12. Every number checked with torch 1.13
# (/usr/bin/python3). Networks' heads are built as nn.Linear modules; the
# frozen parts counted by requires_grad. `prose` prints prose rows, `code`
# the code rows.
import json, sys, torch, torch.nn as nn

P, K = [], []
def add(rows, id, kind, text, want, working):
    rows.append({"id": "fixa12-" + id, "kind": kind, "text": text, "must_contain": want, "head": want, "unused": [], "working": working})
def params(m): return sum(p.numel() for p in m.parameters())
def trainable(m): return sum(p.numel() for p in m.parameters() if p.requires_grad)

# 2: a backbone frozen in words: only the new fc trains.
fc18, fc50 = nn.Linear(512, 10), nn.Linear(2048, 10)
add(P, "r18-words-frozen-fc", "params", "resnet18 with fc replaced by Linear(512, 10), backbone frozen: trainable params?", [params(fc18)], f"Linear(512,10) {params(fc18)}")
add(P, "r18-freeze-replace-fc", "params", "resnet18, freeze the backbone and replace fc with nn.Linear(512, 10): how many trainable parameters?", [params(fc18)], f"Linear(512,10) {params(fc18)}")
add(P, "r50-10-class-fc-frozen", "params", "resnet50 with a new 10-class fc and all other layers frozen: trainable parameters?", [params(fc50)], f"Linear(2048,10) {params(fc50)}")

# 1: vgg16 with only features frozen: the whole classifier trains.
features = nn.Conv2d(3, 64, 3)  # stands for the frozen part: none of it counts
cls = nn.Sequential(nn.Linear(25088, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, 10))
net = nn.Sequential(features, cls)
for p in features.parameters(): p.requires_grad = False
t = trainable(net)
add(P, "vgg16-features-frozen-words", "params", "vgg16 with classifier[6] = nn.Linear(4096, 10) and features frozen: trainable params?", [t], f"25088*4096+4096 + 4096*4096+4096 + 4096*10+10 = {t}")
add(K, "vgg16-features-frozen-code", "pytorch", "model = models.vgg16()\nfor p in model.features.parameters(): p.requires_grad = False\nmodel.classifier[6] = nn.Linear(4096, 10)\ntrainable params?", [t], f"classifier trains: {t}")
acls = nn.Sequential(nn.Dropout(), nn.Linear(9216, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 5))
add(P, "alexnet-freeze-features", "params", "alexnet, freeze the features, classifier[6] = nn.Linear(4096, 5): trainable params?", [params(acls)], f"alexnet classifier with 5 outputs {params(acls)}")

# 8: a LeNet paper layer named: its inputs, C3's kernels in the paper's table.
f6 = nn.Linear(120, 84)
add(P, "lenet-f6-inputs", "network", "in LeNet-5, how many numbers go into F6?", [f6.in_features], f"Linear(120,84).in_features = {f6.in_features}")
c3 = [nn.Conv2d(k, 1, 5, bias=False) for k in [3] * 6 + [4] * 9 + [6]]
kernels = sum(c.weight.shape[1] for c in c3)
add(P, "lenet-c3-kernels", "network", "LeNet-5 C3: how many kernels?", [kernels], f"6*3 + 9*4 + 1*6 = {kernels}")
add(P, "lenet-c5-in-features", "network", "lenet5 C5 in_features?", [16 * 5 * 5], f"S4 16x5x5 flattened: {nn.Flatten()(torch.zeros(1, 16, 5, 5)).shape[1]}")

# 3: avgpool replaced by nn.Identity: the last map flattened as it is.
# The stem (stride 2), the maxpool (2) and three stride-2 stages leave 7x7.
x = torch.zeros(1, 3, 224, 224)
x = nn.MaxPool2d(3, 2, 1)(nn.Conv2d(3, 1, 7, 2, 3)(x))
for _ in range(3): x = nn.Conv2d(1, 1, 3, 2, 1)(x)
side = x.shape[2]
add(P, "r18-avgpool-identity-words", "network", "resnet18 with avgpool replaced by nn.Identity, input 224x224: what in_features does fc need?", [512 * side * side], f"512*{side}*{side}")
add(K, "r50-avgpool-identity-code", "pytorch", "model = models.resnet50(); model.avgpool = nn.Identity(); what is model.fc.in_features needed for a 224x224 input?", [2048 * side * side], f"2048*{side}*{side}")
add(K, "r18-avgpool-identity-code", "pytorch", "model = models.resnet18(); model.avgpool = nn.Identity(); what is model.fc.in_features needed for a 224x224 input?", [512 * side * side], f"512*{side}*{side}")

# 4: the weight tensor's bytes are .weight's, the bias left out.
for src, m, n in [("weights of nn.Conv2d(256, 512, 3) in fp16, bytes (weights only, no bias)?", nn.Conv2d(256, 512, 3).half(), "conv-fp16-no-bias"),
                  ("weight tensor of nn.Conv2d(64, 128, 3) in float32, bytes?", nn.Conv2d(64, 128, 3), "conv-fp32-weight-tensor"),
                  ("bytes of the weight tensor of nn.Linear(1024, 1000) in fp32?", nn.Linear(1024, 1000), "linear-fp32-weight-tensor")]:
    b = m.weight.numel() * m.weight.element_size()
    add(P, n, "memory", src, [b], f".weight.numel()*element_size() = {b}")

rows = P if sys.argv[1:] == ["prose"] else K
for c in rows: print(json.dumps(c))
