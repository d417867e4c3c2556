#!/usr/bin/python3
"""Appends the r6p- cases to code.jsonl: the paste front-end's sixth round:
pasted code whose question is about something the paste does not hold as
written — a layer the asker means to add after a summary table, d2l's
conv_arch tuple, an input size given in words beside code and an error
message, a layer shorthand the paste cannot read (a prose reading must
answer, never a reading without that layer). Every number is checked with
PyTorch (Debian's python3-torch) where PyTorch can build the layers, and
worked by hand in `working` otherwise (Keras).

Run:  /usr/bin/python3 testdata/questions/code_cases_r6p.py
Rows whose id starts with "r6p-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case



# --- 1. a layer to add after a summary table ---------------------------------

def _lab28():
    return seq(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3))


case("r6p-summary-add-linear-blank", "summary", """
torchsummary for my mnist net (input 1x28x28):
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1            [-1, 8, 26, 26]              80
              ReLU-2            [-1, 8, 26, 26]               0
         MaxPool2d-3            [-1, 8, 13, 13]               0
            Conv2d-4           [-1, 16, 11, 11]           1,168
================================================================
im adding nn.Linear(???, 10) on top after flattening. in_features? and params of just that layer?
""", [1936, 19370], "16*11*11 = 1,936; 1936*10+10 = 19,370",
     torch_check=lambda: [flat(_lab28(), (1, 1, 28, 28)), params(nn.Linear(1936, 10))])

case("r6p-summary-add-linear-total", "summary", """
        Conv2d-1            [-1, 8, 26, 26]              80
     MaxPool2d-2            [-1, 8, 13, 13]               0
        Conv2d-3           [-1, 16, 11, 11]           1,168
that's my model on 28x28 grayscale. what are the total params of the whole model once I append nn.Linear(?, 5)?
""", [10933], "80 + 1,168 + (1936*5+5 = 9,685) = 10,933",
     torch_check=lambda: [params(_lab28(), nn.Linear(1936, 5))])

case("r6p-summary-add-linear-nobias", "summary", """
        Conv2d-1           [-1, 32, 30, 30]             896
     MaxPool2d-2           [-1, 32, 15, 15]               0
        Conv2d-3           [-1, 64, 13, 13]          18,496
     MaxPool2d-4             [-1, 64, 6, 6]               0
then I put nn.Linear(_, 2, bias=False) after it. how many weights does that linear have?
""", [2304, 4608], "64*6*6 = 2,304 values; 2304*2 = 4,608 weights, no bias",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 32, 3), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.MaxPool2d(2)), (1, 3, 32, 32)),
                          params(nn.Linear(2304, 2, bias=False))])

case("r6p-summary-add-linear-gap", "summary", """
torchsummary, input (3, 64, 64):
            Conv2d-1           [-1, 32, 64, 64]             896
         MaxPool2d-2           [-1, 32, 32, 32]               0
            Conv2d-3           [-1, 64, 32, 32]          18,496
 AdaptiveAvgPool2d-4             [-1, 64, 1, 1]               0
want to stick a nn.Linear(?, 100) after the pooling for cifar100, how many params will it have
""", [6500], "the adaptive pool gives 64x1x1 = 64 values; 64*100+100 = 6,500",
     torch_check=lambda: [params(nn.Linear(flat(seq(nn.Conv2d(3, 32, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3, padding=1),
                                                    nn.AdaptiveAvgPool2d(1)), (1, 3, 64, 64)), 100))])

case("r6p-summary-add-dense-keras", "summary", """
Model: "sequential"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 30, 30, 32)        896
 max_pooling2d (MaxPooling2D  (None, 15, 15, 32)       0
 )
 conv2d_1 (Conv2D)           (None, 13, 13, 64)        18496
 max_pooling2d_1 (MaxPooling  (None, 6, 6, 64)         0
 2D)
=================================================================
Total params: 19,392
if I add Flatten() and then Dense(10) after the last pool, how many params does that Dense get?
""", [2304, 23050], "Keras: flatten 6*6*64 = 2,304; Dense 2304*10+10 = 23,050",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 32, 3), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.MaxPool2d(2)), (1, 3, 32, 32)),
                          params(nn.Linear(2304, 10))])

case("r6p-summary-add-linear-typos", "summary", """
        Conv2d-1          [-1, 16, 124, 124]           1,216
     MaxPool2d-2            [-1, 16, 62, 62]               0
        Conv2d-3            [-1, 32, 58, 58]          12,832
     MaxPool2d-4            [-1, 32, 29, 29]               0
