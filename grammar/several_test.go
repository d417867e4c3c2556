package grammar

import (
	"strings"
	"testing"
)

// TestParseAll checks how a message splits into questions, and that one
// question stays one.
func TestParseAll(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // each answer's restatement holds this
	}{
		{"1) params of conv 3x3 3->16? 2) params of conv 3x3 16->32?", []string{"3->16", "16->32"}},
		{"Q1: output size of 3x3 conv stride 1 pad 0 on 10x10. Q2: output of 2x2 maxpool on 8x8x4.", []string{"conv 3x3", "maxpool 2x2"}},
		{"how many params does a 3x3 conv 64->128 have?\\nand a 1x1 conv 128->64?", []string{"64->128", "128->64"}},
		{"nn.Linear(512, 10) params? also nn.Conv2d(512, 10, 3) params?", []string{"linear 512->10", "conv 3x3 512->10"}},
		{"conv 3x3 32->64 stride 2 pad 1 input 56x56", []string{"conv 3x3 32->64"}},
		{"input 32x32x3\\nconv 3x3 16\\nmaxpool 2", []string{"maxpool"}},
		{"what's the output of a 3x3 conv with 8 filters on 28x28x1? and the params?", []string{"conv 3x3 1->8"}},
		{"what if I use stride 2 instead of stride 1 for a 3x3 conv with pad 1 on 64x64?", []string{"stride 2", "stride 1 pad 1"}},
		{"128 filters instead of 64 in a 3x3 conv on 32x32x3: params?", []string{"3->128", "3->64"}},
		{"conv layer: 3 -> 64 channels, 3x3 kernel, params? and what about with groups=3?", []string{"conv 3x3 3->64 bias", "groups 3"}},
		{"For a 7x7 input and a 3x3 filter with stride 2, what's the output? what if stride is 1?", []string{"stride 2", "stride 1"}},
		{"conv 3x3 with 16 filters on 32x32x3, padding 0: output? and with padding 1?", []string{"conv 3x3 3->16 pad 0", "pad 1"}},
	} {
		text := strings.ReplaceAll(c.text, `\n`, "\n")
		qs, err := ParseAll(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if len(qs) != len(c.want) {
			var got []string
			for _, q := range qs {
				got = append(got, Format(q))
			}
			t.Errorf("%q: %d questions %q, want %d", text, len(qs), got, len(c.want))
			continue
		}
		for i, q := range qs {
			if got := Format(q); !strings.Contains(got, c.want[i]) {
				t.Errorf("%q: question %d reads %q, want it to hold %q", text, i+1, got, c.want[i])
			}
		}
	}
}

// TestStackIsNoWhatIf: "two 3x3 convs instead of a 5x5" sets two stacks
// side by side; swapping the sizes as a what-if would size two 5x5 convs,
// 2·(5·5·128·128 + 128) = 819,456 parameters, an answer to a question
// nobody asked. A size swap without counts stays a what-if.
func TestStackIsNoWhatIf(t *testing.T) {
	for _, src := range []string{
		"why use two 3x3 convs instead of a 5x5 conv? compare parameters for 128 channels in and out",
		"2 3x3 conv layers instead of one 5x5 conv with 64 channels in and out",
	} {
		if qs := whatIf(src); qs != nil {
			t.Errorf("%q read as a what-if: %q", src, qs[1].Canonical)
		}
	}
	if qs := whatIf("5x5 instead of 3x3 filters: conv 3->16 on 32x32, params?"); len(qs) != 2 {
		t.Errorf("a size swap is a what-if; got %d questions", len(qs))
	}
}

// TestPartsContext reads the text before a list of options as the context
// of each, and a later part that does not read on its own after the
// opening sentences of the part before.
func TestPartsContext(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string // canonical of each question
	}{
		{"input 28x28x64. Option A: 3x3 conv with 32 filters, pad 1. Option B: 1x1 conv to 16 channels then a 3x3 conv with 32 filters, pad 1. params of each?",
			[]string{"conv 3x3 64->32 pad 1 bias input 28x28", "input 28x28x64\nconv 1x1 64->16 bias\nconv 3x3 32 pad 1 bias"}},
		{"the last block outputs 7x7x256. params of Flatten then Dense(10), versus GlobalAveragePooling2D then Dense(10)?",
			nil},
	} {
		qs, err := ParseAll(c.src)
		if err != nil || len(qs) != 2 {
			t.Errorf("%q: %d questions (%v), want 2", c.src, len(qs), err)
			continue
		}
		for i, w := range c.want {
			if qs[i].Canonical != w {
				t.Errorf("%q: question %d read as %q, want %q", c.src, i+1, qs[i].Canonical, w)
			}
		}
	}
}

