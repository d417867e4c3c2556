package paste

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// ptExprFor writes a spec-language layer as the PyTorch module a student
// would paste.
func ptExprFor(l calc.Layer) string {
	tuple := func(xs []int) string {
		if len(xs) == 1 {
			return fmt.Sprint(xs[0])
		}
		s := make([]string, len(xs))
		for i, x := range xs {
			s[i] = fmt.Sprint(x)
		}
		return "(" + strings.Join(s, ", ") + ")"
	}
	var b strings.Builder
	switch l := l.(type) {
	case calc.Conv:
		d := ptDims(l.Dims)
		name := fmt.Sprintf("nn.Conv%dd", d)
		if l.Transposed {
			name = fmt.Sprintf("nn.ConvTranspose%dd", d)
		}
		fmt.Fprintf(&b, "%s(%d, %d, kernel_size=%s", name, l.In, l.Out, tuple(l.Kernel))
		if l.Stride != nil {
			fmt.Fprintf(&b, ", stride=%s", tuple(l.Stride))
		}
		switch l.PadMode {
		case calc.PadSame:
			b.WriteString(", padding='same'")
		case calc.PadValid:
			b.WriteString(", padding='valid'")
		default:
			if l.Pad != nil {
				fmt.Fprintf(&b, ", padding=%s", tuple(l.Pad))
			}
		}
		if l.OutPad != nil {
			fmt.Fprintf(&b, ", output_padding=%s", tuple(l.OutPad))
		}
		if l.Dilation != nil {
			fmt.Fprintf(&b, ", dilation=%s", tuple(l.Dilation))
		}
		if l.Depthwise {
			fmt.Fprintf(&b, ", groups=%d", l.In)
		} else if l.Groups != 0 {
			fmt.Fprintf(&b, ", groups=%d", l.Groups)
		}
		if l.NoBias {
			b.WriteString(", bias=False")
		}
		b.WriteString(")")
	case calc.Pool:
		op := "Max"
		if l.Op == calc.AvgPool {
			op = "Avg"
		}
		fmt.Fprintf(&b, "nn.%sPool%dd(%s", op, ptDims(l.Dims), tuple(l.Kernel))
		if l.Stride != nil {
			fmt.Fprintf(&b, ", stride=%s", tuple(l.Stride))
		}
		if l.Pad != nil {
			fmt.Fprintf(&b, ", padding=%s", tuple(l.Pad))
		}
		if l.Dilation != nil {
			fmt.Fprintf(&b, ", dilation=%s", tuple(l.Dilation))
		}
		if l.Ceil {
			b.WriteString(", ceil_mode=True")
		}
		b.WriteString(")")
	case calc.Linear:
		fmt.Fprintf(&b, "nn.Linear(%d, %d, bias=%v)", l.In, l.Out, map[bool]string{true: "False", false: "True"}[l.NoBias])
	case calc.BatchNorm:
		fmt.Fprintf(&b, "nn.BatchNorm2d(%d)", l.C)
	case calc.Flatten:
		b.WriteString("nn.Flatten()")
	case calc.Dropout:
		fmt.Fprintf(&b, "nn.Dropout(p=%g)", l.P)
	case calc.Activation:
		for name, kind := range ptActivations {
			if kind == l.Kind() {
				fmt.Fprintf(&b, "nn.%s()", name)
			}
		}
	case calc.GlobalAvgPool:
		b.WriteString("nn.AdaptiveAvgPool2d(1)")
	default:
		return ""
	}
	return b.String()
}

// ptCodeFor writes one layer as a paste with its input.
func ptCodeFor(l calc.Layer, in calc.Shape) string {
	var b strings.Builder
	e := ptExprFor(l)
	if e == "" {
		return ""
	}
	b.WriteString("layer = " + e)
	if in != nil {
		s := make([]string, len(in))
		for i, x := range in {
			s[i] = fmt.Sprint(x)
		}
		fmt.Fprintf(&b, "\nx = torch.randn(1, %s)", strings.Join(s, ", "))
	}
	return b.String()
}

// The 1,000 layers of testdata/layers.jsonl (PyTorch's own counts and
// shapes), written as PyTorch code and read back by the PyTorch front-end.
func TestPyTorchReferenceLayers(t *testing.T) {
	f, err := os.Open("../../testdata/layers.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var ref struct {
			ID                      int
			Type, Spec              string
			Weights, Biases, Params int64
			Output                  []int
			Error                   string
		}
		if err := json.Unmarshal(sc.Bytes(), &ref); err != nil {
			t.Fatal(err)
		}
		sq, err := spec.Parse(ref.Spec)
		if err != nil || len(sq.Layers) != 1 {
			t.Fatalf("%d: spec %q: %v", ref.ID, ref.Spec, err)
		}
		src := ptCodeFor(sq.Layers[0].Layer, sq.Input)
		if src == "" {
			continue
		}
		n++
		q, err := ParsePyTorch(src)
		if err != nil {
			t.Errorf("%d: %q: %v", ref.ID, src, err)
			continue
		}
		r, err := q.Layers[0].Apply(q.Input)
		switch {
		case ref.Error != "" && err == nil:
			t.Errorf("%d: %q: PyTorch refuses (%s), got output %v", ref.ID, src, ref.Error, r.Output)
		case ref.Error == "" && err != nil:
			t.Errorf("%d: %q: %v", ref.ID, src, err)
		case err == nil && (r.Params != ref.Params || r.Weights != ref.Weights || fmt.Sprint([]int(r.Output)) != fmt.Sprint(ref.Output)):
			t.Errorf("%d: %q: got %d params %v, PyTorch %d %v", ref.ID, src, r.Params, r.Output, ref.Params, ref.Output)
		case err != nil:
			ptCheckError(t, src, q.Locate(0, err))
		}
	}
	if n < 900 {
		t.Errorf("only %d layers checked", n)
	}
}