next i add a nn.Linear(?, 3) for my 3 classes, whats the in features and the param count of it
""", [26912, 80739], "32*29*29 = 26,912; 26912*3+3 = 80,739 (input 128: 5x5 convs, 128-4 = 124, 62, 58, 29)",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 16, 5), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.MaxPool2d(2)), (1, 3, 128, 128)),
                          params(nn.Linear(26912, 3))])

# --- 2. d2l's VGG as its architecture tuple ----------------------------------

def _vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
        layers.append(nn.ReLU())
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
    return nn.Sequential(*layers)


def _vgg_blocks(arch, in_channels=1):
    blks = []
    for (num_convs, out_channels) in arch:
        blks.append(_vgg_block(num_convs, in_channels, out_channels))
        in_channels = out_channels
    return nn.Sequential(*blks)


def _vgg(arch, in_channels=1, hw=224, classes=10):
    body = _vgg_blocks(arch, in_channels)
    n = flat(body, (1, in_channels, hw, hw))
    return nn.Sequential(body, nn.Flatten(), nn.Linear(n, 4096), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, classes))


_VGG16 = ((2, 64), (2, 128), (3, 256), (3, 512), (3, 512))
_SMALL = ((1, 16), (1, 32), (2, 64), (2, 128), (2, 128))

case("r6p-d2l-arch-vgg16-rgb", "d2l", """
in d2l I changed conv_arch to VGG-16's: conv_arch = ((2, 64), (2, 128), (3, 256), (3, 512), (3, 512)) and feed RGB images (3 input channels). how many params in the conv blocks only?
""", [14714688], "VGG-16's convs on 3 channels: 14,714,688 (torchvision's vgg16().features)",
     torch_check=lambda: [params(_vgg_blocks(_VGG16, 3))])

case("r6p-d2l-arch-small-ratio", "d2l", """
ratio = 4
small_conv_arch = [(pair[0], pair[1] // ratio) for pair in conv_arch]
net = vgg(small_conv_arch)

conv_arch is the VGG-11 one: conv_arch = ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512)).
what shape comes out of the last block for a 224x224 fashion-mnist image, and how many params do the conv blocks have?
""", [128, 7, 576832], "channels /4: 16, 32, 64, 128, 128; 224/32 = 7; 160 + 4,640 + 18,496 + 36,928 + 73,856 + 147,584 + 2*147,584 = 576,832",
     torch_check=lambda: [run(_vgg_blocks(_SMALL), (1, 1, 224, 224))[0][0], run(_vgg_blocks(_SMALL), (1, 1, 224, 224))[0][1],
                          params(_vgg_blocks(_SMALL))])

case("r6p-d2l-arch-two-blocks-mnist", "d2l", """
tiny vgg for 28x28 grayscale, using the d2l vgg_block: conv_arch = ((2, 32), (2, 64)). what's the size after the blocks, flattened?
""", [3136], "28 -> 14 -> 7; 64*7*7 = 3,136",
     torch_check=lambda: [flat(_vgg_blocks(((2, 32), (2, 64))), (1, 1, 28, 28))])

case("r6p-d2l-arch-triples", "d2l", """
old d2lzh code: conv_arch = ((1, 1, 64), (1, 64, 128), (2, 128, 256)) with the usual vgg_block (3x3, padding 1, then 2x2 maxpool). total conv params?
""", [959744], "1 conv 1->64 = 640; 1 conv 64->128 = 73,856; 2 convs 128->256, 256->256 = 295,168 + 590,080; total 959,744",
     torch_check=lambda: [params(_vgg_blocks(((1, 64), (1, 128), (2, 256)), 1))])

case("r6p-d2l-arch-whole-vgg", "d2l", """
def vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
        layers.append(nn.ReLU())
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
    return nn.Sequential(*layers)

def vgg(conv_arch):
    conv_blks = []
    in_channels = 1
    for (num_convs, out_channels) in conv_arch:
        conv_blks.append(vgg_block(num_convs, in_channels, out_channels))
        in_channels = out_channels
    return nn.Sequential(*conv_blks, nn.Flatten(),
        nn.Linear(out_channels * 7 * 7, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 10))