// TestCodeQuestionMarks leaves pasted code whole at its "?"s, and still
// ends a question at a "?" that words follow.
func TestCodeQuestionMarks(t *testing.T) {
	summary := " conv2d (Conv2D)   (None, 30, 30, 32)   896\n conv2d_1 (Conv2D) (None, 28, 28, 48)   ???\n flatten (Flatten) (None, ???)   0\nfill in the ???"
	if parts := splitQuestions(summary); len(parts) != 1 {
		t.Errorf("the summary cut into %d parts", len(parts))
	}
	if parts := splitQuestions("nn.Linear(512, 10) params? also nn.Conv2d(512, 10, 3) params?"); len(parts) != 2 {
		t.Errorf("two questions on a line of code read as %d parts", len(parts))
	}
}

// TestDistinctSides refuses two sides read alike: one side was misread.
func TestDistinctSides(t *testing.T) {
	a := &Question{Canonical: "conv 3x3 3->16 bias", Asked: []string{"params"}}
	b := &Question{Canonical: "conv 3x3 3->16 bias", Asked: []string{"params"}}
	c := &Question{Canonical: "conv 5x5 3->16 bias", Asked: []string{"params"}}
	if distinct([]*Question{a, b}) || !distinct([]*Question{a, c}) {
		t.Error("distinct does not tell sides read alike")
	}
}

// TestRemarkShared reads a remark in brackets after a question as said of
// it, not as a question of its own.
func TestRemarkShared(t *testing.T) {
	qs, err := ParseAll("how many weights does a conv layer from 6 maps to 16 maps have? (5x5 kernels)")
	if err != nil || len(qs) != 1 || qs[0].Canonical != "conv 5x5 6->16 bias" {
		t.Errorf("read as %d questions (%v), want one conv 5x5 6->16", len(qs), err)
	}
}

// TestMarkerNotRead leaves a list marker's number out of its item: the 1
// of "Option 1:" is no number of the question.
func TestMarkerNotRead(t *testing.T) {
	parts := splitQuestions("input 28x28x64. Option 1: a 3x3 conv with 32 filters. Option 2: a 5x5 conv with 32 filters.")
	if len(parts) != 3 || parts[1].text != "a 3x3 conv with 32 filters." || !parts[1].marked {
		t.Errorf("parts %+v", parts)
	}
}

// TestQuestionAboveCode: a question asked above the code it is about is
// one question with that code, not the words and the code apart (which
// set the model against itself). 28 -> 14 -> 7 with two same convs and
// pools: 64*7*7 = 3,136 (torch 1.13); code below that asks again is a
// question of its own.
func TestQuestionAboveCode(t *testing.T) {
	one := "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3136 and 1024x10)\ninput is 28x28 grayscale. what should fc's in_features be?\n\n" +
		"self.conv1 = nn.Conv2d(1, 32, 3, padding=1)\nself.pool = nn.MaxPool2d(2)\nself.conv2 = nn.Conv2d(32, 64, 3, padding=1)\nself.fc = nn.Linear(1024, 10)\n" +
		"x = self.pool(F.relu(self.conv1(x)))\nx = self.pool(F.relu(self.conv2(x)))\nx = x.view(x.size(0), -1)\nx = self.fc(x)"
	qs, err := ParseAll(one)
	if err != nil || len(qs) != 1 {
		t.Fatalf("%d questions, %v; want one", len(qs), err)
	}
	if got := Format(qs[0]); !strings.Contains(got, "conv 3x3 32->64 pad 1") || !strings.Contains(got, "input 28x28") {
		t.Errorf("read as %q, want the pasted model on 28x28", got)
	}
	two := "params of this?\nnn.Conv2d(3, 8, 3)\nand this one?\nnn.Linear(10, 5)"
	if qs, err := ParseAll(two); err != nil || len(qs) != 2 {
		t.Errorf("%q: %d questions, %v; want two", two, len(qs), err)
	}
}
