#!/usr/bin/python3
"""Writes code.jsonl: pasted-code questions, written in the styles people use
on forums and Q&A sites (none copied), with the numbers a right answer holds.

Every PyTorch number is checked here with PyTorch itself (Debian's
python3-torch 1.13): a case's `torch` function builds the layers with
torch.nn, runs the input on the meta device and returns the numbers, which
must equal `must_contain`. Keras numbers are worked by hand in `working`
(Keras counts batch normalization as 4*C: gamma, beta, moving mean and
variance). Run:  /usr/bin/python3 testdata/questions/code_cases.py
"""

import json
import os
import sys

try:
    import torch
    import torch.nn as nn
except ImportError:  # write the file, check nothing
    torch = None

CASES = []


def case(id, kind, text, must_contain, working, must_say=None, torch_check=None, answers=1):
    CASES.append(dict(id=id, kind=kind, text=text.strip("\n"), must_contain=must_contain,
                      working=working, must_say=must_say or [], torch_check=torch_check, answers=answers))


# --- helpers for the torch checks -------------------------------------------

def params(*mods):
    return sum(p.numel() for m in mods for p in m.parameters())


def seq(*mods):
    return nn.Sequential(*mods)


def run(model, shape):
    """Output shape (batch dropped) and MACs (conv, convtranspose, linear; bias
    excluded; per sample) of model on an input of shape (batch first)."""
    total = [0]

    def hook(m, inp, out):
        x = inp[0]
        b = x.shape[0]
        if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Conv3d)):
            k = 1
            for s in m.kernel_size:
                k *= s
            total[0] += out.numel() // b * m.in_channels // m.groups * k
        elif isinstance(m, (nn.ConvTranspose1d, nn.ConvTranspose2d)):
            k = 1
            for s in m.kernel_size:
                k *= s
            total[0] += x.numel() // b * m.out_channels // m.groups * k
        elif isinstance(m, nn.Linear):
            total[0] += out.numel() // b * m.in_features

    hs = [m.register_forward_hook(hook) for m in model.modules()]
    out = model(torch.zeros(*shape))
    for h in hs:
        h.remove()
    return list(out.shape[1:]), total[0]


class Fn(nn.Module):
    """A forward() written as a function of a module's children."""

    def __init__(self, fn, **mods):
        super().__init__()
        for k, v in mods.items():
            setattr(self, k, v)
        self.fn = fn

    def forward(self, x):
        return self.fn(self, x)


def flat(model, shape):
    """How many values the model's output flattens to, per sample."""
    out, _ = run(model, shape)
    n = 1
    for d in out:
        n *= d
    return n


def replace_rows(prefixes, label):
    """Checks the cases against PyTorch, then puts them in code.jsonl in
    place of the rows whose id starts with one of prefixes, keeping every
    other row (the other scripts' and the hand-checked ones). Writes
    nothing when PyTorch disagrees with a case; returns the exit status."""
    bad = 0
    for c in CASES:
        assert c["id"].startswith(prefixes), c["id"]
        if torch is not None and c["torch_check"] is not None:
            with torch.no_grad():
                got = c["torch_check"]()
            if got != c["must_contain"]:
                print(f"{c['id']}: torch says {got}, case says {c['must_contain']}", file=sys.stderr)
                bad += 1
    if bad:
        return 1
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "code.jsonl")
    with open(path) as f:
        kept = [l for l in f if l.strip() and not json.loads(l)["id"].startswith(prefixes)]
    ids = {json.loads(l)["id"] for l in kept}
    with open(path, "w") as f:
        f.writelines(kept)
        for c in CASES:
            assert c["id"] not in ids, c["id"]
            ids.add(c["id"])
            f.write(json.dumps(case_row(c), ensure_ascii=False) + "\n")
    checked = sum(1 for c in CASES if c["torch_check"])
    print(f"{len(CASES)} {label} cases, {checked} checked with PyTorch, {bad} disagree")
    return 0


def case_row(c):
    """The code.jsonl row of a case."""
    row = {k: c[k] for k in ("id", "kind", "text", "must_contain", "must_say", "working")}
    if c["answers"] > 1:
        row["answers"] = c["answers"]  # one answer a model
    row["checked"] = "pytorch" if c["torch_check"] else "by hand"
    return row


def lstm_keras(units, inp):
    return 4 * (units * (inp + units) + units)


# --- forward() tracing --------------------------------------------------------

def _f1():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc3(F.relu(s.fc2(F.relu(s.fc1(s.pool(F.relu(s.conv2(s.pool(F.relu(s.conv1(x)))))).view(-1, 400)))))),
           conv1=nn.Conv2d(3, 6, 5), pool=nn.MaxPool2d(2, 2), conv2=nn.Conv2d(6, 16, 5),
           fc1=nn.Linear(400, 120), fc2=nn.Linear(120, 84), fc3=nn.Linear(84, 10))
    return [params(m), run(m, (1, 3, 32, 32))[1]]


case("fwd-lenet-pool-twice", "forward", """
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

how many params and MACs for 32x32 cifar images?
""", [62006, 651720], "params 456+2416+48120+10164+850 = 62006; 32->28->14->10->5; MACs 6*28*28*75 + 16*10*10*150 + 400*120 + 120*84 + 84*10 = 352800+240000+48000+10080+840 = 651720", torch_check=_f1)


def _f2():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc2(F.relu(s.fc1(torch.flatten(s.dropout1(F.max_pool2d(F.relu(s.conv2(F.relu(s.conv1(x)))), 2)), 1)))),
           conv1=nn.Conv2d(1, 32, 3, 1), conv2=nn.Conv2d(32, 64, 3, 1), dropout1=nn.Dropout(0.25),
           fc1=nn.Linear(9216, 128), fc2=nn.Linear(128, 10))
    return [params(m)]


case("fwd-functional-maxpool-flatten", "forward", """
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)
total number of parameters on 28x28 mnist?
""", [1199882], "28->26->24, max_pool2d 2 -> 12; 64*12*12 = 9216; 320 + 18496 + 9216*128+128 + 1290 = 1199882", torch_check=_f2)


def _f3():
    m = Fn(lambda s, x: s.conv2(s.conv1(x)).view(x.size(0), -1),
           conv1=nn.Sequential(nn.Conv2d(3, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2)),
           conv2=nn.Sequential(nn.Conv2d(16, 32, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2)))
    return [run(m, (1, 3, 64, 64))[0][0]]


case("fwd-view-size0-wrong-linear", "forward", """
my images are 64x64 rgb and out() throws a shape error, what should the Linear be?

        self.conv1 = nn.Sequential(
            nn.Conv2d(3, 16, 5, 1, 2),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.conv2 = nn.Sequential(
            nn.Conv2d(16, 32, 5, 1, 2),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.out = nn.Linear(4096, 2)

    def forward(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = x.view(x.size(0), -1)
        return self.out(x)
""", [8192], "64 -(k5 p2)-> 64 -pool-> 32 -> 32 -pool-> 16; 32*16*16 = 8192, so nn.Linear(8192, 2)", torch_check=_f3)


