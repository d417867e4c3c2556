# preset13 cases (prose.jsonl, ids preset13-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
# torchvision is not installed: its vgg16, alexnet and resnets are built
# here as torchvision builds them (same layers, same parameter counts).
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
def alexnet(classes=1000):
    features = nn.Sequential(
        nn.Conv2d(3, 64, 11, 4, 2), nn.ReLU(True), nn.MaxPool2d(3, 2),
        nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(True), nn.MaxPool2d(3, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(True), nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(True),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(3, 2))
    classifier = nn.Sequential(nn.Dropout(), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(True), nn.Linear(4096, classes))
    return features, nn.AdaptiveAvgPool2d(6), classifier
class Bottleneck(nn.Module):
    def __init__(s, cin, w, stride):
        super().__init__()
        s.body = nn.Sequential(nn.Conv2d(cin, w, 1, bias=False), nn.BatchNorm2d(w), nn.Conv2d(w, w, 3, stride, 1, bias=False), nn.BatchNorm2d(w), nn.Conv2d(w, 4 * w, 1, bias=False), nn.BatchNorm2d(4 * w))
        s.down = nn.Sequential(nn.Conv2d(cin, 4 * w, 1, stride, bias=False), nn.BatchNorm2d(4 * w)) if stride != 1 or cin != 4 * w else nn.Identity()
class Basic(nn.Module):
    def __init__(s, cin, w, stride):
        super().__init__()
        s.body = nn.Sequential(nn.Conv2d(cin, w, 3, stride, 1, bias=False), nn.BatchNorm2d(w), nn.Conv2d(w, w, 3, 1, 1, bias=False), nn.BatchNorm2d(w))
        s.down = nn.Sequential(nn.Conv2d(cin, w, 1, stride, bias=False), nn.BatchNorm2d(w)) if stride != 1 or cin != w else nn.Identity()
def resnet(block, counts, classes=1000):
    mods, cin, exp = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64)], 64, 4 if block is Bottleneck else 1
    for i, (w, n) in enumerate(zip([64, 128, 256, 512], counts)):
        for j in range(n):
            mods.append(block(cin, w, 2 if i > 0 and j == 0 else 1)); cin = w * exp
    mods.append(nn.Linear(cin, classes))
    return nn.ModuleList(mods)
r50 = params(resnet(Bottleneck, [3, 4, 6, 3]))
r18 = params(resnet(Basic, [2, 2, 2, 2]))
assert (r50, r18) == (25557032, 11689512), (r50, r18)  # torchvision's published counts
def vgg_params(classes=1000):
    return sum(params(m) for m in vgg16(classes))
def alex_params(classes=1000):
    return sum(params(m) for m in alexnet(classes))
assert vgg_params() == 138357544 and alex_params() == 61100840
def features_out(net, hw):
    return tuple(net[0](torch.zeros(1, 3, hw, hw)).shape[1:])
def classifier_in(net, hw, pool=True):
    x = net[0](torch.zeros(1, 3, hw, hw))
    if pool:
        x = net[1](x)
    return x.flatten(1).shape[1]
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="preset13-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# a class count written as a word sizes the head as digits do
n = params(resnet(Bottleneck, [3, 4, 6, 3], 2))
add("classes-word-resnet50-two", "preset-classes", "resnet50 w/ fc -> two classes (cats vs dogs ofc), total params now", [n], f"torch resnet50 with Linear(2048, 2): {n} (25557032 - 2049000 + 4098)")
n = params(resnet(Basic, [2, 2, 2, 2], 3))
add("classes-word-three-way", "preset-classes", "resnet18 for a three-way classification problem, how many params", [n], f"torch resnet18 with Linear(512, 3): {n}")
n = vgg_params(10)
add("classes-word-ten-output", "preset-classes", "vgg16 with ten output classes total params", [n], f"torch vgg16 with Linear(4096, 10): {n}")
# the last layer said as the place of the classes, the total asked
add("classes-last-layer-total", "preset-classes", "vgg16 total params if last layer is 10 classes instead of 1000", [n], f"torch vgg16 with Linear(4096, 10): {n} (138357544 - 4097000 + 40970)")
add("classes-last-layer-total-plain", "preset-classes", "vgg16 total params if last layer is 10 classes", [n], f"torch vgg16 with Linear(4096, 10): {n}")
n = alex_params(2)
add("classes-final-layer-whole-model", "preset-classes", "alexnet whole model params when the final layer has 2 classes", [n], f"torch alexnet with Linear(4096, 2): {n}")
n = params(nn.Linear(512, 10))
add("classes-total-of-last-fc-stays", "preset-classes", "resnet18 with 10 classes, total params of the last fc layer", [n], f"Linear(512, 10): {n}")
# .features at another input size: its own output, before the adaptive pool
v = vgg16()
o = features_out(v, 32)
add("features-flatten-cifar", "preset-context", "vgg16 .features on 32x32 cifar -> flatten size? thinking of a custom classifier", [o[0] * o[1] * o[2]], f"torch vgg16 features on 32x32: {o}")
add("features-flattened-size", "preset-context", "vgg16 features output on 32x32 cifar images, flattened size?", [o[0] * o[1] * o[2]], f"torch vgg16 features on 32x32: {o}")
o = features_out(v, 320)
add("features-spatial-320-no-pool", "preset-context", "vgg16 features on 320x320 input gives what spatial? and if i remove the avgpool what in_features would the first fc need", [o[1], classifier_in(v, 320, pool=False)], f"torch vgg16 features on 320x320: {o}; flattened without the pool: {classifier_in(v, 320, pool=False)}")
add("features-spatial-320", "preset-context", "vgg16 features on 320x320 input gives what spatial?", [o[1]], f"torch vgg16 features on 320x320: {o}")
o = features_out(v, 96)
add("features-spatial-96-out-of", "preset-context", "what spatial size comes out of vgg16's .features for 96x96 images?", [o[1]], f"torch vgg16 features on 96x96: {o}")
# the feature map the asker saw, said beside the question: explained
n = classifier_in(v, 32)
add("classifier0-cifar-saw-map", "preset-context", "running torchvision vgg16 on cifar 32x32 images. the features part gives 512x1x1 but the classifier doesn't crash. how many numbers go into classifier[0] per image?", [n], f"torch vgg16 avgpool(features(32x32)) flattened: {n}")
n = classifier_in(v, 64)
add("first-linear-64-saw-map", "preset-context", "vgg16 on 64x64 inputs, features output is 512x2x2, what's the in_features of the first linear layer?", [n], f"torch vgg16 avgpool(features(64x64)) flattened: {n}; features {features_out(v, 64)}")
# a part's input size asked twice: said as "for 224 in", "at 224x224", then "what if 512x512 imgs"
def resnet_stage_out(block, counts, stage, hw):
    m = resnet(block, counts)
    x = torch.zeros(1, 3, hw, hw)
    x = nn.MaxPool2d(3, 2, 1)(m[1](m[0](x)))
    k = 2
    for i, n in enumerate(counts[:stage]):
        for j in range(n):
            b = m[k]; k += 1
            x = b.body(x)  # the shortcut gives the same shape
    return tuple(x.shape[1:])
