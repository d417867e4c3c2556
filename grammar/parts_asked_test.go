package grammar

import (
	"strings"
	"testing"
)

// A message asking two parts and read as one answer is doubted; one
// asking one part, or read as two, is not.
func TestPartsDoubted(t *testing.T) {
	cases := []struct {
		src    string
		doubt  bool
		answer int // questions answered, 0 for any
	}{
		// two designs, one reading (m13chat-068); two designs read as two
		{"32x32x64 input: design A = conv3x3 s1 64->64 pad1 then maxpool 2, design B = conv3x3 stride 2 pad 1 64->64. MACs of the conv in each (no bias)", true, 0},
		{"option 1: conv 3x3 64->64 on 32x32 pad 1, option 2: conv 5x5 64->64 on 32x32 pad 2. params?", false, 2},
		// two objects called on the input (m13course-049)
		{"pool = nn.MaxPool2d(kernel_size=3, stride=2)\npool_ceil = nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True)\nx = torch.randn(1, 64, 112, 112)\n\nwhat's the output height for pool(x) and pool_ceil(x)?", true, 0},
		// a factor between two sides, asked after another question (d13qa-036)
		{"what if i change stride to 2\n```python\nself.conv = nn.Conv2d(32, 64, 3, stride=1, padding=1)   # on 64x64 -> 64x64\n```\nif I switch to stride=2 what is the output size? and by what factor do the MACs of that layer drop", true, 0},
		// the same asked again, with a change after it
		{"whats the receptive field of 3 stacked 3x3 convs? and if i stack that block twice", true, 0},
		// answered both ways: follow-ups after a comma
		{"maxpool 3 stride 2 on 112x112 (pytorch). whats out size, and with ceil_mode=True?", false, 2},
		{"params of conv 3x3 64->64, and with bias=False?", false, 2},
		// one part: a layer described with "and with"
		{"conv 3x3 64->128 stride 2 and with padding 1 on 32x32: output size?", false, 1},
		// "vs" of two quantities of one reading
		{"input 64x64x3, conv layer with 32 filters 5x5, stride 1, padding 2. how many parameters would it need WITHOUT parameter sharing? vs with sharing?", false, 0},
	}
	for _, c := range cases {
		t.Run(c.src[:min(len(c.src), 40)], func(t *testing.T) {
			qs, err := ParseAll(c.src)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			got := false
			for _, d := range qs[0].Doubts {
				got = got || strings.HasPrefix(d, "the question asks two parts")
			}
			if got != c.doubt {
				t.Errorf("doubted = %v, want %v (doubts %q)", got, c.doubt, qs[0].Doubts)
			}
			if c.answer > 0 && len(qs) != c.answer {
				t.Errorf("%d questions, want %d", len(qs), c.answer)
			}
		})
	}
}
