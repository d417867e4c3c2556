package bot

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// TestStateDictValue: a batch norm's state_dict holds its parameters, its
// running statistics and PyTorch's num_batches_tracked (torch 1.13:
// BatchNorm2d(256) holds 1,025 numbers); Keras keeps no counter; a layer
// with no buffers holds its parameters.
func TestStateDictValue(t *testing.T) {
	bn, err := calc.BatchNorm{C: 256}.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	conv, err := calc.Conv{Kernel: []int{3, 3}, In: 3, Out: 16}.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		reports []calc.Report
		fw      string
		want    string
	}{
		{"batch norm", []calc.Report{bn}, "", "state_dict values = 512 parameters + 512 running statistics + 1 num_batches_tracked = 1,025"},
		{"keras batch norm", []calc.Report{bn}, "keras", "state_dict values = 512 parameters + 512 running statistics + 0 num_batches_tracked = 1,024"},
		{"conv", []calc.Report{conv}, "", "state_dict values = 448 (the learnable parameters: no buffers)"},
		{"nothing sized", nil, "", ""},
	} {
		r := Reply{Question: &grammar.Question{Framework: c.fw}, Reports: c.reports}
		if got := stateDictValue(r); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
