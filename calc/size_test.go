package calc

import (
	"fmt"
	"reflect"
	"testing"
)

// TestSizeMatchesApply checks that sizing a layer without its worked steps
// (what a network's rows use) gives exactly the numbers Apply gives, and
// the same refusals, over a grid of settings and inputs.
func TestSizeMatchesApply(t *testing.T) {
	var layers []Layer
	for _, dims := range []int{1, 2, 3} {
		for _, k := range []int{1, 3, 4} {
			for _, s := range []int{1, 2} {
				for _, p := range []int{0, 1} {
					for _, mode := range []Padding{PadExplicit, PadSame, PadValid} {
						base := Conv{Dims: dims, Kernel: []int{k}, In: 4, Out: 8, Stride: []int{s}, Pad: []int{p}, PadMode: mode}
						dil := base
						dil.Dilation = []int{2}
						grouped := base
						grouped.Groups, grouped.NoBias = 2, true
						dw := base
						dw.In, dw.Out, dw.Depthwise = 0, 8, true
						tr := base
						tr.Transposed = true
						if s > 1 {
							tr.OutPad = []int{1}
						}
						layers = append(layers, base, dil, grouped, dw, tr)
					}
				}
			}
		}
	}
	layers = append(layers,
		Conv{Kernel: []int{3}, Out: 16}, // channels from the input
		Conv{Kernel: []int{3}, In: 5, Out: 16},
		BatchNorm{}, BatchNorm{C: 4}, BatchNorm{C: 4, NoAffine: true}, BatchNorm{C: 4, Keras: true}, BatchNorm{C: 3},
		Activation{}, Activation{Name: "gelu"}, Dropout{P: 0.3}, Dropout{P: 2},
	)
	inputs := []Shape{nil, {4, 9}, {4, 9, 9}, {4, 2, 7}, {4, 6, 9, 9}, {4, 1, 1}, {3, 9, 9}}
	for _, l := range layers {
		for _, in := range inputs {
			want, wantErr := l.Apply(in)
			got, gotErr := sizeOf(l, in)
			name := fmt.Sprintf("%#v on %v", l, in)
			if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
				t.Errorf("%s: size refuses with %v, Apply with %v", name, gotErr, wantErr)
				continue
			}
			if !reflect.DeepEqual(numbersOnly(got), numbersOnly(want)) {
				t.Errorf("%s:\nsize  %+v\nApply %+v", name, numbersOnly(got), numbersOnly(want))
			}
			if wantErr == nil && len(want.Steps) == 0 {
				t.Errorf("%s: Apply wrote no steps", name)
			}
		}
	}
}

// TestBlockChildrenMatchApply checks that the layers inside blocks, which
// blocks size without their worked steps, get the numbers each layer's own
// Apply gives on the input that reaches it.
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
