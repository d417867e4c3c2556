#!/usr/bin/python3
"""Appends the r5p- cases to code.jsonl: the paste front-end's fifth round:
code as students paste it from courses — a Keras functional model whose
input is named in a comment, Keras pools with padding='same' at any
stride, helper functions defined in the paste and then called (fastai's
conv(ni, nf), d2l's vgg_block/nin_block), lazy layers whose inputs are
inferred, an __init__ pasted without forward, Conv1d lengths in words.
Every number is checked with PyTorch (Debian's python3-torch) where
PyTorch can build the layers, and worked by hand in `working` otherwise
(Keras: TensorFlow's 'same' pooling gives ceil(in/stride)).

Run:  /usr/bin/python3 testdata/questions/code_cases_r5p.py
Rows whose id starts with "r5p-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case



# --- 1. Keras functional code: the input named in a comment, 'same' pools -----

case("r5p-keras-functional-input-in-comment", "keras", """
x = layers.Conv2D(16, 3, padding='same', activation='relu')(inp)   # inp is (32, 32, 3)
x = layers.MaxPooling2D(3, strides=2, padding='same')(x)
x = layers.Conv2D(32, 3, padding='same')(x)
x = layers.MaxPooling2D(2, padding='same')(x)
x = layers.Flatten()(x)
out = layers.Dense(10)(x)
flatten size and total params?
""", [2048, 25578], "same conv keeps 32; pool 3 s2 same: ceil(32/2) = 16; conv same 16; pool 2 same: ceil(16/2) = 8; "
     "flatten 8*8*32 = 2,048; params 3*3*3*16+16 = 448, 3*3*16*32+32 = 4,640, 2048*10+10 = 20,490; total 25,578")

case("r5p-keras-functional-named-input-words", "keras", """
my happy model in functional form, X_input is (75, 75, 3)

X = Conv2D(32, (7, 7), strides=(1, 1), name='conv0')(X_input)
X = BatchNormalization(axis=3, name='bn0')(X)
X = Activation('relu')(X)
X = MaxPooling2D((2, 2), name='max_pool', padding='same')(X)
X = Flatten()(X)
X = Dense(1, activation='sigmoid', name='fc')(X)

what is the flatten size?
""", [39200], "75-7+1 = 69; pool 2 same: ceil(69/2) = 35; 35*35*32 = 39,200")

case("r5p-keras-functional-tuple-comment-odd", "keras", """
Z1 = tfl.Conv2D(filters=4, kernel_size=(3,3), strides=(1,1), padding='same')(input_img)  # input_img (50, 50, 1)
A1 = tfl.ReLU()(Z1)
P1 = tfl.MaxPool2D(pool_size=(4,4), strides=(4,4), padding='same')(A1)
Z2 = tfl.Conv2D(filters=8, kernel_size=(2,2), strides=(1,1), padding='same')(P1)
A2 = tfl.ReLU()(Z2)
P2 = tfl.MaxPool2D(pool_size=(3,3), strides=(3,3), padding='same')(A2)
F = tfl.Flatten()(P2)
outputs = tfl.Dense(units=3, activation='softmax')(F)
expected flatten output and total params?
""", [200, 779], "same conv keeps 50; pool 4 same: ceil(50/4) = 13; conv same 13; pool 3 same: ceil(13/3) = 5; "
     "flatten 5*5*8 = 200; params 3*3*1*4+4 = 40, 2*2*4*8+8 = 136, 200*3+3 = 603; total 779")

case("r5p-keras-same-pool-stride-1", "keras", """
model = Sequential([
    Conv2D(8, 3, input_shape=(20, 20, 1)),
    MaxPooling2D(pool_size=2, strides=1, padding='same'),
    Flatten(),
])
output size of the pool and the flatten?
""", [18, 2592], "20-3+1 = 18; pool 2 stride 1 same: ceil(18/1) = 18; flatten 18*18*8 = 2,592")

# --- 2. helpers defined in the paste, loops that build layers -----------------

def _fastai_conv(ni, nf, ks=3, act=True):
    res = nn.Conv2d(ni, nf, stride=2, kernel_size=ks, padding=ks // 2)
    return nn.Sequential(res, nn.ReLU()) if act else res


case("r5p-helper-named-conv-defaults", "helpers", """
from the fastai book, conv is defined as