// torchvision's AlexNet printed by print(model) (testdata/pytorch) against
// its counts in testdata/models.json, layer by layer.
func TestPyTorchReferenceAlexNet(t *testing.T) {
	b, err := os.ReadFile("../../testdata/models.json")
	if err != nil {
		t.Skip(err)
	}
	var models []struct {
		Model          string
		Params         int64
		ConvLinearMACs int64 `json:"conv_linear_macs"`
		Layers         []struct {
			Layer  string
			Params int64
			Output []int
			MACs   int64
		}
	}
	if err := json.Unmarshal(b, &models); err != nil {
		t.Fatal(err)
	}
	r := ptCompute(t, ParsePyTorch, ptTestdata(t, "pytorch/alexnet_repr.txt"))
	for _, m := range models {
		if m.Model != "alexnet" {
			continue
		}
		if r.params != m.Params || r.macs != m.ConvLinearMACs {
			t.Errorf("params %d macs %d, want %d %d", r.params, r.macs, m.Params, m.ConvLinearMACs)
		}
		var got []calc.Report
		for _, rep := range r.reports {
			if rep.Kind != "flatten" { // torchvision flattens in forward, not as a module
				got = append(got, rep)
			}
		}
		if len(got) != len(m.Layers) {
			t.Fatalf("%d layers, want %d", len(got), len(m.Layers))
		}
		for i, l := range m.Layers {
			g := got[i]
			if g.Params != l.Params || g.MACs != l.MACs || (l.Layer != "Dropout" && fmt.Sprint([]int(g.Output)) != fmt.Sprint(l.Output)) {
				t.Errorf("layer %d %s: got %s %d %v %d, want %d %v %d", i+1, l.Layer, g.Kind, g.Params, g.Output, g.MACs, l.Params, l.Output, l.MACs)
			}
		}
		return
	}
	t.Fatal("no alexnet in models.json")
}

// The 300 networks of testdata/nets.jsonl as nn.Sequential pastes: every
// layer's output and params, or the layer PyTorch refuses.
func TestPyTorchReferenceNets(t *testing.T) {
	f, err := os.Open("../../testdata/nets.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	checked := 0
	for sc.Scan() {
		var ref struct {
			ID     int
			Spec   string
			Layers []struct {
				Output []int
				Params int64
			}
			Params   int64
			Error    string
			BadLayer int `json:"bad_layer"`
		}
		if err := json.Unmarshal(sc.Bytes(), &ref); err != nil {
			t.Fatal(err)
		}
		sq, err := spec.Parse(ref.Spec)
		if err != nil {
			t.Fatalf("%d: %v", ref.ID, err)
		}
		var lines []string
		for _, l := range sq.Layers {
			e := ptExprFor(l.Layer)
			if e == "" {
				t.Fatalf("%d: no PyTorch for %s", ref.ID, l.Kind())
			}
			lines = append(lines, "    "+e+",")
		}
		in := make([]string, len(sq.Input))
		for i, x := range sq.Input {
			in[i] = fmt.Sprint(x)
		}
		src := "model = nn.Sequential(\n" + strings.Join(lines, "\n") + "\n)\nx = torch.randn(1, " + strings.Join(in, ", ") + ")"
		q, err := ParsePyTorch(src)
		if err != nil {
			t.Fatalf("%d: %v\n%s", ref.ID, err, src)
		}
		if len(q.Layers) != len(sq.Layers) {
			t.Errorf("%d: %d layers, want %d (notes %q)", ref.ID, len(q.Layers), len(sq.Layers), q.Notes)
			continue
		}
		ls := make([]calc.Layer, len(q.Layers))
		for i, l := range q.Layers {
			ls[i] = l.Layer
		}
		s, err := calc.Network{Input: q.Input, Layers: ls}.Summarize()
		checked++
		if ref.Error != "" {
			var le *calc.LayerError
			if err == nil || !errors.As(err, &le) || le.Index != ref.BadLayer {
				t.Errorf("%d: PyTorch refuses layer %d (%s), got %v", ref.ID, ref.BadLayer, ref.Error, err)
				continue
			}
			e := q.Locate(le.Index-1, le.Err)
			ptCheckError(t, src, e)
			if e.Line != le.Index+1 {
				t.Errorf("%d: error on line %d, want %d", ref.ID, e.Line, le.Index+1)
			}
			continue
		}
		if err != nil {
			t.Errorf("%d: %v", ref.ID, err)
			continue
		}
		for i, l := range ref.Layers {
			g := s.Rows[i]
			if g.Params != l.Params || fmt.Sprint([]int(g.Output)) != fmt.Sprint(l.Output) {
				t.Errorf("%d layer %d: got %d %v, want %d %v", ref.ID, i+1, g.Params, g.Output, l.Params, l.Output)
			}
		}
		if s.Params != ref.Params {
			t.Errorf("%d: params %d, want %d", ref.ID, s.Params, ref.Params)
		}
	}
	if checked != 300 {
		t.Errorf("checked %d networks, want 300", checked)
	}
}
