#!/usr/bin/python3
"""Appends the p8- cases to code.jsonl: the paste front-end's eighth
round, written after reading real threads (torchsummary issues on shared
modules counted once per call, "shape '[16, 400]' is invalid for input of
size 9600" posts, Keras model.summary() worksheets with blanks): a blank in
a pasted summary (???, ?, __, a count cut off) is the question; a shape in
a comment or the words is a pasted layer's input; a module applied several
times is one set of weights; a view message's size is the whole batch's.
Every number is checked with PyTorch (Debian's python3-torch); Keras
layers are checked as their PyTorch equivalents (valid = no padding,
'same' at stride 1 with an odd kernel = padding k//2, pools of stride =
window).

Run:  /usr/bin/python3 testdata/questions/code_cases_p8.py
Rows whose id starts with "p8-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat, Fn  # noqa: E402

cc.CASES.clear()
case = cc.case


def side(model, shape):
    """The last spatial size of model's output on an input of shape."""
    out, _ = run(model, shape)
    return out[-1]


# --- 1. a blank count in a summary is the question ---------------------------

case("p8-blank-ts-after-pool", "summary", """
torchsummary output:

            Conv2d-1           [-1, 32, 30, 30]             896
         MaxPool2d-2           [-1, 32, 15, 15]               0
            Conv2d-3           [-1, 64, 13, 13]             ???

all kernels 3x3, whats the ???
""", [18496], "896 = 32*(3*9+1) on 3x32x32; Conv2d-3: 64*(32*9+1) = 18,496",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3))])

case("p8-blank-keras-dense-single-q", "summary", """
flatten (Flatten)     (None, 3136)     0
dense (Dense)         (None, 128)      ?
dense_1 (Dense)       (None, 10)       1290

what number goes where the ? is
""", [401536], "3136*128 + 128 = 401,536",
     torch_check=lambda: [params(nn.Linear(3136, 128))])

case("p8-blank-keras-underscores", "summary", """
worksheet, fill the blank:
conv2d (Conv2D)       (None, 26, 26, 32)    320
conv2d_1 (Conv2D)     (None, 24, 24, 48)    ____
""", [13872], "320 = 32*(9+1) on 28x28x1; 26 -> 24: 3x3; 48*(32*9+1) = 13,872",
     torch_check=lambda: [params(nn.Conv2d(32, 48, 3))])

case("p8-blank-ts-linear-cut-off", "summary", """
copied from colab, the last line got cut:
            Conv2d-1           [-1, 16, 28, 28]             448
         MaxPool2d-2           [-1, 16, 14, 14]               0
            Linear-3                  [-1, 100]
how many params does Linear-3 have?
""", [313700], "16*14*14 = 3,136 flattened; 3136*100 + 100 = 313,700",
     torch_check=lambda: [params(nn.Linear(16 * 14 * 14, 100))])

case("p8-blank-keras-total-not-asked", "summary", """
conv2d (Conv2D)            (None, 30, 30, 16)   448
conv2d_1 (Conv2D)          (None, 28, 28, 16)   ???
conv2d_2 (Conv2D)          (None, 26, 26, 16)   2320
the ??? one please
""", [2320], "16*(16*9+1) = 2,320 (the same as conv2d_2)",
     torch_check=lambda: [params(nn.Conv2d(16, 16, 3))])

case("p8-blank-ts-prev-channels-words", "summary", """
one row of my torchsummary:

        Conv2d-7          [-1, 256, 14, 14]         ???

the layer before it outputs 128 channels, it's a 3x3 conv with padding 1, bias on. param #?
""", [295168], "256*(128*9+1) = 295,168",
     torch_check=lambda: [params(nn.Conv2d(128, 256, 3, padding=1))])

# --- 2. a ? in a row's output shape ------------------------------------------

