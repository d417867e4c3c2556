package grammar

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestKindSides reads comparisons of kinds of one layer described once in
// numbers, each side sized from calc values. Every figure was checked with
// PyTorch (sum of p.numel(), MACs as output elements × weights per
// output).
func TestKindSides(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []int64 // each side's params, or MACs when macs is set
		macs      bool
	}{
		// standard 5·5·48·96+96 = 115,296; dw 25·48+48 = 1,248 + pw
		// 48·96+96 = 4,704: 5,952.
		{"both biases", "for a layer taking 48 channels to 96 with 5x5 kernels, params of (a) a normal conv (b) depthwise separable (depthwise 5x5 + pointwise 1x1, both with bias)?",
			[]int64{115296, 5952}, false},
		// 3·3·64·128 = 73,728; 9·64 + 64·128 = 8,768.
		{"options after context", "Feature map 28x28x64. Option A: regular 3x3 conv to 128 channels. Option B: 3x3 depthwise followed by 1x1 pointwise to 128 channels. all convs bias=False. weights of each option?",
			[]int64{73728, 8768}, false},
		// 28·28·256·256·9 = 462,422,016; 28·28·256·9 = 1,806,336 +
		// 28·28·256·256 = 51,380,224: 53,186,560.
		{"macs, the separable side short", "macs of a standard 3x3 conv vs a depthwise separable one, input 28x28x256, 256 out, stride 1 same padding, ignore bias",
			[]int64{462422016, 53186560}, true},
		// 192·32·25+192 = 153,792; 192·96·25+192 = 460,992.
		{"ungrouped", "grouped conv: 96 in channels, 3 groups, 192 out, 5x5 kernel. params incl bias vs the ungrouped version?",
			[]int64{153792, 460992}, false},
		// conv 4·(3·3·2+1) = 76; 10·10·2 = 200 inputs to 8·8·4 = 256
		// outputs: 200·256+256 = 51,456.
		{"fully connected", "a conv with 4 filters 3x3 maps a 10x10x2 input to 8x8x4. what if instead each output unit were fully connected to every input value (with bias)? params both ways",
			[]int64{76, 51456}, false},
		// direct 28·28·96·128·9 = 86,704,128; bottleneck 28·28·32·128 =
		// 3,211,264 + 28·28·96·32·9 = 21,676,032: 24,887,296.
		{"bottleneck, or", "28x28x128 input, 3x3 conv to 96 channels (same padding) directly, or first a 1x1 conv to 32 channels and then the 3x3 to 96? multiplications each way",
			[]int64{86704128, 24887296}, true},
		// direct 14·14·48·480·25 = 112,896,000; 14·14·16·480 = 1,505,280
		// + 14·14·48·16·25 = 3,763,200: 5,268,480.
		{"bottleneck options", "input 14x14x480. Option 1: a 5x5 'same' conv straight to 48 channels. Option 2: a 1x1 conv with 16 filters, then the 5x5 conv to 48. MACs of each option?",
			[]int64{112896000, 5268480}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs, err := ParseAll(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != len(c.want) {
				t.Fatalf("%d questions, want %d", len(qs), len(c.want))
			}
			for i, q := range qs {
				if got := sideTotal(t, q, c.macs); got != c.want[i] {
					t.Errorf("side %d (%q): %d, want %d", i+1, q.Canonical, got, c.want[i])
				}
				if unexplained(q.Unused) > 0 {
					t.Errorf("side %d leaves %v unexplained", i+1, q.Unused)
				}
			}
		})
	}
}

// sideTotal sizes one side: its parameters, or its MACs.
func sideTotal(t *testing.T, q *Question, macs bool) int64 {
	t.Helper()
	reports, ok := computed(q)
	if !ok {
		t.Fatalf("%q does not size", q.Canonical)
	}
	var params, m int64
	if q.Network {
		last := reports[len(reports)-1]
		params, m = last.Params, last.MACs
	} else {
		for _, r := range reports {
			params, m = params+r.Params, m+r.MACs
		}
	}
	if macs {
		return m
	}
	return params
}

// TestNoKindSides leaves alone what is no comparison of kinds: a
// separable block asked alone, pasted code, a mention of a kind with no
// layer in numbers.
func TestNoKindSides(t *testing.T) {
	for _, src := range []string{
		"mult-adds of a depthwise 3x3 on 32 channels then a pointwise 1x1 to 64, at 56x56, stride 1 same. give both numbers",
		"cats vs dogs: model.add(Conv2D(32, (3, 3), input_shape=(150, 150, 3))) then Flatten and a Dense layer of 512. params?",
		"why are depthwise separable convs cheaper than standard ones?",
	} {
		if qs := kindSides(src); qs != nil {
			t.Errorf("%q read as %d kinds", src, len(qs))
		}
	}
}

// TestRolesSwapped doubts a reading that takes the channels the words call
// the input's as the output's.
func TestRolesSwapped(t *testing.T) {
	swapped := []calc.Layer{calc.Conv{Kernel: []int{3, 3}, In: 96, Out: 48}}
	right := []calc.Layer{calc.Conv{Kernel: []int{3, 3}, In: 48, Out: 96}}
	for _, src := range []string{
		"an input with 48 channels and an output with 96 channels, 3x3 kernel: params?",
		"48 input channels, 96 output channels, 3x3",
	} {
		if rolesSwapped(src, swapped) == "" {
			t.Errorf("%q: 96->48 not doubted", src)
		}
		if d := rolesSwapped(src, right); d != "" {
			t.Errorf("%q: 48->96 doubted: %s", src, d)
		}
	}
}

// FuzzKindSides reads any message as a comparison of kinds: no panic, and
// every position it gives lies inside the message.
func FuzzKindSides(f *testing.F) {
	for _, s := range []string{
		"params of (a) a standard 3x3 conv 32->64 (b) depthwise separable",
		"grouped conv 64 in, 4 groups, 128 out, 3x3 vs the ungrouped version",
		"conv 5x5 3->6 on 32x32x3 vs a fully connected layer to 28x28x6",
		"input 28x28x256. Option 1: 5x5 same conv to 64. Option 2: a 1x1 conv down to 32 first",
		"vs vs 1x1 conv to 0 standard conv fully connected 0x0x0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		lines := strings.Count(s, "\n") + 1
		for _, q := range kindSides(s) {
			for _, l := range q.Layers {
				if l.Pos.Line < 1 || l.Pos.Line > lines {
					t.Fatalf("%q: layer at %v", s, l.Pos)
				}
			}
			for _, u := range q.Unused {
				if u.Pos.Line < 1 || u.Pos.Line > lines || !strings.Contains(s, u.Text) {
					t.Fatalf("%q: unused %q at %v", s, u.Text, u.Pos)
				}
			}
		}
	})
}
