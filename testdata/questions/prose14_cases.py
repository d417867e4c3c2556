# prose14 cases (prose.jsonl, ids prose14-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
torch.manual_seed(0)
def params(m):
    return sum(x.numel() for x in m.parameters())
def rf(layers, size=400):
    """receptive field of the centre output unit, by the gradient's extent on the input (torch)."""
    # a max pool routes the gradient to one input only: its window is an average pool's
    net = nn.Sequential(*[nn.AvgPool2d(m.kernel_size, m.stride) if isinstance(m, nn.MaxPool2d) else m for m in layers])
    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.constant_(m.weight, 1.0)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    x = torch.ones(1, 1, size, size, requires_grad=True)
    y = net(x)
    h = y.shape[-1] // 2
    y[0, 0, h, h].backward()
    cols = (x.grad[0, 0].abs().sum(0) > 0).nonzero()
    return int(cols.max() - cols.min() + 1)
def macs(layers, c, h, w):
    """MACs of the convs and linears of a sequential, bias excluded (fvcore's convention), by hooks."""
    total = [0]
    def hook(m, i, o):
        if isinstance(m, nn.Conv2d):
            total[0] += o.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
    net = nn.Sequential(*layers)
    for m in net.modules():
        m.register_forward_hook(hook)
    net(torch.zeros(1, c, h, w))
    return total[0]
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="prose14-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
def c3(i=1, o=1, k=3, s=1, p=0):
    return nn.Conv2d(i, o, k, s, p)
def mp(k=2, s=None):
    return nn.MaxPool2d(k, s)

# "a 3 layer stack of 3x3 convs": the count before "layer stack" repeats the conv
r = rf([c3(), c3(), c3()]); add("stack-3-layer-rf", "layers", "rf of a 3 layer stack of 3x3 convs", [r], f"torch grad extent: {r} (1+3*2)")
r = rf([c3(), c3(), c3()]); add("stack-3-layer-hyphen-rf", "layers", "what is the receptive field of a 3-layer stack of 3x3 conv layers, stride 1?", [r], f"torch grad extent: {r}")
r = rf([c3(k=5), c3(k=5), c3(k=5), c3(k=5)]); add("stack-four-layer-5x5-rf", "layers", "receptive field of a four layer stack of 5x5 convs", [r], f"torch grad extent: {r} (1+4*4)")
p = params(nn.Sequential(*[nn.Conv2d(64, 64, 3) for _ in range(3)])); add("stack-3-layer-params", "layers", "params of a 3 layer stack of 3x3 convs, 64 filters each, on 32x32x64", [p], f"3*(3*3*64*64+64) = {p} (torch)")

# a depthwise separable pair with its settings said after both: the pad is the depthwise conv's
def dwsep(c, o, hw, s=1):
    return [nn.Conv2d(c, c, 3, s, 1, groups=c, bias=False), nn.Conv2d(c, o, 1, bias=False)]
m = macs(dwsep(32, 64, 112), 32, 112, 112); add("dw-then-pw-pad-after", "layers", "depthwise 3x3 on 112x112x32 then pointwise 32 -> 64, stride 1 pad 1. total MACs no bias", [m], f"dw 112*112*32*9 + pw 112*112*64*32 = {m} (torch hooks)")
m = macs(dwsep(32, 64, 112), 32, 112, 112); add("dw-followed-by-1x1-padding-after", "layers", "MACs of a 3x3 depthwise conv followed by a 1x1 conv 32->64 on a 112x112x32 input, padding 1, no bias", [m], f"{m} (torch hooks)")
m = macs(dwsep(32, 64, 56, s=2), 32, 56, 56); add("dw-then-pw-stride-2-after", "layers", "3x3 depthwise conv then 1x1 pointwise conv to 64 channels on a 56x56x32 input, stride 2, padding 1. MACs", [m], f"dw 28*28*32*9 + pw 28*28*64*32 = {m} (torch hooks)")

