package calc

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Receptive-field figures from ../shared/notes/formulas.md (Araujo, Norris,
// Sim, "Computing Receptive Fields of CNNs", Distill 2019): three stacked
// 3×3 stride-1 convs see 3, 5, 7; with several paths, the largest counts.

var conv3 = Conv{Kernel: []int{3}, Out: 8, Pad: []int{1}}

func TestRepeatReceptiveField(t *testing.T) {
	s, err := Network{Input: Shape{3, 32, 32}, Layers: []Layer{Repeat{Times: 3, Layers: []Layer{conv3}}}}.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != 4 || s.Rows[0].Kind != KindRepeat {
		t.Fatalf("rows %d, first %q; want the repeat then its 3 convs", len(s.Rows), s.Rows[0].Kind)
	}
	for i, want := range []int64{3, 5, 7} {
		row := s.Rows[i+1]
		if got := row.Field[0]; got != (Window{Size: want, Stride: 1, Pad: int64(i + 1)}) {
			t.Errorf("pass %d: field %+v, want size %d stride 1 pad %d", i+1, got, want, i+1)
		}
		if row.Depth != 1 || !reflect.DeepEqual(row.Path, []int{i + 1}) || row.Index != 1 {
			t.Errorf("pass %d: depth %d path %v index %d", i+1, row.Depth, row.Path, row.Index)
		}
	}
	if got := s.Rows[0].Field[0].Size; got != 7 {
		t.Errorf("the repeat's field is %d, want 7", got)
	}
	if want := int64(3*9*8+8) + 2*(8*9*8+8); s.Params != want || s.Rows[0].Params != want {
		t.Errorf("params %d (the repeat's row %d), want %d: each pass has its own weights", s.Params, s.Rows[0].Params, want)
	}
}

func TestBlocks(t *testing.T) {
	in := Shape{64, 56, 56}
	proj := []Layer{Conv{Kernel: []int{1}, Out: 128, Stride: []int{2}, NoBias: true}, BatchNorm{}}
	body := []Layer{Conv{Kernel: []int{3}, Out: 128, Stride: []int{2}, Pad: []int{1}, NoBias: true}, BatchNorm{}, Activation{},
		Conv{Kernel: []int{3}, Out: 128, Pad: []int{1}, NoBias: true}, BatchNorm{}}
	tests := []struct {
		name    string
		layer   Layer
		out     Shape
		params  int64
		field   Window // the block's window on its input
		errWant string
	}{
		{"identity residual", Residual{Body: []Layer{Conv{Kernel: []int{3}, Out: 64, Pad: []int{1}}}}, in, 64*64*9 + 64, Window{3, 1, 1}, ""},
		{"projection residual (ResNet-18 layer2.0)", Residual{Body: body, Shortcut: proj}, Shape{128, 28, 28},
			64*128*9 + 128*128*9 + 4*128 + 64*128 + 2*128, Window{7, 2, 3}, ""},
		{"residual without its projection", Residual{Body: body}, nil, 0, Window{}, "must have the same shape"},
		{"concat: channels add up, the widest branch counts",
			Concat{Branches: [][]Layer{nil, {Conv{Kernel: []int{1}, Out: 32}}, {Conv{Kernel: []int{5}, Out: 16, Pad: []int{2}}}}},
			Shape{64 + 32 + 16, 56, 56}, 64*32 + 32 + 64*16*25 + 16, Window{5, 1, 2}, ""},
		{"concat of different sizes", Concat{Branches: [][]Layer{nil, {Pool{Kernel: []int{2}}}}}, nil, 0, Window{}, "same size"},
		{"named block", Sequence{Name: "stem", Layers: []Layer{Conv{Kernel: []int{3}, Out: 64, Pad: []int{1}}, Pool{Kernel: []int{2}}}}, Shape{64, 28, 28},
			64*64*9 + 64, Window{4, 2, 1}, ""},
		{"repeat zero times", Repeat{Times: 0, Layers: []Layer{Activation{}}}, nil, 0, Window{}, "repeats 1 to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.layer.Apply(in)
			if tt.errWant != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errWant) {
					t.Fatalf("error %v, want one saying %q", err, tt.errWant)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !r.Output.Equal(tt.out) || r.Params != tt.params {
				t.Errorf("output %v params %d, want %v %d", r.Output, r.Params, tt.out, tt.params)
			}
			if len(r.Window) != 2 || r.Window[0] != tt.field {
				t.Errorf("window %+v, want %+v", r.Window, tt.field)
			}
			if !IsBlock(r) || len(r.Children) == 0 {
				t.Errorf("kind %q with %d children", r.Kind, len(r.Children))
			}
		})
	}
}

