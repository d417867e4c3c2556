package paste

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestSummaryTableBias: a bias switched on a torchsummary table's conv row
// adds one per filter to the row's count (PyTorch: nn.Conv2d(3, 64, 3,
// padding=1) has 1,792 = 1,728 + 64; nn.Conv2d(32, 64, 3) 18,496 = 18,432
// + 64); a count that already reads as a conv with its bias (896 = 32·(27
// + 1)) is a doubt.
func TestSummaryTableBias(t *testing.T) {
	table := "        Conv2d-1           [-1, 64, 32, 32]           1,728\n       BatchNorm2d-2       [-1, 64, 32, 32]             128\n              ReLU-3       [-1, 64, 32, 32]               0\n"
	table2 := "            Conv2d-1         [-1, 32, 26, 26]             320\n              ReLU-2         [-1, 32, 26, 26]               0\n            Conv2d-3         [-1, 64, 24, 24]          18,432\n       BatchNorm2d-4         [-1, 64, 24, 24]             128\n"
	for _, c := range []struct {
		src       string
		at, total int64 // the row asked's count (at < 0: the whole table)
		doubt     bool
	}{
		{table + "how many params would Conv2d-1 have with bias?", 1792, 1920, false},
		{table + "the conv has bias=False. what would the conv row say if i turned bias on?", 1792, 1920, false},
		{table + "if I turn on the bias of the conv, what is the total?", -1, 1920, false},
		{table2 + "how many params would Conv2d-3 have with bias?", 18496, 18944, false},
		{table2 + "what would the conv row say with bias?", 0, 0, true},
		{"            Conv2d-1         [-1, 32, 30, 30]             896\n       BatchNorm2d-2         [-1, 32, 30, 30]              64\nhow many params would Conv2d-1 have with bias?", 0, 0, true},
	} {
		q, err := ParsePyTorch(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if c.doubt {
			if len(q.Doubts) == 0 {
				t.Errorf("%q: no doubt", c.src)
			}
			continue
		}
		if len(q.Doubts) > 0 {
			t.Errorf("%q: doubts %v", c.src, q.Doubts)
		}
		sum, err := calc.Network{Input: q.Input, Layers: layersOf(q)}.Summarize()
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		rowParams := map[int]int64{}
		for _, r := range sum.Rows {
			if r.Depth == 0 {
				rowParams[r.Index-1] = r.Report.Params
			}
		}
		if total := sum.Params; total != c.total {
			t.Errorf("%q: total %d, want %d", c.src, sum.Params, c.total)
		}
		switch {
		case c.at < 0 && len(q.At) != 0:
			t.Errorf("%q: asks the total, read at %v", c.src, q.At)
		case c.at > 0 && (len(q.At) != 1 || rowParams[q.At[0].Layer] != c.at):
			t.Errorf("%q: at %v, want a row of %d", c.src, q.At, c.at)
		case !strings.Contains(strings.Join(q.Notes, "\n"), "bias switched on"):
			t.Errorf("%q: notes %v", c.src, q.Notes)
		}
	}
}