def _f4():
    F = torch.nn.functional
    conv1 = nn.Conv2d(64, 128, 3, stride=2, padding=1, bias=False)
    bn1 = nn.BatchNorm2d(128)
    conv2 = nn.Conv2d(128, 128, 3, padding=1, bias=False)
    bn2 = nn.BatchNorm2d(128)
    sc = nn.Sequential(nn.Conv2d(64, 128, 1, stride=2, bias=False), nn.BatchNorm2d(128))
    m = Fn(lambda s, x: F.relu(s.bn2(s.conv2(F.relu(s.bn1(s.conv1(x))))) + s.shortcut(x)),
           conv1=conv1, bn1=bn1, conv2=conv2, bn2=bn2, shortcut=sc)
    shape, macs = run(m, (1, 64, 56, 56))
    return [params(m), shape[1], macs]


case("fwd-residual-shortcut", "forward", """
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(64, 128, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(128)
        self.conv2 = nn.Conv2d(128, 128, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(128)
        self.shortcut = nn.Sequential(
            nn.Conv2d(64, 128, 1, stride=2, bias=False),
            nn.BatchNorm2d(128))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out = out + self.shortcut(x)
        return F.relu(out)

x = torch.randn(1, 64, 56, 56)
""", [230144, 28, 179830784], "params 73728+256+147456+256+8192+256 = 230144; 56 -(s2)-> 28; MACs 128*28*28*(576+1152+64) = 179830784 (the shortcut reads x, 64 channels)", torch_check=_f4)


def _f5():
    b1, b2, b3 = nn.Conv2d(192, 64, 1), nn.Conv2d(192, 128, 3, padding=1), nn.Conv2d(192, 32, 5, padding=2)
    pool, b4 = nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(192, 32, 1)
    m = Fn(lambda s, x: torch.cat([s.b1(x), s.b2(x), s.b3(x), s.b4(s.pool(x))], 1), b1=b1, b2=b2, b3=b3, pool=pool, b4=b4)
    return [run(m, (1, 192, 28, 28))[0][0], params(m)]


case("fwd-torch-cat-branches", "forward", """
class Mixed(nn.Module):
    def __init__(self):
        super().__init__()
        self.b1 = nn.Conv2d(192, 64, 1)
        self.b2 = nn.Conv2d(192, 128, 3, padding=1)
        self.b3 = nn.Conv2d(192, 32, 5, padding=2)
        self.pool = nn.MaxPool2d(3, stride=1, padding=1)
        self.b4 = nn.Conv2d(192, 32, 1)

    def forward(self, x):
        return torch.cat([self.b1(x), self.b2(x), self.b3(x), self.b4(self.pool(x))], 1)

x = torch.randn(1, 192, 28, 28) -- how many output channels and params?
""", [256, 393472], "channels 64+128+32+32 = 256; params 12352+221312+153632+6176 = 393472", torch_check=_f5)


def _f6():
    F = torch.nn.functional
    convs = nn.ModuleList([nn.Conv2d(3, 32, 3, padding=1), nn.Conv2d(32, 64, 3, padding=1), nn.Conv2d(64, 128, 3, padding=1)])
    pool, fc = nn.MaxPool2d(2), nn.Linear(128 * 4 * 4, 10)

    def fwd(s, x):
        for c in s.convs:
            x = s.pool(F.relu(c(x)))
        return s.fc(x.flatten(1))
    m = Fn(fwd, convs=convs, pool=pool, fc=fc)
    return [params(m), run(m, (1, 3, 32, 32))[1]]


case("fwd-modulelist-loop", "forward", """
    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList([
            nn.Conv2d(3, 32, 3, padding=1),
            nn.Conv2d(32, 64, 3, padding=1),
            nn.Conv2d(64, 128, 3, padding=1),
        ])
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(128 * 4 * 4, 10)

    def forward(self, x):
        for conv in self.convs:
            x = self.pool(F.relu(conv(x)))
        x = x.flatten(1)
        return self.fc(x)

input is 3x32x32, params and MACs?
""", [113738, 10342400], "32->16->8->4 with a pool after each conv; params 896+18496+73856+20490 = 113738; MACs 884736+4718592+4718592+20480 = 10342400", torch_check=_f6)


def _f7():
    m = nn.Sequential(*[nn.Conv2d(64, 64, 3, padding=1) for _ in range(4)])
    return [params(m)]


case("fwd-modulelist-comprehension", "forward", """
self.blocks = nn.ModuleList([nn.Conv2d(64, 64, 3, padding=1) for _ in range(4)])

def forward(self, x):
    for blk in self.blocks:
        x = F.relu(blk(x))
    return x

params? (input 64x16x16)
""", [147712], "4 * (64*64*9 + 64) = 4 * 36928 = 147712", torch_check=_f7)


def _f8():
    f = nn.Sequential(nn.Conv2d(3, 32, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU())
    s, _ = run(f, (1, 3, 96, 96))
    return [s[0] * s[1] * s[2]]


case("fwd-reshape-qmarks", "forward", """
self.features = nn.Sequential(
    nn.Conv2d(3, 32, 3, stride=2, padding=1), nn.ReLU(),
    nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
)
self.head = nn.Linear(???, 5)

def forward(self, x):
    x = self.features(x)
    x = x.reshape(x.shape[0], -1)
    return self.head(x)

images are 96x96 rgb, what goes in the ???
""", [36864], "96 -> floor((96+2-3)/2)+1 = 48 -> 24; 64*24*24 = 36864", torch_check=_f8)


def _f9():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc(F.adaptive_avg_pool2d(F.max_pool2d(F.relu(s.conv1(x)), kernel_size=3, stride=2, padding=1), 1).view(x.size(0), -1)),
           conv1=nn.Conv2d(3, 64, 7, stride=2, padding=3), fc=nn.Linear(64, 1000))
    return [params(m), run(m, (1, 3, 224, 224))[1]]


case("fwd-functional-adaptive-pool", "forward", """
self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3)
self.fc = nn.Linear(64, 1000)

def forward(self, x):
    x = F.relu(self.conv1(x))
    x = F.max_pool2d(x, kernel_size=3, stride=2, padding=1)
    x = F.adaptive_avg_pool2d(x, 1)
    x = x.view(x.size(0), -1)
    return self.fc(x)

for 224x224 images: params and MACs?
""", [74472, 118077952], "params 9472 + 65000 = 74472; 224 -> 112 -> 56 -> 1; MACs 64*112*112*147 + 64*1000 = 118013952 + 64000 = 118077952", torch_check=_f9)


def _f10():
    f = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
    s, _ = run(f, (1, 3, 64, 64))
    return [s[0] * s[1] * s[2]]


case("fwd-prose-forward", "forward", """
conv1 = nn.Conv2d(3, 16, 3, padding=1), conv2 = nn.Conv2d(16, 32, 3, padding=1), pool = nn.MaxPool2d(2), fc = nn.Linear(?, 10).
in forward I do pool(relu(conv1(x))) then pool(relu(conv2(x))) and then flatten before fc. images are 64x64, what's the ?
""", [8192], "64 -> 32 -> 16; 32*16*16 = 8192", torch_check=_f10)


def _f11():
    F = torch.nn.functional

    def fwd(s, x):
        x = s.pool(F.relu(s.c1(x)))
        x = s.pool(F.relu(s.c2(x)))
        x = s.pool(F.relu(s.c3(x)))
        return s.fc(torch.flatten(x, 1))
    m = Fn(fwd, c1=nn.Conv2d(1, 8, 3, padding=1), c2=nn.Conv2d(8, 16, 3, padding=1), c3=nn.Conv2d(16, 32, 3, padding=1),
           pool=nn.MaxPool2d(2), fc=nn.Linear(32 * 3 * 3, 10))
    return [params(m), run(m, (1, 1, 28, 28))[1]]