func TestBlockErrorLocatesTheLayer(t *testing.T) {
	bad := Repeat{Times: 2, Layers: []Layer{Residual{Body: []Layer{Conv{Kernel: []int{3}, Out: 8, Pad: []int{1}}},
		Shortcut: []Layer{Conv{Kernel: []int{1}, Out: 8}, BatchNorm{C: 4}}}}}
	_, err := Network{Input: Shape{8, 16, 16}, Layers: []Layer{Activation{}, bad}}.Summarize()
	var le *LayerError
	if !errors.As(err, &le) || le.Index != 2 {
		t.Fatalf("error %v, want a LayerError at layer 2", err)
	}
	outer, ok := le.Err.(*BlockError)
	if !ok || outer.Pass != 1 || outer.Index != 0 {
		t.Fatalf("outer %#v, want pass 1, layer 0", le.Err)
	}
	inner, ok := outer.Err.(*BlockError)
	if !ok || inner.Part != 1 || inner.Index != 1 || inner.Name != "batchnorm" {
		t.Fatalf("inner %#v, want the shortcut's batchnorm", outer.Err)
	}
	var ce *Error
	if !errors.As(err, &ce) || ce.Field != "in" {
		t.Errorf("innermost %v, want a channel error", ce)
	}
}

func TestAtFollowsRowPaths(t *testing.T) {
	net := Network{Input: Shape{3, 32, 32}, Layers: []Layer{
		Repeat{Times: 2, Layers: []Layer{
			Residual{Body: []Layer{Conv{Kernel: []int{3}, Out: 3, Pad: []int{1}}}, Shortcut: []Layer{BatchNorm{}}},
			Concat{Branches: [][]Layer{nil, {Activation{Name: "tanh"}}}},
			Conv{Kernel: []int{1}, Out: 3},
		}},
	}}
	s, err := net.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range s.Rows {
		l, ok := At(net.Layers[row.Index-1], row.Path)
		if !ok {
			t.Fatalf("row %v: no layer", row.Path)
		}
		kind := l.Kind()
		if sq, isSeq := l.(Sequence); isSeq && (sq.Name == KindShortcut || sq.Name == KindBranch) {
			kind = sq.Name
		}
		if kind != row.Kind {
			t.Errorf("row %v: At gives %s, the row is %s", row.Path, kind, row.Kind)
		}
	}
	if got := Leaves(net.Layers[0], 100); got != 2*(2+1+1) {
		t.Errorf("Leaves = %d, want 8", got)
	}
	if got := Leaves(Repeat{Times: 1000, Layers: []Layer{Repeat{Times: 1000, Layers: []Layer{Activation{}}}}}, 10000); got != 10001 {
		t.Errorf("Leaves of a million saturates at %d, want 10001", got)
	}
}

