package paste

import (
	"testing"
)

func TestKerasPhrasings(t *testing.T) {
	ptRun(t, ParseKeras, []ptCase{
		// ceil(128/2) = 64; 5·5·3·64 + 64 = 4,864.
		{name: "keras-same-stride", src: "Conv2D(64, (5,5), strides=2, padding='same', input_shape=(128,128,3)) output shape and params?",
			params: 4864, output: []int{64, 64, 64}, input: []int{3, 128, 128}},
		// 4·64·(32+64) + 4·64 = 24,832.
		{name: "lstm-keras", src: "keras LSTM(64, input_shape=(None, 32)) number of parameters", params: 24832},
		// 2·256 learnable + 2·256 moving statistics = 1,024 in Keras's total.
		{name: "bn-keras", src: "Keras BatchNormalization() on a 256-channel feature map shows how many params in model.summary()?", params: 512,
			note: "4·C", extra: func(t *testing.T, r ptResult) {
				if r.params+r.buffers != 1024 {
					t.Errorf("params+buffers = %d, want 1024", r.params+r.buffers)
				}
			}},
		// 7·7·64 = 3136 flattened; 3136·10 + 10 = 31,370.
		{name: "dense-after-flatten", src: "how many trainable params in Dense(10) after flattening a 7x7x64 tensor?", params: 31370, output: []int{10},
			kinds: "flatten,linear"},
	})
}

func TestLooksLike(t *testing.T) {
	for _, c := range []struct {
		src       string
		pt, keras bool
	}{
		{"nn.Conv2d(3, 64, 3)", true, false},
		{"Conv2d(64, 128, 3, groups=4) parameter count", true, false},
		{"GRU(input_size=50, hidden_size=100) in pytorch: params?", true, false},
		{"(conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)", true, false},
		{"Conv2D(64, (5,5), strides=2, padding='same', input_shape=(128,128,3))", false, true},
		{"keras LSTM(64, input_shape=(None, 32)) number of parameters", false, true},
		{"how many trainable params in Dense(10) after flattening a 7x7x64 tensor?", false, true},
		{"conv2d (Conv2D)  (None, 30, 30, 32)  896", false, true},
		{"model.add(layers.MaxPooling2D((2, 2)))", false, true},
		{"conv 3x3 32->64 stride 2", false, false},
		{"let's say I have a conv layer with 64 feature maps", false, false},
	} {
		if got := LooksLikePyTorch(c.src); got != c.pt {
			t.Errorf("LooksLikePyTorch(%q) = %v", c.src, got)
		}
		if got := LooksLikeKeras(c.src); got != c.keras {
			t.Errorf("LooksLikeKeras(%q) = %v", c.src, got)
		}
	}
}