# a numbered name after "up to" / "through" ends the list: no layer of its own
vgg = [c3(), c3(), mp(2, 2), c3(), c3(), mp(2, 2), c3(), c3(), c3(), mp(2, 2)]
r = rf(vgg)
add("vgg-up-to-pool3-fenced", "layers", "receptive field question, vgg16 up to pool3:\n```\nconv3-64 conv3-64 pool2\nconv3-128 conv3-128 pool2\nconv3-256 conv3-256 conv3-256 pool2\n```\nall convs stride 1, pools 2x2 stride 2. RF at pool3 output?", [r], f"torch grad extent: {r} (Distill: 1+2+2+1*2+2*2+2*2+1*4+4*2+4*2+4*2+1*8)")
add("vgg-up-to-pool3-one-line", "layers", "vgg16 up to pool3: conv3-64 conv3-64 pool2 conv3-128 conv3-128 pool2 conv3-256 conv3-256 conv3-256 pool2, all convs stride 1, pools 2x2 stride 2. RF at pool3 output?", [r], f"torch grad extent: {r} (Distill: 1+2+2+1*2+2*2+2*2+1*4+4*2+4*2+4*2+1*8)")
add("vgg-through-pool3-unit", "layers", "vgg16 through pool3 is conv3-64 conv3-64 pool2 conv3-128 conv3-128 pool2 conv3-256 conv3-256 conv3-256 pool2 (pools 2x2 stride 2). receptive field of a pool3 unit?", [r], f"torch grad extent: {r} (Distill: 1+2+2+1*2+2*2+2*2+1*4+4*2+4*2+4*2+1*8)")

# a dataset named without a size whose images do not fit the layers as said: read without an input
def blitz(pools=True):
    ls = [nn.Conv2d(3, 6, 5)] + ([nn.MaxPool2d(2, 2)] if pools else []) + [nn.Conv2d(6, 16, 5)] + ([nn.MaxPool2d(2, 2)] if pools else [])
    return ls + [nn.Flatten(), nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)]
p = params(nn.Sequential(*blitz()))
assert nn.Sequential(*blitz())(torch.zeros(1, 3, 32, 32)).shape == (1, 10)
add("blitz-cifar-net-pools-left-out", "layers", "total number of params in the classic pytorch 60 minute blitz cifar net: conv1 3->6 5x5, conv2 6->16 5x5, fc1 400->120, fc2 120->84, fc3 84->10, all with bias", [p], f"456+2416+48120+10164+850 = {p} (torch)", ["60"])
add("blitz-cifar10-tutorial-net-no-pools", "layers", "how many learnable parameters does the cifar10 tutorial net have? conv 3->6 5x5, conv 6->16 5x5, fc 400->120, fc 120->84, fc 84->10", [p], f"{p} (torch)")
add("blitz-cifar-net-with-pools", "layers", "params of the pytorch tutorial cifar10 net: conv 3->6 5x5, pool 2x2, conv 6->16 5x5, pool 2x2, fc 400->120, fc 120->84, fc 84->10", [p], f"{p} (torch; 32->28->14->10->5, 16*5*5 = 400)")

# Kim's text CNN: widths side by side on the same word vectors (1-D convs, embedding width = channels)
kim = sum(params(nn.Conv1d(300, 100, k)) for k in (3, 4, 5))
add("kim-three-conv1d-widths", "layers", "Kim 2014 text cnn: embedding dim 300, three Conv1d layers with kernel sizes 3, 4 and 5, 100 filters each, with bias. total params of the three convs?", [kim], f"100*300*(3+4+5)+300 = {kim} (torch)", ["2014"])
add("kim-widths-feature-maps-300d", "layers", "text cnn with filter widths 3, 4, 5 and 100 feature maps each over 300-d embeddings: params of the convs?", [kim], f"{kim} (torch)")
m = nn.Conv1d(300, 100, 3); o = m(torch.zeros(1, 300, 50)).shape[-1]
add("kim-padded-to-50-tokens", "layers", "cnn for text classification (kim 2014 style): sentences padded to 50 tokens, 300-d word vectors as channels, Conv1d with 100 filters of width 3, no padding. how many parameters in this conv and whats the output length per filter", [params(m), o], f"300*100*3+100 = {params(m)}; torch length {o}", ["2014"])
m = nn.Conv1d(128, 64, 4); o = m(torch.zeros(1, 128, 40)).shape[-1]
add("text-cnn-sentences-truncated-to", "layers", "text cnn: sentences truncated to 40 words, 128-dim embeddings, a conv1d with 64 filters of width 4. params and output length?", [params(m), o], f"128*64*4+64 = {params(m)}; torch length {o}")

for c in C:
    print(json.dumps(c))
