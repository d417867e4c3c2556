package english

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// enNumbers sizes q with calc and returns every number an answer could
// show: counts, shapes, MACs, the receptive field, the solutions.
func enNumbers(q *lang.Question) (map[int64]bool, error) {
	got := map[int64]bool{}
	if q.Solve != nil {
		for _, s := range q.Solve.Solutions {
			got[s] = true
		}
		return got, nil
	}
	in := q.Input
	var total int64
	var field []calc.Window
	for i, l := range q.Layers {
		rep, err := l.Apply(in)
		if err != nil {
			return got, fmt.Errorf("layer %d: %w", i+1, err)
		}
		for _, v := range []int64{rep.Weights, rep.Biases, rep.Params, rep.Connections, rep.MACs, rep.Buffers, 2 * rep.MACs} {
			got[v] = true
		}
		for _, d := range rep.Output {
			got[int64(d)] = true
		}
		for _, st := range rep.Steps {
			got[st.Result] = true
		}
		total += rep.Params
		if rep.Window != nil {
			if field == nil {
				field = rep.Window
			} else if len(field) == len(rep.Window) {
				field = calc.Compose(field, rep.Window)
			}
		}
		in = rep.Output
	}
	got[total] = true
	for _, w := range field {
		got[w.Size] = true
	}
	return got, nil
}