a, b = resnet_stage_out(Basic, [2, 2, 2, 2], 4, 224), resnet_stage_out(Basic, [2, 2, 2, 2], 4, 512)
add("layer4-two-inputs-224-in", "preset-part", "resnet18 layer4 output spatial for 224 in? also what if 512x512 imgs", [a[1], b[1]], f"torch resnet18 layer4: {a} at 224, {b} at 512")
add("layer4-imgs-after-comma", "preset-part", "resnet18 layer4 output spatial, 512x512 imgs", [b[1]], f"torch resnet18 layer4 at 512: {b}")
a, b = resnet_stage_out(Bottleneck, [3, 4, 6, 3], 3, 224), resnet_stage_out(Bottleneck, [3, 4, 6, 3], 3, 448)
add("layer3-at-then-what-about", "preset-part", "resnet50 layer3 output size at 224x224? and what about 448x448 images", [a[1], b[1]], f"torch resnet50 layer3: {a} at 224, {b} at 448")
a = resnet_stage_out(Bottleneck, [3, 4, 6, 3], 4, 320)
add("layer4-at-320-px", "preset-part", "what's the layer4 output size of resnet50 at 320 px?", [a[1]], f"torch resnet50 layer4 at 320: {a}")
# the stem named with its network, or a ResNet without its depth (every torchvision ResNet's stem is the same)
def rf(layers):  # (kernel, stride) pairs: Distill's r0 = sum (k-1) prod s + 1
    r, j = 1, 1
    for k, s in layers:
        r += (k - 1) * j; j *= s
    return r
stem = rf([(7, 2), (3, 2)])
add("stem-rf-bare-resnet-recall", "preset-part", "rf after resnet stem (7x7 s2 conv then 3x3 s2 maxpool)? bn relu dont matter i assume", [stem], "7 + (3-1)*2 = 11")
add("stem-rf-resnet18-stem", "preset-part", "rf after resnet18 stem?", [stem], "7 + (3-1)*2 = 11")
add("stem-rf-stem-of-resnet", "preset-part", "receptive field after the stem of resnet", [stem], "7 + (3-1)*2 = 11")
s34 = nn.MaxPool2d(3, 2, 1)(nn.Conv2d(3, 64, 7, 2, 3)(torch.zeros(1, 3, 320, 320))).shape
add("stem-size-resnet34s-stem", "preset-part", "size after resnet34's stem for 320x320 inputs", [s34[2]], f"torch conv 7x7 s2 p3 then maxpool 3 s2 p1 on 320: {tuple(s34[1:])}")
# "rf" is the receptive field
vgg = []
for v in [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]:
    vgg.append((2, 2) if v == "M" else (3, 1))
add("rf-word-vgg16-pool4", "preset-part", "vgg16 rf at pool4?", [rf(vgg[:14])], "Distill on vgg16 up to pool4 = 100")
# a recall that ends "2x2 maxpool stride 2" is no input size
add("pool5-rf-recall-maxpool", "preset-part", "receptive field of vgg16 at pool5\n\nVGG16: blocks of 3x3 convs (stride 1, pad 1) with 2-2-3-3-3 convs per block, each block ends with 2x2 maxpool stride 2. What's the theoretical receptive field of a single unit after pool5?", [rf(vgg)], "Distill on vgg16 up to pool5 = 212")
add("pool4-rf-recall-maxpools", "preset-part", "rf after pool4 in vgg16 (all 3x3 convs stride 1 pad 1, 2x2 maxpools stride 2)", [rf(vgg[:14])], "Distill on vgg16 up to pool4 = 100")
for c in C:
    print(json.dumps(c))
