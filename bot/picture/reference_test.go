package picture

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar"
)

// reference reads a JSON-lines file of PyTorch-computed vectors
// (testdata/, copied from shared/reference).
func reference(t *testing.T, name string) []map[string]any {
	t.Helper()
	f, err := os.Open("../../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v map[string]any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestReferenceSizes checks the output-size sums printed under each
// picture against PyTorch, for every conv, transposed conv and
// pool in the reference vectors: the sum is shown and equals PyTorch's
// output, or (for the cases whose sum this package does not write, such as
// ceil mode) calc's number stands alone and still equals PyTorch's.
func TestReferenceSizes(t *testing.T) {
	checked := 0
	for _, v := range reference(t, "layers.jsonl") {
		spec, _ := v["spec"].(string)
		out, ok := v["output"].([]any)
		if _, failed := v["error"]; failed || !ok {
			continue
		}
		q, err := grammar.Parse(spec)
		if err != nil {
			continue // the bot's own tests cover reading the specs
		}
		w, ok := single(q)
		if !ok {
			continue
		}
		checked++
		for i, a := range w.axes {
			want := int(out[i+1].(float64))
			got := sizeFormula(w, a)
			if !strings.HasSuffix(got, fmt.Sprintf(" = %d", want)) && got != fmt.Sprint(want) {
				t.Errorf("%s: axis %d shows %q, PyTorch gives %d", spec, i, got, want)
			}
			if !strings.Contains(got, "=") && !strings.Contains(spec, "ceil") {
				t.Errorf("%s: axis %d shows no sum: %q", spec, i, got)
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d layers checked", checked)
	}
}

// TestReferenceRenders draws a sample of the reference layers and
// networks: none fails or panics, every text lies inside its picture, and
// the files keep to their budgets.
func TestReferenceRenders(t *testing.T) {
	layers, nets := reference(t, "layers.jsonl"), reference(t, "nets.jsonl")
	step := 20
	if raceEnabled {
		step = 100
	}
	specs := []string{}
	for i := 0; i < len(layers); i += step {
		specs = append(specs, layers[i]["spec"].(string))
	}
	for i := 0; i < len(nets); i += step + 10 {
		specs = append(specs, nets[i]["spec"].(string))
	}
	drawn := 0
	for _, spec := range specs {
		q, err := grammar.Parse(spec)
		if err != nil {
			continue
		}
		if c, _, ok := still(q); ok {
			drawn++
			textsInside(t, spec, c.texts, c.img.Bounds())
			c.close()
		}
		w, ok := single(q)
		if !ok {
			continue
		}
		if a, ok := animate(w, title(q)); ok {
			textsInside(t, spec+" (animation)", a.texts, a.g.Image[0].Bounds())
			var buf bytes.Buffer
			if err := a.encode(&buf); err != nil || buf.Len() > 2<<20 {
				t.Errorf("%s: animation of %d bytes, err %v", spec, buf.Len(), err)
			}
		}
	}
	if drawn < len(specs)/2 {
		t.Errorf("only %d of %d drawn", drawn, len(specs))
	}
}