def conv(ni, nf, ks=3, act=True):
    res = nn.Conv2d(ni, nf, stride=2, kernel_size=ks, padding=ks//2)
    if act: res = nn.Sequential(res, nn.ReLU())
    return res

and my model for 3-channel 64x64 images is

net = nn.Sequential(
    conv(3, 16, ks=5),   # 32x32
    conv(16, 32),        # 16x16
    conv(32, 64),        # 8x8
    conv(64, 10, act=False),
    nn.Flatten(),
)
how many params, and what comes out before the flatten?
""", [30122, 10, 4], "ks=5 pad 2 s2: 64 -> 32; then 3x3 s2 pad 1: 32 -> 16 -> 8 -> 4 (10x4x4 before the flatten); params 3*16*25+16 = 1,216, "
     "16*32*9+32 = 4,640, 32*64*9+64 = 18,496, 64*10*9+10 = 5,770; total 30,122",
     torch_check=lambda: [params(seq(_fastai_conv(3, 16, ks=5), _fastai_conv(16, 32), _fastai_conv(32, 64), _fastai_conv(64, 10, act=False))),
                          *run(seq(_fastai_conv(3, 16, ks=5), _fastai_conv(16, 32), _fastai_conv(32, 64), _fastai_conv(64, 10, act=False)), (1, 3, 64, 64))[0][:2]])


def _nin(i, o, k, s, p):
    return seq(nn.Conv2d(i, o, k, s, p), nn.ReLU(), nn.Conv2d(o, o, 1), nn.ReLU(), nn.Conv2d(o, o, 1), nn.ReLU())


case("r5p-helper-nin-block-keywords", "helpers", """
d2l NiN but I cut it short, input 1x224x224:

def nin_block(in_channels, out_channels, kernel_size, strides, padding):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding),
        nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU())

net = nn.Sequential(
    nin_block(1, 96, kernel_size=11, strides=4, padding=0),
    nn.MaxPool2d(3, stride=2),
    nin_block(96, 256, kernel_size=5, strides=1, padding=2),
    nn.MaxPool2d(3, stride=2),
    nn.Flatten())

how many values after the flatten?
""", [36864], "(224-11)//4+1 = 54; pool 3 s2: (54-3)//2+1 = 26; conv 5 pad 2 keeps 26; pool: (26-3)//2+1 = 12; 256*12*12 = 36,864",
     torch_check=lambda: [flat(seq(_nin(1, 96, 11, 4, 0), nn.MaxPool2d(3, stride=2), _nin(96, 256, 5, 1, 2), nn.MaxPool2d(3, stride=2)), (1, 1, 224, 224))])


def _vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
        layers.append(nn.ReLU())
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
    return seq(*layers)


case("r5p-helper-vgg-block-loop", "helpers", """
def vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
        layers.append(nn.ReLU())
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2,stride=2))
    return nn.Sequential(*layers)

net = nn.Sequential(vgg_block(1, 3, 32), vgg_block(2, 32, 64), vgg_block(3, 64, 128), nn.Flatten())
on 3x64x64 inputs, params of the conv part and the flatten size?
""", [425344, 8192], "vgg_block(n, i, o): n 3x3 pad-1 convs (the first i->o, the rest o->o) and a 2x2 pool; 896 + (18,496 + 36,928) + "
     "(73,856 + 2*147,584) = 425,344; 64 -> 32 -> 16 -> 8, flatten 128*8*8 = 8,192",
     torch_check=lambda: [params(_vgg_block(1, 3, 32), _vgg_block(2, 32, 64), _vgg_block(3, 64, 128)),
                          flat(seq(_vgg_block(1, 3, 32), _vgg_block(2, 32, 64), _vgg_block(3, 64, 128)), (1, 3, 64, 64))])


def _cfg_features(cfg, in_ch=3):
    layers = []
    for v in cfg:
        if v == 'M':
            layers.append(nn.MaxPool2d(2))
        else:
            layers += [nn.Conv2d(in_ch, v, 3, padding=1), nn.ReLU()]
            in_ch = v
    return seq(*layers)


case("r5p-loop-vgg-cfg-strings", "helpers", """
class SmallVGG(nn.Module):
    def __init__(self, cfg=(32, 'M', 64, 64, 'M', 128, 'M')):
        super().__init__()
        layers = []
        in_ch = 3
        for v in cfg:
            if v == 'M':
                layers.append(nn.MaxPool2d(2))
            else:
                layers.append(nn.Conv2d(in_ch, v, 3, padding=1))
                layers.append(nn.ReLU(inplace=True))
                in_ch = v
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(128 * 6 * 6, 10)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.fc(x)

