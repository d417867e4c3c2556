#!/usr/bin/python3
"""Appends the p9- cases to code.jsonl: the paste front-end's ninth round,
written after reading real threads (torchsummary and Keras summary
worksheets where a row's Param # is left blank and the layer is told in
words, "what kernel size gives this Param #" posts, GitHub issues on
"Given groups=1, weight of size [64, 3, 7, 7], expected input[...] to have
3 channels, but got 1" where the asker then changes in_channels, Keras's
Dense "applied on the last axis" answers): a summary row's blank filled
from the words; a kernel solved from a row's count; an error message with
the asker's fix after it. Every number is checked with PyTorch (Debian's
python3-torch); Keras layers as their PyTorch equivalents.

Run:  /usr/bin/python3 testdata/questions/code_cases_p9.py
Rows whose id starts with "p9-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, run, seq, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case


# --- 1. a summary row's blank count, the layer said in words below -----------

case("p9-blank-words-ts-stride", "summary", """
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1           [-1, 32, 30, 30]             896
              ReLU-2           [-1, 32, 30, 30]               0
            Conv2d-3           [-1, 64, 15, 15]             ???
================================================================
the second conv is 3x3 with stride 2 and padding 1, what goes in the ???
""", [18496], "64*(3*3*32)+64 = 18,496; (30+2-3)//2+1 = 15 checks the row",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3, stride=2, padding=1))])

case("p9-blank-words-keras-same", "summary", """
 Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 26, 26, 32)        320
 max_pooling2d (MaxPooling2D) (None, 13, 13, 32)       0
 conv2d_1 (Conv2D)           (None, 13, 13, 64)        ???
=================================================================
conv2d_1 uses kernel_size=5 and padding='same'. what's the Param # there?
""", [51264], "64*(5*5*32)+64 = 51,264 ('same' keeps 13)",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 5, padding=2))])

case("p9-blank-words-after-pool", "summary", """
         MaxPool2d-6           [-1, 96, 13, 13]               0
            Conv2d-7          [-1, 256, 13, 13]               ?
that conv is a 5x5 with pad 2, how many params is that row
""", [614656], "256*(5*5*96)+256 = 614,656",
     torch_check=lambda: [params(nn.Conv2d(96, 256, 5, padding=2))])

case("p9-blank-words-first-row-input", "summary", """
            Conv2d-1           [-1, 16, 98, 98]             ???
              ReLU-2           [-1, 16, 98, 98]               0
my input is 3x100x100 and the conv has kernel_size=3. whats the Param # of Conv2d-1
""", [448], "16*(3*3*3)+16 = 448 (100-3+1 = 98 checks the row); the ReLU row's 16 channels are not the conv's input",
     torch_check=lambda: [params(nn.Conv2d(3, 16, 3))])

case("p9-blank-words-tuple-kernel", "summary", """
            Conv2d-4           [-1, 64, 28, 28]          18,496
       BatchNorm2d-5           [-1, 64, 28, 28]             128
            Conv2d-6          [-1, 128, 14, 14]               ?
conv6: (3, 3) kernel, stride 2, padding 1. number of parameters?
""", [73856], "128*(3*3*64)+128 = 73,856",
     torch_check=lambda: [params(nn.Conv2d(64, 128, 3, stride=2, padding=1))])

case("p9-blank-words-keras-valid", "summary", """
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_3 (Conv2D)            (None, 12, 12, 48)        13872
conv2d_4 (Conv2D)            (None, 8, 8, 96)          ???
=================================================================
the last conv has 5x5 filters, no padding. fill in the blank
""", [115296], "96*(5*5*48)+96 = 115,296 (12-5+1 = 8)",
     torch_check=lambda: [params(nn.Conv2d(48, 96, 5))])

# --- 2. the kernel asked from a row's count --------------------------------------

case("p9-kernel-from-count-before", "kernel", """
Conv2d-5  [-1, 128, 28, 28]  73,856
the layer before it outputs 64 channels. which kernel size gives that count?
""", [3], "73,856 - 128 = 73,728 = 128*64*9: k = 3",
     torch_check=lambda: [3 if params(nn.Conv2d(64, 128, 3)) == 73856 else 0])

case("p9-kernel-from-count-nobias", "kernel", """
            Conv2d-1         [-1, 64, 112, 112]           9,408
