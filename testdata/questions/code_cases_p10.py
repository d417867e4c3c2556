#!/usr/bin/python3
"""Appends the p10- cases to code.jsonl: the paste front-end's tenth round,
written after reading real threads (Stack Overflow's "Keras Dense layer's
input is not flattened" and "3D input for Dense layer", PyTorch forum posts
on "what number goes in nn.Linear(..., 10)", torchsummary rows pasted with
the layer before said in words, Keras summary rows quoted in a sentence):

1. an ellipsis argument ("nn.Linear(..., 5)", "Linear(…, 10)") is a blank;
2. a count the asker quotes with its thousands grouped ("is 25,642 right
   for ...") is a claim to check, never a shape;
3. Keras's Dense on a map or a sequence acts on the last axis (a summary
   row that keeps the axes; "why doesn't it flatten");
4. a summary row quoted in backticks inside a sentence is a row;
5. a blank summary row filled from the words (the layer before's shape, a
   BatchNorm2d row, the conv's own call, bias=False);
6. pools told in words for every conv of an __init__-only paste.

Every number is checked with PyTorch (Debian's python3-torch); Keras layers
as their PyTorch equivalents (Dense on the last axis = nn.Linear on the
channels-last tensor).

Run:  /usr/bin/python3 testdata/questions/code_cases_p10.py
Rows whose id starts with "p10-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case


# --- 1. an ellipsis argument is a blank ---------------------------------------

case("p10-ellipsis-linear-flat", "pytorch", """
no conv at all, just flatten the 28x28 mnist digit into nn.Linear(..., 10). params?
""", [7850], "28*28 = 784; 784*10+10 = 7,850",
     torch_check=lambda: [params(nn.Linear(784, 10))])

case("p10-ellipsis-unicode-after-message", "pytorch", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x4096 and 512x100)
what number replaces the … in Linear(…, 100) and how many weights+biases does it have then?
""", [4096, 409700], "in_features = 4,096; 4096*100+100 = 409,700",
     torch_check=lambda: [nn.Linear(4096, 100).in_features, params(nn.Linear(4096, 100))])

case("p10-ellipsis-after-convs", "pytorch", """
model = nn.Sequential(
    nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(..., 2),
)
input is 3x32x32. what goes where the ... is?
""", [2048], "32 -> 32 -> pool 16; 8*16*16 = 2,048",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)), (1, 3, 32, 32))])

# --- 2. a quoted grouped count is a claim, not a shape ------------------------

case("p10-claim-grouped-dense", "keras", """
is 25,642 right for Dense(10) after Flatten() of (None, 5, 5, 100)? looks too big to me
""", [25010], "5*5*100 = 2,500; 2500*10+10 = 25,010 (the quoted 25,642 is not it)",
     torch_check=lambda: [params(nn.Linear(2500, 10))])

case("p10-claim-summary-says", "keras", """
model.add(Flatten(input_shape=(8, 8)))
model.add(Dense(128))
summary says 8,256 params for the dense, is that correct?
""", [8320], "8*8 = 64; 64*128+128 = 8,320",
     torch_check=lambda: [params(nn.Linear(64, 128))])

# --- 3. Keras Dense on a map or sequence acts on the last axis ---------------

case("p10-dense-seq-not-flatten", "keras", """
Dense(16) on a (None, 50, 8) input and it doesn't flatten?? whats the param count
""", [144], "Dense on the last axis: 8*16+16 = 144",
     torch_check=lambda: [params(nn.Linear(8, 16))])

case("p10-dense-summary-keeps-axes", "keras", """
model.summary():
conv2d_1 (Conv2D)          (None, 12, 12, 32)      ...
dense (Dense)              (None, 12, 12, 5)       ???
no Flatten in between, how many params does the dense row show?
""", [165], "Dense on the last axis (32 channels): 32*5+5 = 165",
     torch_check=lambda: [params(nn.Linear(32, 5))])

case("p10-dense-after-conv1d", "keras", """
conv1d (Conv1D)        (None, 98, 32)        128
dense (Dense)          (None, 98, 10)        ???
what goes in the ??? for the dense one
""", [330], "Dense on the last axis (32 filters): 32*10+10 = 330 (128 = 32*(3*1+1): a 3-wide Conv1D on 1 channel)",
     torch_check=lambda: [params(nn.Linear(32, 10))] if params(nn.Conv1d(1, 32, 3)) == 128 else None)

# --- 4. a summary row quoted inside a sentence --------------------------------

case("p10-inline-dense-solve-in", "keras", """
my summary has `dense_2 (Dense)   (None, 32)   65568` and Flatten right before. how many features did flatten output?
""", [2048], "(n+1)*32 = 65,568 -> n = 2,048",
     torch_check=lambda: [params(nn.Linear(2048, 32)) == 65568 and 2048])

case("p10-inline-bn-trainable", "keras", """
in the summary `batch_normalization_3 (BatchNormalization)  (None, 16, 16, 128)  512`: which part of that is trainable?
""", [256], "gamma+beta = 2*128 = 256 trainable (moving mean/var 256 non-trainable)",
     torch_check=lambda: [params(nn.BatchNorm2d(128))])

# --- 5. a blank summary row filled from the words -----------------------------

case("p10-ts-linear-prev-shape", "summary", """
torchsummary row:
        Linear-9                  [-1, 10]             ???
before it the output was [-1, 64, 4, 4] and i flatten in forward. what goes there?
""", [10250], "64*4*4 = 1,024; 1024*10+10 = 10,250",
     torch_check=lambda: [params(nn.Linear(1024, 10))])

