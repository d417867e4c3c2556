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
from code_cases import params, run, torch, nn, flat  # noqa: E402

cc.CASES.clear()
case = cc.case


def seq(*mods):
    return nn.Sequential(*mods)


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

# CASES_END


def main():
    return cc.replace_rows("r5p-", "r5p")


if __name__ == "__main__":
    sys.exit(main())
