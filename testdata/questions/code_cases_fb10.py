#!/usr/bin/python3
"""Appends the fb10- cases to code.jsonl: confident wrong answers a
reviewer found in round 10's merge, and variations of them:

1. a bias switched on a torchsummary table's conv row ("how many params
   would Conv2d-1 have with bias?", "if I turn on the bias of the conv,
   what is the total?"): the row's count plus one per filter (its
   channels), whatever the kernel; the row named is the row answered,
   "the total" the whole table;
2. the receptive field asked of one layer of a pasted stack ("of the
   second layer", "of conv2", "after the second conv"): the field up to
   that layer, not the whole stack's.

Every number is checked with PyTorch (Debian's python3-torch): counts with
parameters(), receptive fields as the input positions one output value's
gradient reaches.

Run:  /usr/bin/python3 testdata/questions/code_cases_fb10.py
Rows whose id starts with "fb10-" are replaced, the rest kept as they are.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_cases as cc  # noqa: E402
from code_cases import params, seq, torch, nn  # noqa: E402

cc.CASES.clear()
case = cc.case


def rf(model, shape):
    """The receptive field of model's output: the input positions along the
    last axis the gradient of one output value (the middle one) reaches."""
    for m in model.modules():
        if isinstance(m, (nn.Conv1d, nn.Conv2d)):
            nn.init.constant_(m.weight, 1.0)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    x = torch.ones(shape, requires_grad=True)
    with torch.enable_grad():
        y = model(x)
        idx = (0, 0) + tuple(s // 2 for s in y.shape[2:])
        y[idx].backward()
    g = x.grad[0, 0]
    while g.dim() > 1:
        g = g.abs().sum(0)
    return int((g != 0).sum())


# --- 1. a bias switched on a torchsummary table's conv row -------------------

TABLE = """
        Conv2d-1           [-1, 64, 32, 32]           1,728
       BatchNorm2d-2       [-1, 64, 32, 32]             128
              ReLU-3       [-1, 64, 32, 32]               0
"""

TABLE2 = """
            Conv2d-1         [-1, 32, 26, 26]             320
              ReLU-2         [-1, 32, 26, 26]               0
            Conv2d-3         [-1, 64, 24, 24]          18,432
       BatchNorm2d-4         [-1, 64, 24, 24]             128
              ReLU-5         [-1, 64, 24, 24]               0
"""

case("fb10-ts-row-with-bias-named", "summary", TABLE.strip("\n") + """
how many params would Conv2d-1 have with bias?
""", [1792], "1,728 (64 filters, no bias) + 64 biases = 1,792 (3x3 on 3 channels: 64*27+64)",
     torch_check=lambda: [params(nn.Conv2d(3, 64, 3, padding=1))])

case("fb10-ts-bias-on-total", "summary", TABLE.strip("\n") + """
if I turn on the bias of the conv, what is the total?
""", [1920], "1,728 + 64 = 1,792 for the conv, + 128 for the batch norm = 1,920",
     torch_check=lambda: [params(nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64))])

case("fb10-ts-conv-row-bias-on", "summary", TABLE.strip("\n") + """
the conv has bias=False. what would the conv row say if i turned bias on?
""", [1792], "1,728 + 64 = 1,792",
     torch_check=lambda: [params(nn.Conv2d(3, 64, 3, padding=1))])

case("fb10-ts-add-bias-named-row", "summary", TABLE.strip("\n") + """
what would Conv2d-1 be if i add a bias?
""", [1792], "1,728 + 64 = 1,792",
     torch_check=lambda: [params(nn.Conv2d(3, 64, 3, padding=1))])

case("fb10-ts-second-conv-with-bias", "summary", TABLE2.strip("\n") + """
how many params would Conv2d-3 have with bias?
""", [18496], "18,432 = 64*32*9 with no bias; + 64 = 18,496",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3))])

case("fb10-ts-second-conv-bias-total", "summary", TABLE2.strip("\n") + """
if I turn on the bias of Conv2d-3, what is the total?
""", [18944], "320 + (18,432 + 64) + 128 = 18,944",
     torch_check=lambda: [params(nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3), nn.BatchNorm2d(64))])

# --- 2. the receptive field of one layer of a pasted stack --------------------

STACK1 = "nn.Sequential(nn.Conv1d(1, 4, 3, stride=2), nn.Conv1d(4, 4, 3, stride=2), nn.Conv1d(4, 4, 3))"
NAMED1 = """conv1 = nn.Conv1d(1, 4, 3, stride=2)
conv2 = nn.Conv1d(4, 4, 3, stride=2)
conv3 = nn.Conv1d(4, 4, 3)"""
STACK2 = "nn.Sequential(nn.Conv2d(1, 4, 3, stride=2), nn.Conv2d(4, 4, 3, stride=2), nn.Conv2d(4, 4, 3))"


def two1():
    return rf(seq(nn.Conv1d(1, 4, 3, stride=2), nn.Conv1d(4, 4, 3, stride=2)), (1, 1, 64))


case("fb10-rf-second-layer-1d", "pytorch", "what is the receptive field of the second layer?\n" + STACK1,
     [7], "3 + (3-1)*2 = 7 (the third layer would make it 15)", torch_check=lambda: [two1()])

case("fb10-rf-conv2-named-1d", "pytorch", "receptive field of conv2?\n" + NAMED1,
     [7], "3 + (3-1)*2 = 7", torch_check=lambda: [two1()])

case("fb10-rf-after-second-conv-1d", "pytorch", "receptive field after the second conv?\n" + STACK1,
     [7], "3 + (3-1)*2 = 7", torch_check=lambda: [two1()])

case("fb10-rf-conv1-named-1d", "pytorch", NAMED1 + "\nwhat's the receptive field of conv1?",
     [3], "one 3-wide kernel: 3",
     torch_check=lambda: [rf(seq(nn.Conv1d(1, 4, 3, stride=2)), (1, 1, 64))])

case("fb10-rf-second-conv-2d", "pytorch", "what is the receptive field of the second conv?\n" + STACK2,
     [7], "3 + (3-1)*2 = 7 on each side",
     torch_check=lambda: [rf(seq(nn.Conv2d(1, 4, 3, stride=2), nn.Conv2d(4, 4, 3, stride=2)), (1, 1, 64, 64))])

# CASES_END


def main():
    return cc.replace_rows("fb10-", "fb10")


if __name__ == "__main__":
    sys.exit(main())
