package picture

// examples are the questions the issue asks pictures for.
var examples = []struct{ name, question string }{
	{"seed", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"},
	{"depthwise", "conv 3x3 32->32 depthwise pad 1 input 28x28"},
	{"conv1d", "conv1d 5 16->32 stride 2 input 100"},
	{"deconv", "deconv 4x4 64->32 stride 2 pad 1 input 14x14"},
	{"pool", "maxpool 2 input 28x28x16"},
	{"stacked", "three stacked 3x3 convs"},
	{"lenet5", "lenet5"},
	{"resnet18", "resnet18"},
}
