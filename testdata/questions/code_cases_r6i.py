#!/usr/bin/python3
"""Appends the r6i- cases to code.jsonl: a network's input asked backwards,
as askers paste it after "Kernel size can't be greater than actual input
size", "Output size is too small" or Keras's "Negative dimension size":
the smallest input the pasted model takes, and the input whose flattened
output is exactly a Linear's in_features. Every number is checked with
PyTorch (Debian's python3-torch 1.13): the model is run on each square
size from 1 up and the first that gives a non-empty output kept (under
no_grad, a max pool on a 1x1 map returns an empty tensor rather than
raising, so an empty output counts as a failure). Keras layers are
checked as their PyTorch equivalents (valid padding, pools of stride =
window).

Run:  /usr/bin/python3 testdata/questions/code_cases_r6i.py
Rows whose id starts with "r6i-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import seq, torch, nn  # noqa: E402

cc.CASES.clear()
case = cc.case



def output(model, n, c, dims=2):
    """model's output on a 1×c×n×n input (n long for 1-D), or None when it
    fails or is empty."""
    try:
        out = model(torch.zeros((1, c) + (n,) * dims))
    except RuntimeError:
        return None
    return out if out.numel() > 0 else None


def smallest(model, c, dims=2):
    """The smallest input size the model runs on, checked to fail one below."""
    for n in range(1, 4097):
        if output(model, n, c, dims) is not None:
            assert n == 1 or output(model, n - 1, c, dims) is None
            return n
    return None


def flat_sizes(model, c, values):
    """Every square size whose output flattens to exactly values."""
    return [n for n in range(1, 512) if (lambda o: o is not None and o.numel() == values)(output(model, n, c))]


def _alexnet_features():
    return seq(nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, stride=2),
               nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, stride=2),
               nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(3, stride=2))


case("r6i-alexnet-style-features-smallest", "inverse", """
RuntimeError: Given input size: (384x2x2). Calculated output size: (384x0x0). Output size is too small

self.features = nn.Sequential(
    nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(inplace=True),
    nn.MaxPool2d(3, stride=2),
    nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(inplace=True),
    nn.MaxPool2d(3, stride=2),
    nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(inplace=True),
    nn.MaxPool2d(3, stride=2),
)

my inputs are 100x100. whats the smallest size this feature extractor will take?
""", [63], "conv 11 s4 p2: floor((n+4-11)/4)+1; pools 3 s2: floor((n-3)/2)+1; 63 -> 15 -> 7 -> 7 -> 3 -> 3 -> 1; "
     "62 -> 14 -> 6 -> 6 -> 2 and the last 3-window does not fit; 100 -> 24 -> 11 -> 11 -> 5 -> 5 -> 2 (the message's 2x2)",
     torch_check=lambda: [smallest(_alexnet_features(), 3)])

case("r6i-keras-strided-valid-min", "inverse", """
ValueError: Negative dimension size caused by subtracting 3 from 2 for '{{node conv2d_3/Conv2D}}' with input shapes: [?,2,2,64], [3,3,64,64].

model = keras.Sequential([
    layers.Conv2D(16, 3, strides=2, activation='relu', input_shape=(24, 24, 1)),
    layers.Conv2D(32, 3, strides=2, activation='relu'),
    layers.Conv2D(64, 3, strides=2, activation='relu'),
    layers.Conv2D(64, 3, strides=2, activation='relu'),
])

What's the min image size (square) I can use with this?
""", [31], "valid, stride 2: floor((n-3)/2)+1; 31 -> 15 -> 7 -> 3 -> 1; 30 -> 14 -> 6 -> 2 and the last 3x3 does not fit; 24 -> 11 -> 5 -> 2",
     torch_check=lambda: [smallest(seq(nn.Conv2d(1, 16, 3, stride=2), nn.Conv2d(16, 32, 3, stride=2),
                                       nn.Conv2d(32, 64, 3, stride=2), nn.Conv2d(64, 64, 3, stride=2)), 1)])


def _lenet_gray():
    return seq(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())


case("r6i-lenet-flatten-exactly-400", "inverse", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2704 and 400x120)

self.conv1 = nn.Conv2d(1, 6, 5)
self.pool = nn.MaxPool2d(2, 2)
self.conv2 = nn.Conv2d(6, 16, 5)
self.fc1 = nn.Linear(16 * 5 * 5, 120)

x = self.pool(F.relu(self.conv1(x)))
x = self.pool(F.relu(self.conv2(x)))
x = torch.flatten(x, 1)
x = self.fc1(x)

my grayscale images are 64x64. what square input size would give exactly 400 features at the flatten?
""", [32, 33, 34, 35], "32 -> 28 -> 14 -> 10 -> 5 and 16*5*5 = 400; 33, 34, 35 floor to 5 as well; 36 gives 6; 64 -> 60 -> 30 -> 26 -> 13, 16*13*13 = 2,704",
     torch_check=lambda: flat_sizes(_lenet_gray(), 1, 400))


def _one_d():
    return seq(nn.Conv1d(2, 8, 15, stride=2), nn.ReLU(), nn.MaxPool1d(2), nn.Conv1d(8, 16, 7), nn.ReLU(), nn.AvgPool1d(4))


case("r6i-conv1d-shortest-signal", "inverse", """
RuntimeError: Calculated padded input size per channel: (5). Kernel size: (7). Kernel size can't be greater than actual input size

model = nn.Sequential(
    nn.Conv1d(2, 8, kernel_size=15, stride=2), nn.ReLU(), nn.MaxPool1d(2),
    nn.Conv1d(8, 16, kernel_size=7), nn.ReLU(), nn.AvgPool1d(4),
)

what is the shortest signal length that goes through?
""", [53], "conv 15 s2: floor((n-15)/2)+1; pool 2; conv 7; avgpool 4 needs 4: conv in >= 10 -> pool in >= 20 -> n >= 53; "
     "53 -> 20 -> 10 -> 4 -> 1; 52 -> 19 -> 9 -> 3 and the 4-window does not fit",
     torch_check=lambda: [smallest(_one_d(), 2, dims=1)])

# CASES_END


def main():
    return cc.replace_rows("r6i-", "r6i")


if __name__ == "__main__":
    sys.exit(main())