case("fwd-pool-three-times", "forward", """
        self.c1 = nn.Conv2d(1, 8, 3, padding=1)
        self.c2 = nn.Conv2d(8, 16, 3, padding=1)
        self.c3 = nn.Conv2d(16, 32, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(32 * 3 * 3, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.c1(x)))
        x = self.pool(F.relu(self.c2(x)))
        x = self.pool(F.relu(self.c3(x)))
        x = torch.flatten(x, 1)
        return self.fc(x)
# x: 1x28x28 grayscale. is 32*3*3 right? total params / macs?
""", [8778, 510912], "28->14->7->3 (floor 7/2); params 80+1168+4640+2890 = 8778; MACs 56448+225792+225792+2880 = 510912", torch_check=_f11)


def _f12():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc2(F.relu(s.fc1(F.relu(F.max_pool2d(s.conv2_drop(s.conv2(F.relu(F.max_pool2d(s.conv1(x), 2)))), 2)).view(-1, 320)))),
           conv1=nn.Conv2d(1, 10, kernel_size=5), conv2=nn.Conv2d(10, 20, kernel_size=5), conv2_drop=nn.Dropout2d(),
           fc1=nn.Linear(320, 50), fc2=nn.Linear(50, 10))
    return [params(m), run(m.eval(), (64, 1, 28, 28))[1]]


case("fwd-view-minus1-320", "forward", """
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)

data = torch.randn(64, 1, 28, 28)
""", [21840, 480500], "28->24->12->8->4, 20*4*4 = 320; params 260+5020+16050+510 = 21840; MACs/sample 144000+320000+16000+500 = 480500", torch_check=_f12)


def _f13():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc(F.max_pool1d(F.relu(s.conv2(F.max_pool1d(F.relu(s.conv1(x)), 2))), 2).view(x.size(0), -1)),
           conv1=nn.Conv1d(1, 16, kernel_size=7, padding=3), conv2=nn.Conv1d(16, 32, kernel_size=5, padding=2), fc=nn.Linear(32 * 250, 2))
    return [params(m), run(m, (1, 1, 1000))[1]]


case("fwd-conv1d-functional-pool", "forward", """
class ECGNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(1, 16, kernel_size=7, padding=3)
        self.conv2 = nn.Conv1d(16, 32, kernel_size=5, padding=2)
        self.fc = nn.Linear(32 * 250, 2)

    def forward(self, x):
        x = F.max_pool1d(F.relu(self.conv1(x)), 2)
        x = F.max_pool1d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        return self.fc(x)

each signal is 1000 samples long (1 channel). params + MACs?
""", [18722, 1408000], "1000 -> 1000 -> 500 -> 500 -> 250; params 128+2592+16002 = 18722; MACs 16*1000*7 + 32*500*80 + 8000*2 = 1408000", torch_check=_f13)


def _f14():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc(F.avg_pool2d(x + s.conv2(F.relu(s.conv1(x))), 2).view(x.size(0), -1)),
           conv1=nn.Conv2d(32, 32, 3, padding=1), conv2=nn.Conv2d(32, 32, 3, padding=1), fc=nn.Linear(32 * 8 * 8, 10))
    return [params(m), run(m, (1, 32, 16, 16))[1]]


case("fwd-identity-residual", "forward", """
self.conv1 = nn.Conv2d(32, 32, 3, padding=1)
self.conv2 = nn.Conv2d(32, 32, 3, padding=1)
self.fc = nn.Linear(32 * 8 * 8, 10)

def forward(self, x):          # x is (N, 32, 16, 16)
    x = x + self.conv2(F.relu(self.conv1(x)))
    x = F.avg_pool2d(x, 2)
    x = x.view(x.size(0), -1)
    return self.fc(x)
""", [38986, 4739072], "params 9248*2 + 20490 = 38986; MACs 2*32*256*288 + 2048*10 = 4718592 + 20480 = 4739072", torch_check=_f14)


def _f15():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc3(F.relu(s.fc2(F.relu(s.fc1(F.max_pool2d(F.relu(s.conv2(F.max_pool2d(F.relu(s.conv1(x)), 2))), 2).view(-1, 400)))))),
           conv1=nn.Conv2d(1, 6, 5, padding=2), conv2=nn.Conv2d(6, 16, 5), fc1=nn.Linear(400, 120), fc2=nn.Linear(120, 84), fc3=nn.Linear(84, 10))
    return [params(m), run(m, (1, 1, 28, 28))[1]]


case("fwd-view-attribute-name", "forward", """
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.num_flat = 16 * 5 * 5
        self.fc1 = nn.Linear(self.num_flat, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)

mnist (28x28). total params and multiply-adds?
""", [61706, 416520], "28->28->14->10->5; params 156+2416+48120+10164+850 = 61706; MACs 117600+240000+48000+10080+840 = 416520", torch_check=_f15)


def _f16():
    F = torch.nn.functional
    m = Fn(lambda s, x: s.fc(F.relu(s.conv(x)).mean(dim=[2, 3])), conv=nn.Conv2d(3, 128, 3, padding=1), fc=nn.Linear(128, 10))
    return [params(m), run(m, (1, 3, 32, 32))[1]]


case("fwd-mean-as-gap", "forward", """
self.conv = nn.Conv2d(3, 128, 3, padding=1)
self.fc = nn.Linear(128, 10)
...
def forward(self, x):
    x = F.relu(self.conv(x))
    x = x.mean(dim=[2, 3])   # global average
    return self.fc(x)
cifar 32x32 input, how many params and MACs
""", [4874, 3540224], "params 3584 + 1290 = 4874; MACs 128*32*32*27 + 128*10 = 3538944 + 1280 = 3540224", torch_check=_f16)


def _f17():
    f = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
    s, _ = run(f, (1, 3, 32, 32))
    n = s[0] * s[1] * s[2]
    return [n, n * 256 + 256]


case("fwd-sequential-then-flatten-call", "forward", """
self.features = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
self.classifier = nn.Linear(512, 256)

def forward(self, x):
    x = self.features(x)
    x = torch.flatten(x, start_dim=1)
    x = self.classifier(x)
    return x

x = torch.randn(16, 3, 32, 32) gives a shape error in classifier. what in_features does it need and how many params will it have?
""", [8192, 2097408], "32->16->8; 128*8*8 = 8192; 8192*256+256 = 2097408", torch_check=_f17)


def _c1():
    F = torch.nn.functional

    class BasicBlock(nn.Module):
        def __init__(self, in_ch, out_ch, stride=1):
            super().__init__()
            self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
            self.bn1 = nn.BatchNorm2d(out_ch)
            self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False)
            self.bn2 = nn.BatchNorm2d(out_ch)

        def forward(self, x):
            out = F.relu(self.bn1(self.conv1(x)))
            out = self.bn2(self.conv2(out))
            return F.relu(out + x)
    m = Fn(lambda s, x: s.fc(F.adaptive_avg_pool2d(s.block2(s.block(F.relu(s.stem(x)))), 1).flatten(1)),
           stem=nn.Conv2d(3, 16, 3, padding=1), block=BasicBlock(16, 16), block2=BasicBlock(16, 16), fc=nn.Linear(16, 10))
    return [params(m), run(m, (1, 3, 32, 32))[1]]


