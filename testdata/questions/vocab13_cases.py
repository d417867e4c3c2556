# vocab13 cases (prose.jsonl, ids vocab13-*): each number checked with torch 1.13.
# Run with /usr/bin/python3; prints the JSON lines appended to prose.jsonl.
import json, torch, torch.nn as nn
def neurons(cin, cout, k, hw):
    # the output volume of a conv that keeps an hw x hw map: its neurons
    m = nn.Conv2d(cin, cout, k, padding='same')
    return m(torch.zeros(1, cin, hw, hw)).numel()
def unshared(cin, cout, k, hw, bias=True):
    # without weight sharing every neuron has its own k*k*cin weights (+1 bias)
    per = nn.Conv2d(cin, 1, k, bias=bias)
    return sum(x.numel() for x in per.parameters()) * neurons(cin, cout, k, hw)
C = []
def add(id, kind, text, head, working, unused=()):
    C.append(dict(id="vocab13-" + id, kind=kind, text=text, must_contain=head, head=head, unused=list(unused), working=working))
# CS231n: a conv without parameter sharing, from its volume of neurons alone
u = unshared(3, 96, 11, 55)
add("unshared-didnt-use-sharing", "layers", "cs231n: alexnet conv1 has 55x55x96 neurons, each looking at 11x11x3 input. if we DIDN'T use parameter sharing how many params would conv1 have (count bias per neuron)?", [u], f"(11*11*3+1) * 55*55*96 = {u} (torch)")
add("unshared-each-with-weights-bias", "layers", "the cs231n thing where alexnet conv1 without weight sharing... 55x55x96 neurons each with 11x11x3 weights + bias, how many params total", [u], f"364 * 290400 = {u} (torch)")
add("unshared-asks-then-brackets", "layers", "cs231n asks: alexnet conv1 without parameter sharing, how many params? (55x55x96 neurons each with 11x11x3 weights and a bias)", [u], f"364 * 290400 = {u} (torch)")
add("unshared-weights-werent-shared", "layers", "conv1 has 55x55x96 = 290,400 neurons, each looking at 11x11x3. parameters if weights weren't shared, bias included?", [u], f"364 * 290400 = {u} (torch)")
u = unshared(96, 256, 5, 27)
add("unshared-connected-region-no-sharing", "layers", "27x27x256 neurons each connected to a 5x5x96 region: params with no weight sharing?", [u], f"(5*5*96+1) * 27*27*256 = {u} (torch)")
u = unshared(256, 384, 3, 13)
add("unshared-did-not-use", "layers", "a conv layer has 13x13x384 neurons, each looking at 3x3x256. how many params if it did not use parameter sharing?", [u], f"(3*3*256+1) * 13*13*384 = {u} (torch)")
u = unshared(3, 12, 5, 32, bias=False)
add("unshared-weights-no-bias", "layers", "each neuron looks at 5x5x3 and there are 32x32x12 neurons. how many weights without parameter sharing, ignoring biases", [u], f"5*5*3 * 32*32*12 = {u} (torch)")
# the neurons of a conv's output volume, said before the words "conv output"
n = neurons(3, 96, 11, 55)
add("neurons-size-conv-output", "layers", "how many neurons in a 55x55x96 conv output, like total", [n], f"55*55*96 = {n} (torch)")
n = neurons(3, 12, 5, 32)
add("neurons-does-conv-output-have", "layers", "how many neurons does a 32x32x12 conv output have", [n], f"32*32*12 = {n} (torch)")
n = neurons(1, 6, 5, 28)
add("activations-in-conv-output", "layers", "how many activations in a 28x28x6 conv output", [n], f"28*28*6 = {n} (torch)")
b = neurons(3, 96, 11, 55) * torch.zeros(1, dtype=torch.float32).element_size()
add("bytes-size-conv-output", "layers", "memory of a 55x55x96 conv output in float32, in bytes", [b], f"55*55*96*4 = {b} (torch)")
# what one neuron reads, asked as "each neuron connects to how many weights"
def per_neuron(cin, k, bias=False):
    return sum(x.numel() for x in nn.Conv2d(cin, 1, k, bias=bias).parameters())
w = per_neuron(12, 5)
add("connects-to-how-many-weights", "layers", "input 32x32x12, conv w/ 5x5 filters. each neuron connects to how many weights (not counting bias)?", [w], f"5*5*12 = {w} (torch)")
add("connects-to-how-many-with-filters", "layers", "input 32x32x12, conv with 10 5x5 filters. each neuron connects to how many weights?", [w], f"5*5*12 = {w} (torch)")
w = per_neuron(32, 3)
add("is-connected-to-how-many-inputs", "layers", "conv 3x3 on a 64x64x32 input: one output unit is connected to how many inputs, bias included?", [w + 1], f"3*3*32 + 1 = {w + 1} (torch)")
for c in C:
    print(json.dumps(c))
