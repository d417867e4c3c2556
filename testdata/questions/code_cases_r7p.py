#!/usr/bin/python3
"""Appends the r7p- cases to code.jsonl: the paste front-end's seventh
round, written after reading real threads (GitHub issues on "Calculated
padded input size per channel", "Sizes of tensors must match", Keras's
"Negative dimension size" and "expected axis -1", forum posts on
"Expected input batch_size to match target batch_size"): an error message
with the model told in words or half-code, a message whose numbers check
the reading, the next row of a summary, and a pasted layer with a what-if.
Every number is checked with PyTorch (Debian's python3-torch); Keras
layers are checked as their PyTorch equivalents (valid = no padding,
'same' with stride 1 and an odd kernel = padding k//2, pools of stride =
window, Dense on the last axis = nn.Linear on the last axis).

Run:  /usr/bin/python3 testdata/questions/code_cases_r7p.py
Rows whose id starts with "r7p-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case


def spatial(model, shape):
    """The spatial side of model's output on an input of shape."""
    out, _ = run(model, shape)
    return out[-1]


def blocks(n, c_in, c, k=3, pad=0, convs=1, dims=2):
    """n blocks of convs (k, pad) + max pool 2, c filters each."""
    conv = {1: nn.Conv1d, 2: nn.Conv2d}[dims]
    pool = {1: nn.MaxPool1d, 2: nn.MaxPool2d}[dims]
    mods = []
    for _ in range(n):
        for _ in range(convs):
            mods += [conv(c_in, c, k, padding=pad), nn.ReLU()]
            c_in = c
        mods.append(pool(2))
    return seq(*mods)


# --- 1. a map too small, the model told in words or half-code -----------------

case("r7p-toosmall-blocks-kwargs", "toosmall", """
RuntimeError: Calculated padded input size per channel: (1 x 1). Kernel size: (3 x 3). Kernel size can't be greater than actual input size

images are 100x100 grayscale, six blocks of Conv2d(k=3, p=0) + MaxPool2d(2), 16 filters each. whats the spatial size after the 3rd block?
""", [10], "100->98->49->47->23->21->10 (block 3) ->8->4->2->1; the 6th conv gets 1x1",
     torch_check=lambda: [spatial(blocks(3, 1, 16), (1, 1, 100, 100))])

case("r7p-toosmall-keras-every-block", "toosmall", """
ValueError: Negative dimension size caused by subtracting 3 from 2 for '{{node conv2d_4/Conv2D}}' with input shapes: [?,2,2,24].
input is 72x72x3, every block is Conv2D(24, 3) + MaxPooling2D(2). the first blocks are ok, the 5th conv fails. how big is the map coming out of block 4, how many values?
""", [2, 96], "72->70->35->33->16->14->7->5->2 (block 4: 24x2x2 = 96); the 5th conv's 3x3 does not fit 2x2",
     torch_check=lambda: [spatial(blocks(4, 3, 24), (1, 3, 72, 72)), flat(blocks(4, 3, 24), (1, 3, 72, 72))])

case("r7p-toosmall-times-then-conv", "toosmall", """
ValueError: Negative dimension size caused by subtracting 5 from 4 for '{{node conv2d_4/Conv2D}}'
my input 66x66x1, I do Conv2D(5x5 valid)+MaxPooling2D(2) three times, 8 filters each, and then one more conv. what size reaches that last conv?
""", [4], "66->62->31->27->13->9->4; 8*4*4 = 128; the 4th conv's 5x5 does not fit 4x4",
     torch_check=lambda: [spatial(blocks(3, 1, 8, k=5), (1, 1, 66, 66))])

case("r7p-toosmall-each-is-two-convs", "toosmall", """
ValueError: Negative dimension size caused by subtracting 3 from 2 for '{{node conv2d_6/Conv2D}}'
44x44x3 images. four blocks, each is Conv2D(3x3) -> Conv2D(3x3) -> MaxPooling2D(2), valid padding, filters 16, 32, 48, 64 per block. what spatial size reaches the conv that crashes and how many values is that?
""", [2, 192], "44->42->40->20->18->16->8->6->4->2: block 4's first conv gets 48x2x2 = 192 values",
     torch_check=lambda: [spatial(seq(blocks(1, 3, 16, convs=2), blocks(1, 16, 32, convs=2), blocks(1, 32, 48, convs=2)), (1, 3, 44, 44)),
                          flat(seq(blocks(1, 3, 16, convs=2), blocks(1, 16, 32, convs=2), blocks(1, 32, 48, convs=2)), (1, 3, 44, 44))])

case("r7p-counted-calls-new-size", "toosmall", """
RuntimeError: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size
discriminator on 24x24 crops: three Conv2d(k=3, s=2, p=1) then two Conv2d(k=3, s=1, p=0). if i use 72x72 crops instead what is the output map size?
""", [5], "72->36->18->9 (k3 s2 p1), then k3 s1 p0: 9->7->5",
     torch_check=lambda: [spatial(seq(*[nn.Conv2d(1, 1, 3, stride=2, padding=1) for _ in range(3)], *[nn.Conv2d(1, 1, 3) for _ in range(2)]), (1, 1, 72, 72))])