case("fwd-own-block-class", "forward", """
class BasicBlock(nn.Module):
    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + x)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, padding=1)
        self.block = BasicBlock(16, 16)
        self.block2 = BasicBlock(16, 16)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.block(F.relu(self.stem(x)))
        x = self.block2(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)

x = torch.randn(1, 3, 32, 32); params and MACs?
""", [9962, 9879712], "stem 448; each block 2*16*16*9 + 2*32 = 4672; fc 170: 448 + 2*4672 + 170 = 9962; MACs 16*1024*27 + 4*16*1024*144 + 16*10 = 442368 + 9437184 + 160 = 9879712", torch_check=_c1)


def _c2():
    def block(i, o):
        return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
    m = nn.Sequential(block(3, 32), block(32, 64), block(64, 128), nn.Flatten(), nn.Linear(128 * 4 * 4, 10))
    return [params(m), run(m, (1, 3, 32, 32))[1]]


case("fwd-own-class-in-sequential", "forward", """
class ConvBlock(nn.Module):
    def __init__(self, in_c, out_c):
        super().__init__()
        self.conv = nn.Conv2d(in_c, out_c, 3, padding=1)
        self.bn = nn.BatchNorm2d(out_c)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.pool(F.relu(self.bn(self.conv(x))))

class Net(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(ConvBlock(3, 32), ConvBlock(32, 64), ConvBlock(64, 128))
        self.fc = nn.Linear(128 * 4 * 4, num_classes)

    def forward(self, x):
        x = self.features(x)
        return self.fc(torch.flatten(x, 1))

cifar10 32x32 rgb: params and MACs?
""", [114186, 10342400], "blocks 896+64, 18496+128, 73856+256; fc 20490: 960 + 18624 + 74112 + 20490 = 114186; 32->16->8->4; MACs 884736 + 4718592 + 4718592 + 20480 = 10342400", torch_check=_c2)


# --- Python arithmetic and names in arguments ----------------------------------

case("arith-int-division", "arith", """
self.conv = nn.Conv2d(3, 16, 3, padding=1)
self.pool = nn.MaxPool2d(2)
self.fc = nn.Linear(int(32*32/4), 200)
params of fc?
""", [51400], "int(32*32/4) = 256; 256*200 + 200 = 51400", torch_check=lambda: [params(nn.Linear(int(32 * 32 / 4), 200))])