conv_arch = ((1, 16), (1, 32), (2, 64), (2, 128), (2, 128))
net = vgg(conv_arch)
how many parameters does net have in total?
""", [43093322], "576,832 in the blocks (as small_conv_arch) + + Linear(128*7*7, 4096) + Linear(4096, 4096) + Linear(4096, 10) = 43,093,322",
     torch_check=lambda: [params(_vgg(_SMALL))])

case("r6p-d2l-arch-96", "d2l", """
VGG(arch=((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))) but on 96x96 inputs with 1 channel. what is the shape after the last vgg block?
""", [512, 3], "96 / 2^5 = 3: 512x3x3",
     torch_check=lambda: run(_vgg_blocks(((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))), (1, 1, 96, 96))[0][:2])

# --- 3. the input in words beside code and an error message ------------------

def _two_pool(c_in, a, b, k=3, pad=1):
    return seq(nn.Conv2d(c_in, a, k, padding=pad), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(a, b, k, padding=pad), nn.ReLU(), nn.MaxPool2d(2))


case("r6p-words-input-in-brackets", "error", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied -- my flower classifier (64x64 rgb) crashes at fc1. what in_features does fc1 need?

self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
self.pool = nn.MaxPool2d(2, 2)
self.fc1 = nn.Linear(32 * 8 * 8, 5)

x = self.pool(F.relu(self.conv1(x)))
x = self.pool(F.relu(self.conv2(x)))
x = torch.flatten(x, 1)
x = self.fc1(x)
""", [8192], "64 -> 32 -> 16; 32*16*16 = 8,192",
     torch_check=lambda: [flat(_two_pool(3, 16, 32), (1, 3, 64, 64))])

case("r6p-words-after-message-same-line", "error", """
self.conv1 = nn.Conv2d(1, 16, 5)
self.conv2 = nn.Conv2d(16, 32, 5)
self.pool = nn.MaxPool2d(2)
# forward: pool(relu(conv1)) -> pool(relu(conv2)) -> flatten -> fc

mat1 and mat2 shapes cannot be multiplied (8x2592 and 512x10). my input is 48x48 grayscale. what size is the feature map before the flatten?
""", [9, 2592], "48-4 = 44 -> 22; 22-4 = 18 -> 9; 32*9*9 = 2,592",
     torch_check=lambda: [run(_two_pool(1, 16, 32, k=5, pad=0), (1, 1, 48, 48))[0][1], flat(_two_pool(1, 16, 32, k=5, pad=0), (1, 1, 48, 48))])

case("r6p-comment-forward-three-pools", "forward", """
stl10 96x96 imgs, what goes in fc1?
self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
self.conv3 = nn.Conv2d(64, 128, 3, padding=1)
self.pool = nn.MaxPool2d(2)
self.fc1 = nn.Linear(???, 10)
# forward: pool(relu(conv1)) -> pool(relu(conv2)) -> pool(relu(conv3)) -> flatten -> fc1
""", [18432], "96 -> 48 -> 24 -> 12; 128*12*12 = 18,432",
     torch_check=lambda: [flat(seq(_two_pool(3, 32, 64), nn.Conv2d(64, 128, 3, padding=1), nn.MaxPool2d(2)), (1, 3, 96, 96))])

case("r6p-channels-message-words-after", "error", """
RuntimeError: Given groups=1, weight of size [32, 3, 3, 3], expected input[16, 1, 28, 28] to have 3 channels, but got 1 channels instead. my images are grayscale so what should the first conv be, and how many params does it have then?

model = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3))
""", [320], "the conv takes 1 channel: 32*(1*3*3+1) = 320",
     torch_check=lambda: [params(nn.Conv2d(1, 32, 3))])

case("r6p-words-input-bracket-emotion", "error", """
fer2013 model (48x48, 1 channel) gives a shape error at the linear. what in_features should self.fc have?

self.features = nn.Sequential(
    nn.Conv2d(1, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(128, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
)
self.fc = nn.Linear(256 * 4 * 4, 7)
""", [9216], "48 -> 24 -> 12 -> 6; 256*6*6 = 9,216",
     torch_check=lambda: [flat(seq(_two_pool(1, 64, 128), nn.Conv2d(128, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)), (1, 1, 48, 48))])

