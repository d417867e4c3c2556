package bot

// Help is the short guide to what the bot understands, shown by `help` in
// the console and /help on Discord.
const Help = `Ask me about a CNN layer or a whole network and I'll give the exact numbers with the working.

One layer, in the spec language:
  conv 3x3 32->64 stride 2 pad 1 input 56x56
  deconv 4x4 64->32 stride 2 pad 1 input 16x16
  maxpool 3 stride 2 input 112x112x64
  linear 4096->1000
A network: "input HxWxC", then one layer a line (conv 3x3 64 takes its input channels from the layer before):
  input 32x32x3
  conv 3x3 32 pad 1
  relu
  maxpool 2
  flatten
  linear 10
Options: stride S, pad P|same|valid, dilation D, groups G|depthwise, bias|nobias, outpad OP, ceil; sizes as 3 or 3x3.
Blocks: repeat 3 { ... }, residual { ... } shortcut { ... }, concat { branch { ... } branch { ... } }; "batch 64", "depth 2".
Presets by name: resnet18/34/50/101/152, vgg11/16/16_bn/19, alexnet, lenet5, mobilenet_v2, squeezenet1_0, densenet121, googlenet ("show resnet18" prints one).
Or paste PyTorch/Keras code (nn.Conv2d(3, 64, 7, 2, 3), a model.summary() row), or ask in plain words:
  how many parameters does a conv layer with 64 3x3 filters on a 32x32x3 input have?
  what padding keeps 28x28 with a 5x5 kernel?`
