package paste

import (
	"os"
	"testing"
)

func ptTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Pastes as people write them. Numbers are worked by hand (formulas.md) in
// the comments or come from testdata/models.json (PyTorch's own counts).
func TestPyTorchPastes(t *testing.T) {
	ptRun(t, ParsePyTorch, []ptCase{
		// models.json alexnet: params 61,100,840, conv_linear_macs 714,188,480;
		// the Linear after AdaptiveAvgPool2d gets the flatten forward does.
		{name: "alexnet repr", src: ptTestdata(t, "pytorch/alexnet_repr.txt"), params: 61100840, macs: 714188480, output: []int{1000},
			input: []int{3, 224, 224}, note: "flattened to 9216"},
		// conv1 3·6·25+6 = 456, conv2 6·16·25+16 = 2,416, fc1 400·120+120 = 48,120,
		// fc2 120·84+84 = 10,164, fc3 84·10+10 = 850: 62,006. No input size given.
		{name: "lenet class no input", src: ptTestdata(t, "pytorch/lenet_class.txt")[60:], params: 62006, network: &no,
			kinds: "conv2d,relu,maxpool,conv2d,relu,maxpool,flatten,linear,relu,linear,relu,linear"},
		// The same with CIFAR's 3x32x32: 32→28→14→10→5, 16·5·5 = 400.
		{name: "lenet class cifar", src: ptTestdata(t, "pytorch/lenet_class.txt") + "\nfor CIFAR images", params: 62006, network: &yes,
			output: []int{10}, input: []int{3, 32, 32}},
		// PyTorch's MNIST example: 28→26→24→12, 64·12·12 = 9,216;
		// 320 + 18,496 + 1,179,776 + 1,290 = 1,199,882.
		{name: "mnist example forward", src: ptTestdata(t, "pytorch/mnist_example.txt"), params: 1199882, input: []int{1, 28, 28}, output: []int{10},
			kinds: "conv2d,relu,conv2d,relu,maxpool,dropout,flatten,linear,relu,dropout,linear,logsoftmax"},
		// resnet's stem: 3·64·49 = 9,408 + bn 128; 224 → 112 → 56.
		{name: "resnet stem repr", src: "(conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)\n(bn1): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n(relu): ReLU(inplace=True)\n(maxpool): MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)\ninput 3x224x224",
			params: 9536, output: []int{64, 56, 56}},
		// 1·20·25+20 = 520; 20·64·25+64 = 32,064; 28→24→20.
		{name: "ordereddict", src: "model = nn.Sequential(OrderedDict([\n    ('conv1', nn.Conv2d(1,20,5)),\n    ('relu1', nn.ReLU()),\n    ('conv2', nn.Conv2d(20,64,5)),\n    ('relu2', nn.ReLU())\n]))\ninput 1x28x28",
			params: 32584, output: []int{64, 20, 20}},
		// Per direction 4·128·(300+128) + 8·128 = 220,160; two directions.
		{name: "bilstm", src: "self.lstm = nn.LSTM(300, 128, batch_first=True, bidirectional=True)", params: 440320},
		// nn.RNN docs: layer 1 20·(10+20)+2·20 = 640, layer 2 20·(20+20)+40 = 840;
		// input (L=5, N=3, 10) → [10, 5] → [20, 5].
		{name: "rnn docs", src: "rnn = nn.RNN(10, 20, 2)\ninput = torch.randn(5, 3, 10)\nh0 = torch.randn(2, 3, 20)\noutput, hn = rnn(input, h0)", params: 1480, output: []int{20, 5}},
		// LayerNorm docs: over the last two dims 2·10·10 = 200.
		{name: "layernorm docs", src: "input = torch.randn(20, 5, 10, 10)\nlayer_norm = nn.LayerNorm([10, 10])\noutput = layer_norm(input)", params: 200, output: []int{5, 10, 10}},
		// GroupNorm docs: 2·6 = 12, whatever the groups.
		{name: "groupnorm docs", src: "input = torch.randn(20, 6, 10, 10)\nm = nn.GroupNorm(3, 6)\noutput = m(input)", params: 12, output: []int{6, 10, 10}},
		// padding='same' at stride 1 keeps 32; 3·64·9+64 = 1,792.
		{name: "padding same", src: "conv = torch.nn.Conv2d(3, 64, kernel_size=3, padding='same')\nx = torch.randn(1, 3, 32, 32)", params: 1792, output: []int{64, 32, 32}},
		// floor((56+2-3)/2)+1 = 28; 64·128·9 = 73,728, no bias.
		{name: "no bias strided", src: "nn.Conv2d(64, 128, 3, stride=2, padding=1, bias=False) input 64x56x56", params: 73728, output: []int{128, 28, 28}},
		// 16·3·27+16 = 1,312; 16→14, 112→110.
		{name: "conv3d", src: "torch.nn.Conv3d(3, 16, 3)(torch.randn(1, 3, 16, 112, 112)).shape", params: 1312, output: []int{16, 14, 110, 110}},
		// depthwise: 32·1·9+32 = 320.
		{name: "depthwise groups", src: "nn.Conv2d(32, 32, 3, padding=1, groups=32)", params: 320},
		// formulas.md: MaxPool2d(3, 2) on 112 → 55, 56 with ceil.
		{name: "maxpool ceil", src: "nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True) on input 64x112x112", params: 0, output: []int{64, 56, 56}},
		{name: "maxpool floor", src: "nn.MaxPool2d(3, 2) input = torch.randn(1, 64, 112, 112)", params: 0, output: []int{64, 55, 55}},
		// 512·10+10 = 5,130 after global pooling.
		{name: "adaptive then linear", src: "head = nn.Sequential(nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(512, 10))\nx = torch.randn(8, 512, 7, 7)", params: 5130, output: []int{10}},
		// 5000·100 + (4·128·228 + 8·128) + 128·2+2 = 618,018.
		{name: "embedding lstm", src: "self.embedding = nn.Embedding(5000, 100)\nself.lstm = nn.LSTM(100, 128, batch_first=True)\nself.fc = nn.Linear(128, 2)", params: 618018, network: &no},
		// in_ch and num_classes come from the paste: 3·16·9+16 = 448; 16·30·30 = 14,400 → 144,010.
		{name: "variables", src: "in_ch = 3\nnum_classes = 10\nself.conv = nn.Conv2d(in_ch, 16, 3)\nself.fc = nn.Linear(16 * 30 * 30, num_classes)\ninput 32x32", params: 144458, output: []int{10}},
		{name: "linear batch", src: "fc = nn.Linear(in_features=784, out_features=10)\nx = torch.randn(64, 784)\nprint(fc(x).shape)", params: 7850, output: []int{10}, input: []int{784}},
		// torchsummary's input size has no batch: 1·8·9+8 = 80; 8·26·26·10+10 = 54,090.
		{name: "torchsummary", src: "model = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8*26*26, 10))\nsummary(model, (1, 28, 28))", params: 54170, output: []int{10}},
		// (8−1)·2 − 2 + 3 + 1 = 16; 16·8·9+8 = 1,160.
		{name: "output padding", src: "up = nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1, output_padding=1)  # on 8x8 maps", params: 1160, output: []int{8, 16, 16}},
		// LazyLinear takes its inputs from the flatten: 784·10+10.
		{name: "lazy linear", src: "nn.Sequential(nn.Flatten(), nn.LazyLinear(10))\ninput 1x28x28", params: 7850, output: []int{10}},
		// An unbatched tensor is (C, H, W).
		{name: "unbatched", src: "conv = nn.Conv2d(3, 8, 3)\nout = conv(torch.rand(3, 32, 32))", params: 224, output: []int{8, 30, 30}, note: "unbatched"},
		// 224x224 RGB: 3·9·64·224·224 = 86,704,128 MACs.
		{name: "words input", src: "torch.nn.Conv2d(in_channels=3, out_channels=64, kernel_size=(3,3), stride=(1,1), padding=(1,1)) on a 224x224 RGB image, how many MACs?",
			params: 1792, output: []int{64, 224, 224}, macs: 86704128},
		{name: "numel print", src: "conv = nn.Conv2d(3, 6, 5)\nprint(sum(p.numel() for p in conv.parameters() if p.requires_grad))", params: 456},
		// Per direction layer 1: 3·32·(64+32)+6·32 = 9,408; layer 2 reads 64: the same. ×2 ×2.
		{name: "bigru", src: "nn.GRU(input_size=64, hidden_size=32, num_layers=2, bidirectional=True)", params: 37632},
		// bias=False on an LSTM: 4·20·(10+20) = 2,400.
		{name: "lstm nobias", src: "nn.LSTM(10, 20, bias=False)", params: 2400},
		// BatchNorm1d after Linear in an MLP: 784·256+256 + 512 + 2,570.
		{name: "mlp bn1d", src: "model = torch.nn.Sequential(\n  torch.nn.Linear(784, 256),\n  torch.nn.BatchNorm1d(256),\n  torch.nn.ReLU(),\n  torch.nn.Dropout(p=0.2),\n  torch.nn.Linear(256, 10),\n)\nx = torch.randn(32, 784)", params: 200960 + 512 + 2570, output: []int{10}},
		// Without the nn. prefix, after `from torch.nn import *`.
		{name: "no prefix", src: "from torch.nn import Conv2d, MaxPool2d\nlayer = Conv2d(16, 32, kernel_size=5, stride=1, padding=2)\npool = MaxPool2d(2)\n# input is 16x64x64", params: 12832, output: []int{32, 32, 32}},
		// 3x224x224 written CxHxW and the layer takes 3: no ambiguity.
		{name: "chw words", src: "nn.Conv2d(3, 32, 3, stride=2) what is the output for a 3x224x224 input", params: 896, output: []int{32, 111, 111}},
		// 224x224x3 written HxWxC: the layer's 3 channels settle it.
		{name: "hwc words", src: "nn.Conv2d(3, 32, 3, stride=2) input 224x224x3", params: 896, output: []int{32, 111, 111}, note: "H×W×C"},
		// An embedding looks up a sequence: [300, 50].
		{name: "embedding seq", src: "emb = nn.Embedding(10000, 300)\ntokens = torch.randint(0, 10000, (1, 50))", params: 3000000, output: []int{300, 50}},
		// A shape written as a tuple in the question: (1, 3, 224, 224) is N×C×H×W.
		{name: "tuple words", src: "what's the output of nn.Conv2d(3, 16, 3, stride=2, padding=1) for an input of shape (1, 3, 224, 224)?", params: 448, output: []int{16, 112, 112}},
		// A container assigned in __init__ and used in forward; view(-1, N) flattens.
		// 1·16·25+16 = 416; 28→24→12; 16·12·12 = 2,304 → 2,304·10+10 = 23,050.
		{name: "container in forward", src: "class CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.layer1 = nn.Sequential(\n            nn.Conv2d(1, 16, kernel_size=5),\n            nn.ReLU(),\n            nn.MaxPool2d(kernel_size=2, stride=2))\n        self.fc = nn.Linear(16 * 12 * 12, 10)\n    def forward(self, x):\n        out = self.layer1(x)\n        out = out.view(-1, 16 * 12 * 12)\n        return self.fc(out)\n# x: (batch, 1, 28, 28), MNIST",
			params: 23466, output: []int{10}, kinds: "conv2d,relu,maxpool,flatten,linear"},
		// A residual block: read as a chain, with a note. 64·64·9·2 + bn 128·2.
		{name: "residual note", src: "class Block(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv1 = nn.Conv2d(64, 64, 3, padding=1, bias=False)\n        self.bn1 = nn.BatchNorm2d(64)\n        self.conv2 = nn.Conv2d(64, 64, 3, padding=1, bias=False)\n        self.bn2 = nn.BatchNorm2d(64)\n    def forward(self, x):\n        out = F.relu(self.bn1(self.conv1(x)))\n        out = self.bn2(self.conv2(out))\n        out += x\n        return F.relu(out)\ninput 64x56x56",
			params: 73984, output: []int{64, 56, 56}, note: "residual block"},
		// PyTorch's basic MNIST example (F.max_pool2d in forward): 21,840.
		{name: "mnist basic", src: "self.conv1 = nn.Conv2d(in_channels=1, out_channels=10, kernel_size=5)\nself.conv2 = nn.Conv2d(10, 20, kernel_size=5)\nself.conv2_drop = nn.Dropout2d()\nself.fc1 = nn.Linear(320, 50)\nself.fc2 = nn.Linear(50, 10)\n\ndef forward(self, x):\n    x = F.relu(F.max_pool2d(self.conv1(x), 2))\n    x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))\n    x = x.view(-1, 320)\n    x = F.relu(self.fc1(x))\n    x = F.dropout(x, training=self.training)\n    x = self.fc2(x)\n    return F.log_softmax(x)\nMNIST 28x28",
			params: 21840, output: []int{10}},
		// Conv3d docs: 16·33·30+33; D floor((10+8−3)/2)+1 = 8, H 50, W 99.
		{name: "conv3d docs", src: "m = nn.Conv3d(16, 33, (3, 5, 2), stride=(2, 1, 1), padding=(4, 2, 0))\ninput = torch.randn(20, 16, 10, 50, 100)", params: 15873, output: []int{33, 8, 50, 99}},
		// AvgPool2d docs: (50−3)/2+1 = 24, (32−3)/2+1 = 15.
		{name: "avgpool docs", src: "m = nn.AvgPool2d(3, stride=2)\ninput = torch.randn(20, 16, 50, 32)", params: 0, output: []int{16, 24, 15}},
		{name: "maxpool1d docs", src: "m = nn.MaxPool1d(3, stride=2)\ninput = torch.randn(20, 16, 50)", params: 0, output: []int{16, 24}},
		// BERT's embedding table and layer norm: 30,522·768 + 2·768.
		{name: "bert embedding", src: "nn.Embedding(num_embeddings=30522, embedding_dim=768, padding_idx=0)\nnn.LayerNorm(768, eps=1e-12)", params: 23442432},
		// A variable defined after its use.
		{name: "late variable", src: "encoder = nn.LSTM(input_size=embed_dim, hidden_size=512, batch_first=True)\nembed_dim = 256", params: 1576960},
		// Conv1d with a sequence length in words.
		{name: "conv1d words", src: "nn.Conv1d(64, 128, kernel_size=3, padding=1) applied to sequences of length 200", params: 24704, output: []int{128, 200}},
	})
}

