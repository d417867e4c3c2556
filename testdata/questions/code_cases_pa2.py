#!/usr/bin/python3
"""Appends the pa2- cases to code.jsonl: pasted code as people paste it on
forums and in chat (the paste front-end's second round, issue 12), each
number checked with PyTorch (Debian's python3-torch 1.13) where PyTorch can
build the layers, and worked by hand in `working` for Keras.

code_cases.py writes code.jsonl from scratch; run this after it:
    /usr/bin/python3 testdata/questions/code_cases.py
    /usr/bin/python3 testdata/questions/code_cases_pa2.py
Rows whose id starts with "pa2-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, Fn, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case
F = torch.nn.functional if torch is not None else None




# --- 1. forward told in words after an __init__, or not told at all ----------

def _lenet_words():
    m = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(), nn.MaxPool2d(2))
    return [flat(m, (1, 1, 28, 28))]


case("pa2-words-fwd-nested", "forward", """
self.conv1 = nn.Conv2d(1, 8, 3)
self.pool = nn.MaxPool2d(2)
self.conv2 = nn.Conv2d(8, 16, 3)
self.fc1 = nn.Linear(???, 64)
self.fc2 = nn.Linear(64, 10)
forward goes pool(relu(conv1)) -> pool(relu(conv2)) -> flatten -> fc1 -> fc2
mnist 28x28, what is ??? supposed to be
""", [400], "28->26->13->11->5 (pool after both convs); 16*5*5 = 400", torch_check=_lenet_words)


def _arrows():
    m = nn.Sequential(nn.Conv2d(3, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2, 2))
    return [flat(m, (1, 3, 64, 64))]


case("pa2-words-fwd-arrows-fc-unnamed", "forward", """
images are 64x64 rgb
        self.conv1 = nn.Conv2d(3, 16, 5)
        self.conv2 = nn.Conv2d(16, 32, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc = nn.Linear(?, 10)
in forward i do conv1 -> relu -> pool -> conv2 -> relu -> pool -> flatten. whats the ? for fc
""", [5408], "64->60->30->26->13 (the pool after each conv, as the words say); 32*13*13 = 5408", torch_check=_arrows)


def _tutorial_fits():
    mods = [nn.Conv2d(1, 10, 5), nn.Conv2d(10, 20, 5), nn.Linear(320, 50), nn.Linear(50, 10)]
    m = nn.Sequential(nn.Conv2d(1, 10, 5), nn.MaxPool2d(2), nn.Conv2d(10, 20, 5), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(320, 50))
    return [params(*mods), flat(m[:4], (1, 1, 28, 28))]


case("pa2-init-shared-pool-fits", "forward", """
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)
total params on mnist (28x28)? does 320 check out?
""", [21840, 320], "the pool defined once is applied after both convs (only then does fc1's 320 fit: 28->24->12->8->4, 20*4*4 = 320); params 260 + 5020 + 16050 + 510 = 21840",
     torch_check=_tutorial_fits)


def _tutorial_qqq():
    m = nn.Sequential(nn.Conv2d(3, 6, 5), nn.MaxPool2d(2, 2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2, 2))
    return [flat(m, (1, 3, 32, 32))]


case("pa2-init-shared-pool-qqq", "forward", """
cifar10 32x32. only have the init so far:
self.conv1 = nn.Conv2d(3, 6, 5)
self.pool = nn.MaxPool2d(2, 2)
self.conv2 = nn.Conv2d(6, 16, 5)
self.fc1 = nn.Linear(???, 120)
""", [400], "forward not pasted: the pool defined once is taken after each conv, as the tutorial's forward does (said first): 32->28->14->10->5; 16*5*5 = 400",
     torch_check=_tutorial_qqq)


# --- 2. shorthand: conv(3,32,3)+pool2, "x3 in a row" ---------------------------

def _short_view():
    m = nn.Sequential(nn.Conv2d(1, 16, 5), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2))
    return [flat(m, (1, 1, 64, 64))]


case("pa2-shorthand-view-qmarks", "shorthand", """
input 1x64x64 grayscale
conv(1,16,5)+pool2
conv(16,32,3,padding=1)+pool2
x = x.view(x.size(0), 32*?*?)  # what size
""", [7200], "64->60->30->30->15; 32*15*15 = 7200", torch_check=_short_view)


def _short_lenet():
    m = nn.Sequential(nn.Conv2d(1, 6, 5), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2))
    return [flat(m, (1, 1, 64, 64))]


case("pa2-shorthand-lenet-wrong-view", "shorthand", """
tried lenet on my 64x64 grayscale imgs: conv(1, 6, 5), pool2, conv(6, 16, 5), pool2, then x = x.view(-1, 16*5*5) and it errors. what number should be there instead
""", [2704], "64->60->30->26->13; 16*13*13 = 2704, not 400", torch_check=_short_lenet)


case("pa2-times-three-nobias", "shorthand", """
nn.Conv2d(256, 256, 3, padding=1, bias=False) 3 times, how many weights in total?
""", [1769472], "3 * (3*3*256*256) = 3 * 589824 = 1769472",
     torch_check=lambda: [params(*[nn.Conv2d(256, 256, 3, padding=1, bias=False) for _ in range(3)])])

case("pa2-x2-linear-then-head", "shorthand", """
classifier is nn.Linear(1024, 1024) x2 then nn.Linear(1024, 10). total params?
""", [2109450], "2 * (1024*1024 + 1024) + (1024*10 + 10) = 2*1049600 + 10250 = 2109450",
     torch_check=lambda: [params(nn.Linear(1024, 1024), nn.Linear(1024, 1024), nn.Linear(1024, 10))])


# --- 3. Keras layers with their input in words -----------------------------------
# Keras numbers are checked with the PyTorch layer that computes the same
# (Keras 'same' with stride s: ceil(n/s), which PyTorch gives with the
# padding that makes it; SeparableConv2D = depthwise without bias +
# pointwise with bias; BatchNormalization's summary = 4*C).

case("pa2-keras-words-depthwise-channels", "keras", """
DepthwiseConv2D(3, padding='same') in keras on a 64 channel feature map, whats the param count
""", [640], "depthwise 3*3*64 = 576 + bias 64 = 640",
     torch_check=lambda: [params(nn.Conv2d(64, 64, 3, groups=64))])

case("pa2-keras-words-size-only", "keras", """
keras Conv2D(32, 5, strides=3) on a 100x100 image, output size??
""", [32], "valid: floor((100-5)/3)+1 = 32 (the channels change nothing asked)",
     torch_check=lambda: [run(nn.Conv2d(1, 32, 5, stride=3), (1, 1, 100, 100))[0][1]])

case("pa2-keras-words-same-stride", "keras", """
in keras: Conv2D(8, (5,5), strides=(2,2), padding="same") applied to 101x101 -- what's the out shape
""", [51], "same: ceil(101/2) = 51 (total pad 4: 2 each side, floor((101+4-5)/2)+1 = 51)",
     torch_check=lambda: [run(nn.Conv2d(1, 8, 5, stride=2, padding=2), (1, 1, 101, 101))[0][1]])

case("pa2-keras-separable-prev-layer", "keras", """
how many trainable params does SeparableConv2D(128, (3, 3)) have when the previous layer outputs 64 channels?
""", [8896], "depthwise 3*3*64 = 576 (no bias) + pointwise 64*128 = 8192 + bias 128: 8896",
     torch_check=lambda: [params(nn.Conv2d(64, 64, 3, groups=64, bias=False), nn.Conv2d(64, 128, 1))])

case("pa2-keras-bn-after-conv-with-kernel", "keras", """
what does summary show for BatchNormalization() after Conv2D(256, 3)? params and non-trainable
""", [1024, 512], "BN on 256 channels: Keras shows 4*256 = 1024, of which the moving mean and variance 2*256 = 512 are non-trainable",
     torch_check=lambda: [4 * nn.BatchNorm2d(256).num_features, 2 * nn.BatchNorm2d(256).num_features])

case("pa2-keras-dense-after-dense", "keras", """
Dense(10) after Dense(128) in keras, param count of the Dense(10)?
""", [1290], "128*10 + 10 = 1290", torch_check=lambda: [params(nn.Linear(128, 10))])


# --- 4. what the words around the code ask ---------------------------------------

def _keras_flat():
    m = nn.Sequential(nn.Conv2d(1, 8, 3), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.MaxPool2d(2), nn.Flatten())
    return [run(m, (1, 1, 64, 64))[0][0]]


case("pa2-keras-chain-features-after-flatten", "keras", """
keras, input 64x64x1: Conv2D(8,3) MaxPooling2D(2) Conv2D(16,3) MaxPooling2D(2) Flatten -> how many features come out of the flatten?
""", [3136], "64->62->31->29->14; 14*14*16 = 3136", torch_check=_keras_flat)


def _arrow_shape():
    m = nn.Sequential(nn.Conv2d(1, 8, 3, stride=2), nn.MaxPool2d(2))
    return run(m, (1, 1, 50, 50))[0][:2]


case("pa2-arrow-shape", "layers", """
nn.Conv2d(1, 8, 3, stride=2) then nn.MaxPool2d(2) on 50x50 grayscale -> shape??
""", [8, 12], "floor((50-3)/2)+1 = 24, pool 12 -> 8x12x12", torch_check=_arrow_shape)


def _clip():
    m = nn.Conv3d(3, 32, kernel_size=(3, 3, 3), stride=(1, 2, 2), padding=1)
    out = run(m, (1, 3, 8, 64, 64))[0]
    return [out[1], out[2], params(m)]


case("pa2-conv3d-frames", "layers", """
video model: nn.Conv3d(3, 32, kernel_size=(3,3,3), stride=(1,2,2), padding=1), clips are 8 frames of 64x64. out shape + params?
""", [8, 32, 2624], "T: 8+2-3+1 = 8; H: floor((64+2-3)/2)+1 = 32; params 32*3*27 + 32 = 2624", torch_check=_clip)


# --- 5. words that complete the code: "after flatten", a channels-first shape ---

def _flat_words():
    m = nn.Sequential(nn.Conv2d(1, 32, 3), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(13 * 13 * 32, 10))
    return [params(m)]


case("pa2-keras-then-dense-after-flatten", "keras", """
Conv2D(32, 3, input_shape=(28,28,1)) then MaxPooling2D(2) then Dense(10) after flatten, total params?
""", [54410], "28->26->13; flatten 13*13*32 = 5408; 320 + 5408*10+10 = 54410", torch_check=_flat_words)


def _flat_words2():
    m = nn.Sequential(nn.Conv2d(3, 16, 5), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3), nn.Flatten(), nn.Linear(32 * 12 * 12, 64))
    return [params(m)]


case("pa2-keras-flattened-into-dense", "keras", """
model.add(Conv2D(16, (5,5), input_shape=(32,32,3)))
model.add(MaxPooling2D((2,2)))
model.add(Conv2D(32, (3,3)))
# flattened, then
model.add(Dense(64))
how many params in total
""", [300832], "32->28->14->12; flatten 12*12*32 = 4608; 1216 + 4640 + (4608*64+64 = 294976) = 300832", torch_check=_flat_words2)


def _chfirst():
    m = nn.Conv2d(3, 64, 3)
    return [params(m), run(m, (1, 3, 128, 128))[0][1]]


case("pa2-keras-channels-first-shape-rgb", "keras", """
model.add(Conv2D(64, (3,3), input_shape=(3, 128, 128)))  # my data is 128x128 rgb
param count looks way too big in summary?? what should it be and what output size
""", [1792, 126], "meant (128, 128, 3): 3*3*3*64 + 64 = 1792; 128-3+1 = 126", torch_check=_chfirst)


# --- several designs on one line, a C×H×W map in words ----------------------------

case("pa2-inline-options-keras-heads", "two", """
backbone ends at (4,4,256). option A: Flatten -> Dense(100). option B: GlobalAveragePooling2D -> Dense(100). params of the head each way?
""", [409700, 25700], "A: 4*4*256 = 4096 -> 4096*100 + 100 = 409700; B: 256*100 + 100 = 25700",
     torch_check=lambda: [params(nn.Linear(4096, 100)), params(nn.Linear(256, 100))], answers=2)

case("pa2-pytorch-chw-words-head", "layers", """
nn.AdaptiveAvgPool2d((1, 1)) on a 2048x7x7 feature map, then nn.Linear(2048, 200). params of that head?
""", [409800], "the pool has none; 2048*200 + 200 = 409800",
     torch_check=lambda: [params(nn.Sequential(nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(2048, 200)))])


def _vgg_short():
    m = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.Conv2d(64, 64, 3, padding=1), nn.MaxPool2d(2),
                      nn.Conv2d(64, 128, 3, padding=1), nn.Conv2d(128, 128, 3, padding=1), nn.MaxPool2d(2))
    return [params(m), run(m, (1, 3, 32, 32))[0][1]]


case("pa2-shorthand-x2-chained", "shorthand", """
conv(3, 64, 3, padding=1) x2, pool2, conv(64, 128, 3, padding=1) x2, pool2 on 32x32 cifar. params and final shape?
""", [260160, 8], "x2 is two convs in a row, the second taking the first's 64 (128) channels: 1792 + 36928 + 73856 + 147584 = 260160; 32 -> 16 -> 8",
     torch_check=_vgg_short)


def _repr_pool():
    m = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2),
                      nn.Conv2d(32, 64, 3, padding=1), nn.MaxPool2d(2))
    return [flat(m, (1, 3, 64, 64))]


case("pa2-repr-shared-pool-fits", "forward", """
print(model) gives