case("p10-ts-bn-and-blank-conv", "summary", """
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1           [-1, 32, 64, 64]             864
       BatchNorm2d-2           [-1, 32, 64, 64]              64
              ReLU-3           [-1, 32, 64, 64]               0
            Conv2d-4           [-1, 64, 64, 64]             ???
================================================================
Conv2d-4 is a 1x1 conv with bias=False. what is its param #?
""", [2048], "1x1, 32 -> 64, no bias: 32*64 = 2,048 (BN row 2*32 = 64 checks)",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 1, bias=False))] if params(nn.BatchNorm2d(32)) == 64 else None)

case("p10-keras-blank-row-call", "keras", """
model.summary() bits:
conv2d (Conv2D)     (None, 62, 62, 16)    448
conv2d_1 (Conv2D)   (None, 60, 60, ?)     ???
the second one is Conv2D(24, (3, 3)). Param # for it?
""", [3480], "3*3*16*24+24 = 3,480",
     torch_check=lambda: [params(nn.Conv2d(16, 24, 3))])

case("p10-ts-blank-spatial", "summary", """
        Conv2d-1           [-1, 12, ?, ?]             ???
that's nn.Conv2d(1, 12, kernel_size=5, stride=3) on a (1, 100, 100) input. fill in the blanks
""", [32, 312], "(100-5)//3+1 = 32; 12*25+12 = 312",
     torch_check=lambda: [run(nn.Conv2d(1, 12, 5, stride=3), (1, 1, 100, 100))[0][-1], params(nn.Conv2d(1, 12, 5))])

# --- 6. pools told for each conv ----------------------------------------------

case("p10-pool-after-each-conv", "pytorch", """
inputs are 40x40 RGB and there's a max pool 2 after each conv in forward:
self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
self.fc = nn.Linear(???, 4)
in_features of fc?
""", [1600], "40 -> 40 -> 20 -> 20 -> 10; 16*10*10 = 1,600",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 8, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.MaxPool2d(2)), (1, 3, 40, 40))])

case("p10-each-conv-followed-by-pool", "pytorch", """
each conv is followed by pool(2) (forward not shown). images 64x64 grayscale
self.c1 = nn.Conv2d(1, 4, 5)
self.c2 = nn.Conv2d(4, 8, 5)
self.fc3 = nn.Linear(?, 3)
how many params in fc3 once the ? is right?
""", [4059], "64 -> 60 -> 30 -> 26 -> 13; 8*13*13 = 1,352; 1352*3+3 = 4,059",
     torch_check=lambda: [params(nn.Linear(flat(seq(nn.Conv2d(1, 4, 5), nn.MaxPool2d(2), nn.Conv2d(4, 8, 5), nn.MaxPool2d(2)), (1, 1, 64, 64)), 3))])

# --- 7. shapes and counts said beside the code --------------------------------

case("p10-keras-shape-before-flattening", "keras", """
my last pool gives (None, 6, 6, 128) before flattening, then Dense(64). params of that dense?
""", [294976], "6*6*128 = 4,608; 4608*64+64 = 294,976",
     torch_check=lambda: [params(nn.Linear(4608, 64))])

case("p10-batch-named-tuple", "pytorch", """
the encoder output is (B, 256, 2, 2) - what in_features does the nn.Linear after the flatten need?
""", [1024], "256*2*2 = 1,024",
     torch_check=lambda: [flat(seq(nn.Identity()), (1, 256, 2, 2))])

case("p10-ts-dots-total", "summary", """
            Conv2d-1           [-1, 16, 32, 32]             448
       BatchNorm2d-2           [-1, 16, 32, 32]              32
            Conv2d-3           [-1, 32, 16, 16]             ...
the third row is nn.Conv2d(16, 32, 3, stride=2, padding=1). total params of all three?
""", [5120], "448 + 32 + (32*16*9+32 = 4,640) = 5,120",
     torch_check=lambda: [params(nn.Conv2d(3, 16, 3), nn.BatchNorm2d(16), nn.Conv2d(16, 32, 3, stride=2, padding=1))])

case("p10-checkpoint-own-head", "pytorch", """
size mismatch for classifier.weight: copying a param with shape torch.Size([1000, 512]) from checkpoint, the shape in current model is torch.Size([37, 512]).
fine, that's on purpose. how many params in my new 37-class classifier?
""", [18981], "37*512+37 = 18,981",
     torch_check=lambda: [params(nn.Linear(512, 37))])

case("p10-row-bias-turned-on", "summary", """
Conv2d-1   [-1, 32, 64, 64]   864
that is the 3x3 pad 1 stem on 3 input channels with bias=False. what would the row say if i turned the bias on?
""", [896], "32*(3*3*3)+32 = 896 (864 without the bias)",
     torch_check=lambda: [params(nn.Conv2d(3, 32, 3, padding=1))])

case("p10-row-bias-removed", "summary", """
Conv2d-3  [-1, 128, 56, 56]  73,856
64 in channels, 3x3 pad 1. and if i remove the bias, what does the row show?
""", [73728], "128*(3*3*64) = 73,728 (73,856 with its bias)",
     torch_check=lambda: [params(nn.Conv2d(64, 128, 3, padding=1, bias=False))])

# CASES_END


def main():
    return cc.replace_rows("p10-", "p10")


if __name__ == "__main__":
    sys.exit(main())