func TestKerasPastes(t *testing.T) {
	ptRun(t, ParseKeras, []ptCase{
		// Keras's MNIST convnet example: total 34,826.
		{name: "mnist convnet", src: "num_classes = 10\nmodel = keras.Sequential(\n    [\n        keras.Input(shape=(28, 28, 1)),\n        layers.Conv2D(32, kernel_size=(3, 3), activation=\"relu\"),\n        layers.MaxPooling2D(pool_size=(2, 2)),\n        layers.Conv2D(64, kernel_size=(3, 3), activation=\"relu\"),\n        layers.MaxPooling2D(pool_size=(2, 2)),\n        layers.Flatten(),\n        layers.Dropout(0.5),\n        layers.Dense(num_classes, activation=\"softmax\"),\n    ]\n)\nmodel.summary()",
			params: 34826, output: []int{10}, input: []int{1, 28, 28}},
		// 896 + batch norm 64 (+64 moving statistics) + 16·16·32·10+10 = 81,930.
		{name: "model.add with bn", src: "model = Sequential()\nmodel.add(Conv2D(32, (3, 3), padding='same', input_shape=(32, 32, 3)))\nmodel.add(BatchNormalization())\nmodel.add(Activation('relu'))\nmodel.add(MaxPooling2D(pool_size=(2, 2)))\nmodel.add(Flatten())\nmodel.add(Dense(10, activation='softmax'))",
			params: 82890, output: []int{10}, note: "4·C", extra: func(t *testing.T, r ptResult) {
				if r.params+r.buffers != 82954 {
					t.Errorf("Keras total = %d, want 82,954", r.params+r.buffers)
				}
			}},
		// The functional API guide: 55,050.
		{name: "functional", src: "inputs = keras.Input(shape=(784,))\nx = layers.Dense(64, activation=\"relu\")(inputs)\nx = layers.Dense(64, activation=\"relu\")(x)\noutputs = layers.Dense(10)(x)\nmodel = keras.Model(inputs=inputs, outputs=outputs, name=\"mnist_model\")",
			params: 55050, output: []int{10}},
		// 896 = 32·(3·3·3 + 1): 3×3 on 3 channels, input 32x32.
		{name: "summary row", src: "conv2d (Conv2D)  (None, 30, 30, 32)  896\nwhy is this 896?", params: 896, output: []int{32, 30, 30}, input: []int{3, 32, 32}, note: "3×3 on 3"},
		{name: "summary tf2", src: ptTestdata(t, "keras/summary_tf2.txt"), params: 34826, output: []int{10},
			kinds: "conv2d,maxpool,conv2d,maxpool,flatten,dropout,linear"},
		// Keras 3: 1,792 + 128 (+128) + 163,850 = 165,770 trainable.
		{name: "summary keras3", src: ptTestdata(t, "keras/summary_keras3.txt"), params: 165770, output: []int{10},
			kinds: "conv2d,batchnorm,maxpool,flatten,linear"},
		// 1,280,000 + 2·(4·64·(128+64) + 4·64) + 129 = 1,378,945.
		{name: "bilstm imdb", src: "model = Sequential()\nmodel.add(Embedding(10000, 128, input_length=200))\nmodel.add(Bidirectional(LSTM(64)))\nmodel.add(Dense(1, activation='sigmoid'))",
			params: 1378945, output: []int{1}, input: []int{200}},
		// reset_after=True: 3·32·(8+32) + 6·32 = 4,032.
		{name: "gru", src: "model.add(GRU(32, input_shape=(10, 8)))", params: 4032, output: []int{32}, note: "reset_after"},
		{name: "gru reset_after false", src: "GRU(32, reset_after=False, input_shape=(10, 8))", params: 3936},
		// 50·(1+50)+50 = 2,600.
		{name: "simplernn", src: "SimpleRNN(50, input_shape=(100, 1))", params: 2600},
		// 32·9 + 32·64 + 64 = 2,400; valid: 30.
		{name: "separable", src: "layers.SeparableConv2D(64, 3, input_shape=(32, 32, 32))", params: 2400, output: []int{64, 30, 30}},
		// 32·9 + 32 = 320, same keeps 56.
		{name: "depthwise", src: "DepthwiseConv2D((3, 3), padding='same', input_shape=(56, 56, 32))", params: 320, output: []int{32, 56, 56}},
		// same: 14·2 = 28; 64·32·9+32 = 18,464.
		{name: "transpose same", src: "x = layers.Conv2DTranspose(32, 3, strides=2, padding='same')(x)  # x is (None, 14, 14, 64)\ninputs = keras.Input(shape=(14, 14, 64))", params: 18464, output: []int{32, 28, 28}},
		// valid: 8·2 + max(2−2, 0) = 16; 32·16·4+16 = 2,064.
		{name: "transpose valid", src: "Conv2DTranspose(16, (2,2), strides=(2,2), input_shape=(8,8,32))", params: 2064, output: []int{16, 16, 16}},
		// kernel 1 < stride 2: Keras gives 8·2 = 16, PyTorch's formula 15 + output_padding 1.
		{name: "transpose small kernel", src: "Conv2DTranspose(4, 1, strides=2, input_shape=(8, 8, 4))", params: 20, output: []int{4, 16, 16}, note: "output_padding"},
		// (100, 16) is (steps, channels): 16·64·3+64 = 3,136; 98.
		{name: "conv1d", src: "model.add(Conv1D(64, 3, activation='relu', input_shape=(100, 16)))", params: 3136, output: []int{64, 98}},
		// 15 → 13 → same pooling ceil(13/2) = 7.
		{name: "pool same", src: "model.add(Conv2D(8, 3, input_shape=(15, 15, 1)))\nmodel.add(MaxPooling2D(2, padding='same'))", params: 80, output: []int{8, 7, 7}},
		// 3·16·9+16 = 448; GAP → 16 → 170.
		{name: "gap dense", src: "model = tf.keras.Sequential([\n  tf.keras.layers.Conv2D(16, 3, padding='same', activation='relu', input_shape=(32, 32, 3)),\n  tf.keras.layers.GlobalAveragePooling2D(),\n  tf.keras.layers.Dense(10)\n])", params: 618, output: []int{10}},
		{name: "tf prefix dense", src: "tf.keras.layers.Dense(128, activation='relu', input_shape=(784,))", params: 100480, output: []int{128}},
		// machinelearningmastery's Pima model: 8·12+12, 12·8+8, 8+1 = 221.
		{name: "input_dim", src: "model = Sequential()\nmodel.add(Dense(12, input_dim=8, activation='relu'))\nmodel.add(Dense(8, activation='relu'))\nmodel.add(Dense(1, activation='sigmoid'))", params: 221, output: []int{1}},
		// 10·64+64 = 704 and a layer norm over 64: 128.
		{name: "layernorm", src: "Dense(64, input_shape=(10,))\nLayerNormalization()", params: 832},
		// channels_first input (3, 32, 32) stays as written.
		{name: "channels first", src: "Conv2D(16, (3, 3), data_format='channels_first', input_shape=(3, 32, 32))", params: 448, output: []int{16, 30, 30}},
		// A single Keras layer with words: 32x32 RGB, valid → 30.
		{name: "words rgb", src: "Conv2D(filters=32, kernel_size=3) on a 32x32 RGB image: output shape?", params: 896, output: []int{32, 30, 30}},
		// TensorFlow's beginner tutorial: 784·128+128 + 1,290 = 101,770.
		{name: "tf beginner", src: "model = tf.keras.models.Sequential([\n  tf.keras.layers.Flatten(input_shape=(28, 28)),\n  tf.keras.layers.Dense(128, activation='relu'),\n  tf.keras.layers.Dropout(0.2),\n  tf.keras.layers.Dense(10)\n])", params: 101770, output: []int{10}},
		// Stacked LSTMs with variables: 4·128·(16+128)+4·128, 4·64·(128+64)+4·64, 650.
		{name: "stacked lstm", src: "model.add(LSTM(128, return_sequences=True, input_shape=(timesteps, data_dim)))\nmodel.add(LSTM(64))\nmodel.add(Dense(10, activation='softmax'))\ntimesteps = 8\ndata_dim = 16", params: 124298, output: []int{10}},
		// A text model's summary: 10,000·128; 4·64·(128+64) + 4·64; 64+1.
		{name: "summary lstm", src: "embedding (Embedding)       (None, 200, 128)          1280000\nlstm (LSTM)                 (None, 64)                49408\ndense (Dense)               (None, 1)                 65\nwhy does the LSTM have 49408 params?",
			params: 1329473, output: []int{1}, input: []int{200}, kinds: "embedding,lstm,linear"},
		// Rows from the middle of a summary: flatten first, then Dense 3136·10+10.
		{name: "summary middle", src: "flatten (Flatten)   (None, 3136)   0\ndense (Dense)   (None, 10)   31370", params: 31370, output: []int{10}},
		// A lone GRU row: 3·32·(8+32) + 6·32 = 4,032 → 8 input features.
		{name: "summary gru", src: "gru (GRU)  (None, 32)  4032", params: 4032, note: "on 8 input features"},
		// A Keras shape with its None batch, in the question.
		{name: "none tuple words", src: "model.add(Conv2D(16, (5, 5), activation='relu'))\nmy input is (None, 64, 64, 3), what is the output shape", params: 1216, output: []int{16, 60, 60}},
		// Keras channels-last: 64x64x3 is HxWxC. Stride 2 same: 32.
		{name: "words hwc", src: "Conv2D(32, 3, strides=2, padding='same') with input 64x64x3", params: 896, output: []int{32, 32, 32}},
	})
}

func readTestdata(name string) (string, error) {
	b, err := os.ReadFile("testdata/" + name)
	return string(b), err
}