CNN(
  (conv1): Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
  (conv2): Conv2d(16, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
  (conv3): Conv2d(32, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
  (pool): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
  (fc1): Linear(in_features=4096, out_features=256, bias=True)
  (fc2): Linear(in_features=256, out_features=2, bias=True)
)
images are 64x64 rgb. is fc1 right? what reaches it
""", [4096], "pool (printed once) after each conv: 64 -> 32 -> 16 -> 8; 64*8*8 = 4096, so fc1 fits", torch_check=_repr_pool)


def _loose_shape():
    m = nn.Sequential(nn.Conv2d(1, 16, 3), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3), nn.MaxPool2d(2), nn.Flatten())
    return [run(m, (1, 1, 28, 28))[0][0]]


case("pa2-keras-loose-input-shape", "keras", """
input_shape=(28, 28, 1)
Conv2D(16, (3,3)) MaxPooling2D((2,2)) Conv2D(32, (3,3)) MaxPooling2D((2,2)) Flatten
-> how many features after flatten?
""", [800], "28->26->13->11->5; 5*5*32 = 800", torch_check=_loose_shape)


# --- the error message with a forward in words; the input changed in words --------

def _msg_words():
    m = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
    return [flat(m, (16, 3, 64, 64))]


case("pa2-matmul-words-forward-unnamed-fc", "error", """
mat1 and mat2 shapes cannot be multiplied (16x8192 and 2048x5)
images 64x64x3
self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
self.pool = nn.MaxPool2d(2)
self.conv2 = nn.Conv2d(32, 32, 3, padding=1)
forward: pool(relu(conv1)) -> pool(relu(conv2)) -> flatten -> classifier
what in_features do i need
""", [8192], "64 -> 32 -> 16 (pool after each conv, as the words say); 32*16*16 = 8192, as PyTorch's 16x8192 says: nn.Linear(8192, 5)",
     torch_check=_msg_words)


def _resized():
    m = nn.Sequential(nn.Conv2d(1, 8, 5), nn.MaxPool2d(2))
    return [flat(m, (1, 1, 96, 96))]


case("pa2-whatif-resize-linear", "forward", """
input 64x64 grayscale
nn.Sequential(nn.Conv2d(1, 8, 5), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8*30*30, 2))
works, but if I resize my images to 96x96 what does the Linear need?
""", [16928], "96 -> 92 -> 46; 8*46*46 = 16928 (64x64 gave 8*30*30 = 7200)", torch_check=_resized)


def _switched():
    m = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2))
    return [flat(m, (1, 3, 160, 160))]


case("pa2-whatif-matmul-new-size", "error", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied (8x25088 and 512x3)
was training on 112x112 rgb. layers: conv1 = nn.Conv2d(3, 16, 3, padding=1), conv2 = nn.Conv2d(16, 32, 3, padding=1), pool = nn.MaxPool2d(2)
forward is pool(relu(conv1)) -> pool(relu(conv2)) -> flatten -> fc
if i change the input to 160x160 what should fc's in_features be?
""", [51200], "160 -> 80 -> 40; 32*40*40 = 51200 (112 gave 32*28*28 = 25088, as the message says)", torch_check=_switched)