thats resnet's first conv on 3 input channels, what size are the filters? 9408/64 isnt a square times 3 + 1
""", [7], "9,408 = 64*3*7*7 exactly: no room for a bias, k = 7",
     torch_check=lambda: [7 if params(nn.Conv2d(3, 64, 7, bias=False)) == 9408 else 0])

case("p9-kernel-from-count-keras", "kernel", """
 conv2d_2 (Conv2D)           (None, 24, 24, 64)        51264
previous layer has 32 channels. whats the kernel size of conv2d_2?
""", [5], "51,264 - 64 = 51,200 = 64*32*25: k = 5",
     torch_check=lambda: [5 if params(nn.Conv2d(32, 64, 5)) == 51264 else 0])

case("p9-kernel-from-count-kwarg", "kernel", """
Conv2d-3 [-1, 48, 20, 20] 10,416
in_channels=24 for it. what kernel_size did i use?
""", [3], "10,416 - 48 = 10,368 = 48*24*9: k = 3",
     torch_check=lambda: [3 if params(nn.Conv2d(24, 48, 3)) == 10416 else 0])

# --- 3. an error message, then the asker's fix or a quoted piece of it ------------

case("p9-fix-said-switched", "error", """
RuntimeError: Given groups=1, weight of size [32, 3, 5, 5], expected input[16, 1, 28, 28] to have 3 channels, but got 1 channels instead
mnist is grayscale so i switched conv1 to nn.Conv2d(1, 32, 5). how many params does conv1 have now?
""", [832], "32*(5*5*1)+32 = 832 with the fix",
     torch_check=lambda: [params(nn.Conv2d(1, 32, 5))])

case("p9-fix-after-settings-words", "error", """
Given groups=1, weight of size [64, 3, 7, 7], expected input[4, 1, 100, 100] to have 3 channels, but got 1 channels instead
after fixing in_channels, what's the output shape of that conv (stride 2, padding 3)?
""", [50], "(100+6-7)//2+1 = 50",
     torch_check=lambda: [run(nn.Conv2d(1, 64, 7, stride=2, padding=3), (1, 1, 100, 100))[0][-1]])

case("p9-fix-weight-quoted", "error", """
i quoted the error before - weight of size [128, 64, 3, 3] - how many weights + biases is that layer?
""", [73856], "128*64*9 + 128 = 73,856",
     torch_check=lambda: [params(nn.Conv2d(64, 128, 3))])

case("p9-fix-cut-message-code", "error", """
expected input[8, 32, 16, 16] to have 16 channels, but got 32 channels instead
self.conv2 = nn.Conv2d(16, 64, 3, padding=1)
what should conv2's in_channels be and how many params then?
""", [18496], "in_channels 32: 64*(3*3*32)+64 = 18,496",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3, padding=1))])

case("p9-fix-set-kwarg-now", "error", """
RuntimeError: Given groups=1, weight of size [16, 3, 3, 3], expected input[2, 1, 48, 48] to have 3 channels, but got 1 channels instead
ok i set in_channels=1 on that layer. params now?
""", [160], "16*(3*3*1)+16 = 160",
     torch_check=lambda: [params(nn.Conv2d(1, 16, 3))])

case("p9-fix-once-fixed-inline", "error", """
RuntimeError: Given groups=1, weight of size [20, 3, 5, 5], expected input[10, 1, 64, 64] to have 3 channels, but got 1 channels instead. once that's fixed, what spatial size comes out of this conv on 64x64 (no padding, stride 1)?
""", [60], "64-5+1 = 60",
     torch_check=lambda: [run(nn.Conv2d(1, 20, 5), (1, 1, 64, 64))[0][-1]])

# --- 4. a view's figure against the shape said to reach it; torchsummary footers --

case("p9-view-shape-said-message", "view", """
RuntimeError: shape '[-1, 400]' is invalid for input of size 6400
x = x.view(-1, 16*5*5)
printing x.shape right before it gives torch.Size([4, 16, 10, 10]). what number should replace 400?
""", [1600], "16*10*10 = 1,600 a sample; 4*1,600 = 6,400 agrees with the message",
     torch_check=lambda: [flat(nn.Identity(), (4, 16, 10, 10))])

case("p9-view-shape-said-batch-message", "view", """
ValueError: Expected input batch_size (128) to match target batch_size (32).
out = out.reshape(-1, 128*4*4), but the conv block gives [32, 128, 8, 8]. what's the right reshape size?
""", [8192], "128*8*8 = 8,192 a sample; 32*8,192/2,048 = 128 rows, as the message says",
     torch_check=lambda: [flat(nn.Identity(), (32, 128, 8, 8))])

case("p9-view-batch-inside", "view", """
RuntimeError: shape '[16, 400]' is invalid for input of size 25088
x = x.view(16, 16*5*5)
what should the second number be?
""", [1568], "25,088 / 16 = 1,568 a sample (the batch of 16 is written in the view)",
     torch_check=None)

case("p9-ts-total-blank", "summary", """
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1           [-1, 16, 30, 30]             448
              ReLU-2           [-1, 16, 30, 30]               0
         MaxPool2d-3           [-1, 16, 15, 15]               0
            Conv2d-4           [-1, 32, 13, 13]           4,640
            Linear-5                   [-1, 10]          54,090