images are 48x48 rgb. is 128*6*6 right? total params?
""", [4608, 176266], "48 -> 24 -> 12 -> 6: 128*6*6 = 4,608, right; convs 896 + 18,496 + 36,928 + 73,856 = 130,176; fc 4608*10+10 = 46,090; total 176,266",
     torch_check=lambda: [flat(_cfg_features((32, 'M', 64, 64, 'M', 128, 'M')), (1, 3, 48, 48)),
                          params(_cfg_features((32, 'M', 64, 64, 'M', 128, 'M')), nn.Linear(128 * 6 * 6, 10))])


def _modlist_net():
    convs = [nn.Conv2d(1 if i == 0 else 16 * i, 16 * (i + 1), 3) for i in range(3)]
    return convs


case("r5p-loop-modulelist-append", "helpers", """
class Net(nn.Module):
    def __init__(self, n_layers=3):
        super().__init__()
        self.convs = nn.ModuleList()
        c = 1
        for i in range(n_layers):
            self.convs.append(nn.Conv2d(c, 16 * (i + 1), 3))
            c = 16 * (i + 1)
        self.head = nn.Linear(48 * 22 * 22, 2)

    def forward(self, x):
        for conv in self.convs:
            x = F.relu(conv(x))
        return self.head(x.flatten(1))

input 1x28x28. params?
""", [65138], "convs 1->16, 16->32, 32->48, 3x3 valid: 28 -> 26 -> 24 -> 22; 160 + 4,640 + 13,872 = 18,672; head 48*22*22*2 + 2 = 46,466; total 65,138",
     torch_check=lambda: [params(*_modlist_net(), nn.Linear(48 * 22 * 22, 2))])


# --- 3. lazy layers, a model's name in the words, "resized to N" ------------

def _lazy_lenet():
    return seq(nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2),
               nn.Conv2d(6, 16, 5), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten())


case("r5p-lazy-named-model-resized", "lazy", """
LeNet (d2l 7.6) but with MNIST resized to 64, still 1 channel:

self.net = nn.Sequential(
    nn.LazyConv2d(6, kernel_size=5, padding=2), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.LazyConv2d(16, kernel_size=5), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.LazyLinear(120), nn.Sigmoid(),
    nn.LazyLinear(84), nn.Sigmoid(),
    nn.LazyLinear(10))

what in_features does the first LazyLinear get?
""", [3136], "pad 2 keeps 64; pool 32; conv 5: 28; pool 14; 16*14*14 = 3,136",
     torch_check=lambda: [flat(_lazy_lenet(), (1, 1, 64, 64))])

case("r5p-lazy-alexnet-upscaled", "lazy", """
VGG (small version) for fashion mnist upscaled to 96, input 1 channel

nn.LazyConv2d(32, kernel_size=3, padding=1), nn.ReLU(),
nn.MaxPool2d(kernel_size=2, stride=2),
nn.LazyConv2d(64, kernel_size=3, padding=1), nn.ReLU(),
nn.MaxPool2d(kernel_size=2, stride=2),
nn.LazyConv2d(128, kernel_size=3, padding=1), nn.ReLU(),
nn.MaxPool2d(kernel_size=2, stride=2), nn.Flatten(),
nn.LazyLinear(256)

shape before Flatten?
""", [128, 12], "pad-1 convs keep the size; pools 96 -> 48 -> 24 -> 12: 128x12x12",
     torch_check=lambda: run(seq(nn.Conv2d(1, 32, 3, padding=1), nn.MaxPool2d(2, 2), nn.Conv2d(32, 64, 3, padding=1), nn.MaxPool2d(2, 2),
                                 nn.Conv2d(64, 128, 3, padding=1), nn.MaxPool2d(2, 2)), (1, 1, 96, 96))[0][:2])


# --- 4. __init__ without forward: a pool defined once, a forward fragment -----

def _pool_each(convs, lin_in_shape):
    layers = []
    for c in convs:
        layers += [c, nn.MaxPool2d(2, 2)]
    return seq(*layers)


case("r5p-init-only-shared-pool-resized", "reuse", """
I copied the cifar10 tutorial model but my dataset is 96x96 color images instead of 32x32

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

what number do i put in fc1 now?
""", [7056], "the tutorial pools after each conv (16*5*5 fits 32x32 that way): 96 -> 92 -> 46 -> 42 -> 21; 16*21*21 = 7,056",
     torch_check=lambda: [flat(_pool_each([nn.Conv2d(3, 6, 5), nn.Conv2d(6, 16, 5)], None), (1, 3, 96, 96))])

case("r5p-init-only-mat1-evidence", "reuse", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x9216 and 2304x10)

self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
self.pool = nn.MaxPool2d(2, 2)
self.fc = nn.Linear(64 * 6 * 6, 10)

images are 48x48. what should the Linear take, and its params?
""", [9216, 92170], "the message's 9216 is 64*12*12: the pool follows each conv (48 -> 24 -> 12); fc 9216*10+10 = 92,170",
     torch_check=lambda: [flat(_pool_each([nn.Conv2d(3, 32, 3, padding=1), nn.Conv2d(32, 64, 3, padding=1)], None), (1, 3, 48, 48)),
                          params(nn.Linear(64 * 12 * 12, 10))])