case("pa2-keras-summary-conv-qmark", "keras", """
fill in the blanks from my hw:
Layer (type)                 Output Shape              Param #
=================================================================
conv2d (Conv2D)              (None, 30, 30, 16)        448
max_pooling2d (MaxPooling2D) (None, 15, 15, 16)        0
conv2d_1 (Conv2D)            (None, 13, 13, 32)        ?
flatten (Flatten)            (None, 5408)              0
dense (Dense)                (None, 5)                 ?
""", [4640, 27045], "row 3: 15 -> 13 is a 3x3 valid conv on 16 channels: 3*3*16*32 + 32 = 4640; dense 5408*5 + 5 = 27045",
     torch_check=lambda: [params(nn.Conv2d(16, 32, 3)), params(nn.Linear(5408, 5))])


# --- Keras inputs written beside the code ------------------------------------------

case("pa2-keras-input-shape-from-data", "keras", """
model.add(Conv2D(64, (5, 5), padding='same', input_shape=X_train.shape[1:]))
X_train is (60000, 48, 48, 1) -- params and output shape for this layer?
""", [1664, 48], "input (48, 48, 1): 5*5*1*64 + 64 = 1664; same keeps 48",
     torch_check=lambda: [params(nn.Conv2d(1, 64, 5)), run(nn.Conv2d(1, 64, 5, padding=2), (1, 1, 48, 48))[0][1]])