case("arith-floordiv", "arith", """
fc = nn.Linear(128 * (64 // 8) * (64 // 8), 256)
how many weights+biases?
""", [2097408], "64//8 = 8; 128*8*8 = 8192; 8192*256 + 256 = 2097408", torch_check=lambda: [params(nn.Linear(128 * (64 // 8) * (64 // 8), 256))])

case("arith-named-width", "arith", """
n_feat = 64
block = nn.Sequential(
    nn.Conv2d(3, n_feat, 3, padding=1),
    nn.BatchNorm2d(n_feat),
    nn.ReLU(),
)
total params?
""", [1920], "conv 3*64*9+64 = 1792, batchnorm 2*64 = 128; 1792 + 128 = 1920",
     torch_check=lambda: [params(nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64)))])


def _a4():
    f = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2, 2))
    s, _ = run(f, (1, 3, 64, 64))
    return [s[0] * s[1] * s[2]]


case("arith-triple-question-mark", "arith", """
        self.conv1 = nn.Conv2d(3, 16, 3)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(16, 32, 3)
        self.fc1 = nn.Linear(???, 64)
        self.fc2 = nn.Linear(64, 2)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, ???)
        x = F.relu(self.fc1(x))
        return self.fc2(x)

input images are 64x64, no idea what to put for ???
""", [6272], "64->62->31->29->14; 32*14*14 = 6272", torch_check=_a4)

case("arith-power", "arith", """
nn.Linear(64 * 2**4, 10) -- how many params is that
""", [10250], "64*2**4 = 1024; 1024*10 + 10 = 10250", torch_check=lambda: [params(nn.Linear(64 * 2 ** 4, 10))])

case("arith-names-chain", "arith", """
img = 28
k = 5
out = (img - k + 1) // 2
fc = nn.Linear(16 * out * out, 10)
params in fc?
""", [23050], "out = (28-5+1)//2 = 12; 16*12*12 = 2304; 2304*10 + 10 = 23050", torch_check=lambda: [params(nn.Linear(16 * 12 * 12, 10))])


def _a7():
    c = nn.Conv2d(in_channels=3, out_channels=2 * 32, kernel_size=3, padding=3 // 2)
    return [params(c), run(c, (1, 3, 32, 32))[0][1]]


case("arith-keyword-expressions", "arith", """
conv = nn.Conv2d(in_channels=3, out_channels=2*32, kernel_size=3, padding=3//2)
input 32x32, output shape and params?
""", [1792, 32], "out_channels 64, padding 1; 3*64*9 + 64 = 1792; 32+2-3+1 = 32", torch_check=_a7)

case("arith-list-index", "arith", """
hidden = [32, 64, 128]
conv2 = nn.Conv2d(hidden[0], hidden[1], 3)
conv3 = nn.Conv2d(hidden[1], hidden[2], 3)
how many params in conv2 and conv3
""", [18496, 73856], "32*64*9+64 = 18496; 64*128*9+128 = 73856",
     torch_check=lambda: [params(nn.Conv2d(32, 64, 3)), params(nn.Conv2d(64, 128, 3))])

case("arith-7x7x64", "arith", """
self.fc1 = nn.Linear(7*7*64, 128)   # after two 2x2 pools on mnist
how many trainable params does fc1 have?
""", [401536], "3136*128 + 128 = 401536", torch_check=lambda: [params(nn.Linear(7 * 7 * 64, 128))])

case("arith-float-power-int", "arith", """
self.head = nn.Linear(int(128 * (224 / 32) ** 2), 1000)
params?
""", [6273000], "224/32 = 7.0; 7.0**2 = 49; int(128*49) = 6272; 6272*1000 + 1000 = 6273000",
     torch_check=lambda: [params(nn.Linear(int(128 * (224 / 32) ** 2), 1000))])

case("arith-init-defaults", "arith", """
class SmallCNN(nn.Module):
    def __init__(self, num_classes=10, in_ch=1):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, 32, 3)
        self.fc = nn.Linear(512, num_classes)
params of conv and of fc?
""", [320, 5130], "defaults in_ch = 1, num_classes = 10: 1*32*9+32 = 320; 512*10+10 = 5130",
     torch_check=lambda: [params(nn.Conv2d(1, 32, 3)), params(nn.Linear(512, 10))])

case("arith-kernel-tuple-expr", "arith", """
k = 3
conv = nn.Conv2d(16, 16 * 2, kernel_size=(k, k + 2), padding=(k // 2, (k + 2) // 2))
on a 40x40 map, output and params?
""", [40, 7712], "kernel (3,5), padding (1,2): 40+2-3+1 = 40, 40+4-5+1 = 40; 16*32*15 + 32 = 7712",
     torch_check=lambda: [run(nn.Conv2d(16, 32, (3, 5), padding=(1, 2)), (1, 16, 40, 40))[0][1], params(nn.Conv2d(16, 32, (3, 5), padding=(1, 2)))])


# --- error messages as the question ------------------------------------------

case("err-mat1-mat2-bare", "error", """
RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x6272 and 4096x128)
what in_features do I need?
""", [6272, 802944], "batch 32, 6272 features reach a Linear(4096, 128): in_features 6272; nn.Linear(6272, 128) has 6272*128+128 = 802944 params",
     must_say=["nn.Linear(6272, 128)"], torch_check=lambda: [6272, params(nn.Linear(6272, 128))])


def _e2():
    f = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
    return [run(f, (16, 3, 32, 32))[0][0]]


case("err-mat1-mat2-with-code", "error", """
cifar10 (32x32), batch 16:

        self.conv = nn.Sequential(
            nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(1024, 10)

    def forward(self, x):
        x = self.conv(x)
        x = torch.flatten(x, 1)
        return self.fc(x)

RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x2304 and 1024x10)
""", [2304], "32->30->15->13->6; 64*6*6 = 2304 = the error's 2304: fc must be nn.Linear(2304, 10) (64 * 6 * 6)", torch_check=_e2)

case("err-channels-grayscale", "error", """
RuntimeError: Given groups=1, weight of size [32, 3, 3, 3], expected input[8, 1, 64, 64] to have 3 channels, but got 1 channels instead
my first layer is nn.Conv2d(3, 32, 3) and the images are grayscale
""", [320, 62], "the input has 1 channel: nn.Conv2d(1, 32, 3) has 1*32*9+32 = 320 params; 64-3+1 = 62",
     must_say=["nn.Conv2d(1, 32"], torch_check=lambda: [params(nn.Conv2d(1, 32, 3)), run(nn.Conv2d(1, 32, 3), (8, 1, 64, 64))[0][1]])

case("err-old-size-mismatch-m1-m2", "error", """
getting RuntimeError: size mismatch, m1: [64 x 4608], m2: [2048 x 512] at /pytorch/aten/src/TH/generic/THTensorMath.cpp:41
how do I fix my linear layer
""", [4608], "m1 is batch 64 x 4608 features, m2 the weight of a Linear(2048, 512): in_features must be 4608",
     must_say=["nn.Linear(4608, 512)"], torch_check=lambda: [4608])

case("err-state-dict-size-mismatch", "error", """
RuntimeError: Error(s) in loading state_dict for Net:
	size mismatch for fc.weight: copying a param with shape torch.Size([10, 512]) from checkpoint, the shape in current model is torch.Size([100, 512]).
	size mismatch for fc.bias: copying a param with shape torch.Size([10]) from checkpoint, the shape in current model is torch.Size([100]).
what fc layer does the checkpoint have?
""", [512, 5130], "the checkpoint's fc weight is [10, 512]: nn.Linear(512, 10), 512*10+10 = 5130 params",
     must_say=["nn.Linear(512, 10)"], torch_check=lambda: [512, params(nn.Linear(512, 10))])

case("err-keras-dense-incompatible", "error", """
ValueError: Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 2048, but received input with shape (None, 4608)
dense is Dense(128). how many params will it have once it takes the 4608?
""", [4608, 589952], "Keras Dense(128) on 4608 inputs: 4608*128 + 128 = 589952")


def _e7():
    f = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
    return [run(f, (64, 1, 28, 28))[0][0]]


case("err-view-invalid-size", "error", """
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        return self.fc1(x)

on mnist 28x28 batches of 64 I get RuntimeError: shape '[-1, 400]' is invalid for input of size 16384
""", [256], "28->24->12->8->4; 16*4*4 = 256 per sample (16384 = 64*256): view(-1, 16*4*4) and nn.Linear(16 * 4 * 4, 120)", torch_check=_e7)

case("err-mat1-mat2-resnet-features", "error", """
I chopped the fc off resnet18 and added my own nn.Linear(2048, 10) but got
RuntimeError: mat1 and mat2 shapes cannot be multiplied (128x512 and 2048x10)
""", [512, 5130], "128 samples with 512 features: nn.Linear(512, 10), 512*10+10 = 5130 params",
     must_say=["nn.Linear(512, 10)"], torch_check=lambda: [512, params(nn.Linear(512, 10))])


def _e9():
    return [params(nn.Conv2d(64, 64, 3, padding=1))]


case("err-channels-in-chain", "error", """
model = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1),
)
RuntimeError: Given groups=1, weight of size [64, 32, 3, 3], expected input[1, 64, 16, 16] to have 32 channels, but got 64 channels instead
""", [36928], "the pool hands on 64 channels: the last conv must be nn.Conv2d(64, 64, 3, padding=1), 64*64*9+64 = 36928 params",
     must_say=["nn.Conv2d(64, 64"], torch_check=_e9)

case("err-keras-conv-channels", "error", """
model = Sequential()
model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)))
ValueError: Input 0 of layer "conv2d" is incompatible with the layer: expected axis -1 of input shape to have value 1, but received input with shape (None, 28, 28, 3)
how many params will conv2d have with rgb input?
""", [896], "Keras Conv2D(32, 3x3) on 3 channels: 3*3*3*32 + 32 = 896")

case("err-4d-expected", "error", """
conv = nn.Conv2d(3, 16, 5)
img = torch.randn(3, 32, 32)
out = conv(img)
RuntimeError: Expected 4-dimensional input for 4-dimensional weight [16, 3, 5, 5], but got 3-dimensional input of size [3, 32, 32] instead
what shape should come out once it works?
""", [28, 1216], "add the batch dimension (img.unsqueeze(0)): 32-5+1 = 28 -> (1, 16, 28, 28); params 3*16*25+16 = 1216",
     torch_check=lambda: [run(nn.Conv2d(3, 16, 5), (1, 3, 32, 32))[0][1], params(nn.Conv2d(3, 16, 5))])

case("err-mat1-mat2-expr-linear", "error", """
self.fc = nn.Linear(28*28, 128)
RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x3136 and 784x128)
""", [3136, 401536], "1 sample of 3136 features reaches Linear(784, 128): nn.Linear(3136, 128), 3136*128+128 = 401536 params",
     must_say=["nn.Linear(3136, 128)"], torch_check=lambda: [3136, params(nn.Linear(3136, 128))])


# --- input sizes next to the code ---------------------------------------------

case("in-words-28x28", "input", """
nn.Conv2d(1, 32, kernel_size=3, stride=2) for 28x28 images, what is the output size?
""", [13], "floor((28-3)/2)+1 = 13", torch_check=lambda: [run(nn.Conv2d(1, 32, 3, stride=2), (1, 1, 28, 28))[0][1]])

case("in-torch-randn", "input", """
conv = nn.Conv2d(3, 16, 5, stride=1, padding=2)
x = torch.randn(1, 3, 32, 32)
y = conv(x)
print(y.shape)  # ? and how many MACs
""", [32, 1228800], "32+4-5+1 = 32 -> [1, 16, 32, 32]; MACs 16*32*32*75 = 1228800",
     torch_check=lambda: [run(nn.Conv2d(3, 16, 5, padding=2), (1, 3, 32, 32))[0][1], run(nn.Conv2d(3, 16, 5, padding=2), (1, 3, 32, 32))[1]])

case("in-tf-random-normal", "input", """
x = tf.random.normal((4, 28, 28, 3))
y = tf.keras.layers.Conv2D(2, 3, activation='relu')(x)
print(y.shape)
""", [26, 56], "valid: 28-3+1 = 26 -> (4, 26, 26, 2); params 3*3*3*2 + 2 = 56")

case("in-keras-shape-tuple", "input", """
previous layer outputs (None, 64, 64, 32). what do I get from Conv2D(64, (3, 3), strides=2, padding='valid') and how many params?
""", [31, 18496], "floor((64-3)/2)+1 = 31 -> (None, 31, 31, 64); 3*3*32*64 + 64 = 18496")

case("in-ncl-conv1d", "input", """
x is (N, C, L) = (16, 8, 200), layer is nn.Conv1d(8, 16, kernel_size=5, stride=2). output length? params?
""", [98, 656], "floor((200-5)/2)+1 = 98; 8*16*5 + 16 = 656",
     torch_check=lambda: [run(nn.Conv1d(8, 16, 5, stride=2), (16, 8, 200))[0][1], params(nn.Conv1d(8, 16, 5, stride=2))])

case("in-keras-channels-first", "input", """
K.set_image_data_format('channels_first')
model = Sequential()
model.add(Conv2D(32, (5, 5), input_shape=(1, 28, 28), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
output shape after the pool, and params?
""", [832, 12], "channels_first: 1 channel, 28x28 -> 24 -> pool 12 -> (None, 32, 12, 12); 5*5*1*32 + 32 = 832")

case("in-btf-permute", "input", """
my batch is (batch, seq_len, features) = (8, 50, 40). I permute(0, 2, 1) and run nn.Conv1d(40, 128, 3, padding=1). shape out and params?
""", [50, 15488], "after the permute (8, 40, 50); 50+2-3+1 = 50 -> (8, 128, 50); 40*128*3 + 128 = 15488",
     torch_check=lambda: [run(nn.Conv1d(40, 128, 3, padding=1), (8, 40, 50))[0][1], params(nn.Conv1d(40, 128, 3, padding=1))])

case("in-tf-zeros-pool", "input", """
inp = tf.zeros((2, 32, 32, 3))
out = tf.keras.layers.MaxPooling2D(pool_size=3, strides=2)(inp)
out.shape?
""", [15], "valid: floor((32-3)/2)+1 = 15 -> (2, 15, 15, 3)")

case("in-on-a-map", "input", """
what does nn.MaxPool2d(kernel_size=3, stride=2, padding=1) give on a 28x28 map?
""", [14], "floor((28+2-3)/2)+1 = 14", torch_check=lambda: [run(nn.MaxPool2d(3, 2, 1), (1, 1, 28, 28))[0][1]])


def _i10():
    m = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))
    return [run(m, (1, 3, 224, 224))[0][1], params(m)]


