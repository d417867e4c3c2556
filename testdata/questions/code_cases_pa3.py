#!/usr/bin/python3
"""Appends the pa3- cases to code.jsonl: the paste front-end's third round
(round 3 of issue 12): pastes whose layers were misread or dropped. Each
number is checked with PyTorch (Debian's python3-torch) where PyTorch can
build the layers — a Keras layer as the PyTorch layer with the same
weights — and worked by hand in `working` otherwise.

Run after code_cases.py and code_cases_pa2.py:
    /usr/bin/python3 testdata/questions/code_cases.py
    /usr/bin/python3 testdata/questions/code_cases_pa2.py
    /usr/bin/python3 testdata/questions/code_cases_pa3.py
Rows whose id starts with "pa3-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case




# --- 1. a DepthwiseConv2D row of model.summary(): one filter per channel ------

case("pa3-summary-depthwise-qqq-words-input", "summary", """
Layer (type)                 Output Shape              Param #
=================================================================
depthwise_conv2d_3 (DepthwiseConv2D)  (None, 14, 14, 128)    ???
=================================================================
its input is (None, 16, 16, 128), 3x3 kernel, no stride. what number goes in ???
""", [1280], "depthwise: 128 filters of 3x3x1 plus 128 biases = 128*9 + 128 = 1280",
     torch_check=lambda: [params(nn.Conv2d(128, 128, 3, groups=128))])

case("pa3-summary-depthwise-multiplier-row-above", "summary", """
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 30, 30, 32)        896
 depthwise_conv2d (Depthwis  (None, 28, 28, 64)        ?
 eConv2D)