case("p8-shape-keras-pool3", "summary", """
conv2d_3 (Conv2D)              (None, 37, 37, 64)    36928
max_pooling2d_3 (MaxPooling2D) (None, ?, ?, 64)      0

the pool is MaxPooling2D(pool_size=3), stride left at its default. fill in the ?
""", [12], "37 -> floor((37-3)/3)+1 = 12",
     torch_check=lambda: [side(nn.MaxPool2d(3), (1, 64, 37, 37))])

case("p8-shape-ts-conv-stride2", "summary", """
Conv2d-1    [-1, 64, ?, ?]    9,472
input is (3, 224, 224), stride 2, padding 3. what are the ?s
""", [112], "9472 = 64*(3*7*7+1): 7x7; floor((224+6-7)/2)+1 = 112",
     torch_check=lambda: [side(nn.Conv2d(3, 64, 7, stride=2, padding=3), (1, 3, 224, 224))])

case("p8-shape-keras-conv-from-count", "summary", """
conv2d (Conv2D)      (None, 64, 64, 16)    448
conv2d_1 (Conv2D)    (None, ?, ?, 32)      12832
no padding no stride on the second one. whats the spatial size
""", [60], "12832 = 32*(16*5*5+1): 5x5; 64-5+1 = 60",
     torch_check=lambda: [side(nn.Conv2d(16, 32, 5), (1, 16, 64, 64))])

case("p8-shape-keras-pool-default-underscores", "summary", """
 conv2d_5 (Conv2D)             (None, 15, 15, 128)     147584
 max_pooling2d_4 (MaxPooling2D) (None, __, __, 128)    0
default MaxPooling2D(). what goes in the blanks
""", [7], "floor((15-2)/2)+1 = 7",
     torch_check=lambda: [side(nn.MaxPool2d(2), (1, 128, 15, 15))])

# --- 3. error messages: the batch, a cut-off message, channels-last ---------

case("p8-view-batch-bs", "view", """
RuntimeError: shape '[-1, 4096]' is invalid for input of size 1048576

bs=32. x = x.view(-1, 4096) and then self.classifier = nn.Linear(4096, 2). what should 4096 be?
""", [32768], "1,048,576 / 32 = 32,768 a sample",
     torch_check=lambda: [1048576 // 32])

case("p8-view-batch-of-8", "view", """
RuntimeError: shape '[-1, 1024]' is invalid for input of size 73728
i train with a batch of 8; forward does x = x.view(-1, 1024) then self.fc1 = nn.Linear(1024, 256). what should the in_features be
""", [9216], "73,728 / 8 = 9,216 a sample (e.g. 64*12*12)",
     torch_check=lambda: [flat(seq(nn.Flatten()), (8, 64, 12, 12))])

case("p8-conv-message-cut-params", "message", """
Given groups=1, weight of size [128, 64, 3, 3], expected input[8, 32, 56, 56] ...
(rest cut off) how many params does that conv have?
""", [73856], "the message's conv as it is: 128*(64*9+1) = 73,856",
     torch_check=lambda: [params(nn.Conv2d(64, 128, 3))])

case("p8-nhwc-permute-mnist", "message", """
RuntimeError: Given groups=1, weight of size [16, 1, 5, 5], expected input[64, 28, 28, 1] to have 1 channels, but got 28 channels instead

my batch is NHWC from numpy I guess. once I permute(0, 3, 1, 2), what shape does the conv give?
""", [16, 24], "[64, 1, 28, 28] -> conv 5x5 -> [64, 16, 24, 24]",
     torch_check=lambda: run(nn.Conv2d(1, 16, 5), (64, 1, 28, 28))[0][:1] + [side(nn.Conv2d(1, 16, 5), (1, 1, 28, 28))])

case("p8-view-batch-fold-shorthand", "view", """
ValueError: Expected input batch_size (128) to match target batch_size (32).

my net: conv(1,16,3) pool2 conv(16,16,3) pool2 then x.view(-1, 16*4*4), inputs are 40x40 grayscale, batch 32. what should go in the view per sample?
""", [1024], "40->38->19->17->8: 16*8*8 = 1,024 (32*1024/256 = 128 rows)",
     torch_check=lambda: [flat(seq(nn.Conv2d(1, 16, 3), nn.MaxPool2d(2), nn.Conv2d(16, 16, 3), nn.MaxPool2d(2)), (1, 1, 40, 40))])

case("p8-view-invalid-with-forward", "view", """
RuntimeError: shape '[-1, 800]' is invalid for input of size 100352

self.conv1 = nn.Conv2d(3, 32, 5)
self.pool = nn.MaxPool2d(2)
self.fc = nn.Linear(800, 10)
def forward(self, x):
    x = self.pool(F.relu(self.conv1(x)))
    x = x.view(-1, 800)
    return self.fc(x)

images 32x32, batch size 16. whats the right number
""", [6272], "32->28->14: 32*14*14 = 6,272; 16*6,272 = 100,352",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 32, 5), nn.MaxPool2d(2)), (1, 3, 32, 32))])

