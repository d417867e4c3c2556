package calc

import (
	"errors"
	"testing"
)

// The figures in these tables come from the literature collected in
// ../shared/notes/formulas.md (PyTorch's docs and aten/src/ATen/native/Pool.h,
// TensorFlow's "same" rule, Dumoulin & Visin, CS231n, LeNet-5); PyTorch's own
// vectors are checked end to end in bot/reference_test.go.

func TestPoolOutput(t *testing.T) {
	tests := []struct {
		name string
		pool Pool
		in   int
		want int
	}{
		{"MaxPool2d(3, 2) on 112", Pool{Kernel: []int{3}, Stride: []int{2}}, 112, 55},
		{"MaxPool2d(3, 2, ceil) on 112", Pool{Kernel: []int{3}, Stride: []int{2}, Ceil: true}, 112, 56},
		{"MaxPool2d(2, 2, pad 1, ceil) on 3: last window dropped", Pool{Kernel: []int{2}, Stride: []int{2}, Pad: []int{1}, Ceil: true}, 3, 2},
		{"MaxPool2d(2) on 5", Pool{Kernel: []int{2}}, 5, 2},
		{"MaxPool2d(2, ceil) on 5", Pool{Kernel: []int{2}, Ceil: true}, 5, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.pool.Apply(Shape{8, tt.in, tt.in})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Output[1]; got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestConvOutput(t *testing.T) {
	tests := []struct {
		name    string
		conv    Conv
		in      int
		want    int
		wantPad int64 // the padding before the data
	}{
		{"TF same (7,3,2): pads 1/1", Conv{Kernel: []int{3}, In: 1, Out: 1, Stride: []int{2}, PadMode: PadSame}, 7, 4, 1},
		{"TF same (8,3,2): pads 0/1", Conv{Kernel: []int{3}, In: 1, Out: 1, Stride: []int{2}, PadMode: PadSame}, 8, 4, 0},
		{"TF same (224,7,2): pads 2/3", Conv{Kernel: []int{7}, In: 1, Out: 1, Stride: []int{2}, PadMode: PadSame}, 224, 112, 2},
		{"Dumoulin i=5 k=3 s=2 p=1", Conv{Kernel: []int{3}, In: 1, Out: 1, Stride: []int{2}, Pad: []int{1}}, 5, 3, 1},
		{"Dumoulin i=6 k=3 s=2 p=1", Conv{Kernel: []int{3}, In: 1, Out: 1, Stride: []int{2}, Pad: []int{1}}, 6, 3, 1},
		{"Dumoulin transposed i'=3 k=3 s=2 p=1 a=1", Conv{Transposed: true, Kernel: []int{3}, In: 1, Out: 1, Stride: []int{2}, Pad: []int{1}, OutPad: []int{1}}, 3, 6, 1},
		{"CS231n W=10 F=3 S=2 P=0: PyTorch floors 4.5", Conv{Kernel: []int{3}, In: 1, Out: 1, Stride: []int{2}}, 10, 4, 0},
		{"valid is pad 0", Conv{Kernel: []int{3}, In: 1, Out: 1, Pad: []int{5}, PadMode: PadValid}, 10, 8, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.conv.Apply(Shape{1, tt.in, tt.in})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Output[1]; got != tt.want {
				t.Errorf("output %d, want %d", got, tt.want)
			}
			if got := r.Window[0].Pad; got != tt.wantPad {
				t.Errorf("padding before %d, want %d", got, tt.wantPad)
			}
		})
	}
}

func TestConnections(t *testing.T) {
	// CS231n: a 16×16×20 input and a 3×3 field → 3·3·20 = 180 weights per neuron.
	r, err := Conv{Kernel: []int{3, 3}, In: 20, Out: 10, Pad: []int{1}}.Apply(Shape{20, 16, 16})
	if err != nil {
		t.Fatal(err)
	}
	if r.Connections != 180 {
		t.Errorf("connections per neuron %d, want 180", r.Connections)
	}
	// LeNet-5 C1: 6 maps of 28×28 from a 32×32 image with 5×5 kernels,
	// 122,304 connections; CS231n AlexNet conv1 without weight sharing:
	// 364 · 290,400 = 105,705,600 parameters.
	for _, tt := range []struct {
		name string
		conv Conv
		in   Shape
		want int64
	}{
		{"LeNet-5 C1", Conv{Kernel: []int{5, 5}, In: 1, Out: 6}, Shape{1, 32, 32}, 122304},
		{"AlexNet conv1 unshared", Conv{Kernel: []int{11, 11}, In: 3, Out: 96, Stride: []int{4}}, Shape{3, 227, 227}, 105705600},
	} {
		r, err := tt.conv.Apply(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		var got int64 = -1
		for _, st := range r.Steps {
			if st.Quantity == "total connections" {
				got = st.Result
			}
		}
		if got != tt.want {
			t.Errorf("%s: total connections %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name  string
		layer Layer
		in    Shape
		field string
	}{
		{"groups do not divide", Conv{Kernel: []int{3}, In: 32, Out: 64, Groups: 3}, nil, "groups"},
		{"outpad not below stride or dilation", Conv{Transposed: true, Kernel: []int{3}, In: 4, Out: 4, Stride: []int{2}, OutPad: []int{2}}, nil, "outpad"},
		{"output below 1", Conv{Kernel: []int{5}, In: 3, Out: 8}, Shape{3, 3, 3}, "input"},
		{"pool padding over half the kernel", Pool{Kernel: []int{3}, Pad: []int{2}}, Shape{1, 9, 9}, "pad"},
		{"channels disagree", Conv{Kernel: []int{3}, In: 4, Out: 8}, Shape{3, 9, 9}, "in"},
		{"linear on a volume", Linear{Out: 10}, Shape{3, 9, 9}, "input"},
		{"dropout above 1", Dropout{P: 1.5}, nil, "p"},
		{"too large", Conv{Kernel: []int{MaxSize + 1}, In: 1, Out: 1}, nil, "kernel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.layer.Apply(tt.in)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a *calc.Error", err)
			}
			if e.Field != tt.field {
				t.Errorf("field %q, want %q (%v)", e.Field, tt.field, e)
			}
		})
	}
}

func TestOverflowIsRefused(t *testing.T) {
	big := MaxSize
	_, err := Conv{Kernel: []int{big, big}, In: big, Out: big}.Apply(Shape{big, big, big})
	if err == nil {
		t.Fatal("a count past 2⁶³ was answered; want a refusal")
	}
	if _, err := product(1<<62, 4); err == nil {
		t.Error("product(2⁶², 4) did not overflow")
	}
	if _, err := add(1<<62, 1<<62); err == nil {
		t.Error("add(2⁶², 2⁶²) did not overflow")
	}
	if got, err := product(1<<31, 1<<31); err != nil || got != 1<<62 {
		t.Errorf("product(2³¹, 2³¹) = %d, %v", got, err)
	}
}

func TestReceptiveField(t *testing.T) {
	// Three stacked 3×3 stride-1 convs see 3, 5, 7 pixels (formulas.md, Distill 2019).
	conv := Conv{Kernel: []int{3}, In: 1, Out: 1, Pad: []int{1}}
	s, err := Network{Input: Shape{1, 32, 32}, Layers: []Layer{conv, conv, conv}}.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int64{3, 5, 7} {
		if got := s.Rows[i].Field[0].Size; got != want {
			t.Errorf("layer %d: receptive field %d, want %d", i+1, got, want)
		}
	}
}

// TestFieldArea: a field's area is the product of its sides, checked: 17×17
// covers 289 pixels; sides too large to multiply are an overflow, not a
// wrapped number.
func TestFieldArea(t *testing.T) {
	if a, err := FieldArea([]Window{{Size: 17}, {Size: 17}}); a != 289 || err != nil {
		t.Errorf("17×17: %d, %v; want 289", a, err)
	}
	if _, err := FieldArea([]Window{{Size: 1 << 40}, {Size: 1 << 40}}); err == nil {
		t.Error("2^40 × 2^40: no overflow reported")
	}
}