// The phrasings.jsonl rows in plain English: each must parse, and calc's
// figures for it must hold every number the row says an answer contains.
func TestEnglishPhrasings(t *testing.T) {
	english := map[string]bool{"seed": true, "dense-after-flatten": true, "separable-no-bias": true, "maxpool-odd": true,
		"same-padding-solve": true, "receptive-field": true, "conv3d": true, "bn-pytorch": true, "macs": true,
		"pointwise": true, "fc-from-volume": true, "avgpool-same": true, "neurons": true, "stride-solve": true}
	f, err := os.Open("testdata/phrasings.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	seen := 0
	for sc.Scan() {
		var row struct {
			ID          string  `json:"id"`
			Text        string  `json:"text"`
			MustContain []int64 `json:"must_contain"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		if !english[row.ID] {
			continue
		}
		seen++
		t.Run(row.ID, func(t *testing.T) {
			q, err := ParseEnglish(row.Text)
			if err != nil {
				t.Fatalf("%v\n%s", err, err.(*lang.Error).Snippet(row.Text))
			}
			got, err := enNumbers(q)
			if err != nil {
				t.Fatalf("%v (%s)", err, enDescribe(q))
			}
			for _, n := range row.MustContain {
				if !got[n] {
					t.Errorf("%d missing from the answer to %s", n, enDescribe(q))
				}
			}
		})
	}
	if seen != len(english) {
		t.Errorf("read %d English rows, want %d", seen, len(english))
	}
}

func enDescribe(q *lang.Question) string {
	var b strings.Builder
	fmt.Fprintf(&b, "input %v network %v asked %v", q.Input, q.Network, q.Asked)
	for _, l := range q.Layers {
		fmt.Fprintf(&b, "; %s %+v", l.Kind(), l.Layer)
	}
	if q.Solve != nil {
		fmt.Fprintf(&b, "; solve %s = %v", q.Solve.Unknown, q.Solve.Solutions)
	}
	if len(q.Notes) > 0 {
		fmt.Fprintf(&b, "; notes %q", q.Notes)
	}
	return b.String()
}

type enCase struct {
	Q           string   `json:"q"`
	Params      *int64   `json:"params"`
	Weights     *int64   `json:"weights"`
	Biases      *int64   `json:"biases"`
	Connections *int64   `json:"connections"`
	MACs        *int64   `json:"macs"`
	FLOPs       *int64   `json:"flops"`
	Neurons     *int64   `json:"neurons"`
	RF          *int64   `json:"rf"`
	Output      []int    `json:"output"`
	Solutions   *[]int64 `json:"solutions"`
	Asked       []string `json:"asked"`
	Error       bool     `json:"error"`
	Framework   string   `json:"framework"`
	Why         string   `json:"why"`
}

func enCases(t testing.TB) []enCase {
	f, err := os.Open("testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []enCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c enCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	return cs
}

// TestEnglishQuestions runs the table in testdata/english/questions.jsonl:
// questions as students write them, with the figures worked by hand in
// each row's "why".
func TestEnglishQuestions(t *testing.T) {
	cs := enCases(t)
	if len(cs) < 60 {
		t.Fatalf("only %d questions", len(cs))
	}
	for _, c := range cs {
		name := c.Q
		if len(name) > 50 {
			name = name[:50]
		}
		t.Run(name, func(t *testing.T) {
			q, err := ParseEnglish(c.Q)
			if c.Error {
				if err == nil {
					t.Fatalf("want an error, got %s", enDescribe(q))
				}
				e := err.(*lang.Error)
				if e.Line < 1 || e.Col < 1 || e.Hint == "" {
					t.Errorf("error %q at %d:%d, hint %q: want a position and a hint", e.Msg, e.Line, e.Col, e.Hint)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s\nhint: %s", err, err.(*lang.Error).Snippet(c.Q), err.(*lang.Error).Hint)
			}
			for _, a := range c.Asked {
				if !slices.Contains(q.Asked, a) {
					t.Errorf("asked %v, want %q among them", q.Asked, a)
				}
			}
			if c.Framework != "" && q.Framework != c.Framework {
				t.Errorf("framework %q, want %q", q.Framework, c.Framework)
			}
			if c.Solutions != nil {
				if q.Solve == nil {
					t.Fatalf("not an inverse question: %s", enDescribe(q))
				}
				if !slices.Equal(q.Solve.Solutions, *c.Solutions) {
					t.Errorf("solutions %v, want %v (%s)", q.Solve.Solutions, *c.Solutions, enDescribe(q))
				}
				return
			}
			s, err := enSize(q)
			if err != nil {
				t.Fatalf("%v (%s)", err, enDescribe(q))
			}
			check := func(what string, want *int64, got int64) {
				if want != nil && *want != got {
					t.Errorf("%s = %d, want %d (%s)", what, got, *want, enDescribe(q))
				}
			}
			check("params", c.Params, s.params)
			check("weights", c.Weights, s.weights)
			check("biases", c.Biases, s.biases)
			check("connections", c.Connections, s.connections)
			check("MACs", c.MACs, s.macs)
			check("FLOPs", c.FLOPs, 2*s.macs)
			check("neurons", c.Neurons, s.neurons)
			check("receptive field", c.RF, s.rf)
			if c.Output != nil && !slices.Equal([]int(s.output), c.Output) {
				t.Errorf("output %v, want %v (%s)", s.output, c.Output, enDescribe(q))
			}
			// What was understood, restated in the spec language, reads back
			// to the same figures.
			if q.Canonical == "" {
				t.Fatalf("no canonical restatement (%s)", enDescribe(q))
			}
			back, err := spec.Parse(q.Canonical)
			if err != nil {
				t.Fatalf("canonical %q does not parse: %v", q.Canonical, err)
			}
			s2, err := enSize(back)
			if err != nil || s2.params != s.params || !slices.Equal(s2.output, s.output) || s2.rf != s.rf {
				t.Errorf("canonical %q sizes to params %d output %v rf %d (%v), want %d %v %d", q.Canonical, s2.params, s2.output, s2.rf, err, s.params, s.output, s.rf)
			}
		})
	}
}

type enSized struct {
	params, weights, biases, connections, macs, neurons, rf int64
	output                                                  calc.Shape
}

// enSize applies q's layers in a chain and totals them.
func enSize(q *lang.Question) (enSized, error) {
	var s enSized
	in := q.Input
	var field []calc.Window
	for i, l := range q.Layers {
		rep, err := l.Apply(in)
		if err != nil {
			return s, fmt.Errorf("layer %d: %w", i+1, err)
		}
		s.params += rep.Params
		s.weights += rep.Weights
		s.biases += rep.Biases
		s.macs += rep.MACs
		if rep.Connections != 0 {
			s.connections = rep.Connections
		}
		if len(rep.Window) > 0 {
			if field == nil {
				field = rep.Window
			} else if len(field) == len(rep.Window) {
				field = calc.Compose(field, rep.Window)
			}
		}
		in = rep.Output
		s.output = rep.Output
	}
	s.neurons, _ = s.output.Elements()
	if len(field) > 0 {
		s.rf = field[0].Size
	}
	return s, nil
}

// fastestRead returns the fastest of the first read's time and, when that
// was over a second, two more reads of src. A machine busy with other work
// can stall one read; a reader that blows up is slow every time, so the bound
// still catches it without flaking under load.
func fastestRead(first time.Duration, src string) time.Duration {
	took := first
	for i := 0; i < 2 && took > time.Second; i++ {
		start := time.Now()
		_, _ = ParseEnglish(src)
		took = min(took, time.Since(start))
	}
	return took
}

// FuzzEnglish: no panic, every error positioned inside the input, bounded
// time on 4,000 characters.
func FuzzEnglish(f *testing.F) {
	for _, c := range enCases(f) {
		f.Add(c.Q)
	}
	f.Add(strings.Repeat("conv 3x3 64 filters then ", 160))
	f.Add(strings.Repeat("9", 4000))
	f.Add("what padding keeps 99999999999999999999x99999999999999 with a 99999999x9 kernel")
	f.Add("how many filters for 0 parameters with 3x3 kernels on an RGB input?")
	f.Add("Dense(10, 20, 30, 40) on a 1x1x1x1x1 tensor")
	f.Add("i-1 i+1 l-- 3 by by 4 by")
	f.Add("how many filters for 100 parameters with 0x0 kernels and no bias on an rgb input?")
	f.Add("how many units for 100 params in a dense layer from a 99999x99999x99999 volume")
	f.Add("what stride and padding turn 0 into 0 with a 0x0 kernel")
	f.Add("\u00e9t\u00e9 \u00d7 3\u00d73 conv \u2192 64\n\n\tstride")
	f.Add("conv3 conv3 pool2 (convs stride 1, pools 2x2 stride 2) rf? (all 3x3)")
	f.Add("conv 3x3 64->64 x3 in a row, 99 x0 x99999999999, is it 30 or 31?")
	f.Add("dense (Dense) (None, 128) 401536 <- where does 401536 come from, 14?")
	f.Add("block 5 = three 3x3 convs; After conv1 you have 112x112. h/w? p=?")
	f.Add("CONV3-64 CONV99999-99999999 conv3- conv-3-64 h=w= h=w=0 c_i= ks=ks")
	f.Add("three 3x3 convs, each followed by BN: 0->0 (stride 0), 0->-1, 1->2->3 (pad")
	f.Add("params in EACH filter per filter of a single kernel has how many weights")
	f.Add("the 0x0x0 pool5 output to 0; FC (0 -> 0) in fp16; 1-D ch 9")
	f.Add("64 blocks of [64 conv k3 s1 p1 + maxpool 2], channels 0 0, input 99999999x99999999, then flatten -> linear 10")
	f.Add("fm 56x56, k3s2p1 then k0s0p9 then k3s2p1 -> ? dilations 1, 2, 4, ..., 1099511627776")
	f.Add("first has 0 0x0 filters, second 99999999999 3x3 filters stride 0, third, input 1 channel")
	f.Add("bs 99999, conv output is 99999ch 99999x99999, fp16. how many MiB (1024*1024)")
	f.Add("conv 3x3 stride 1 no pad applied four time") // a count word last: "time" ends the text
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		q, err := ParseEnglish(src)
		if d := fastestRead(time.Since(start), src); d > time.Second && len(src) <= enMaxLen {
			t.Errorf("took %v on %d bytes", d, len(src))
		}
		if err != nil {
			e, ok := err.(*lang.Error)
			if !ok {
				t.Fatalf("error of type %T", err)
			}
			lines := strings.Split(src, "\n")
			if e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > len([]rune(lines[e.Line-1]))+1 {
				t.Fatalf("error %q at %d:%d, outside the input", e.Msg, e.Line, e.Col)
			}
			return
		}
		// Whatever was read, sizing it must not panic either.
		if q.Solve == nil {
			_, _ = enSize(q)
		}
	})
}

func TestEnglishDebug(t *testing.T) {
	src := os.Getenv("EN")
	if src == "" {
		t.Skip()
	}
	toks, _ := enLex(src)
	for _, tk := range toks {
		t.Logf("%c %q lem=%q num=%d dims=%v", tk.kind, tk.raw, tk.lem, tk.num, tk.dims)
	}
	q, err := ParseEnglish(src)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(enDescribe(q))
}

func BenchmarkEnglishSeed(b *testing.B) {
	src := "let's say I have a conv layer i with 64 feature maps and a filter size of 3x3. The previous conv layer i-1 has 32 feature map. Step-size is 2 and padding 1. how many neurons of the previous layer are connected to each of the neuron in i?"
	for b.Loop() {
		if _, err := ParseEnglish(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnglishLong is the worst case the bot accepts: 4,000 characters
// of words it does not know, each tried against the vocabulary for typos.
func BenchmarkEnglishLong(b *testing.B) {
	src := strings.Repeat("qwertyuiop asdfghjkl zxcvbnmqw ", 130)[:enMaxLen]
	for b.Loop() {
		_, _ = ParseEnglish(src)
	}
}

func TestEnglishVocabulary(t *testing.T) {
	seen := map[string]string{}
	for lem, words := range enWords {
		for _, w := range words {
			if other, ok := seen[w]; ok && other != lem {
				t.Errorf("%q is both %q and %q", w, other, lem)
			}
			seen[w] = lem
		}
	}
}