case("r6p-old-message-words-after", "error", """
size mismatch, m1: [4 x 2704], m2: [400 x 120] -- im using the cifar tutorial net on 64x64 images, what should fc1 be?
conv1 = nn.Conv2d(3, 6, 5)
pool = nn.MaxPool2d(2, 2)
conv2 = nn.Conv2d(6, 16, 5)
fc1 = nn.Linear(16 * 5 * 5, 120)
""", [2704], "64 -> 60 -> 30 -> 26 -> 13; 16*13*13 = 2,704, as the message says (4 samples of 2,704 features)",
     torch_check=lambda: [flat(_two_pool(3, 6, 16, k=5, pad=0), (1, 3, 64, 64))])

# --- 4. a block told in words, repeated -------------------------------------

def _blocks(c_in, chans, k=3, pad=0, convs=1):
    layers = []
    for c in chans:
        for _ in range(convs):
            layers += [nn.Conv2d(c_in, c, k, padding=pad), nn.ReLU()]
            c_in = c
        layers.append(nn.MaxPool2d(2))
    return seq(*layers)


case("r6p-blocks-keras-same-params", "blocks", """
3 blocks of Conv2D(3x3, padding='same') + MaxPooling2D(2) on 64x64x3 input, filters 16, 32, 64. what's the flatten size and total params?
""", [4096, 23584], "same convs keep the size, pools 64 -> 32 -> 16 -> 8; 64*8*8 = 4,096; 448 + 4,640 + 18,496 = 23,584",
     torch_check=lambda: [flat(_blocks(3, [16, 32, 64], pad=1), (1, 3, 64, 64)), params(_blocks(3, [16, 32, 64], pad=1))])

case("r6p-blocks-tinyvgg-p1", "blocks", """
block = Conv2d(k=3, p=1) -> ReLU -> Conv2d(k=3, p=1) -> ReLU -> MaxPool2d(2); i have 3 blocks, 32 hidden units, input 3x64x64. in_features of the classifier Linear?
""", [2048], "padding 1 keeps the size; 64 -> 32 -> 16 -> 8; 32*8*8 = 2,048",
     torch_check=lambda: [flat(_blocks(3, [32, 32, 32], pad=1, convs=2), (1, 3, 64, 64))])

case("r6p-blocks-keras-switch-same", "blocks", """
ValueError: Negative dimension size caused by subtracting 3 from 2 for 'conv2d_3'. model: 4 blocks of Conv2D 3x3 + MaxPooling2D(2) on 28x28x1, filters 16, 32, 64, 128. if i switch the convs to padding='same' what size comes out of the Flatten?
""", [128], "same convs: 28 -> 14 -> 7 -> 3 -> 1; 128*1*1 = 128",
     torch_check=lambda: [flat(_blocks(1, [16, 32, 64, 128], pad=1), (1, 1, 28, 28))])

case("r6p-blocks-remove-last", "blocks", """
three blocks of [Conv2d 3x3 no pad, ReLU, MaxPool2d(2)] with channels 8, 16, 32 on 1x28x28. if I remove the last block what in_features does the linear need?
""", [400], "28 -> 26 -> 13 -> 11 -> 5 after two blocks; 16*5*5 = 400",
     torch_check=lambda: [flat(_blocks(1, [8, 16]), (1, 1, 28, 28))])

case("r6p-blocks-valid-params", "blocks", """
two blocks of Conv2D(3x3, padding='valid') + MaxPooling2D(2) on 100x100x3, 32 filters each: total conv params and the output shape?
""", [10144, 23], "3*32*9+32 = 896, 32*32*9+32 = 9,248: 10,144; 100 -> 98 -> 49 -> 47 -> 23",
     torch_check=lambda: [params(_blocks(3, [32, 32])), run(_blocks(3, [32, 32]), (1, 3, 100, 100))[0][1]])

# --- 5. one torchsummary row, the layer's settings in words ------------------

case("r6p-row-bias-on", "summary", """
torchsummary row: Conv2d-1  [-1, 32, 112, 112]  864  (3->32, 3x3, stride 2, pad 1, bias=False since BN follows). with bias=True how many would it show?
""", [896], "3*3*3*32 = 864 without bias; + 32 = 896",
     torch_check=lambda: [params(nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=True))])

