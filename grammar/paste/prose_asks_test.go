package paste

import (
	"slices"
	"testing"
)

// TestProseAsks checks what the words around pasted code ask for, as
// people write it in chat: the first line of the reply answers it.
func TestProseAsks(t *testing.T) {
	for _, c := range []struct {
		src   string
		asked []string
	}{
		{"nn.Conv2d(1, 8, 3, stride=2) then nn.MaxPool2d(2) on 50x50 grayscale -> shape??", []string{"output"}},
		{"nn.Conv2d(1, 8, 3) on a 40x40 img -> shape? (c, h, w)", []string{"output"}},
		{"Conv1d(16, 32, 3) on seq len 120 -> out len + params?", []string{"output", "params"}},
		{"nn.ConvTranspose2d(64, 32, 2, stride=2) on 14x14 -> ? and params", []string{"output", "params"}},
		{"nn.Conv2d(3, 16, 3) on 64x64 rgb, out + params?", []string{"output", "params"}},
		{"28x28 gray -> nn.Conv2d(1, 4, 5) -> nn.MaxPool2d(2). whats h/w after the pool", []string{"output"}},
		{"nn.Conv2d(1, 32, (3, 9)) on a 1x40x100 spectrogram. output HxW?", []string{"output"}},
		{"what image size comes out of nn.ConvTranspose2d(8, 3, 4, 2, 1) on 16x16?", []string{"output"}},
		{"nn.Sequential(nn.Conv2d(3, 8, 3), nn.MaxPool2d(2), nn.Flatten()) on 32x32 rgb, how many features after flatten?", []string{"output"}},
		{"nn.Conv2d(16, 33, (3, 5), stride=(2, 1)) on N,16,50,100 - params and out h,w?", []string{"params", "output"}},
		{"keras Conv2D(32, 3, strides=2, padding='same') on a 225x225 input, is the output 112 or 113?", []string{"output"}},
		// sizes that are not the output's
		{"backbone outputs [N, 128, H, W] with H,W varying; nn.Linear(?, 2) params?", []string{"params"}},
		{"if a conv layer outputs a 28x28x6 volume, nn.Conv2d(3, 6, 5) params?", []string{"params"}},
		{"nn.Conv2d(3, 8, kernel_size=3) with batch size 16 and input size 32x32: params?", []string{"params"}},
		{"nn.Conv2d(3, 8, 3) on images of size 64x64, how many parameters", []string{"params"}},
		{"how many params does the output layer nn.Linear(512, 10) have", []string{"params"}},
		{"it crashes with size mismatch, nn.Linear(400, 10): params?", []string{"params"}},
	} {
		f, err := ptParseTree(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if got := ptReadProse(f).asked; !slices.Equal(got, c.asked) {
			t.Errorf("%q asks %q, want %q", c.src, got, c.asked)
		}
	}
}

// TestBracketInput checks the input read from words in brackets: a
// group that tells only the input gives it; one that also tells layers
// ("max_pool2d(2) after each conv") does not, since the paste does not
// apply those layers (its params are then counted layer by layer).
func TestBracketInput(t *testing.T) {
	code := "\nself.conv1 = nn.Conv2d(1, 8, 3)\nself.fc = nn.Linear(8 * 26 * 26, 10)" // fits a 28x28 input
	tests := []struct {
		words string
		input string // ptShapeText of the input, "" for none
	}{
		{"my digit net (28x28 grayscale) crashes, what in_features?", "1×28×28"},
		{"whats fc's in_features for my classifier (28x28, 1 channel)", "1×28×28"},
		{"params total? (28x28 input, max_pool2d(2) after each conv)", ""},
		{"RuntimeError: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3).", ""},
	}
	for _, tt := range tests {
		q, err := ParsePyTorch(tt.words + code)
		if err != nil {
			t.Fatalf("%q: %v", tt.words, err)
		}
		got := ""
		if q.Input != nil {
			got = ptShapeText(q.Input)
		}
		if got != tt.input {
			t.Errorf("%q: input %q, want %q", tt.words, got, tt.input)
		}
	}
}