case("pa2-keras-transpose-on-a-tuple", "keras", """
Conv2DTranspose(32, (4,4), strides=(2,2), padding='same') on a (None, 8, 8, 256) tensor. output shape and param count?
""", [16, 131104], "same with stride 2: 8*2 = 16; 4*4*256*32 + 32 = 131104",
     torch_check=lambda: [run(nn.ConvTranspose2d(256, 32, 4, stride=2, padding=1), (1, 256, 8, 8))[0][1], params(nn.ConvTranspose2d(256, 32, 4))])

case("pa2-keras-pool-twice", "keras", """
32x32x3 input, Conv2D(16, 3, padding='same') then MaxPooling2D() twice. what size comes out
""", [8], "same conv keeps 32; two 2x2 pools: 32 -> 16 -> 8",
     torch_check=lambda: [run(nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2), nn.MaxPool2d(2)), (1, 3, 32, 32))[0][1]])


# --- forward pasted in pieces: lines without def, "same for conv2", "pool is ..." ---

def _loose():
    m = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(), nn.MaxPool2d(2))
    return [flat(m, (1, 1, 64, 64))]


case("pa2-forward-lines-without-def", "forward", """
self.conv1 = nn.Conv2d(1, 8, 3)
self.conv2 = nn.Conv2d(8, 16, 3)
self.pool = nn.MaxPool2d(2)
self.fc = nn.Linear(16 * 5 * 5, 10)
...
x = self.pool(F.relu(self.conv1(x)))
x = self.pool(F.relu(self.conv2(x)))
x = x.view(-1, 16 * 5 * 5)

grayscale 64x64 input. in_features of fc should be?
""", [3136], "64->62->31->29->14; 16*14*14 = 3136",
     torch_check=_loose)


def _same_for():
    m = nn.Sequential(nn.Conv2d(3, 10, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(10, 20, 3), nn.ReLU(), nn.MaxPool2d(2))
    return [flat(m, (1, 3, 100, 100))]


case("pa2-words-same-for-conv2", "forward", """
  (conv1): Conv2d(3, 10, kernel_size=(3, 3), stride=(1, 1))
  (conv2): Conv2d(10, 20, kernel_size=(3, 3), stride=(1, 1))
  (fc1): Linear(in_features=500, out_features=4, bias=True)
forward: x = F.max_pool2d(F.relu(self.conv1(x)), 2), then the same for conv2, then flatten and fc1. images 100x100 rgb, what in_features?
""", [10580], "100->98->49->47->23; 20*23*23 = 10580",
     torch_check=_same_for)


def _pool_is():
    m = nn.Sequential(nn.Conv2d(3, 8, 3), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.MaxPool2d(2))
    return [flat(m, (1, 3, 32, 32))]


case("pa2-pool-defined-in-words", "forward", """
def forward(self, x):
    x = self.pool(F.relu(self.conv1(x)))
    x = self.pool(F.relu(self.conv2(x)))
    x = x.view(-1, 16 * 8 * 8)
    return self.fc1(x)
conv1 is nn.Conv2d(3, 8, 3), conv2 is nn.Conv2d(8, 16, 3), pool is nn.MaxPool2d(2) and fc1 is nn.Linear(16 * 8 * 8, 10)
32x32 rgb. whats the right number instead of 16*8*8
""", [576], "32->30->15->13->6; 16*6*6 = 576", torch_check=_pool_is)


# --- the layer an error message names; Keras's BN row; "input 224" -------------------

case("pa2-error-only-weights-nobias", "error", """
Given groups=1, weight of size [32, 3, 5, 5], expected input[4, 4, 64, 64] to have 3 channels, but got 4 channels instead
how many weights does the conv it complains about have? its bias=False
""", [2400], "the message's conv: 32*3*5*5 = 2400 weights, no bias (the fix takes 4 channels: Conv2d(4, 32, 5))",
     torch_check=lambda: [params(nn.Conv2d(3, 32, 5, bias=False))])

case("pa2-keras-bn-row-count", "keras", """
model.add(Conv2D(32, (3,3), input_shape=(28,28,1)))
model.add(BatchNormalization())
why does batch_normalization show 128 params in the summary and what are the non-trainable ones
""", [128, 64], "Keras counts 4*32 = 128 (gamma, beta, moving mean, moving variance); the moving statistics 2*32 = 64 are non-trainable",
     torch_check=lambda: [params(nn.BatchNorm2d(32)) + 2 * 32, 2 * 32])

case("pa2-input-single-number", "layers", """
self.conv = nn.Conv2d(3, 32, kernel_size=3, stride=2, padding=1)
self.pool = nn.MaxPool2d(2)
input 128, whats the size after conv and after pool
""", [64, 32], "floor((128+2-3)/2)+1 = 64; pool 32",
     torch_check=lambda: [run(nn.Conv2d(3, 32, 3, stride=2, padding=1), (1, 3, 128, 128))[0][1],
                          run(nn.Sequential(nn.Conv2d(3, 32, 3, stride=2, padding=1), nn.MaxPool2d(2)), (1, 3, 128, 128))[0][1]])


# --- inputs written with commas; "is the output N or M?"; code beside summary rows ---

case("pa2-input-commas-nchw", "layers", """
nn.Conv2d(8, 16, (5, 3), stride=(1, 2), padding=(2, 1)) on B,8,40,90 -- params and out h,w?
""", [1936, 40, 45], "8*16*15 + 16 = 1936; H (40+4-5)+1 = 40; W floor((90+2-3)/2)+1 = 45",
     torch_check=lambda: [params(nn.Conv2d(8, 16, (5, 3))), *run(nn.Conv2d(8, 16, (5, 3), stride=(1, 2), padding=(2, 1)), (1, 8, 40, 90))[0][1:]])

case("pa2-keras-is-the-output", "keras", """
keras Conv2D(16, 5, strides=3, padding='same') on a 100x100 input, is the output 33 or 34?
""", [34], "same: ceil(100/3) = 34 (PyTorch with the same total padding 3: floor((100+3-5)/3)+1 = 33+1 = 34)",
     torch_check=lambda: [run(nn.Conv2d(1, 16, 5, stride=3, padding=2), (1, 1, 100, 100))[0][1]])


def _seq_row():
    m = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32 * 7 * 7, 64))
    return [32 * 7 * 7, params(m[5])]