case("in-torchsummary-call", "input", """
model = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))
summary(model, (3, 224, 224))
what will the last output shape and total params be
""", [56, 9600], "224 -> 112 -> 56; params 9408+64 + 128 = 9600", torch_check=_i10)


def _i11():
    m = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.MaxPool2d(4), nn.Flatten(), nn.Linear(8 * 32 * 32, 2))
    run(m, (1, 3, 128, 128))
    return [params(m)]


case("in-chw-words", "input", """
images are 3 x 128 x 128 (C,H,W)
net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.MaxPool2d(4), nn.Flatten(), nn.Linear(8*32*32, 2))
does the Linear fit, and total params?
""", [16610], "128 -> 128 -> 32; 8*32*32 = 8192 fits; 224 + 8192*2+2 = 16610", torch_check=_i11)

case("in-channels-last-torch", "input", """
x = torch.randn(1, 224, 224, 3)   # my image, loaded with PIL
conv = nn.Conv2d(3, 64, 3)
y = conv(x)  -> error. what should y be once the channels are in the right place?
""", [222, 1792], "permute to (1, 3, 224, 224): 224-3+1 = 222 -> (1, 64, 222, 222); params 3*64*9+64 = 1792",
     torch_check=lambda: [run(nn.Conv2d(3, 64, 3), (1, 3, 224, 224))[0][1], params(nn.Conv2d(3, 64, 3))])


# --- Keras as it is pasted -------------------------------------------------------

case("keras3-boxed-summary", "keras", """
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ conv2d (Conv2D)                 │ (None, 30, 30, 32)     │           896 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d (MaxPooling2D)    │ (None, 15, 15, 32)     │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d_1 (Conv2D)               │ (None, 13, 13, 64)     │        18,496 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ flatten (Flatten)               │ (None, 10816)          │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense (Dense)                   │ (None, 10)             │       108,170 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 127,562 (498.29 KB)
 Trainable params: 127,562 (498.29 KB)
 Non-trainable params: 0 (0.00 B)
why is dense 108,170?
""", [10816, 108170, 127562], "input 32x32x3: 30, pool 15, 13; 13*13*64 = 10816; 10816*10+10 = 108170; 896+18496+108170 = 127562")

case("keras3-boxed-bn-wrapped-type", "keras", """
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ conv2d (Conv2D)                      │ (None, 26, 26, 32)          │             320 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ batch_normalization                  │ (None, 26, 26, 32)          │             128 │
│ (BatchNormalization)                 │                             │                 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ max_pooling2d (MaxPooling2D)         │ (None, 13, 13, 32)          │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ global_average_pooling2d             │ (None, 32)                  │               0 │
│ (GlobalAveragePooling2D)             │                             │                 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense (Dense)                        │ (None, 10)                  │             330 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 778 (3.04 KB)
 Trainable params: 714 (2.79 KB)
 Non-trainable params: 64 (256.00 B)
where do the 64 non-trainable params come from?
""", [778, 64], "28x28x1: conv 320, BN 4*32 = 128 (64 of them moving mean/variance), dense 32*10+10 = 330; total 778, non-trainable 64")

case("keras-summary-no-type-column", "keras", """
conv2d_3 (None, 62, 62, 32) 896
max_pooling2d_3 (None, 31, 31, 32) 0
conv2d_4 (None, 29, 29, 64) 18496
max_pooling2d_4 (None, 14, 14, 64) 0
flatten_2 (None, 12544) 0
dense_4 (None, 128) 1605760
dense_5 (None, 1) 129
what's the total?
""", [1625281], "896 + 18496 + 1605760 + 129 = 1625281 (12544*128+128 = 1605760)")

case("keras2-summary-cut-types", "keras", """
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_1 (Conv2D)            (None, 148, 148, 32)      896
_________________________________________________________________
max_pooling2d_1 (MaxPooling2 (None, 74, 74, 32)        0
_________________________________________________________________
conv2d_2 (Conv2D)            (None, 72, 72, 64)        18496
_________________________________________________________________
max_pooling2d_2 (MaxPooling2 (None, 36, 36, 64)        0
_________________________________________________________________
batch_normalization_1 (Batch (None, 36, 36, 64)        256
_________________________________________________________________
flatten_1 (Flatten)          (None, 82944)             0
_________________________________________________________________
dense_1 (Dense)              (None, 1)                 82945
=================================================================
how many params in total and how many non-trainable?
""", [102593, 128], "896+18496+256+82945 = 102593; BN's moving mean and variance 2*64 = 128 non-trainable")

case("keras-tf2-summary-wrapped-types", "keras", """
 Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 26, 26, 16)        160

 max_pooling2d (MaxPooling2D  (None, 13, 13, 16)       0
 )

 conv2d_1 (Conv2D)           (None, 11, 11, 32)        4640

 max_pooling2d_1 (MaxPooling  (None, 5, 5, 32)         0
 2D)

 flatten (Flatten)           (None, 800)               0

 dense (Dense)               (None, 32)                25632

 dense_1 (Dense)             (None, 10)                330

=================================================================
total params?
""", [30762], "160 + 4640 + 25632 + 330 = 30762 (5*5*32 = 800; 800*32+32 = 25632)")