# --- 4. a module applied several times is one set of weights ----------------

case("p8-shared-loop-then-fc", "forward", """
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(8, 8, 3, padding=1)
        self.fc = nn.Linear(8 * 16 * 16, 10)

    def forward(self, x):
        for _ in range(3):
            x = F.relu(self.conv(x))
        x = x.flatten(1)
        return self.fc(x)

input 8x16x16. total trainable params?
""", [21074], "conv once: 8*(8*9+1) = 584; fc: 2048*10+10 = 20,490; 21,074 (the conv's 3 calls share it)",
     torch_check=lambda: [params(nn.Conv2d(8, 8, 3, padding=1), nn.Linear(8 * 16 * 16, 10))])

case("p8-shared-block-twice", "forward", """
self.block = nn.Sequential(nn.Conv2d(24, 24, 3, padding=1), nn.BatchNorm2d(24), nn.ReLU())

def forward(self, x):
    x = self.block(x)
    x = self.block(x)
    return x

torchinfo says 10,512 params but I only made one block?? real count?
""", [5256], "one block: 24*(24*9+1) + 2*24 = 5,256 (applied twice, the same weights)",
     torch_check=lambda: [params(nn.Conv2d(24, 24, 3, padding=1), nn.BatchNorm2d(24))])

case("p8-shared-loop-summary-rows", "forward", """
self.res = nn.Conv2d(32, 32, 3, padding=1)
def forward(self, x):
    for i in range(4):
        x = x + self.res(x)
    return x
summary prints 4 conv rows - how many learnable params are there really?
""", [9248], "one conv: 32*(32*9+1) = 9,248",
     torch_check=lambda: [params(nn.Conv2d(32, 32, 3, padding=1))])

# --- 5. a Keras layer's input beside it ----------------------------------------

case("p8-keras-comment-input", "keras", """
x = Conv2D(256, 3, padding='same')(x)   # x is (None, 28, 28, 128) here
params of this conv?
""", [295168], "256*(128*9+1) = 295,168",
     torch_check=lambda: [params(nn.Conv2d(128, 256, 3, padding=1))])

case("p8-keras-size-only-words", "keras", """
Conv2D(16, 5, strides=3) on a 64x64 image, what output size?
""", [20], "floor((64-5)/3)+1 = 20",
     torch_check=lambda: [side(nn.Conv2d(1, 16, 5, stride=3), (1, 1, 64, 64))])

# --- 6. an adaptive pool's channels in the words --------------------------------

case("p8-adaptive-channels-words", "adaptive", """
    self.avgpool = nn.AdaptiveAvgPool2d((2, 2))
    self.head = nn.Linear(???, 5)

the backbone ends with 512 channels. ???
""", [2048], "512*2*2 = 2,048 whatever the input",
     torch_check=lambda: [flat(nn.AdaptiveAvgPool2d((2, 2)), (1, 512, 9, 9))])

# CASES_END


def main():
    return cc.replace_rows("p8-", "p8")


if __name__ == "__main__":
    sys.exit(main())