=================================================================
depth_multiplier=2, what should the ? be
""", [640], "32 channels, multiplier 2: 64 filters of 3x3x1 (30 -> 28: k = 3) plus 64 biases = 64*9 + 64 = 640",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3, groups=32))])

case("pa3-summary-depthwise-count-given", "summary", """
input_1 (InputLayer)         [(None, 114, 114, 32)]    0
depthwise (DepthwiseConv2D)  (None, 112, 112, 32)      320
how is 320 computed for the depthwise layer
""", [320], "32 filters of 3x3x1 plus 32 biases = 32*(9+1) = 320",
     torch_check=lambda: [params(nn.Conv2d(32, 32, 3, groups=32))])


# --- 2. shorthand chains: a layer with arithmetic or a name is not dropped ----

case("pa3-shorthand-linear-product", "shorthand", """
conv(1, 8, 5) -> pool2 -> conv(8, 16, 5) -> fc(16*4*4, 10) total params?
""", [5994], "208 + 3216 + (256*10 + 10 = 2570) = 5994",
     torch_check=lambda: [params(nn.Conv2d(1, 8, 5), nn.Conv2d(8, 16, 5), nn.Linear(16 * 4 * 4, 10))])

case("pa3-shorthand-linear-chain-product", "shorthand", """
how many params in linear(64*7*7, 128) then fc(128, 10)
""", [402826], "3136*128 + 128 = 401536; 128*10 + 10 = 1290; 402826",
     torch_check=lambda: [params(nn.Linear(64 * 7 * 7, 128), nn.Linear(128, 10))])

case("pa3-shorthand-linear-named-size", "shorthand", """
n_flat = 32*5*5
conv(3,16,3) -> conv(16,32,3) -> linear(n_flat, 10), total param count?
""", [13098], "448 + 4640 = 5088; n_flat = 800: 800*10 + 10 = 8010; 5088 + 8010 = 13098",
     torch_check=lambda: [params(nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), nn.Linear(32 * 5 * 5, 10))])


# --- 3. a forward told in words after the modules: "then max_pool2d(x, 2)" ----

def _then_pool():
    m = nn.Sequential(nn.Conv2d(3, 16, 5), nn.Conv2d(16, 32, 5), nn.MaxPool2d(2))
    return [flat(m, (1, 3, 32, 32))]


case("pa3-then-functional-pool-cifar", "forward", """
conv1 = nn.Conv2d(3, 16, 5), conv2 = nn.Conv2d(16, 32, 5), then F.max_pool2d(x, 2) and then flatten. cifar 32x32, what's fc1 in_features
""", [4608], "32 -> 28 -> 24 -> pool 12; 32*12*12 = 4608", torch_check=_then_pool)


def _then_avg():
    m = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.Conv2d(16, 32, 3, padding=1), nn.AvgPool2d(4))
    return [flat(m, (1, 1, 64, 64))]


case("pa3-then-functional-avgpool-fc-named", "forward", """
self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
self.fc = nn.Linear(???, 2)
then avg_pool2d(x, 4) then flatten then fc. input 64x64 grayscale
""", [8192], "64 -> 64 -> 64 -> avgpool 4: 16; 32*16*16 = 8192", torch_check=_then_avg)


case("pa3-no-forward-classic-mnist-params", "network", """
whats the total number of parameters of this (forward not shown, pools are in forward):
self.conv1 = nn.Conv2d(1, 20, 5, 1)
self.conv2 = nn.Conv2d(20, 50, 5, 1)
self.fc1 = nn.Linear(4*4*50, 500)
self.fc2 = nn.Linear(500, 10)
on mnist
""", [431080], "520 + 25050 + (800*500 + 500 = 400500) + 5010 = 431080",
     torch_check=lambda: [params(nn.Conv2d(1, 20, 5, 1), nn.Conv2d(20, 50, 5, 1), nn.Linear(800, 500), nn.Linear(500, 10))])


# --- 4. a printed torch.Size as the input ------------------------------------

case("pa3-torch-size-alone-flatten", "shape", """
print(x.shape) shows torch.Size([32, 64, 7, 7]) right before flatten. in_features of fc?
""", [3136], "32 is the batch; 64*7*7 = 3136",
     torch_check=lambda: [flat(nn.Flatten(), (32, 64, 7, 7))])

case("pa3-torch-size-then-pool-qqq", "shape", """
my conv output is torch.Size([16, 32, 13, 13]) and then self.pool = nn.MaxPool2d(2, 2) and self.fc = nn.Linear(???, 10)
""", [1152], "13 -> pool 2: 6; 32*6*6 = 1152",
     torch_check=lambda: [flat(nn.MaxPool2d(2, 2), (16, 32, 13, 13))])

case("pa3-torch-size-named-batch", "shape", """
x.shape after features is torch.Size([batch, 512, 7, 7]), whats the linear input size
""", [25088], "512*7*7 = 25088", torch_check=lambda: [flat(nn.Flatten(), (2, 512, 7, 7))])


# --- 5. the deeplearning.ai numpy assignment: channels last ------------------

case("pa3-numpy-conv-forward-test-cell", "numpy", """
getting an assertion error in conv_forward, what shape should Z be?
np.random.seed(1)
A_prev = np.random.randn(2, 5, 7, 4)
W = np.random.randn(3, 3, 4, 8)
b = np.random.randn(1, 1, 1, 8)
hparameters = {"pad": 1, "stride": 2}
""", [2, 3, 4, 8], "n_H = (5 + 2 - 3)//2 + 1 = 3; n_W = (7 + 2 - 3)//2 + 1 = 4; Z (2, 3, 4, 8)",
     torch_check=lambda: [2] + list(run(nn.Conv2d(4, 8, 3, stride=2, padding=1), (2, 4, 5, 7))[0][1:]) + [8])

case("pa3-numpy-pool-forward-average", "numpy", """
pool_forward test: A_prev = np.random.randn(2, 5, 5, 3), hparameters = {"stride" : 2, "f": 3}, mode = "average". what is A.shape?
""", [2, 2, 2, 3], "n_H = n_W = (5 - 3)//2 + 1 = 2; A (2, 2, 2, 3)",
     torch_check=lambda: [2] + list(run(nn.AvgPool2d(3, 2), (2, 3, 5, 5))[0][1:]) + [3])

case("pa3-numpy-conv-words-same", "numpy", """
C4W1 conv_forward: A_prev is (5, 28, 28, 16) and W.shape = (5, 5, 16, 32), pad 2 stride 1, shape of Z?
""", [5, 28, 28, 32], "n_H = n_W = (28 + 4 - 5)//1 + 1 = 28; Z (5, 28, 28, 32)",
     torch_check=lambda: [5] + list(run(nn.Conv2d(16, 32, 5, padding=2), (5, 16, 28, 28))[0][1:]) + [32])


# --- 6. Keras: the row above gives the input; `...` is not refused ------------

case("pa3-summary-first-row-dots", "summary", """
conv2d (Conv2D)              (None, 62, 62, 16)        ...
_________________________________________________________________
conv2d_1 (Conv2D)            (None, 60, 60, 32)        ???
how do i get the ??? for conv2d_1
""", [4640], "62 -> 60: k = 3; 32*(3*3*16 + 1) = 4640",
     torch_check=lambda: [params(nn.Conv2d(16, 32, 3))])

case("pa3-keras-bn-after-dense-words", "keras", """
why does my BN layer after Dense(64, activation="relu") have 256 params in model.summary()? which are non-trainable
""", [256, 128], "Keras counts 4*64 = 256: gamma, beta (128 trainable) and the moving mean and variance (128 non-trainable)",
     torch_check=lambda: [4 * 64, params(nn.BatchNorm1d(64))])

case("pa3-keras-bn-followed-by", "keras", """
Conv2D(128, (3,3), padding="same") followed by BatchNormalization: summary says 512 params, how many trainable?
""", [256], "2*128 = 256 trainable (gamma, beta); 256 moving statistics",
     torch_check=lambda: [params(nn.BatchNorm2d(128))])

case("pa3-keras-takes-next-layer", "keras", """
conv2d_5 (Conv2D) takes (None, 14, 14, 64) and the next layer is Conv2D(128, (3, 3)). what Param # should that show?
""", [73856], "128*(3*3*64 + 1) = 73856", torch_check=lambda: [params(nn.Conv2d(64, 128, 3))])

case("pa3-keras-trailing-dots-arg", "keras", """
model = Sequential()
model.add(Conv2D(32, (3,3), ..., input_shape=(28,28,1)))
model.add(Conv2D(64, (3,3), ...))
total params?
""", [18816], "320 + (64*(9*32 + 1) = 18496) = 18816",
     torch_check=lambda: [params(nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3))])


# --- 6b. one torchsummary row, its input in words ----------------------------

case("pa3-torchsummary-one-row-no-bias-macs", "summary", """
torchsummary shows
        Conv2d-1           [-1, 32, 112, 112]             864
the first conv of my net (3 input channels, stride 2, bias=False), input 224x224. MACs for that layer?
""", [10838016], "864 = 32*3*3*3 (no bias): 3x3; 224 -> 112 with stride 2; MACs 32*112*112*27 = 10838016",
     torch_check=lambda: [run(nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False), (1, 3, 224, 224))[1]])

case("pa3-torchsummary-one-row-bias-macs", "summary", """
            Conv2d-1           [-1, 16, 30, 30]             448
what's the mult-adds of this row (32x32 image, 3 input channels)?
""", [388800], "448 = 16*(3*3*3 + 1): 3x3 valid, 32 -> 30; MACs 16*30*30*27 = 388800",
     torch_check=lambda: [run(nn.Conv2d(3, 16, 3), (1, 3, 32, 32))[1]])


def main():
    return cc.replace_rows("pa3-", "pa3")


if __name__ == "__main__":
    sys.exit(main())