case("r6p-row-bias-off", "summary", """
```
Conv2d-3          [-1, 64, 56, 56]         36,928
```
(kernel 3, pad 1, from 64 channels) what if I set bias=False on it?
""", [36864], "3*3*64*64 = 36,864",
     torch_check=lambda: [params(nn.Conv2d(64, 64, 3, padding=1, bias=False))])

case("r6p-row-blank-prev-shape", "summary", """
Conv2d-2          [-1, 64, 28, 28]               ???
(the layer before gives [-1, 32, 28, 28], kernel 3, padding 1). what's the Param # there?
""", [18496], "3*3*32*64+64 = 18,496",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3, padding=1))])

case("r6p-row-lenet-no-bias", "summary", """
Conv2d-1 [-1, 6, 28, 28] 456 is lenet's c1 (1->6, 5x5). what would the row say with bias=False
""", [150], "5*5*1*6 = 150",
     torch_check=lambda: [params(nn.Conv2d(1, 6, 5, bias=False))])

case("r6p-row-blank-in-channels", "summary", """
        Conv2d-5          [-1, 256, 14, 14]               ???
128 input channels, 3x3 kernel, padding=1, bias default (PyTorch). whats the param count for that row
""", [295168], "3*3*128*256+256 = 295,168",
     torch_check=lambda: [params(nn.Conv2d(128, 256, 3, padding=1))])

# --- 6. a Keras model rebuilt on another input -------------------------------

def _k2(c_in, f1, f2):
    return seq(nn.Conv2d(c_in, f1, 3), nn.MaxPool2d(2), nn.Conv2d(f1, f2, 3), nn.MaxPool2d(2))


case("r6p-keras-rebuild-input-params", "keras", """
trained this on 28x28 mnist, now I want 64x64 inputs. if I rebuild it with input_shape=(64, 64, 1), how many params does the whole model have?

model = Sequential([
    Conv2D(16, 3, activation='relu', input_shape=(28, 28, 1)),
    MaxPooling2D(2),
    Conv2D(32, 3, activation='relu'),
    MaxPooling2D(2),
    Flatten(),
    Dense(10, activation='softmax'),
])
""", [67530], "64 -> 62 -> 31 -> 29 -> 14; flatten 14*14*32 = 6,272; 160 + 4,640 + (6272*10+10 = 62,730) = 67,530",
     torch_check=lambda: [params(_k2(1, 16, 32), nn.Linear(flat(_k2(1, 16, 32), (1, 1, 64, 64)), 10))])

case("r6p-keras-rebuild-flatten", "keras", """
model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation='relu'))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(128, activation='relu'))
what's the flatten size if I switch to input_shape=(96, 96, 3)?
""", [30976], "96 -> 94 -> 47 -> 45 -> 22; 22*22*64 = 30,976",
     torch_check=lambda: [flat(_k2(3, 32, 64), (1, 3, 96, 96))])

# --- 7. an adaptive pool fixes what reaches the Linear -----------------------

case("r6p-adaptive-blank-no-input", "adaptive", """
do I need the image size for this? what's in_features of the head

self.body = nn.Sequential(
    ...,
    nn.Conv2d(256, 512, 3, padding=1), nn.ReLU(),
)
self.gap = nn.AdaptiveAvgPool2d((2, 2))
self.head = nn.Linear(???, 100)
""", [2048], "the adaptive pool gives 512x2x2 = 2,048 whatever the input",
     torch_check=lambda: [flat(seq(nn.Conv2d(256, 512, 3, padding=1), nn.AdaptiveAvgPool2d((2, 2))), (1, 256, 37, 51))])

case("r6p-adaptive-one-number", "adaptive", """
self.features = nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU(), nn.Conv2d(64, 96, 3), nn.ReLU())
self.pool = nn.AdaptiveMaxPool2d(4)
self.fc = nn.Linear(???, 2)
what number goes in the ??? and how many params does fc get
""", [1536, 3074], "96x4x4 = 1,536 for any input; 1536*2+2 = 3,074",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 64, 3), nn.Conv2d(64, 96, 3), nn.AdaptiveMaxPool2d(4)), (1, 3, 50, 50)),
                          params(nn.Linear(1536, 2))])

# CASES_END


def main():
    return cc.replace_rows("r6p-", "r6p")


if __name__ == "__main__":
    sys.exit(main())
