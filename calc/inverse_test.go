package calc_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// A padding question: which padding keeps a 28-wide input at 28 under a
// 5×5 kernel with stride 1? Every padding from 0 to 4 is tried with PyTorch's
// output-size rule; the steps show the rule and the values that work.
func ExampleSolveConv() {
	sv, err := calc.SolveConv(calc.Conv{Kernel: []int{5}, In: 1, Out: 6}, "pad", 0, 28, 28)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sv.Question)
	for _, st := range sv.Steps {
		fmt.Printf("%s: %s", st.Quantity, st.Formula)
		for _, v := range st.Values {
			fmt.Printf(" %s=%d", v.Name, v.Value)
		}
		fmt.Printf(" → %d\n", st.Result)
	}
	fmt.Println("answer:", sv.Unknown, sv.Solutions)
	// Output:
	// padding p that takes height 28 to 28 with a 5-wide kernel and stride 1
	// output height: floor((H + 2·p − k) / s) + 1 H=28 k=5 s=1 → 28
	// output height with padding 2: floor((H + 2·p − k) / s) + 1 H=28 p=2 k=5 s=1 → 28
	// padding that works: 2 → 2
	// answer: pad [2]
}

func TestSolveConv(t *testing.T) {
	for _, tc := range []struct {
		name    string
		c       calc.Conv
		unknown string
		in, out int
		want    []int64
	}{
		{"resnet stem stride", calc.Conv{Kernel: []int{7}, Pad: []int{3}, In: 3, Out: 64}, "stride", 224, 112, []int64{2}},
		{"kernel 28 to 26", calc.Conv{In: 1, Out: 1}, "kernel", 28, 26, []int64{3}},
		// floor((7+2p-3)/2)+1 = 4 for p=1 only (p=0 gives 3, p=2 gives 5).
		{"pad stride 2", calc.Conv{Kernel: []int{3}, Stride: []int{2}, In: 1, Out: 1}, "pad", 7, 4, []int64{1}},
		// stride 2, k 3, p 1 to 3 from 5 and from 6 (Dumoulin & Visin).
		{"input", calc.Conv{Kernel: []int{3}, Stride: []int{2}, Pad: []int{1}, In: 1, Out: 1}, "input", 0, 3, []int64{5, 6}},
		// no padding makes 28 into 27 with a 3x3 kernel, stride 1: 26 or 28 or 30.
		{"none", calc.Conv{Kernel: []int{3}, In: 1, Out: 1}, "pad", 28, 27, nil},
		// 32 to 16 with k=3, p=1: s=2 gives floor(31/2)+1=16.
		{"stride several", calc.Conv{Kernel: []int{2}, In: 1, Out: 1}, "stride", 10, 5, []int64{2}},
		{"dilation", calc.Conv{Kernel: []int{3}, In: 1, Out: 1}, "dilation", 32, 28, []int64{2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sv, err := calc.SolveConv(tc.c, tc.unknown, 0, tc.in, tc.out)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sv.Solutions, tc.want) {
				t.Errorf("got %v, want %v", sv.Solutions, tc.want)
			}
			if len(sv.Steps) < 2 {
				t.Errorf("only %d steps", len(sv.Steps))
			}
		})
	}
}

func TestSolveStrideAndPad(t *testing.T) {
	// 256 -> 128 with a 3x3 kernel: stride 2 with padding 1 (floor(255/2)+1 = 128)
	// or padding 0? floor(253/2)+1 = 127, no; stride 3 reaches 86 at most.
	sv, err := calc.SolveStrideAndPad(calc.Conv{Kernel: []int{3}, In: 1, Out: 1}, 0, 256, 128)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sv.Solutions, []int64{2}) || len(sv.Seconds) != 1 || !slices.Equal(sv.Seconds[0], []int64{1}) {
		t.Errorf("got %v %v", sv.Solutions, sv.Seconds)
	}
}

func TestSolveFilters(t *testing.T) {
	// 3x3x3 + 1 = 28 per filter; 28*10 = 280.
	sv, err := calc.SolveFilters(calc.Conv{Kernel: []int{3}, In: 3}, 280)
	if err != nil || !slices.Equal(sv.Solutions, []int64{10}) {
		t.Fatalf("got %v, %v", sv, err)
	}
	// 10,000 / 28 is not whole.
	sv, err = calc.SolveFilters(calc.Conv{Kernel: []int{3}, In: 3}, 10000)
	if err != nil || len(sv.Solutions) != 0 {
		t.Fatalf("got %v, %v", sv.Solutions, err)
	}
	for _, c := range []calc.Conv{{Kernel: []int{0}, In: 3, NoBias: true}, {Kernel: []int{3}, In: -1}, {Kernel: []int{3}, In: 3, Groups: -2}} {
		if _, err := calc.SolveFilters(c, 100); err == nil {
			t.Errorf("%+v: want an error", c)
		}
	}
	if _, err := calc.SolveUnits(calc.Linear{In: -5, NoBias: true}, 100); err == nil {
		t.Error("negative inputs: want an error")
	}
	su, err := calc.SolveUnits(calc.Linear{In: 784}, 7850)
	if err != nil || !slices.Equal(su.Solutions, []int64{10}) {
		t.Fatalf("got %v, %v", su, err)
	}
}

// TestSolveConvAgainstScan checks the solver's search against trying every
// value, on small layers: it must list exactly the values that work.
func TestSolveConvAgainstScan(t *testing.T) {
	outOf := func(c calc.Conv, in int) int {
		r, err := c.Apply(calc.Shape{1, in, in})
		if err != nil {
			return 0
		}
		return r.Output[1]
	}
	for k := 1; k <= 5; k++ {
		for s := 1; s <= 3; s++ {
			for p := 0; p <= 2; p++ {
				for in := 1; in <= 20; in++ {
					base := calc.Conv{Kernel: []int{k}, Stride: []int{s}, Pad: []int{p}, In: 1, Out: 1}
					out := outOf(base, in)
					if out == 0 {
						continue
					}
					for _, u := range []string{"pad", "stride", "kernel", "input"} {
						sv, err := calc.SolveConv(base, u, 0, in, out)
						if err != nil {
							t.Fatalf("%s k%d s%d p%d in%d: %v", u, k, s, p, in, err)
						}
						var want []int64
						for v := sv.Min; v <= sv.Max; v++ {
							c, size := base, in
							switch u {
							case "pad":
								c.Pad = []int{int(v)}
							case "stride":
								c.Stride = []int{int(v)}
							case "kernel":
								c.Kernel = []int{int(v)}
							case "input":
								size = int(v)
							}
							if outOf(c, size) == out {
								want = append(want, v)
							}
						}
						if !slices.Equal(sv.Solutions, want) {
							t.Errorf("%s k%d s%d p%d in%d -> %d: got %v, want %v", u, k, s, p, in, out, sv.Solutions, want)
						}
					}
				}
			}
		}
	}
}