case("r5p-init-only-pool-each-words", "reuse", """
self.conv1 = nn.Conv2d(1, 8, 3)
self.conv2 = nn.Conv2d(8, 16, 3)
self.conv3 = nn.Conv2d(16, 32, 3)
self.pool = nn.MaxPool2d(2)
self.fc1 = nn.Linear(???, 64)
input 1x64x64, I use the pool after each conv. what goes in ???
""", [1152], "64 -> 62 -> 31 -> 29 -> 14 -> 12 -> 6; 32*6*6 = 1,152",
     torch_check=lambda: [flat(_pool_each([nn.Conv2d(1, 8, 3), nn.Conv2d(8, 16, 3), nn.Conv2d(16, 32, 3)], None), (1, 1, 64, 64))])


def _mnist_fragment():
    return seq(nn.Conv2d(1, 32, 3, 1), nn.ReLU(), nn.Conv2d(32, 64, 3, 1), nn.ReLU(), nn.MaxPool2d(2))


case("r5p-forward-fragment-comment", "fragment", """
self.conv1 = nn.Conv2d(1, 32, 3, 1)
self.conv2 = nn.Conv2d(32, 64, 3, 1)
self.fc1 = nn.Linear(9216, 128)
self.fc2 = nn.Linear(128, 10)
...
x = F.max_pool2d(x, 2)  # after conv2
x = torch.flatten(x, 1)

with 40x40 grayscale images, what replaces 9216?
""", [20736], "40 -> 38 -> 36 -> pool 18; 64*18*18 = 20,736",
     torch_check=lambda: [flat(_mnist_fragment(), (1, 1, 40, 40))])


# --- 5. a sequence's length in words: "length-500", "16 kHz, 2 second clips" ---

case("r5p-conv1d-rate-seconds", "sequence", """
keyword spotting model, audio is 16kHz and every clip is 1 second

self.conv1 = nn.Conv1d(1, 32, kernel_size=160, stride=80)
self.pool1 = nn.MaxPool1d(3)

how long is the sequence after conv1 and after pool1?
""", [199, 66], "16,000 samples; (16000-160)//80+1 = 199; 199//3 = 66",
     torch_check=lambda: [run(nn.Conv1d(1, 32, 160, stride=80), (1, 1, 16000))[0][1],
                          run(seq(nn.Conv1d(1, 32, 160, stride=80), nn.MaxPool1d(3)), (1, 1, 16000))[0][1]])

case("r5p-conv1d-length-hyphen", "sequence", """
nn.Conv1d(in_channels=8, out_channels=16, kernel_size=5, stride=2) applied to a length-250 sensor signal with 8 channels. output length + params?
""", [123, 656], "(250-5)//2+1 = 123; 8*16*5+16 = 656",
     torch_check=lambda: [run(nn.Conv1d(8, 16, 5, stride=2), (1, 8, 250))[0][1], params(nn.Conv1d(8, 16, 5, stride=2))])

case("r5p-conv1d-sample-window", "sequence", """
each input is a 1000-sample window of 3-axis accelerometer data (3 channels)
conv = nn.Conv1d(3, 64, kernel_size=11, padding=5)
pool = nn.MaxPool1d(4)
output length after conv then pool?
""", [1000, 250], "pad 5 with k 11 keeps 1000; 1000//4 = 250",
     torch_check=lambda: [run(nn.Conv1d(3, 64, 11, padding=5), (1, 3, 1000))[0][1],
                          run(seq(nn.Conv1d(3, 64, 11, padding=5), nn.MaxPool1d(4)), (1, 3, 1000))[0][1]])


# --- 6. a Keras application as the base, frozen or not ------------------------

case("r5p-keras-app-frozen-functional", "keras", """
following the tf transfer learning tutorial

base_model = tf.keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False, weights='imagenet')
base_model.trainable = False
inputs = tf.keras.Input(shape=(160, 160, 3))
x = base_model(inputs, training=False)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = tf.keras.layers.Dense(3)(x)
model = tf.keras.Model(inputs, outputs)

what shape comes out of the base and how many trainable params?
""", [5, 1280, 3843], "MobileNetV2 halves 160 five times (same padding): 5x5x1280; GAP -> 1280; Dense(3): 1280*3+3 = 3,843, the base frozen")