case("pa2-keras-code-and-one-row", "keras", """
model = Sequential([
  Conv2D(16, 3, padding='same', input_shape=(28,28,1)),
  MaxPooling2D(),
  Conv2D(32, 3, padding='same'),
  MaxPooling2D(),
  Flatten(),
  Dense(64),
])
dense (Dense)   (None, 64)   100416   <- how? what comes out of the flatten
""", [1568, 100416], "28 -> 14 -> 7; 7*7*32 = 1568; 1568*64 + 64 = 100416", torch_check=_seq_row)


# --- summary tables with blanks: Keras's ???, torchsummary's rows --------------------

def _ts():
    m = nn.Sequential(nn.Conv2d(1, 8, 5), nn.MaxPool2d(2), nn.Conv2d(8, 16, 5), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16 * 4 * 4, 32), nn.Linear(32, 10))
    return [16 * 4 * 4, params(m)]


case("pa2-torchsummary-table", "forward", """
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1            [-1, 8, 24, 24]             208
         MaxPool2d-2            [-1, 8, 12, 12]               0
            Conv2d-3             [-1, 16, 8, 8]           3,216
         MaxPool2d-4             [-1, 16, 4, 4]               0
            Linear-5                   [-1, 32]           8,224
            Linear-6                   [-1, 10]             330
================================================================
how many features go into Linear-5 and whats the total
""", [256, 11978], "16*4*4 = 256 (8224 = 32*(256+1)); total 208 + 3216 + 8224 + 330 = 11978", torch_check=_ts)


# --- the padding a pasted conv needs -------------------------------------------------

case("pa2-padding-for-pasted-dilated-conv", "inverse", """
which padding for nn.Conv2d(16, 16, kernel_size=3, dilation=4) so my 50x50 feature map keeps its size?
""", [4], "same size with stride 1: 2p = d*(k-1) = 4*2 -> p = 4",
     torch_check=lambda: [4 if run(nn.Conv2d(16, 16, 3, dilation=4, padding=4), (1, 16, 50, 50))[0][1] == 50 else -1])

case("pa2-padding-for-pasted-strided-conv", "inverse", """
how much padding does nn.Conv2d(3, 8, kernel_size=4, stride=2) need to go from 32x32 to 16x16?
""", [1], "floor((32 + 2p - 4)/2) + 1 = 16 -> p = 1",
     torch_check=lambda: [1 if run(nn.Conv2d(3, 8, 4, stride=2, padding=1), (1, 3, 32, 32))[0][1] == 16 else -1])


case("pa2-keras-same-thing-with-plain", "two", """
DepthwiseConv2D(5) in keras on a 32 channel input, params? and the same thing with a plain Conv2D(32, 5)?
""", [832, 25632], "depthwise 5*5*32 + 32 = 832; plain 5*5*32*32 + 32 = 25632",
     torch_check=lambda: [params(nn.Conv2d(32, 32, 5, groups=32)), params(nn.Conv2d(32, 32, 5))], answers=2)

case("pa2-keras-after-48-ch", "keras", """
Conv2D(64,(5,5)) after a 48 ch layer, i get 76800 but summary says more??
""", [76864], "5*5*48*64 = 76800 weights + 64 biases = 76864", torch_check=lambda: [params(nn.Conv2d(48, 64, 5))])


# --- the framework's own messages: a map too small, an input without its axis ------

def _too_small():
    m = nn.Sequential(nn.Conv2d(3, 16, 3), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.MaxPool2d(2))
    return [run(m, (1, 3, 32, 32))[0][1]]


case("pa2-too-small-size-before", "error", """
RuntimeError: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size
nn.Sequential(
    nn.Conv2d(3, 16, 3), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3),
)
cifar 32x32. what size reaches the last conv?
""", [2], "32->30->15->13->6->4->2: the last 3x3 conv gets 2x2", torch_check=_too_small)


def _keras_small():
    m = nn.Sequential(nn.Conv2d(1, 32, 5), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5), nn.MaxPool2d(2))
    return [run(m, (1, 1, 28, 28))[0][1]]


case("pa2-keras-negative-dimension", "error", """
ValueError: Negative dimension size caused by subtracting 5 from 4 for 'conv2d_2/Conv2D'
model.add(Conv2D(32, (5,5), input_shape=(28,28,1)))
model.add(MaxPooling2D((2,2)))
model.add(Conv2D(64, (5,5)))
model.add(MaxPooling2D((2,2)))
model.add(Conv2D(128, (5,5)))
whats the h/w going into the last conv
""", [4], "28->24->12->8->4: a 5x5 kernel does not fit in 4x4", torch_check=_keras_small)


def _pool_lines():
    m = nn.Sequential(nn.MaxPool2d(2), nn.AvgPool2d(3, stride=2))
    return [run(m, (1, 16, 64, 64))[0][1]]


case("pa2-functional-pool-lines", "forward", """
x is [B, 16, 64, 64]
x = F.max_pool2d(x, 2)
x = F.avg_pool2d(x, 3, stride=2)
spatial size after both?
""", [15], "64 -> 32 -> floor((32-3)/2)+1 = 15", torch_check=_pool_lines)

