package spec

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// TestVGG16ReceptiveFields checks the vgg16 preset against the figures of
// ../shared/notes/formulas.md (Araujo, Norris, Sim, Distill 2019, for
// TF-slim's VGG-16, which pads as torchvision does): receptive field,
// effective stride and effective padding after conv1_1 and each pool.
func TestVGG16ReceptiveFields(t *testing.T) {
	text, _, _ := presets.Lookup("vgg16")
	q, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	var convs, pools []calc.Row
	for _, row := range summarize(t, q).Leaves() {
		switch row.Kind {
		case "conv2d":
			convs = append(convs, row)
		case "maxpool":
			pools = append(pools, row)
		}
	}
	tests := []struct {
		name string
		row  calc.Row
		want calc.Window
	}{
		{"conv1_1", convs[0], calc.Window{Size: 3, Stride: 1, Pad: 1}},
		{"pool1", pools[0], calc.Window{Size: 6, Stride: 2, Pad: 2}},
		{"pool2", pools[1], calc.Window{Size: 16, Stride: 4, Pad: 6}},
		{"pool3", pools[2], calc.Window{Size: 44, Stride: 8, Pad: 18}},
		{"pool4", pools[3], calc.Window{Size: 100, Stride: 16, Pad: 42}},
		{"pool5", pools[4], calc.Window{Size: 212, Stride: 32, Pad: 90}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for d, got := range tt.row.Field {
				if got != tt.want {
					t.Errorf("dimension %d: RF/stride/pad %d/%d/%d, want %d/%d/%d", d, got.Size, got.Stride, got.Pad, tt.want.Size, tt.want.Stride, tt.want.Pad)
				}
			}
		})
	}
}

// TestStackedReceptiveField: three stacked 3×3 convs see 3, 5 and 7
// pixels (formulas.md), written as a repeat block.
func TestStackedReceptiveField(t *testing.T) {
	q, err := Parse("input 32x32x3\nrepeat 3 { conv 3x3 16 pad 1 }")
	if err != nil {
		t.Fatal(err)
	}
	leaves := summarize(t, q).Leaves()
	for i, want := range []int64{3, 5, 7} {
		if got := leaves[i].Field[0].Size; got != want {
			t.Errorf("conv %d: receptive field %d, want %d", i+1, got, want)
		}
	}
}

// TestPresetMemoryTorchinfo checks the memory estimate against the
// convention of formulas.md applied to PyTorch's own layer list in
// testdata/models.json: 2 × the outputs of the leaf modules with
// parameters, float32.
func TestPresetMemoryTorchinfo(t *testing.T) {
	for _, m := range readModels(t) {
		t.Run(m.Model, func(t *testing.T) {
			var values int64
			for _, l := range m.Layers {
				if l.Params > 0 {
					n := int64(1)
					for _, d := range l.Output {
						n *= int64(d)
					}
					values += n
				}
			}
			text, _, _ := presets.Lookup(m.Model)
			q, err := Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			mem, err := summarize(t, q).Memory(64, 4)
			if err != nil {
				t.Fatal(err)
			}
			if want := 2 * values * 64 * 4; mem.Training != want {
				t.Errorf("training activations %d bytes, want %d", mem.Training, want)
			}
			if want := m.Params * 4; mem.Params != want {
				t.Errorf("parameters %d bytes, want %d", mem.Params, want)
			}
		})
	}
}

// blockSeeds are block questions for the round trip and FuzzBlocks.
var blockSeeds = []string{
	"input 32x32x3\nrepeat 3 { conv 3x3 16 pad 1; relu }",
	"input 32x32x3\nrepeat 2 times {\n  conv 3x3 8 pad 1\n}\nbatch 64\ndepth 2",
	"input 56x56x64\nresidual {\n conv 3x3 128 stride 2 pad 1 nobias; batchnorm; relu\n conv 3x3 128 pad 1 nobias; batchnorm\n} shortcut {\n conv 1x1 128 stride 2 nobias; batchnorm\n}\nrelu",
	"input 56x56x64\nresidual { conv 3x3 64 pad 1 }\nshortcut { batchnorm }",
	"input 28x28x192\nconcat {\n branch { conv 1x1 64 }\n branch { conv 1x1 96; conv 3x3 128 pad 1 }\n branch { maxpool 3 stride 1 pad 1 ceil; conv 1x1 32 }\n}",
	"input 56x56x64\nrepeat 2 { concat { branch { } branch { batchnorm; relu; conv 3x3 32 pad 1 } } }",
	"input 32x32x3\nblock stem { conv 3x3 8 pad 1; block { relu } }\nresidual {}",
	"input 224x224x3 batch 8\nconv 3x3 8",
	"repeat 2 { conv 3x3 3->3 }",
	"input 8x8x3\nrepeat 3 { conv 3x3 3 pad 1 ", "input 8x8x3\n}", "input 8x8x3\nrepeat { relu }",
	"input 8x8x3\nrepeat 0 { relu }", "input 8x8x3\nshortcut { relu }", "input 8x8x3\nbranch { relu }",
	"input 8x8x3\nconcat { relu }", "input 8x8x3\nrelu { relu }", "input 8x8x3\nresidual 2 { relu }",
	"input 8x8x3\nrepeat 1000 { repeat 1000 { relu } }", "input 8x8x3\nbatch 0\nrelu", "input 8x8x3\nrepeat 2 { conv 3x3 8 input 8x8 }",
	"resnet18", "show vgg16", "preset alexnet batch 2", "resnet50\nconv 3x3 3",
}