case("r7p-counted-calls-pool", "toosmall", """
setup: 64x64 input, 2 x Conv2d(kernel_size=3, padding=1) then MaxPool2d(2) ... what spatial size comes out of the pool?
""", [32], "3x3 pad 1 keeps 64, twice; the pool halves it: 32",
     torch_check=lambda: [spatial(seq(nn.Conv2d(1, 1, 3, padding=1), nn.Conv2d(1, 1, 3, padding=1), nn.MaxPool2d(2)), (1, 1, 64, 64))])

# --- 2. messages whose numbers check the reading -------------------------------

case("r7p-batch-mismatch-words-pools", "message", """
ValueError: Expected input batch_size (98) to match target batch_size (50).

self.conv1 = nn.Conv2d(3, 6, 5), max pool 2, self.conv2 = nn.Conv2d(6, 16, 5), max pool 2, and in forward x = x.view(-1, 16*5*5). my images are 40x40 not 32x32. what goes in the view?
""", [784], "40->36->18->14->7; 16*7*7 = 784 (50 images * 784 = 39,200 = 98 rows of 400)",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 6, 5), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2)), (1, 3, 40, 40))])

case("r7p-view-message-batch-words", "message", """
RuntimeError: shape '[-1, 576]' is invalid for input of size 56448
tutorial net: conv1 1->6 5x5, pool, conv2 6->16 5x5, pool, then x.view(-1, 16*6*6). batch size is 8 and my images are 96x96 now. which number should the view use?
""", [7056], "96->92->46->42->21; 16*21*21 = 7,056 (56,448 / 8)",
     torch_check=lambda: [flat(seq(nn.Conv2d(1, 6, 5), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2)), (1, 1, 96, 96))])

case("r7p-conv1d-length-in-brackets", "message", """
ECG model (1 lead, 500 samples per beat) gives: mat1 and mat2 shapes cannot be multiplied
nn.Conv1d(1, 16, 7), nn.ReLU(), nn.MaxPool1d(2),
nn.Conv1d(16, 32, 5), nn.ReLU(), nn.MaxPool1d(2),
nn.Flatten(), nn.Linear(4000, 2)
what should the 4000 be?
""", [3872], "500->494->247->243->121; 32*121 = 3,872",
     torch_check=lambda: [flat(seq(nn.Conv1d(1, 16, 7), nn.ReLU(), nn.MaxPool1d(2), nn.Conv1d(16, 32, 5), nn.ReLU(), nn.MaxPool1d(2)), (1, 1, 500))])

case("r7p-matmul-resized-chain", "message", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x36864 and 4096x100)

net was made for 32x32 but I feed 96x96:
conv(3,16,3,p=1) -> maxpool2 -> conv(16,64,3,p=1) -> maxpool2 -> flatten -> Linear(64*8*8, 100)

if I resize everything to 64x64 instead what in_features does the Linear need?
""", [16384], "64 -> 32 -> 16; 64*16*16 = 16,384 (96 gives 64*24*24 = 36,864)",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 64, 3, padding=1), nn.MaxPool2d(2)), (1, 3, 64, 64))])

case("r7p-keras-dense-axis-chain", "message", """
ValueError: Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 1024, but received input with shape (None, 1600)
model: Input(28,28,1) -> Conv2D(64, 3) -> MaxPooling2D(2) -> Conv2D(64, 3) -> MaxPooling2D(2) -> Flatten -> Dense(10). which shape comes right before the flatten?
""", [1600], "28->26->13->11->5; 64x5x5 = 1,600",
     torch_check=lambda: [flat(seq(nn.Conv2d(1, 64, 3), nn.MaxPool2d(2), nn.Conv2d(64, 64, 3), nn.MaxPool2d(2)), (1, 1, 28, 28))])

case("r7p-keras-expected-found-both", "message", """
ValueError: Input 0 of layer "sequential" is incompatible with the layer: expected shape=(None, 48, 48, 1), found shape=(None, 96, 96, 1)

Conv2D(16, 3, padding='same') -> MaxPooling2D() -> Conv2D(32, 3, padding='same') -> MaxPooling2D() -> Flatten() -> Dense(64)
params of the Dense(64) as built (48x48) and after I rebuild it for 96x96?
""", [294976, 1179712], "48: 12*12*32 = 4,608 -> 4,608*64+64 = 294,976; 96: 24*24*32 = 18,432 -> 1,179,712",
     torch_check=lambda: [params(nn.Linear(flat(seq(nn.Conv2d(1, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2)), (1, 1, 48, 48)), 64)),
                          params(nn.Linear(flat(seq(nn.Conv2d(1, 16, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.MaxPool2d(2)), (1, 1, 96, 96)), 64))])

case("r7p-keras-shapes-add-flatten", "message", """
ValueError: Shapes (None, 5) and (None, 15, 15, 5) are incompatible

model.add(Conv2D(32, (3,3), activation='relu', input_shape=(32,32,3)))
model.add(MaxPooling2D((2,2)))
model.add(Dense(5, activation='softmax'))