case("pa2-expected-4d-input", "error", """
RuntimeError: Expected 4-dimensional input for 4-dimensional weight [16, 1, 3, 3], but got 3-dimensional input of size [32, 64, 64] instead
how many params does that conv have and whats the fix
""", [160], "the message's conv: 16*1*3*3 + 16 = 160; [32, 64, 64] is 32 grayscale images without the channel axis: x.unsqueeze(1)",
     torch_check=lambda: [params(nn.Conv2d(1, 16, 3))])


# --- Keras functional branches -------------------------------------------------------

case("pa2-keras-functional-branches", "keras", """
inp = Input(shape=(32, 32, 64))
a = Conv2D(32, 1, padding='same')(inp)
b = Conv2D(16, 1, padding='same')(inp)
b = Conv2D(32, 3, padding='same')(b)
c = MaxPooling2D(3, strides=1, padding='same')(inp)
c = Conv2D(16, 1, padding='same')(c)
out = concatenate([a, b, c])
params of this block and channels of out?
""", [8800, 80], "a: 64*32+32 = 2080; b: 64*16+16 = 1040, 16*32*9+32 = 4640; c: pool 0, 64*16+16 = 1040; total 8800; channels 32+32+16 = 80",
     torch_check=lambda: [params(nn.Conv2d(64, 32, 1), nn.Conv2d(64, 16, 1), nn.Conv2d(16, 32, 3), nn.Conv2d(64, 16, 1)), 32 + 32 + 16])


# --- helper functions that build layers; a receptive field without an input ---------

def _helper():
    def block(cin, cout):
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))
    m = nn.Sequential(block(1, 16), block(16, 32))
    return [params(m), run(m, (1, 1, 28, 28))[0][1]]


case("pa2-helper-function-blocks", "forward", """
def conv_block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel_size=3, padding=1),
        nn.BatchNorm2d(cout),
        nn.ReLU(),
        nn.MaxPool2d(2))

self.body = nn.Sequential(conv_block(1, 16), conv_block(16, 32))
mnist 28x28: params of body and output size?
""", [4896, 7], "conv 1->16: 160, BN 32; conv 16->32: 4640, BN 64 -> 4896; 28 -> 14 -> 7", torch_check=_helper)

case("pa2-rf-without-input", "rf", """
self.net = nn.Sequential(
    nn.Conv2d(3, 16, 3), nn.ReLU(),
    nn.Conv2d(16, 16, 3, stride=2), nn.ReLU(),
    nn.Conv2d(16, 32, 3), nn.ReLU(),
)
receptive field of the last conv?
""", [9], "rf 3 (j1), 5 (j2), 5 + 2*2 = 9", torch_check=None)


# --- counts and sizes in words around code; a checkpoint's two layers ----------------

case("pa2-versus-two-pytorch-convs", "two", """
params for nn.Conv2d(128, 128, 7) vs three nn.Conv2d(128, 128, 3)? bias on
""", [802944, 442752], "7x7: 128*128*49 + 128 = 802944; three 3x3: 3*(128*128*9 + 128) = 442752",
     torch_check=lambda: [params(nn.Conv2d(128, 128, 7)), params(*[nn.Conv2d(128, 128, 3) for _ in range(3)])], answers=2)

case("pa2-keras-channels-in-words", "keras", """
In Keras, Conv2D(128, (3,3)) is applied to a tensor with sixty-four channels. How many trainable parameters?
""", [73856], "3*3*64*128 + 128 = 73856", torch_check=lambda: [params(nn.Conv2d(64, 128, 3))])

case("pa2-flatten-gives-product", "keras", """
flatten gives 5*5*128 and then Dense(256). how many params in that dense layer?
""", [819456], "5*5*128 = 3200; 3200*256 + 256 = 819456", torch_check=lambda: [params(nn.Linear(3200, 256))])

case("pa2-checkpoint-both-layers", "error", """
size mismatch for classifier.weight: copying a param with shape torch.Size([100, 1024]) from checkpoint, the shape in current model is torch.Size([5, 1024]).
params of classifier in the checkpoint vs in my model?
""", [102500, 5125], "checkpoint 1024*100 + 100 = 102500; model 1024*5 + 5 = 5125",
     torch_check=lambda: [params(nn.Linear(1024, 100)), params(nn.Linear(1024, 5))])


case("pa2-connections-bias-counted", "layers", """
nn.Conv2d(16, 32, 5) -- how many connections does each output neuron have if we count the bias as one?
""", [401], "5*5*16 = 400 inputs + 1 for the bias = 401", torch_check=None)


case("pa2-keras-context-sentence-vs", "two", """
my backbone ends in (4, 4, 1024). Flatten() + Dense(20) vs GlobalAveragePooling2D() + Dense(20), params of the Dense each way?
""", [327700, 20500], "flatten 4*4*1024 = 16384 -> 16384*20 + 20 = 327700; GAP 1024*20 + 20 = 20500",
     torch_check=lambda: [params(nn.Linear(16384, 20)), params(nn.Linear(1024, 20))], answers=2)

case("pa2-instead-of-product-not-input", "forward", """
self.conv1 = nn.Conv2d(1, 8, 3)
self.conv2 = nn.Conv2d(8, 16, 3)
self.pool = nn.MaxPool2d(2)
self.fc = nn.Linear(16 * 7 * 7, 10)
def forward(self, x):
    x = self.pool(F.relu(self.conv1(x)))
    x = self.pool(F.relu(self.conv2(x)))
    x = x.view(-1, 16 * 7 * 7)
mnist. what goes instead of 16*7*7?
""", [400], "28->26->13->11->5; 16*5*5 = 400 (7x7 would need padding=1 convs)",
     torch_check=lambda: [run(nn.Sequential(nn.Conv2d(1, 8, 3), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.MaxPool2d(2), nn.Flatten()), (1, 1, 28, 28))[0][0]])