func TestBlockRoundTrip(t *testing.T) {
	for _, src := range blockSeeds {
		t.Run(strings.ReplaceAll(src, "\n", "⏎"), func(t *testing.T) { checkRoundTrip(t, src) })
	}
}

// FuzzBlocks is FuzzSpec's invariant started from block questions.
func FuzzBlocks(f *testing.F) {
	for _, s := range blockSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if utf8.RuneCountInString(src) > maxChars {
			return
		}
		checkRoundTrip(t, src)
	})
}

// TestBlockErrors checks that a refusal inside a block points at the
// layer's line and column and names it.
func TestBlockErrors(t *testing.T) {
	tests := []struct {
		name, src      string
		line, col, idx int
		msg            string
	}{
		{"unclosed block", "input 8x8x3\nrepeat 3 {\n  relu\n", 4, 1, 0, "is not closed"},
		{"stray brace", "input 8x8x3\nrelu\n}", 3, 1, 0, "}"},
		{"no count", "input 8x8x3\nrepeat { relu }", 2, 1, 1, "repeat needs a count"},
		{"lonely shortcut", "input 8x8x3\nrelu\nshortcut { relu }", 3, 1, 2, "shortcut belongs"},
		{"input inside", "input 8x8x3\nblock {\n  conv 3x3 8 input 8x8\n}", 3, 20, 1, "only the network's first line"},
		{"too many layers", "input 8x8x3\nrepeat 1000 { repeat 1000 { relu } }", 2, 1, 1, "unrolls to more than"},
		{"a preset in a network", "input 8x8x3\nresnet18", 2, 1, 1, "whole network"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.src)
			e, ok := err.(*lang.Error)
			if !ok {
				t.Fatalf("error %v, want a *lang.Error", err)
			}
			if e.Line != tt.line || e.Col != tt.col || e.Layer != tt.idx || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %d:%d layer %d %q, want %d:%d layer %d saying %q", e.Line, e.Col, e.Layer, e.Msg, tt.line, tt.col, tt.idx, tt.msg)
			}
		})
	}
}

// TestLocateDeep checks that a size error inside nested blocks is placed
// at the setting at fault and says where in the block it is.
func TestLocateDeep(t *testing.T) {
	src := "input 16x16x8\nrelu\nrepeat 2 {\n  residual {\n    conv 3x3 8 pad 1\n  } shortcut {\n    conv 1x1 8\n    batchnorm 4\n  }\n}"
	q, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	net := calc.Network{Input: q.Input}
	for _, l := range q.Layers {
		net.Layers = append(net.Layers, l.Layer)
	}
	_, err = net.Summarize()
	le, ok := err.(*calc.LayerError)
	if !ok {
		t.Fatalf("error %v, want a LayerError", err)
	}
	e := q.LocateDeep(le.Index-1, le.Err)
	if e.Line != 8 || e.Col != 15 || e.Layer != 2 {
		t.Errorf("at %d:%d layer %d, want 8:15 layer 2 (the 4 of batchnorm 4)", e.Line, e.Col, e.Layer)
	}
	for _, want := range []string{"pass 1", "shortcut layer 2", "batchnorm 4", "input has 8"} {
		if !strings.Contains(e.Msg, want) {
			t.Errorf("%q does not say %q", e.Msg, want)
		}
	}
}

func TestFormatBlocks(t *testing.T) {
	q, err := Parse("input 28x28x192\nconcat { branch { } branch { conv 1x1 64; relu } }\nresidual { relu } shortcut { batchnorm }")
	if err != nil {
		t.Fatal(err)
	}
	want := `input 28x28x192
concat {
  branch {}
  branch {
    conv 1x1 64 bias
    relu
  }
}
residual {
  relu
} shortcut {
  batchnorm
}`
	if got := lang.Format(q); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := lang.FormatHead(q.Layers[1].Layer); got != "residual { … } shortcut { … }" {
		t.Errorf("FormatHead = %q", got)
	}
}

// BenchmarkParsePreset parses the longest ResNet preset's text (what every
// "resnet152" would cost without the cache).
func BenchmarkParsePreset(b *testing.B) {
	text, _, _ := presets.Lookup("resnet152")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}