func TestMemoryTorchinfo(t *testing.T) {
	// A conv (with parameters) then relu and pool (without): torchinfo counts
	// the conv's output only, twice for training, plus input and parameters.
	s, err := Network{Input: Shape{3, 8, 8}, Layers: []Layer{Conv{Kernel: []int{3}, Out: 4, Pad: []int{1}}, Activation{}, Pool{Kernel: []int{2}}}}.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Memory(2, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := Memory{Batch: 2, BytesPerValue: 4, Input: 3 * 64 * 2 * 4, Forward: 4 * 64 * 2 * 4, Training: 2 * 4 * 64 * 2 * 4,
		Params: (4*27 + 4) * 4, AllOutputs: (4*64 + 4*64 + 4*16) * 2 * 4}
	want.Total = want.Input + want.Training + want.Params
	if m != want {
		t.Errorf("got %+v\nwant %+v", m, want)
	}
}

// TestBlockChildrenMatchApply checks that the layers inside blocks get the
// numbers each layer's own Apply gives on the input that reaches it.
func TestBlockChildrenMatchApply(t *testing.T) {
	body := []Layer{Conv{Kernel: []int{3}, Out: 4, Pad: []int{1}}, BatchNorm{}, Activation{}, Pool{Kernel: []int{2}}}
	for _, in := range []Shape{{3, 16, 16}, {3, 9, 9}} {
		for _, b := range []Layer{Sequence{Name: "stage", Layers: body}, Repeat{Times: 2, Layers: body}} {
			r, err := b.Apply(in)
			if err != nil {
				t.Fatalf("%s on %v: %v", b.Kind(), in, err)
			}
			cur := in
			for i, c := range r.Children {
				want, err := body[i%len(body)].Apply(cur)
				if err != nil {
					t.Fatalf("%s on %v, layer %d: %v", b.Kind(), in, i+1, err)
				}
				if !reflect.DeepEqual(numbersOnly(c), numbersOnly(want)) {
					t.Errorf("%s on %v, layer %d:\nin the block %+v\nApply       %+v", b.Kind(), in, i+1, numbersOnly(c), numbersOnly(want))
				}
				cur = want.Output
			}
			if len(r.Children) == 0 {
				t.Errorf("%s on %v has no children", b.Kind(), in)
			}
		}
	}
}

// numbersOnly is r without its worked steps and notes, its children's too.
func numbersOnly(r Report) Report {
	r.Steps, r.Notes = nil, nil
	if r.Children != nil {
		cs := make([]Report, len(r.Children))
		for i, c := range r.Children {
			cs[i] = numbersOnly(c)
		}
		r.Children = cs
	}
	return r
}

// TestShortcutFirst: running the shortcut first (RegNet) orders the rows
// shortcut first and changes no number.
func TestShortcutFirst(t *testing.T) {
	in := Shape{32, 56, 56}
	body := []Layer{Conv{Kernel: []int{1}, Out: 64, NoBias: true}, BatchNorm{},
		Conv{Kernel: []int{3}, Out: 64, Stride: []int{2}, Pad: []int{1}, Groups: 4, NoBias: true}, BatchNorm{}}
	proj := []Layer{Conv{Kernel: []int{1}, Out: 64, Stride: []int{2}, NoBias: true}, BatchNorm{}}
	after, err := Residual{Body: body, Shortcut: proj}.Apply(in)
	if err != nil {
		t.Fatal(err)
	}
	first, err := Residual{Body: body, Shortcut: proj, ShortcutFirst: true}.Apply(in)
	if err != nil {
		t.Fatal(err)
	}
	if first.Params != after.Params || first.MACs != after.MACs || !first.Output.Equal(after.Output) || first.Buffers != after.Buffers {
		t.Errorf("shortcut first: params %d MACs %d output %v; after: %d %d %v", first.Params, first.MACs, first.Output, after.Params, after.MACs, after.Output)
	}
	if first.Children[0].Kind != KindShortcut || after.Children[len(after.Children)-1].Kind != KindShortcut {
		t.Errorf("children: first %q, last %q; want the shortcut first, and last without ShortcutFirst", first.Children[0].Kind, after.Children[len(after.Children)-1].Kind)
	}
	l := Residual{Body: body, Shortcut: proj, ShortcutFirst: true}
	if s, ok := At(l, []int{1}); !ok || s.(Sequence).Name != KindShortcut {
		t.Errorf("At 1 = %v, want the shortcut", s)
	}
	if c, ok := At(l, []int{4}); !ok || c.Kind() != "conv2d" {
		t.Errorf("At 4 = %v, want the grouped conv", c)
	}
	if _, ok := At(l, []int{6}); ok {
		t.Error("At 6 leads somewhere")
	}
}