if i put a Flatten() before the dense, how many params does the dense get?
""", [36005], "32->30->15; 15*15*32 = 7,200; 7,200*5+5 = 36,005",
     torch_check=lambda: [params(nn.Linear(flat(seq(nn.Conv2d(3, 32, 3), nn.MaxPool2d(2)), (1, 3, 32, 32)), 5))])

case("r7p-keras-resize-rebuild-words", "message", """
built it with input_shape=(100,100,3): Conv2D(16,3) -> MaxPooling2D(2) -> Conv2D(32,3) -> MaxPooling2D(2) -> Flatten -> Dense(10), but the dataset is 150x150. if I rescale the images to 120x120 and rebuild, how many values come out of the Flatten?
""", [25088], "120->118->59->57->28; 28*28*32 = 25,088",
     torch_check=lambda: [flat(seq(nn.Conv2d(3, 16, 3), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3), nn.MaxPool2d(2)), (1, 3, 120, 120))])

# --- 3. summaries: the next row, a row to fill ----------------------------------

case("r7p-summary-next-row", "summary", """
torchsummary shows
        Conv2d-3           [-1, 32, 57, 57]           4,640
the next layer is nn.Conv2d(32, 64, 5, stride=2, padding=1). what will its row say (output shape, Param #)?
""", [28, 51264], "(57+2-5)//2+1 = 28; 64*32*25+64 = 51,264",
     torch_check=lambda: [spatial(nn.Conv2d(32, 64, 5, stride=2, padding=1), (1, 32, 57, 57)), params(nn.Conv2d(32, 64, 5, stride=2, padding=1))])

case("r7p-summary-next-row-pool", "summary", """
        Conv2d-1           [-1, 16, 75, 75]             448
after it I have nn.MaxPool2d(3, stride=2). output shape of that row?
""", [37], "(75-3)//2+1 = 37",
     torch_check=lambda: [spatial(nn.MaxPool2d(3, stride=2), (1, 16, 75, 75))])

case("r7p-summary-row-to-fill", "summary", """
torchsummary (partial):
   Conv2d-6     [-1, 96, 14, 14]     ???
layer before outputs [-1, 64, 14, 14]; this conv is kernel 3, pad 1, bias=False. what's the Param # (I mean the one with ???)
""", [55296], "3*3*64*96 = 55,296 (no bias)",
     torch_check=lambda: [params(nn.Conv2d(64, 96, 3, padding=1, bias=False))])

# --- 4. a pasted layer with a what-if -------------------------------------------

case("r7p-whatif-ceil-mode", "whatif", """
nn.MaxPool2d(2, stride=2) on my 45x45 maps gives 22. what would ceil_mode=True give?
""", [23], "floor((45-2)/2)+1 = 22; ceil: 23",
     torch_check=lambda: [spatial(nn.MaxPool2d(2, stride=2, ceil_mode=True), (1, 1, 45, 45))])

case("r7p-whatif-ceil-mode-used", "whatif", """
after nn.MaxPool2d(kernel_size=2, stride=2) on a 57x57 map I get 28 but the reference code shows 29, maybe they used ceil_mode=True? what does it give
""", [29], "floor((57-2)/2)+1 = 28; ceil((57-2)/2)+1 = 29",
     torch_check=lambda: [spatial(nn.MaxPool2d(2, stride=2, ceil_mode=True), (1, 1, 57, 57))])

case("r7p-compare-normal-conv-same-input", "compare", """
model.add(SeparableConv2D(64, (3, 3), padding='same', input_shape=(32, 32, 32)))

how many params, and what would a plain Conv2D(64, (3,3)) have on the same input?
""", [2400, 18496], "separable: 32*9 + 32*64 + 64 = 2,400; plain: 64*32*9+64 = 18,496",
     torch_check=lambda: [params(nn.Conv2d(32, 32, 3, groups=32, bias=False), nn.Conv2d(32, 64, 1)), params(nn.Conv2d(32, 64, 3))], answers=2)

case("r7p-compare-factorised-directly", "compare", """
x is (None, 8, 8, 96) here:

x = Conv2D(128, (1, 3), padding='same')(x)
x = Conv2D(128, (3, 1), padding='same')(x)

params of the two together vs a single Conv2D(128, (3, 3)) directly on x?
""", [86272, 110720], "1x3: 128*96*3+128 = 36,992; 3x1: 128*128*3+128 = 49,280; sum 86,272; 3x3: 128*96*9+128 = 110,720",
     torch_check=lambda: [params(nn.Conv2d(96, 128, (1, 3)), nn.Conv2d(128, 128, (3, 1))), params(nn.Conv2d(96, 128, 3))], answers=2)

case("r7p-dense-last-axis-words", "whatif", """
keras says Dense(16) has 528 params on my input of shape (None, 20, 32). shouldn't it be 20*32*16? which is right
""", [528], "Dense acts on the last axis: 32*16 + 16 = 528",
     torch_check=lambda: [params(nn.Linear(32, 16))])

# CASES_END


def main():
    return cc.replace_rows("r7p-", "r7p")


if __name__ == "__main__":
    sys.exit(main())
