package paste

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptTotals parses src with parse and computes it: the per-layer reports and
// the total parameters (Keras's total counts batch norm's buffers when
// keras is set, as model.summary() does).
type ptResult struct {
	q       *lang.Question
	reports []calc.Report
	params  int64
	buffers int64
	macs    int64
}

func ptCompute(t testing.TB, parse func(string) (*lang.Question, error), src string) ptResult {
	t.Helper()
	q, err := parse(src)
	if err != nil {
		if e, ok := err.(*lang.Error); ok {
			t.Fatalf("parse: %v\n%s\nhint: %s", err, e.Snippet(src), e.Hint)
		}
		t.Fatalf("parse: %v", err)
	}
	res := ptResult{q: q}
	if q.Network {
		ls := make([]calc.Layer, len(q.Layers))
		for i, l := range q.Layers {
			ls[i] = l.Layer
		}
		s, err := calc.Network{Input: q.Input, Layers: ls}.Summarize()
		if err != nil {
			t.Fatalf("summarize: %v (layers %s)", err, ptKinds(q))
		}
		for _, r := range s.Rows {
			res.reports = append(res.reports, *r.Report)
		}
		res.params, res.buffers, res.macs = s.Params, s.Buffers, s.MACs
		return res
	}
	for i, l := range q.Layers {
		var in calc.Shape
		if i == 0 {
			in = q.Input
		}
		r, err := l.Apply(in)
		if err != nil {
			t.Fatalf("apply %s: %v", l.Kind(), err)
		}
		res.reports = append(res.reports, r)
		res.params += r.Params
		res.buffers += r.Buffers
		res.macs += r.MACs
	}
	return res
}

func ptKinds(q *lang.Question) string {
	var s []string
	for _, l := range q.Layers {
		s = append(s, l.Kind())
	}
	return strings.Join(s, ",")
}

func (r ptResult) output() []int {
	if len(r.reports) == 0 {
		return nil
	}
	return r.reports[len(r.reports)-1].Output
}

type ptCase struct {
	name    string
	src     string
	params  int64  // total learnable parameters (-1: not checked)
	output  []int  // output of the last layer, channels-first (nil: not checked)
	input   []int  // the input read (nil: not checked)
	kinds   string // comma-separated layer kinds (empty: not checked)
	network *bool  // Network flag (nil: not checked)
	macs    int64  // total MACs (0: not checked)
	note    string // a substring one of the notes must contain
	extra   func(t *testing.T, r ptResult)
}

func ptRun(t *testing.T, parse func(string) (*lang.Question, error), cases []ptCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ptCompute(t, parse, c.src)
			if c.params >= 0 && r.params != c.params {
				t.Errorf("params = %d, want %d (layers %s, input %v)", r.params, c.params, ptKinds(r.q), r.q.Input)
			}
			if c.output != nil && fmt.Sprint(r.output()) != fmt.Sprint(c.output) {
				t.Errorf("output = %v, want %v (layers %s, input %v)", r.output(), c.output, ptKinds(r.q), r.q.Input)
			}
			if c.input != nil && fmt.Sprint([]int(r.q.Input)) != fmt.Sprint(c.input) {
				t.Errorf("input = %v, want %v", r.q.Input, c.input)
			}
			if c.kinds != "" && ptKinds(r.q) != c.kinds {
				t.Errorf("layers = %s, want %s", ptKinds(r.q), c.kinds)
			}
			if c.network != nil && r.q.Network != *c.network {
				t.Errorf("network = %v, want %v", r.q.Network, *c.network)
			}
			if c.macs != 0 && r.macs != c.macs {
				t.Errorf("macs = %d, want %d", r.macs, c.macs)
			}
			if c.note != "" && !strings.Contains(strings.Join(r.q.Notes, "\n"), c.note) {
				t.Errorf("notes %q lack %q", r.q.Notes, c.note)
			}
			if c.extra != nil {
				c.extra(t, r)
			}
		})
	}
}

var yes, no = true, false

// The phrasings of ../shared/reference/phrasings.jsonl (copied to
// testdata/phrasings.jsonl) that are PyTorch code, with their numbers.
func TestPyTorchPhrasings(t *testing.T) {
	ptRun(t, ParsePyTorch, []ptCase{
		// H = floor((50+8-6-1)/2)+1 = 26, W = floor((100+4-4-1)/1)+1 = 100; 16·33·15+33 = 7953.
		{name: "pytorch-docs-conv", src: "m = nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1))\ninput = torch.randn(20, 16, 50, 100)\noutput shape?",
			params: 7953, output: []int{33, 26, 100}, input: []int{16, 50, 100}},
		// (16−1)·2 − 2 + 4 = 32; 128·64·16 + 64 = 131,136.
		{name: "convtranspose", src: "nn.ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1) applied to a 16x16 feature map: output size and params?",
			params: 131136, output: []int{64, 32, 32}, input: []int{128, 16, 16}},
		// 4·256·(128+256)+8·256 + 4·256·(256+256)+8·256 = 921,600.
		{name: "lstm-pytorch", src: "params of nn.LSTM(input_size=128, hidden_size=256, num_layers=2)?", params: 921600},
		{name: "embedding", src: "nn.Embedding(10000, 300) how many parameters", params: 3000000},
		// floor((100−5)/2)+1 = 48; 12·24·5+24 = 1464.
		{name: "conv1d", src: "Conv1d(in_channels=12, out_channels=24, kernel_size=5, stride=2) on sequences of length 100: output length and params?",
			params: 1464, output: []int{24, 48}},
		{name: "bn-pytorch", src: "BatchNorm2d(256): how many learnable parameters?", params: 512},
		// 896 + 18,496 + 40,970 = 60,362.
		{name: "sequential-cifar", src: "model = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64*8*8, 10))\nfor 32x32 CIFAR images, total params?",
			params: 60362, output: []int{10}, input: []int{3, 32, 32}, network: &yes},
		// 128·(64/4)·9 + 128 = 18,560.
		{name: "groups", src: "Conv2d(64, 128, 3, groups=4) parameter count", params: 18560},
		// 3·100·(50+100) + 6·100 = 45,600.
		{name: "gru-pytorch", src: "GRU(input_size=50, hidden_size=100) in pytorch: params?", params: 45600},
	})
}