case("pa2-adaptive-pool-open-sizes", "forward", """
encoder gives [B, 256, H, W] where H and W depend on the image
self.pool = nn.AdaptiveAvgPool2d((2, 2))
x = torch.flatten(self.pool(x), 1)
self.head = nn.Linear(???, 5)
what do i put for ???
""", [1024], "the adaptive pool gives 256x2x2 whatever H, W are: 1024",
     torch_check=lambda: [run(nn.Sequential(nn.AdaptiveAvgPool2d((2, 2)), nn.Flatten()), (1, 256, 13, 17))[0][0]])


case("pa2-batch-output-values", "layers", """
how many floats does the output of nn.Conv2d(16, 32, 3, padding=1) hold for a batch of 8 128x128 feature maps? vram is tight
""", [4194304], "out 32x128x128 = 524288 per sample; batch 8: 4194304",
     torch_check=lambda: [8 * flat(nn.Conv2d(16, 32, 3, padding=1), (1, 16, 128, 128))])


case("pa2-if-i-drop-argument", "two", """
nn.Conv2d(16, 32, 3, stride=2, padding=1) on a 15x15 map -> out size? and if i remove padding?
""", [8, 7], "with padding 1: floor((15+2-3)/2)+1 = 8; without: floor((15-3)/2)+1 = 7",
     torch_check=lambda: [run(nn.Conv2d(16, 32, 3, stride=2, padding=1), (1, 16, 15, 15))[0][1], run(nn.Conv2d(16, 32, 3, stride=2), (1, 16, 15, 15))[0][1]], answers=2)


# --- pa4: the asker's own line ending in ':' before indented pasted lines ----

