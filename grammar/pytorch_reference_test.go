package grammar

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// ptCodeFor writes a spec-language layer as the PyTorch code a student
// would paste, with a torch.randn input.
func ptCodeFor(l calc.Layer, in calc.Shape) string {
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
		fmt.Fprintf(&b, "layer = %s(%d, %d, kernel_size=%s", name, l.In, l.Out, tuple(l.Kernel))
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
		fmt.Fprintf(&b, "pool = nn.%sPool%dd(%s", op, ptDims(l.Dims), tuple(l.Kernel))
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
		fmt.Fprintf(&b, "fc = nn.Linear(%d, %d, bias=%v)", l.In, l.Out, map[bool]string{true: "False", false: "True"}[l.NoBias])
	case calc.BatchNorm:
		fmt.Fprintf(&b, "bn = nn.BatchNorm2d(%d)", l.C)
	default:
		return ""
	}
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
	f, err := os.Open("../testdata/layers.jsonl")
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
		sq, err := ParseSpec(ref.Spec)
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
	b, err := os.ReadFile("../testdata/models.json")
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