case("r5p-keras-app-vgg-flatten-total", "keras", """
conv_base = VGG16(weights='imagenet', include_top=False, input_shape=(180, 180, 3))
model = models.Sequential()
model.add(conv_base)
model.add(layers.Flatten())
model.add(layers.Dense(128, activation='relu'))
model.add(layers.Dense(4, activation='softmax'))
total params of the whole model?
""", [12800, 16353732], "VGG16 without top: 14,714,688 (Keras's summary); five 2x2 pools: 180 -> 90 -> 45 -> 22 -> 11 -> 5; "
     "flatten 5*5*512 = 12,800; Dense 12800*128+128 = 1,638,528; Dense 128*4+4 = 516; total 16,353,732")

case("r5p-keras-app-resnet-pooled-frozen", "keras", """
base = ResNet50(weights='imagenet', include_top=False, pooling='avg', input_shape=(256, 256, 3))
for layer in base.layers:
    layer.trainable = False
model = Sequential([base, Dense(128, activation='relu'), Dropout(0.3), Dense(7, activation='softmax')])
trainable params?
""", [263175], "pooling='avg' gives 2048 whatever the size; 2048*128+128 = 262,272; 128*7+7 = 903; trainable 263,175 (the base frozen)")


# --- 7. one call asked again with a keyword's other value ---------------------

case("r5p-other-value-ceil-mode", "two", """
nn.MaxPool2d(3, stride=2, ceil_mode=True) applied to 14x14: output size? and with ceil_mode=False
""", [7, 6], "ceil((14-3)/2)+1 = 7; floor((14-3)/2)+1 = 6",
     torch_check=lambda: [run(nn.MaxPool2d(3, stride=2, ceil_mode=True), (1, 1, 14, 14))[0][1],
                          run(nn.MaxPool2d(3, stride=2), (1, 1, 14, 14))[0][1]], answers=2)

case("r5p-other-value-padding", "two", """
Conv2d(3, 32, kernel_size=5, padding=2) on 64x64 images keeps 64. what about padding=0?
""", [64, 60], "64+4-5+1 = 64; 64-5+1 = 60",
     torch_check=lambda: [run(nn.Conv2d(3, 32, 5, padding=2), (1, 3, 64, 64))[0][1],
                          run(nn.Conv2d(3, 32, 5), (1, 3, 64, 64))[0][1]], answers=2)


# --- 8. fastai's ConvLayer: conv (no bias), BatchNorm, ReLU -------------------

def _convlayer(ni, nf, ks=3, stride=1, act=True):
    mods = [nn.Conv2d(ni, nf, ks, stride=stride, padding=(ks - 1) // 2, bias=False), nn.BatchNorm2d(nf)]
    return seq(*(mods + [nn.ReLU()] if act else mods))


case("r5p-fastai-convlayer-block", "helpers", """
fastbook ch14, the resnet block's convs:

def _conv_block(ni, nf, stride):
    return nn.Sequential(
        ConvLayer(ni, nf, stride=stride),
        ConvLayer(nf, nf, act_cls=None, norm_type=NormType.BatchZero))

what's the param count of _conv_block(64, 128, 2), and its output on 64x32x32?
""", [221696, 16], "ConvLayer: conv 3x3 pad 1 without bias + BatchNorm (2*nf); 64*128*9 + 256 + 128*128*9 + 256 = 221,696; stride 2: 32 -> 16",
     torch_check=lambda: [params(_convlayer(64, 128, stride=2), _convlayer(128, 128, act=False)),
                          run(seq(_convlayer(64, 128, stride=2), _convlayer(128, 128, act=False)), (1, 64, 32, 32))[0][1]])

case("r5p-fastai-convlayer-ks5", "helpers", """
ConvLayer(3, 32, ks=5, stride=2) then ConvLayer(32, 64, ks=3, stride=2) on 3x128x128 images: output shape and params?
""", [64, 32, 21024], "pad (5-1)//2 = 2: 128 -> 64; pad 1 stride 2: 64 -> 32; 3*32*25 + 64 + 32*64*9 + 128 = 2,464 + 18,560 = 21,024",
     torch_check=lambda: [*run(seq(_convlayer(3, 32, ks=5, stride=2), _convlayer(32, 64, stride=2)), (1, 3, 128, 128))[0][:2],
                          params(_convlayer(3, 32, ks=5, stride=2), _convlayer(32, 64, stride=2))])

# CASES_END


def main():
    return cc.replace_rows("r5p-", "r5p")


if __name__ == "__main__":
    sys.exit(main())
