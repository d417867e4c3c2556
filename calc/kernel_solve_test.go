package calc

import "testing"

// Counts checked with torch 1.13: sum(p.numel() for p in m.parameters()).
func TestSolveKernel(t *testing.T) {
	tests := []struct {
		name   string
		c      Conv
		params int64
		want   int64 // 0: no kernel fits
		noBias bool
	}{
		{"Conv2d(20, 40, 3)", Conv{In: 20, Out: 40}, 7240, 3, false},
		{"Conv2d(128, 192, 3)", Conv{In: 128, Out: 192}, 221376, 3, false},
		{"Conv2d(3, 64, 7, bias=False)", Conv{In: 3, Out: 64}, 9408, 7, true},
		{"Conv2d(48, 128, 5)", Conv{In: 48, Out: 128}, 153728, 5, false},
		{"Conv1d(50, 32, 3)", Conv{Dims: 1, In: 50, Out: 32}, 4832, 3, false},
		{"Conv3d(3, 16, 3)", Conv{Dims: 3, In: 3, Out: 16}, 1312, 3, false},
		{"Conv2d(32, 64, 3, groups=4)", Conv{In: 32, Out: 64, Groups: 4}, 4672, 3, false},
		{"ConvTranspose2d(64, 32, 3)", Conv{Transposed: true, In: 64, Out: 32}, 18464, 3, false},
		{"Conv2d(1, 20, 3)", Conv{In: 1, Out: 20}, 200, 3, false},
		{"no kernel gives 7,241", Conv{In: 20, Out: 40}, 7241, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sv, err := SolveKernel(tt.c, tt.params)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == 0 {
				if len(sv.Solutions) != 0 || sv.Layer != nil {
					t.Fatalf("got %v, want no solution", sv.Solutions)
				}
				return
			}
			if len(sv.Solutions) != 1 || sv.Solutions[0] != tt.want {
				t.Fatalf("got %v, want [%d]", sv.Solutions, tt.want)
			}
			c := sv.Layer.(Conv)
			if c.NoBias != tt.noBias {
				t.Errorf("NoBias = %v, want %v", c.NoBias, tt.noBias)
			}
			// the solved layer has the count asked for
			rep, err := c.Apply(nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Params != tt.params {
				t.Errorf("solved layer has %d parameters, want %d", rep.Params, tt.params)
			}
		})
	}
}

func TestSolveKernelErrors(t *testing.T) {
	if _, err := SolveKernel(Conv{Out: 40}, 7240); err == nil {
		t.Error("no input channels: want an error")
	}
	if _, err := SolveKernel(Conv{In: 20, Out: 40}, 0); err == nil {
		t.Error("zero count: want an error")
	}
	if _, err := SolveKernel(Conv{In: 20, Out: 40, Groups: 3}, 7240); err == nil {
		t.Error("groups not dividing the channels: want an error")
	}
}

func TestSplitBatch(t *testing.T) {
	// RuntimeError: shape '[-1, 2048]' is invalid for input of size 401408, batch 16
	if got, err := SplitBatch(401408, 16); err != nil || got != 25088 {
		t.Errorf("SplitBatch(401408, 16) = %d, %v; want 25088", got, err)
	}
	for _, tc := range []struct {
		total int64
		batch int
	}{{401408, 0}, {401409, 16}, {0, 4}, {int64(MaxSize+1) * 2, 2}} {
		if _, err := SplitBatch(tc.total, tc.batch); err == nil {
			t.Errorf("SplitBatch(%d, %d): want an error", tc.total, tc.batch)
		}
	}
}