case("keras-bare-pool-in-list", "keras", """
Conv2D(32, 3, input_shape=(48,48,1)), MaxPooling2D, Conv2D(64, 3), MaxPooling2D, Flatten, Dense(7)
how many params does this have?
""", [63623], "48->46->23->21->10; 320 + 18496 + 10*10*64*7+7 = 320 + 18496 + 44807 = 63623")

case("keras-zeropad-crop", "keras", """
inputs = keras.Input(shape=(64, 64, 3))
x = layers.ZeroPadding2D(padding=(1, 1))(inputs)
x = layers.Conv2D(16, 3, strides=2)(x)
x = layers.Cropping2D(cropping=((1, 1), (1, 1)))(x)
final shape and params?
""", [30, 448], "64+2 = 66; floor((66-3)/2)+1 = 32; crop 1 each side -> 30 -> (None, 30, 30, 16); 3*3*3*16+16 = 448")

case("keras-upsampling", "keras", """
x = Input(shape=(7, 7, 64))
y = UpSampling2D(size=(2, 2))(x)
y = Conv2D(32, 3, padding='same')(y)
y = UpSampling2D()(y)
output shape? params?
""", [28, 18464], "7 -> 14 -> 14 -> 28 -> (None, 28, 28, 32); 3*3*64*32+32 = 18464")

case("keras-dense-reshape-transpose", "keras", """
model = Sequential([
    Input(shape=(100,)),
    Dense(7*7*32),
    Reshape((7, 7, 32)),
    Conv2DTranspose(16, 3, strides=2, padding='same'),
])
model.summary() -> total params?
""", [162992, 14], "Dense 100*1568+1568 = 158368; Reshape (7, 7, 32); Conv2DTranspose same stride 2: 7*2 = 14, 3*3*32*16+16 = 4624; 158368 + 4624 = 162992")

case("keras-permute-dense-3d", "keras", """
inp = Input(shape=(100, 12))
x = Permute((2, 1))(inp)
x = Dense(8)(x)
output shape and params of the Dense?
""", [808, 12], "Permute -> (None, 12, 100); Dense on the last axis: (None, 12, 8); 100*8+8 = 808")

case("keras-gru-input-shape", "keras", """
model.add(GRU(64, input_shape=(None, 16)))
how many params? (tf 2.x)
""", [15744], "Keras GRU, reset_after=True: 3*(64*(16+64) + 2*64) = 3*5248 = 15744")

case("keras-lstm-input-shape", "keras", """
model = Sequential()
model.add(LSTM(128, input_shape=(50, 1)))
model.add(Dense(1))
total params?
""", [66689], "LSTM 4*(128*(1+128)+128) = 66560; Dense 129; 66689")

case("keras-input-none-none-c", "keras", """
inp = Input(shape=(None, None, 3))
x = Conv2D(16, 3, activation='relu')(inp)
x = Conv2D(32, 3, activation='relu')(x)
params? (fully convolutional, any image size)
""", [5088], "channels kept from the input: 3*3*3*16+16 = 448; 3*3*16*32+32 = 4640; 5088")

case("keras-dense-on-3d", "keras", """
inputs = keras.Input(shape=(10, 64))
outputs = layers.Dense(32)(inputs)
what's the output shape and param count?
""", [2080], "Dense acts on the last axis: (None, 10, 32); 64*32+32 = 2080")

case("keras-bn-total-params", "keras", """
model = Sequential([
    Conv2D(32, 3, input_shape=(32, 32, 3)),
    BatchNormalization(),
    Activation('relu'),
    Conv2D(64, 3),
    BatchNormalization(),
    GlobalAveragePooling2D(),
    Dense(10),
])
what will summary() say for Total params and Non-trainable params?
""", [20426, 192], "896 + 4*32 + 18496 + 4*64 + 650 = 20426; non-trainable 2*32 + 2*64 = 192")

case("keras-bare-sequential", "keras", """
model = Sequential([
  Dense(128, activation='relu', input_shape=(784,)),
  Dropout(0.2),
  Dense(10)
])
params?
""", [101770], "784*128+128 = 100480; 128*10+10 = 1290; 101770")

case("keras-depthwise-pointwise", "keras", """
Conv2D(32, 3, strides=2, padding='same', input_shape=(224, 224, 3)),
DepthwiseConv2D(3, padding='same'),
Conv2D(64, 1)
output size and total params?
""", [112, 3328], "same stride 2: ceil(224/2) = 112; 896 + (3*3*32+32 = 320) + (32*64+64 = 2112) = 3328")

case("keras-functional-model", "keras", """
inp = Input(shape=(28, 28, 1))
x = Conv2D(32, (3, 3), activation='relu')(inp)
x = MaxPooling2D((2, 2))(x)
x = Flatten()(x)
out = Dense(10, activation='softmax')(x)
model = Model(inp, out)
total params?
""", [54410], "28->26->13; 320 + 13*13*32*10+10 = 320 + 54090 = 54410")

case("keras-summary-generator-cut-types", "keras", """
dense (Dense)                (None, 12544)             802816
reshape (Reshape)            (None, 7, 7, 256)         0
batch_normalization (BatchNo (None, 7, 7, 256)         1024
conv2d_transpose (Conv2DTran (None, 7, 7, 128)         819200
conv2d_transpose_1 (Conv2DTr (None, 14, 14, 64)        204800
conv2d_transpose_2 (Conv2DTr (None, 28, 28, 1)         1600
generator from a noise vector of 64, no biases. total params?
""", [1829440], "802816 + 1024 + 819200 + 204800 + 1600 = 1829440 (64*12544 = 802816; 5*5*256*128 = 819200; 5*5*128*64 = 204800; 5*5*64*1 = 1600)")

case("keras-summary-question-mark-param", "keras", """
conv2d (Conv2D)              (None, 30, 30, 16)        448
max_pooling2d (MaxPooling2D) (None, 15, 15, 16)        0
flatten (Flatten)            (None, 3600)              0
dense (Dense)                (None, 10)                ?
what number goes where the ? is
""", [36010], "15*15*16 = 3600; 3600*10 + 10 = 36010")


# --- PyTorch layers people use -------------------------------------------------

def _t1():
    m = nn.Sequential(nn.Conv2d(64, 32, 3, padding=1), nn.Upsample(scale_factor=2, mode='nearest'), nn.Conv2d(32, 16, 3, padding=1))
    return [params(m), run(m, (1, 64, 16, 16))[1]]


case("pt-upsample", "layers", """
decoder = nn.Sequential(
    nn.Conv2d(64, 32, 3, padding=1),
    nn.Upsample(scale_factor=2, mode='nearest'),
    nn.Conv2d(32, 16, 3, padding=1),
)
x = torch.randn(1, 64, 16, 16)
params and MACs?
""", [23088, 9437184], "16 -> 16 -> 32 -> 32; params 18464 + 4624 = 23088; MACs 32*256*576 + 16*1024*288 = 9437184", torch_check=_t1)


def _t2():
    m = nn.Sequential(nn.ZeroPad2d(2), nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.ZeroPad2d((0, 1, 0, 1)), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 7 * 7, 10))
    run(m, (1, 1, 28, 28))
    return [params(m)]


