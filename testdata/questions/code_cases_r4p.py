#!/usr/bin/python3
"""Appends the r4p- cases to code.jsonl: the paste front-end's fourth round
(round 4 of issue 12): code as people type it in chat — layers named by
kind and number ("conv1(1,6,5) fc1(16*5*5,120)"), options as letters
("conv(3,24,5,s2)"), layers in comments, a blank keyword before a
positional, adaptive pools and padding questions that need no input size.
Every number is checked with PyTorch (Debian's python3-torch) where
PyTorch can build the layers, and worked by hand in `working` otherwise.

Run:  /usr/bin/python3 testdata/questions/code_cases_r4p.py
(code_cases.py rewrites the whole file; this script keeps every row it
does not write.) Rows whose id starts with "r4p-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case





# --- 1. layers named by kind and number, options as letters -------------------

case("r4p-numbered-names-params", "shorthand", """
cs231n style net i'm sketching: conv1(3,16,3) conv2(16,32,3) fc1(32*6*6,100) fc2(100,10)... how many params in total??
""", [121398], "conv1 3*16*9+16 = 448, conv2 16*32*9+32 = 4,640, fc1 1152*100+100 = 115,300, fc2 100*10+10 = 1,010; total 121,398",
     torch_check=lambda: [params(nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), nn.Linear(32 * 6 * 6, 100), nn.Linear(100, 10))])

case("r4p-numbered-names-underscore", "shorthand", """
vgg block 1 is conv1_1(3,64,3,p1) then conv1_2(64,64,3,p1), params for the block?
""", [38720], "conv1_1 3*64*9+64 = 1,792; conv1_2 64*64*9+64 = 36,928; total 38,720",
     torch_check=lambda: [params(nn.Conv2d(3, 64, 3, padding=1), nn.Conv2d(64, 64, 3, padding=1))])

case("r4p-letter-stride-nonsquare", "shorthand", """
input is 64x128 (h x w), layers conv(3,16,5,s2) conv(16,32,3,s2) conv(32,64,3,p1,s2) then flatten. how many features after flatten
""", [6720], "H 64 -> 30 -> 14 -> 7, W 128 -> 62 -> 30 -> 15 (s2 is stride 2, p1 padding 1); 64*7*15 = 6,720",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 16, 5, stride=2), nn.Conv2d(16, 32, 3, stride=2), nn.Conv2d(32, 64, 3, padding=1, stride=2)), (1, 3, 64, 128))])

# --- 2. a keyword in its own place, then a positional --------------------------

case("r4p-blank-keyword-then-positional", "fix", """
28x28 grayscale, nn.Conv2d(1, 16, 3, padding=1) -> nn.MaxPool2d(2) -> nn.Conv2d(16, 32, 3, padding=1) -> nn.MaxPool2d(2) -> nn.Linear(in_features=??, 10). what number goes there
""", [1568], "28 -> 28 -> 14 -> 14 -> 7; 32*7*7 = 1,568",
     torch_check=lambda: [flat(seq(nn.Conv2d(1, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2)), (1, 1, 28, 28))])

case("r4p-keyword-in-place-conv", "layers", """
nn.Conv2d(in_channels=3, 32, 3) on a 64x64 rgb image, params and output size?
""", [896, 62], "3*32*9+32 = 896; 64-3+1 = 62",
     torch_check=lambda: [params(nn.Conv2d(3, 32, 3)), run(nn.Conv2d(3, 32, 3), (1, 3, 64, 64))[0][1]])

# --- 3. what needs no input size: an adaptive pool's output, 'same' padding ----

case("r4p-adaptive-pool-channels-in-words", "layers", """
nn.AdaptiveAvgPool2d((7, 7)) after the last conv which has 512 channels -> flatten -> fc. in_features of fc?
""", [25088], "an adaptive pool gives 7x7 whatever H and W are: 512*7*7 = 25,088",
     torch_check=lambda: [flat(nn.AdaptiveAvgPool2d((7, 7)), (1, 512, 13, 17))])

case("r4p-adaptive-max-pool-channel-word", "fix", """
AdaptiveMaxPool2d(1) on a 2048-channel feature map, then nn.Linear(?, 10): what goes in ?
""", [2048, 20490], "the pool gives 2048x1x1 = 2,048 values; Linear(2048, 10) has 2048*10+10 = 20,490 params",
     torch_check=lambda: [flat(nn.AdaptiveMaxPool2d(1), (1, 2048, 9, 9)), params(nn.Linear(2048, 10))])

def same_pad(conv, side):
    """The padding that keeps side at stride 1, found as PyTorch sizes it."""
    for p in range(20):
        c = type(conv)(conv.in_channels, conv.out_channels, conv.kernel_size, dilation=conv.dilation, padding=p)
        shape = (1, conv.in_channels) + (side,) * len(conv.kernel_size)
        if run(c, shape)[0][1:] == [side] * len(conv.kernel_size):
            return p
    return None


case("r4p-keras-same-padding-in-torch-1d", "inverse", """
Conv1D(16, 9, padding='same') what padding should i put in pytorch conv1d
""", [4], "stride 1, kernel 9: (9-1)/2 = 4 keeps any length",
     torch_check=lambda: [same_pad(nn.Conv1d(1, 16, 9), 50)])

case("r4p-keras-same-padding-dilated", "inverse", """
tf Conv2D(32, 3, padding='same', dilation_rate=3) -> what padding= for torch?
""", [3], "effective kernel 3 + 2*(3-1) = 7; (7-1)/2 = 3",
     torch_check=lambda: [same_pad(nn.Conv2d(1, 32, 3, dilation=3), 40)])

# --- 4. layers told in comments on forward's lines -----------------------------

case("r4p-comment-layers-view-blank", "forward", """
cifar10 32x32
x = self.pool(F.relu(self.conv1(x)))  # nn.Conv2d(3, 16, 3, padding=1)
x = self.pool(F.relu(self.conv2(x)))  # nn.Conv2d(16, 32, 3, padding=1)
x = x.view(-1, ???)  # what goes here
""", [2048], "self.pool is not shown: taken as MaxPool2d(2, 2) (said as a doubt); 32 -> 16 -> 8; 32*8*8 = 2,048",
     must_say=["not defined"],
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2, 2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2, 2)), (1, 3, 32, 32))])

case("r4p-comment-layers-linear-blank", "forward", """
my forward for 64x64 rgb:
x = F.relu(self.conv1(x))  # Conv2d(3, 8, 5, stride=2)
x = F.relu(self.conv2(x))  # Conv2d(8, 16, 3, stride=2)
x = x.view(x.size(0), -1)
x = self.fc(x)  # Linear(?, 10)
what is the ? in the linear
""", [3136], "64 -> 30 -> 14; 16*14*14 = 3,136",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 8, 5, stride=2), nn.Conv2d(8, 16, 3, stride=2)), (1, 3, 64, 64))])

# --- 5. a count written as "2x" before a layer ---------------------------------

case("r4p-count-x-before-call", "layers", """
3x nn.Conv2d(32, 32, 3, padding=1) on a 28x28 map, params total?
""", [27744], "3 * (32*32*9 + 32) = 3 * 9,248 = 27,744",
     torch_check=lambda: [params(*[nn.Conv2d(32, 32, 3, padding=1) for _ in range(3)])])

case("r4p-count-x-before-call-compared", "two", """
is 2 x Conv2d(128,128,3) cheaper than Conv2d(128,128,5)? params, bias
""", [295168, 409728], "2 * (128*128*9 + 128) = 295,168 vs 128*128*25 + 128 = 409,728",
     torch_check=lambda: [params(nn.Conv2d(128, 128, 3), nn.Conv2d(128, 128, 3)), params(nn.Conv2d(128, 128, 5))], answers=2)

# --- 6. one layer asked for several values of a name --------------------------

case("r4p-sweep-kernel-in-tuple", "two", """
nn.Conv2d(16, 16, k, padding=1) on 32x32 with k in (1, 3, 5): output size each?
""", [34, 32, 30], "32 + 2 - k + 1: k=1 -> 34, k=3 -> 32, k=5 -> 30",
     torch_check=lambda: [run(nn.Conv2d(16, 16, k, padding=1), (1, 16, 32, 32))[0][1] for k in (1, 3, 5)], answers=3)

case("r4p-sweep-stride-for", "two", """
x = torch.randn(4, 8, 100) then nn.Conv1d(8, 8, 5, stride=s) for s = 1, 2, 4 - how long is the output?
""", [96, 48, 24], "floor((100 - 5)/s) + 1: s=1 -> 96, s=2 -> 48, s=4 -> 24",
     torch_check=lambda: [run(nn.Conv1d(8, 8, 5, stride=s), (4, 8, 100))[0][1] for s in (1, 2, 4)], answers=3)

# CASES_END


def main():
    return cc.replace_rows("r4p-", "r4p")


if __name__ == "__main__":
    sys.exit(main())
