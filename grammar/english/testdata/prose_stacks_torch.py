# Checks the figures of prose_stacks_test.go with PyTorch 1.13: /usr/bin/python3 prose_stacks_torch.py
import torch, torch.nn as nn
def out(layers, shape):
    x = torch.zeros(1, *shape)
    for l in layers: x = l(x)
    return tuple(x.shape[1:])
C=nn.Conv2d; P=nn.MaxPool2d
print("then-one-more 32:", out([C(1,1,3),C(1,1,3),P(2,2),C(1,1,3)],(1,32,32)))
print("full 1d 20,k5:", out([nn.Conv1d(1,1,5,padding=4)],(1,20)), "10x10 k3:", out([C(1,1,3,padding=2)],(1,10,10)), "100 k7:", out([nn.Conv1d(1,1,7,padding=6)],(1,100)), "64 k3 d2:", out([C(1,1,3,padding=4,dilation=2)],(1,64,64)), "7 k4:", out([C(1,1,4,padding=3)],(1,7,7)))
print("pad keep d2 k3 p2:", out([C(1,1,3,padding=2,dilation=2)],(1,30,30)), "k5 d2 p4:", out([C(1,1,5,padding=4,dilation=2)],(1,30,30)), "k3 d6 p6:", out([C(1,1,3,padding=6,dilation=6)],(1,30,30)))
print("repeat 128:", out([C(1,1,3,padding=1),P(2,2)]*3,(1,128,128)), "x3 64:", out([C(1,1,3),P(2)]*3,(1,64,64)))
print("blocks flatten 100:", out([C(1,6,5),P(2),C(6,16,5),P(2)],(1,100,100)), "unet 572:", out([C(1,1,3),C(1,1,3),P(2)],(1,572,572)), "180 4x5x5:", out([C(1,1,5)]*4,(1,180,180)), "224 five:", out([C(1,1,3,padding=1),C(1,1,3,padding=1),P(2)]*5,(1,224,224)), "256 5x:", out([C(1,1,3,padding=1),P(2)]*5,(1,256,256)))
m=nn.Sequential(C(3,16,5),P(2),C(16,32,5),P(2),nn.Flatten(),nn.Linear(800,10)); print("bracket chain params", sum(p.numel() for p in m.parameters()))
m=nn.Sequential(C(1,8,3),P(2),C(8,16,3),P(2),nn.Flatten(),nn.Linear(400,4)); print("classes chain", sum(p.numel() for p in m.parameters()), out(list(m)[:4],(1,28,28)))
m=nn.Sequential(C(1,32,3),C(32,64,3),P(2),nn.Flatten(),nn.Linear(9216,10)); print("mnist", sum(p.numel() for p in m.parameters()))
m=nn.Sequential(C(1,10,3,padding=1),P(2),nn.Flatten(),nn.Linear(5760,7)); print("48", sum(p.numel() for p in m.parameters()))
print("call chain 64:", out([C(3,32,3),P(2),C(32,64,3),P(2)],(3,64,64)), "lenet pad2:", out([C(1,6,5,padding=2),P(2),C(6,16,5),P(2)],(1,28,28)))
print("sides 100x140:", out([C(1,1,5,stride=2,padding=2)],(1,100,140)), "15x21:", out([C(1,1,(3,5),padding=(1,2),stride=(2,3))],(1,15,21)), "48x64:", out([C(1,1,3,stride=2,padding=1)],(1,48,64)), "100x60:", out([C(1,1,5)],(1,100,60)), "240x320:", out([C(1,1,7,stride=2,padding=3)],(1,240,320)), "33x47:", out([C(1,1,3,stride=2)],(1,33,47)))
print("course 39:", out([C(3,10,3),C(10,20,5,stride=2),C(20,40,5,stride=2)],(3,39,39)))
m=nn.Sequential(C(3,6,5,padding=2),C(6,12,3,stride=2,padding=1)); print("course params", sum(p.numel() for p in m.parameters()))
print("course 64:", out([C(1,16,3,2,1),C(16,32,3,2,1),C(32,64,3,2,1)],(1,64,64)), "224:", out([C(3,64,7,2,3),C(64,64,3,1,1)],(3,224,224)), "100:", out([C(3,16,3,2),C(16,32,3,2)],(3,100,100)), "28:", out([C(1,32,5,1,2),C(32,64,3,2,1)],(1,28,28)))
m=C(7,48,1); print("biases 48:", m.bias.numel(), "maps 20x3x3 on 4ch:", sum(p.numel() for p in C(4,20,3).parameters()), "6 maps 5x5:", sum(p.numel() for p in C(1,6,5).parameters()), "8 maps out:", out([C(3,8,5)],(3,28,28)))
