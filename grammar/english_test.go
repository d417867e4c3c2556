package grammar

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
)

// enNumbers sizes q with calc and returns every number an answer could
// show: counts, shapes, MACs, the receptive field, the solutions.
func enNumbers(q *Question) (map[int64]bool, error) {
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
	f, err := os.Open("testdata/english/phrasings.jsonl")
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
				t.Fatalf("%v\n%s", err, err.(*Error).Snippet(row.Text))
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

func enDescribe(q *Question) string {
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

var _ = slices.Equal[[]int]
var _ = time.Now

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