================================================================
Total params: ???
Trainable params: ???
----------------------------------------------------------------
what are the totals?
""", [59178], "448 + 4,640 + 54,090 = 59,178 (Linear 32*13*13 = 5,408 -> 10)",
     torch_check=lambda: [params(nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), nn.Linear(5408, 10))])

# --- 5. heads on the same features, forward not pasted ----------------------------

case("p9-heads-vae-mlp", "heads", """
class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc_mean = nn.Linear(400, 20)
        self.fc_var = nn.Linear(400, 20)
how many parameters in this encoder?
""", [330040], "784*400+400 + 2*(400*20+20) = 330,040: both heads count",
     torch_check=lambda: [params(nn.Linear(784, 400), nn.Linear(400, 20), nn.Linear(400, 20))])

case("p9-heads-cls-box", "heads", """
self.features = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
self.cls_head = nn.Linear(16*16*16, 10)
self.box_head = nn.Linear(16*16*16, 4)
input 32x32 rgb. total params? (forward applies both heads to the flattened features)
""", [57806], "448 + 4096*10+10 + 4096*4+4 = 57,806",
     torch_check=lambda: [params(nn.Conv2d(3, 16, 3, padding=1), nn.Linear(4096, 10), nn.Linear(4096, 4))])

# --- 6. a Keras layer's input said as a shape in the words -------------------------

case("p9-keras-applied-to", "keras", """
Conv2D(64, 3, strides=2, padding='same') applied to (None, 32, 32, 16). output size and params?
""", [16, 9280], "'same' stride 2: ceil(32/2) = 16; 64*(3*3*16)+64 = 9,280",
     torch_check=lambda: [run(nn.Conv2d(16, 64, 3, stride=2, padding=1), (1, 16, 32, 32))[0][-1], params(nn.Conv2d(16, 64, 3))])

case("p9-keras-input-to-it", "keras", """
the input to it is (None, 28, 28, 32) and the layer is layers.Conv2D(64, (5, 5)). how many params, what output shape?
""", [51264, 24], "64*(5*5*32)+64 = 51,264; 28-5+1 = 24",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 5)), run(nn.Conv2d(32, 64, 5), (1, 32, 28, 28))[0][-1]])

case("p9-keras-reshaped-to", "keras", """
i reshaped my data to (64, 64, 3), first layer Conv2D(8, (3,3), strides=(2,2)). params + output?
""", [224, 31], "8*(3*3*3)+8 = 224; (64-3)//2+1 = 31",
     torch_check=lambda: [params(nn.Conv2d(3, 8, 3)), run(nn.Conv2d(3, 8, 3, stride=2), (1, 3, 64, 64))[0][-1]])

case("p9-keras-pool-gets-tensor", "keras", """
MaxPooling2D(pool_size=(3, 3), strides=2) gets a tensor of shape (None, 55, 55, 96) in my alexnet port. what comes out?
""", [27], "(55-3)//2+1 = 27",
     torch_check=lambda: [run(nn.MaxPool2d(3, 2), (1, 96, 55, 55))[0][-1]])

# CASES_END


def main():
    return cc.replace_rows("p9-", "p9")


if __name__ == "__main__":
    sys.exit(main())