def _colon_cut():
    m = nn.Sequential(nn.Conv2d(1, 10, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(10, 20, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
    return [flat(m, (1, 1, 48, 48))]


case("pa4-colon-before-cut-forward", "forward", """
grayscale 48x48 faces, here is what i have:

    self.conv1 = nn.Conv2d(1, 10, 3)
    self.pool = nn.MaxPool2d(2)
    self.conv2 = nn.Conv2d(10, 20, 3)
    self.fc = nn.Linear(20 * 5 * 5, 7)
    ...
    x = self.pool(F.relu(self.conv1(x)))
    x = self.pool(F.relu(self.conv2(x)))
    x = x.view(x.size(0), -1)
    x = self.fc(x)

what should the fc in_features be?
""", [2000], "48->46->23->21->10; 20*10*10 = 2000", torch_check=_colon_cut)


def _colon_msg():
    m = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
    return [flat(m, (1, 3, 128, 128))]


case("pa4-colon-before-message-and-code", "error", """
my model crashes on 128x128 images, error:
RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x32768 and 2048x64)
code:
    self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
    self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
    self.pool = nn.MaxPool2d(2, 2)
    self.fc1 = nn.Linear(32 * 8 * 8, 64)
    # forward
    x = self.pool(F.relu(self.conv1(x)))
    x = self.pool(F.relu(self.conv2(x)))
    x = torch.flatten(x, 1)
    x = self.fc1(x)
""", [32768], "128->64->32 with padding 1; 32*32*32 = 32768", torch_check=_colon_msg)


# --- pa4: a view message ("shape '[-1, 400]' is invalid for input of size N") --

def _view_pool_words():
    m = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
    n = flat(m, (1, 3, 96, 96))
    return [n, 8 * n]


case("pa4-view-message-pool-in-words", "error", """
RuntimeError: shape '[-1, 1024]' is invalid for input of size 61952
96x96 rgb, batch of 8
self.conv1 = nn.Conv2d(3, 8, 3)
self.conv2 = nn.Conv2d(8, 16, 3)
in forward i do F.max_pool2d(F.relu(conv(x)), 2) for both convs then x = x.view(-1, 16*8*8)
what goes in the view?
""", [7744, 61952], "96->94->47->45->22; 16*22*22 = 7744 a sample, 8*7744 = 61952 (the message's size)",
     must_say=["x.view(-1, 16 * 22 * 22)"], torch_check=_view_pool_words)


case("pa4-view-message-does-not-fit", "error", """
RuntimeError: shape '[-1, 200]' is invalid for input of size 6272
self.conv1 = nn.Conv2d(1, 4, 3)
self.conv2 = nn.Conv2d(4, 8, 3)
x = x.view(-1, 8*5*5)
mnist 28x28
""", [4608], "as pasted 28->26->24: 8*24*24 = 4608 a sample, and 6272 is no multiple of it: the reply must not be confident",
     must_say=["Not sure"], torch_check=lambda: [flat(nn.Sequential(nn.Conv2d(1, 4, 3), nn.Conv2d(4, 8, 3)), (1, 1, 28, 28))])


# --- pa4: "I swapped the args": the fix swaps in and out, not in_channels alone --

case("pa4-swapped-conv-args", "error", """
RuntimeError: Given groups=1, weight of size [32, 96, 3, 3], expected input[8, 32, 56, 56] to have 96 channels, but got 32 channels instead
pretty sure i got in/out backwards in self.conv3 = nn.Conv2d(96, 32, 3, padding=1). params of the corrected one?
""", [27744], "the corrected conv is 32 -> 96: 3*3*32*96 + 96 = 27744",
     must_say=["nn.Conv2d(32, 96, 3, padding=1)"], torch_check=lambda: [params(nn.Conv2d(32, 96, 3, padding=1))])


case("pa4-swapped-conv-args-in-model", "error", """
model = nn.Sequential(
    nn.Conv2d(3, 16, 3),
    nn.ReLU(),
    nn.Conv2d(48, 16, 3),
)
RuntimeError: Given groups=1, weight of size [16, 48, 3, 3], expected input[1, 16, 30, 30] to have 48 channels, but got 16 channels instead
i swapped the numbers in the second conv i think, how many parameters does the model have once fixed?
""", [7408], "conv 3->16: 3*3*3*16 + 16 = 448; fixed conv 16->48: 3*3*16*48 + 48 = 6960; 448 + 6960 = 7408",
     must_say=["nn.Conv2d(16, 48, 3)"], torch_check=lambda: [params(nn.Conv2d(3, 16, 3), nn.Conv2d(16, 48, 3))])


# --- pa4: a view line alone: what it passes on is its own argument ------------

case("pa4-lone-view-in-features", "forward", """
after x = x.view(-1, 64*7*7) how many in_features does the next linear need
""", [3136], "64*7*7 = 3136",
     torch_check=lambda: [flat(nn.Flatten(), (1, 64, 7, 7))])


case("pa4-lone-view-with-input-words", "forward", """
mnist 28x28, my flatten is x.reshape(-1, 20 * 4 * 4). in_features for fc1??
""", [320], "20*4*4 = 320 (the input size does not change what the view's own argument says)",
     torch_check=lambda: [flat(nn.Flatten(), (1, 20, 4, 4))])


# --- pa4: "Param #" in the words is Keras's column, not a comment; a missing Flatten --

case("pa4-param-hash-dense-no-flatten", "keras", """
the Param # of Dense(256) in my summary is tiny?? its input is (None, 12, 12, 48) because i forgot the Flatten. what is it really
""", [12544], "Dense acts on the last axis: 48*256 + 256 = 12544",
     torch_check=lambda: [params(nn.Linear(48, 256))])


case("pa4-param-hash-without-flatten", "keras", """
keras: Dense(128) right after a conv whose output is (None, 8, 8, 64), without a flatten in between. whats the Param # of the dense?
""", [8320], "Dense acts on the last axis: 64*128 + 128 = 8320",
     torch_check=lambda: [params(nn.Linear(64, 128))])


# --- pa4: padding='same' refused with a stride: the padding asked for is solved --

case("pa4-strided-same-which-padding", "inverse", """
nn.Conv2d(16, 16, 5, stride=2, padding='same') gives me padding='same' is not supported for strided convolutions. which padding gets me from 96x96 to 48x48?
""", [2], "floor((96 + 2p - 5)/2) + 1 = 48 only for p = 2",
     torch_check=lambda: [next(p for p in range(4) if run(nn.Conv2d(16, 16, 5, stride=2, padding=p), (1, 16, 96, 96))[0][1] == 48)])


case("pa4-strided-same-what-padding", "inverse", """
ValueError: padding='same' is not supported for strided convolutions
self.down = nn.Conv2d(64, 128, 3, stride=2, padding="same")
what padding do i need to go from 56x56 to 28x28
""", [1], "floor((56 + 2p - 3)/2) + 1 = 28 only for p = 1",
     torch_check=lambda: [next(p for p in range(4) if run(nn.Conv2d(64, 128, 3, stride=2, padding=p), (1, 64, 56, 56))[0][1] == 28)])


# --- pa4: one layer asked with both values of a flag ------------------------------

case("pa4-ceil-mode-both-values", "two", """
nn.MaxPool2d(3, stride=2) on 56x56, out size with ceil_mode=False vs ceil_mode=True?
""", [27, 28], "floor((56-3)/2)+1 = 27; with ceil_mode: ceil(53/2)+1 = 28",
     torch_check=lambda: [run(nn.MaxPool2d(3, stride=2), (1, 1, 56, 56))[0][1], run(nn.MaxPool2d(3, stride=2, ceil_mode=True), (1, 1, 56, 56))[0][1]], answers=2)


case("pa4-ceil-mode-true-then-false", "two", """
nn.AvgPool2d(2) on a 15x15 feature map: output size with ceil_mode=True and with ceil_mode=False
""", [8, 7], "ceil(13/2)+1 = 8; floor(13/2)+1 = 7",
     torch_check=lambda: [run(nn.AvgPool2d(2, ceil_mode=True), (1, 1, 15, 15))[0][1], run(nn.AvgPool2d(2), (1, 1, 15, 15))[0][1]], answers=2)


# --- pa4: a map into one Linear, flattened vs globally pooled ---------------------

case("pa4-flatten-or-gap-linear", "two", """
my resnet ends in a 2048x7x7 map, nn.Linear(???, 100) after flatten or after global average pooling, params of the fc?
""", [10035300, 204900], "flatten: 2048*49*100 + 100 = 10035300; GAP: 2048*100 + 100 = 204900",
     torch_check=lambda: [params(nn.Linear(2048 * 7 * 7, 100)), params(nn.Linear(2048, 100))], answers=2)


case("pa4-flatten-vs-gap-linear", "two", """
flatten vs GAP before nn.Linear(?, 5) on a 256x4x4 feature map, how many weights in the linear each way
""", [20485, 1285], "flatten: 4096*5 + 5 = 20485; GAP: 256*5 + 5 = 1285",
     torch_check=lambda: [params(nn.Linear(256 * 4 * 4, 5)), params(nn.Linear(256, 5))], answers=2)


# --- pa4: an upsample first: the layer after it says the channels -----------------

case("pa4-upsample-first-sequential", "forward", """
nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(64, 32, 3)) on a 20x20 map, output size?
""", [38], "20*2 = 40; 40-3+1 = 38",
     torch_check=lambda: [run(nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(64, 32, 3)), (1, 64, 20, 20))[0][1]])


case("pa4-upsample-first-then-conv", "forward", """
nn.Upsample(scale_factor=4, mode='bilinear') then nn.Conv2d(16, 8, 5, padding=2), my input is 32x32 - what comes out?
""", [128], "32*4 = 128; 5x5 with padding 2 keeps 128",
     torch_check=lambda: [run(nn.Sequential(nn.Upsample(scale_factor=4, mode='bilinear'), nn.Conv2d(16, 8, 5, padding=2)), (1, 16, 32, 32))[0][1]])


def main():
    return cc.replace_rows(("pa2-", "pa4-"), "pa2")


if __name__ == "__main__":
    sys.exit(main())