case("pt-zeropad2d", "layers", """
net = nn.Sequential(
    nn.ZeroPad2d(2),
    nn.Conv2d(1, 6, 5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.ZeroPad2d((0, 1, 0, 1)),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(6 * 7 * 7, 10),
)
28x28 input, total params?
""", [3106], "28+4 = 32 -> 28 -> 14 -> pad right/bottom 15 -> 7; 6*49 = 294 fits; 156 + 2950 = 3106", torch_check=_t2)


def _t3():
    m = nn.Sequential(nn.Conv2d(64, 3 * 4 ** 2, 3, padding=1), nn.PixelShuffle(4))
    return [params(m), run(m, (1, 64, 32, 32))[0][1]]


case("pt-pixelshuffle", "layers", """
self.up = nn.Sequential(nn.Conv2d(64, 3 * 4 ** 2, 3, padding=1), nn.PixelShuffle(4))
feature map is 64x32x32. params and output size?
""", [27696, 128], "conv 64->48: 64*48*9+48 = 27696; PixelShuffle(4): 48/16 = 3 channels, 32*4 = 128 -> 3x128x128", torch_check=_t3)


def _t4():
    m = nn.Sequential(nn.Linear(100, 128 * 7 * 7), nn.Unflatten(1, (128, 7, 7)), nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1))
    return [params(m), run(m, (1, 100))[0][1]]


case("pt-unflatten", "layers", """
gen = nn.Sequential(
    nn.Linear(100, 128 * 7 * 7),
    nn.Unflatten(1, (128, 7, 7)),
    nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1),
)
z = torch.randn(1, 100). params and output size?
""", [764608, 14], "633472 + 131136 = 764608; (7-1)*2 - 2 + 4 = 14 -> 64x14x14", torch_check=_t4)

case("pt-instancenorm-default", "layers", """
nn.Sequential(nn.Conv2d(3, 64, 7, padding=3), nn.InstanceNorm2d(64), nn.ReLU())
how many learnable params?
""", [9472], "InstanceNorm2d is affine=False by default: 0 params; conv 3*64*49+64 = 9472",
     torch_check=lambda: [params(nn.Sequential(nn.Conv2d(3, 64, 7, padding=3), nn.InstanceNorm2d(64), nn.ReLU()))])

case("pt-instancenorm-affine", "layers", """
nn.Sequential(nn.Conv2d(3, 64, 7, padding=3), nn.InstanceNorm2d(64, affine=True), nn.ReLU())
how many learnable params?
""", [9600], "conv 9472 + InstanceNorm2d affine 2*64 = 128 -> 9600",
     torch_check=lambda: [params(nn.Sequential(nn.Conv2d(3, 64, 7, padding=3), nn.InstanceNorm2d(64, affine=True)))])

case("pt-linear-nd", "layers", """
x = torch.randn(8, 196, 768)
fc = nn.Linear(768, 3072)
y = fc(x)  # shape? params? MACs per sample?
""", [2362368, 3072, 462422016], "(8, 196, 3072); 768*3072+3072 = 2362368; MACs at every position: 196*768*3072 = 462422016",
     torch_check=lambda: [params(nn.Linear(768, 3072)), run(nn.Linear(768, 3072), (8, 196, 768))[0][1], run(nn.Linear(768, 3072), (8, 196, 768))[1]])

case("pt-keras-lstm-both", "layers", """
pytorch: nn.LSTM(input_size=10, hidden_size=32)
keras: LSTM(32, input_shape=(None, 10))
why are the param counts different?
""", [5632, 5504], "PyTorch 4*(32*10 + 32*32 + 32 + 32) = 5632 (two bias vectors); Keras 4*(32*(10+32) + 32) = 5504",
     torch_check=lambda: [params(nn.LSTM(input_size=10, hidden_size=32)), lstm_keras(32, 10)], answers=2)

case("pt-gru-two-layers", "layers", """
self.rnn = nn.GRU(input_size=16, hidden_size=64, num_layers=2, batch_first=True)
params?
""", [40704], "layer 1: 3*(64*16 + 64*64 + 2*64) = 15744; layer 2: 3*(64*64 + 64*64 + 2*64) = 24960; 40704",
     torch_check=lambda: [params(nn.GRU(input_size=16, hidden_size=64, num_layers=2, batch_first=True))])

case("pt-padding-same-string", "layers", """
nn.Conv2d(16, 32, 5, padding='same') on a 50x50 input: output and params
""", [50, 12832], "padding='same' stride 1 keeps 50; 16*32*25+32 = 12832",
     torch_check=lambda: [run(nn.Conv2d(16, 32, 5, padding='same'), (1, 16, 50, 50))[0][1], params(nn.Conv2d(16, 32, 5, padding='same'))])


# --- two models in one message -------------------------------------------------

case("two-pt-vs-keras-conv", "two", """
pytorch: nn.Conv2d(32, 64, 3, stride=2, padding=1)
keras: Conv2D(64, 3, strides=2, padding='same')
both on a 15x15x32 input. same output size and same params?
""", [8, 18496], "PyTorch floor((15+2-3)/2)+1 = 8; Keras same ceil(15/2) = 8; both 3*3*32*64+64 = 18496",
     torch_check=lambda: [run(nn.Conv2d(32, 64, 3, stride=2, padding=1), (1, 32, 15, 15))[0][1], params(nn.Conv2d(32, 64, 3))], answers=2)

case("two-pytorch-models", "two", """
model A: nn.Sequential(nn.Conv2d(3, 32, 3), nn.Conv2d(32, 32, 3))
model B: nn.Sequential(nn.Conv2d(3, 32, 5))
which one has more params?
""", [10144, 2432], "A: 896 + 9248 = 10144; B: 3*32*25+32 = 2432",
     torch_check=lambda: [params(nn.Conv2d(3, 32, 3), nn.Conv2d(32, 32, 3)), params(nn.Conv2d(3, 32, 5))], answers=2)

case("two-dense-vs-linear", "two", """
Dense(10, input_shape=(784,)) in keras vs nn.Linear(784, 10) in pytorch -- same number of params?
""", [7850], "784*10 + 10 = 7850 in both", torch_check=lambda: [params(nn.Linear(784, 10))], answers=2)

case("two-transposed", "two", """
nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1) on 16x16 and keras Conv2DTranspose(32, 4, strides=2, padding='same') on (16, 16, 64): output size and params of each?
""", [32, 32800], "PyTorch (16-1)*2 - 2 + 4 = 32; Keras same: 16*2 = 32; both 64*32*16 + 32 = 32800",
     torch_check=lambda: [run(nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1), (1, 64, 16, 16))[0][1], params(nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1))], answers=2)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    bad = 0
    ids = set()
    for c in CASES:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        if torch is not None and c["torch_check"] is not None:
            with torch.no_grad():
                got = c["torch_check"]()
            if got != c["must_contain"]:
                print(f"{c['id']}: torch says {got}, case says {c['must_contain']}", file=sys.stderr)
                bad += 1
    with open(os.path.join(here, "code.jsonl"), "w") as f:
        for c in CASES:
            f.write(json.dumps(case_row(c), ensure_ascii=False) + "\n")
    checked = sum(1 for c in CASES if c["torch_check"])
    print(f"{len(CASES)} cases, {checked} checked with PyTorch, {bad} disagree")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
