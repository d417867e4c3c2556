package calc

import (
	"fmt"
	"strings"
)

// Solved is the answer to an inverse question — "what padding keeps 28×28
// with a 5×5 kernel?" — every value of the unknown in a sensible range that
// satisfies the question, with the steps that find them.
type Solved struct {
	// Unknown names what was solved for: "pad", "stride", "kernel",
	// "dilation", "input" (a layer's, or a network's: [SolveInput]),
	// "filters" (a conv's output channels), "units" (a fully connected
	// layer's outputs) or "blocks" (how many copies of a block an input
	// goes through: [SolveBlocks]).
	Unknown string
	// Question restates what was asked, in words.
	Question string
	// Solutions holds every value that works, smallest first; empty when
	// none does (Steps then say why).
	Solutions []int64
	// Min and Max are the range searched, both included: values outside it
	// are not sensible (a padding as wide as the kernel only adds windows of
	// zeros).
	Min, Max int64
	// Layer is the layer with the smallest solution put in, so it can be
	// restated and sized like any other; nil when nothing works.
	Layer Layer
	// Second names a second unknown solved together with the first ("pad"
	// when asked "what stride and padding"), or is empty. Seconds[i] then
	// lists the values of Second that work with Solutions[i].
	Second  string
	Seconds [][]int64
	Steps   []Step
}

// maxScan bounds the solutions a solver lists, so an inverse question costs
// little whatever its numbers.
const maxScan = 1 << 12

// SolveConv finds every value of unknown ("pad", "stride", "kernel",
// "dilation" or "input") that makes the convolution c take a size in to a
// size out along spatial dimension dim (0-based), with PyTorch's output-size
// rule (or TensorFlow's for PadSame). The other settings of c are used as
// given; the unknown's own setting in c is ignored. It returns an [*Error]
// when in or out is not a size or unknown is not a setting it can solve.
func SolveConv(c Conv, unknown string, dim int, in, out int) (*Solved, error) {
	if dim < 0 || dim >= c.dims() {
		return nil, errorf("dims", "the layer has no spatial dimension %d", dim+1)
	}
	if unknown != "input" {
		if err := checkCount("input", in, 1); err != nil {
			return nil, err
		}
	}
	if err := checkCount("output", out, 1); err != nil {
		return nil, err
	}
	cs := &convSolver{c: c, probe: c, unknown: unknown, dim: dim, in: in, out: int64(out),
		word: dimWords[c.dims()][dim], sv: &Solved{Unknown: unknown, Min: 1}}
	if cs.probe.Out == 0 {
		cs.probe.Out = max(cs.probe.groups(), 1)
	}
	if err := cs.frame(); err != nil {
		return nil, err
	}
	below, above := cs.search()
	cs.conclude(below, above)
	return cs.sv, nil
}

// convSolver is one inverse question about a convolution (see SolveConv).
type convSolver struct {
	c, probe Conv // as asked; with an output count, to try values on
	unknown  string
	dim, in  int
	out      int64
	word     string // the dimension's name: "height"
	sv       *Solved
}

// near is a value of the unknown next to the solutions, with the output
// it gives and its step.
type near struct {
	v, o int64
	st   Step
}

// with is the probe with the unknown set to v along the solver's dimension.
func (cs *convSolver) with(v int) Conv {
	t := cs.probe
	one := func(xs []int) []int {
		ys := make([]int, t.dims())
		for i := range ys {
			ys[i] = Per(xs, i, 0)
		}
		ys[cs.dim] = v
		return ys
	}
	switch cs.unknown {
	case "pad":
		t.PadMode = PadExplicit
		t.Pad = one(fill(t.Pad, t.dims(), 0))
	case "stride":
		t.Stride = one(fill(t.Stride, t.dims(), 1))
	case "kernel":
		t.Kernel = one(fill(t.Kernel, t.dims(), 1))
	case "dilation":
		t.Dilation = one(fill(t.Dilation, t.dims(), 1))
	}
	return t
}

// frame sets the range searched and the question, and writes the first
// step: the output-size rule with the unknown left open.
func (cs *convSolver) frame() error {
	c, dim, in, out, word, sv := cs.c, cs.dim, cs.in, cs.out, cs.word, cs.sv
	k := int64(Per(c.Kernel, dim, 1))
	s := int64(Per(c.Stride, dim, 1))
	p := int64(Per(c.Pad, dim, 0))
	d := int64(Per(c.Dilation, dim, 1))
	if c.PadMode == PadValid {
		p = 0
	}
	sn := spatialNames[c.dims()][dim]
	var lo, hi int64
	var formula string
	var vals []Binding
	switch cs.unknown {
	case "pad":
		if len(c.Kernel) == 0 {
			return errorf("kernel", "the kernel size is needed to solve for the padding")
		}
		kd := d*(k-1) + 1
		lo, hi = 0, kd-1
		formula, vals = "floor(("+sn+" + 2·p − k) / s) + 1", []Binding{{sn, int64(in)}, {"k", int64(kd)}, {"s", int64(s)}}
		sv.Question = fmt.Sprintf("padding p that takes %s %d to %d with a %d-wide kernel and stride %d", word, in, out, kd, s)
	case "stride":
		if len(c.Kernel) == 0 {
			return errorf("kernel", "the kernel size is needed to solve for the stride")
		}
		lo, hi = 1, max(int64(in)+2*p, 1)
		formula, vals = "floor(("+sn+" + 2·p − k) / s) + 1", []Binding{{sn, int64(in)}, {"p", int64(p)}, {"k", int64(d*(k-1) + 1)}}
		if c.PadMode == PadSame {
			formula, vals = "ceil("+sn+" / s)", []Binding{{sn, int64(in)}}
		}
		sv.Question = fmt.Sprintf("stride s that takes %s %d to %d with a %d-wide kernel and padding %d", word, in, out, d*(k-1)+1, p)
	case "kernel":
		lo, hi = 1, max(int64(in)+2*p, 1)
		formula, vals = "floor(("+sn+" + 2·p − k) / s) + 1", []Binding{{sn, int64(in)}, {"p", int64(p)}, {"s", int64(s)}}
		sv.Question = fmt.Sprintf("kernel size k that takes %s %d to %d with stride %d and padding %d", word, in, out, s, p)
	case "dilation":
		if k < 2 {
			return errorf("kernel", "a 1-wide kernel is the same whatever its dilation")
		}
		lo, hi = 1, max((int64(in)+2*p)/(k-1), 1)
		formula, vals = "floor(("+sn+" + 2·p − d·(k − 1) − 1) / s) + 1", []Binding{{sn, int64(in)}, {"p", int64(p)}, {"k", int64(k)}, {"s", int64(s)}}
		sv.Question = fmt.Sprintf("dilation d that takes %s %d to %d with a %d-wide kernel, stride %d and padding %d", word, in, out, k, s, p)
	case "input":
		if len(c.Kernel) == 0 {
			return errorf("kernel", "the kernel size is needed to solve for the input size")
		}
		lo, hi = 1, (out+1)*s+d*(k-1)+1
		formula, vals = "floor(("+sn+" + 2·p − k) / s) + 1", []Binding{{"p", int64(p)}, {"k", int64(d*(k-1) + 1)}, {"s", int64(s)}}
		if c.Transposed {
			hi = out
		}
		sv.Question = fmt.Sprintf("input %s that gives %d", word, out)
	default:
		return errorf("", "cannot solve for %q", cs.unknown)
	}
	if c.Transposed && cs.unknown != "input" {
		formula = "(" + sn + " − 1)·s − 2·p + d·(k − 1) + outpad + 1"
	}
	sv.Min, sv.Max = lo, hi
	u := unknownWord(cs.unknown)
	sv.Steps = append(sv.Steps, Step{Quantity: "output " + word, Formula: formula, Values: vals, Result: out,
		Note: fmt.Sprintf("the output-size rule with %s unknown, for every %s from %d to %d", u, u, lo, hi)})
	return nil
}

// eval is the output size with the unknown set to v, and its step; an
// impossible setting gives 0.
func (cs *convSolver) eval(v int64) (int64, Step) {
	t := cs.with(int(v))
	size := int64(cs.in)
	if cs.unknown == "input" {
		size = v
	}
	if t.Validate() != nil {
		return 0, Step{}
	}
	d, err := t.outSize(cs.dim, size)
	if err != nil {
		return 0, Step{}
	}
	return d.out, t.outStep(cs.dim, size, d)
}

// search collects the solutions, and the values just below and above them
// (nil where there is none). The output size only grows (or only shrinks)
// as the unknown grows, so a binary search finds where it reaches out, and
// the values giving exactly out are one run from there. An impossible
// setting counts as output 0, which keeps the order.
func (cs *convSolver) search() (below, above *near) {
	sv, lo, hi := cs.sv, cs.sv.Min, cs.sv.Max
	if lo > hi {
		return nil, nil
	}
	oLo, _ := cs.eval(lo)
	oHi, _ := cs.eval(hi)
	inc := oHi >= oLo
	reached := func(o int64) bool {
		if inc {
			return o >= cs.out
		}
		return o <= cs.out
	}
	a, b := lo, hi+1 // the first v in [a, b) that has reached out
	for a < b {
		mid := a + (b-a)/2
		if o, _ := cs.eval(mid); reached(o) {
			b = mid
		} else {
			a = mid + 1
		}
	}
	// side files a neighbour as below or above, by the order.
	side := func(nb *near, before bool) {
		if inc == before {
			below = nb
		} else {
			above = nb
		}
	}
	if a > lo {
		o, st := cs.eval(a - 1)
		side(&near{a - 1, o, st}, true)
	}
	for v := a; v <= hi; v++ {
		o, st := cs.eval(v)
		if o != cs.out {
			side(&near{v, o, st}, false)
			break
		}
		sv.Solutions = append(sv.Solutions, v)
		if len(sv.Solutions) <= 8 {
			st.Quantity = fmt.Sprintf("output %s with %s %d", cs.word, unknownWord(cs.unknown), v)
			sv.Steps = append(sv.Steps, st)
		}
		if len(sv.Solutions) == maxScan {
			break
		}
	}
	return below, above
}

// conclude writes the last steps: the solutions, or the closest values
// when none works; and sets the layer with the smallest solution.
func (cs *convSolver) conclude(below, above *near) {
	sv, u := cs.sv, unknownWord(cs.unknown)
	n := len(sv.Solutions)
	if n == 0 {
		for _, nb := range []*near{below, above} {
			if nb != nil {
				nb.st.Quantity = fmt.Sprintf("output %s with %s %d (closest)", cs.word, u, nb.v)
				nb.st.Note = fmt.Sprintf("gives %d, not %d", nb.o, cs.out)
				sv.Steps = append(sv.Steps, nb.st)
			}
		}
		sv.Steps = append(sv.Steps, Step{Quantity: u + " that works", Formula: "none",
			Note: fmt.Sprintf("no %s from %d to %d gives exactly %d", u, sv.Min, sv.Max, cs.out)})
		return
	}
	note := fmt.Sprintf("%d value(s) from %d to %d work", n, sv.Min, sv.Max)
	if n > 1 && cs.unknown != "input" {
		note += ": the output size is a floor, so neighbouring values can round to the same size"
	}
	if n > 1 && cs.unknown == "input" {
		note = fmt.Sprintf("%d input sizes work: the floor in the rule maps up to s of them to one output", n)
	}
	sv.Steps = append(sv.Steps, Step{Quantity: u + " that works", Formula: joinInts(sv.Solutions), Result: sv.Solutions[0], Note: note})
	if cs.unknown != "input" {
		sv.Layer = cs.with(int(sv.Solutions[0]))
	} else {
		sv.Layer = cs.c
	}
}

// SolveStrideAndPad finds every stride, and for each every padding, that
// makes c take a size in to out along dimension dim: the question "what
// stride and padding turn 256 into 128 with a 3×3 kernel?". Strides run from
// 1 to the kernel's width (a larger stride skips input values), at most 64.
// It returns an [*Error] as [SolveConv] does.
func SolveStrideAndPad(c Conv, dim int, in, out int) (*Solved, error) {
	if len(c.Kernel) == 0 {
		return nil, errorf("kernel", "the kernel size is needed to solve for the stride and padding")
	}
	k := int64(Per(c.Kernel, dim, 1))
	d := int64(Per(c.Dilation, dim, 1))
	kd := d*(k-1) + 1
	sv := &Solved{Unknown: "stride", Second: "pad", Min: 1, Max: min(max(kd, 1), 64),
		Question: fmt.Sprintf("stride s and padding p that take %s %d to %d with a %d-wide kernel", dimWords[c.dims()][dim], in, out, kd)}
	sv.Steps = append(sv.Steps, Step{Quantity: "output " + dimWords[c.dims()][dim], Formula: "floor((" + spatialNames[c.dims()][dim] + " + 2·p − k) / s) + 1",
		Values: []Binding{{spatialNames[c.dims()][dim], int64(in)}, {"k", int64(kd)}}, Result: int64(out),
		Note: fmt.Sprintf("two unknowns: for each stride from 1 to %d, every padding from 0 to %d", sv.Max, kd-1)})
	for s := int64(1); s <= sv.Max; s++ {
		t := c
		t.Stride = fill(c.Stride, c.dims(), 1)
		t.Stride[dim] = int(s)
		ps, err := SolveConv(t, "pad", dim, in, out)
		if err != nil {
			return nil, err
		}
		if len(ps.Solutions) == 0 {
			continue
		}
		sv.Solutions = append(sv.Solutions, s)
		sv.Seconds = append(sv.Seconds, ps.Solutions)
		if sv.Layer == nil {
			sv.Layer = ps.Layer
		}
		for _, st := range ps.Steps[1 : len(ps.Steps)-1] {
			st.Quantity += fmt.Sprintf(", stride %d", s)
			sv.Steps = append(sv.Steps, st)
		}
	}
	if len(sv.Solutions) == 0 {
		sv.Steps = append(sv.Steps, Step{Quantity: "stride and padding that work", Formula: "none",
			Note: fmt.Sprintf("no stride from 1 to %d with any padding from 0 to %d gives exactly %d", sv.Max, kd-1, out)})
	} else {
		pairs := make([]string, len(sv.Solutions))
		for i, s := range sv.Solutions {
			pairs[i] = fmt.Sprintf("stride %d with padding %s", s, joinInts(sv.Seconds[i]))
		}
		sv.Steps = append(sv.Steps, Step{Quantity: "stride and padding that work", Formula: strings.Join(pairs, "; "), Result: sv.Solutions[0]})
	}
	return sv, nil
}

// SolveFilters finds the number of filters (output channels) that gives the
// convolution c exactly params learnable parameters, with its kernel, input
// channels, groups and bias as given. When no count gives exactly params,
// Solutions is empty and the steps show the counts just below and above. It
// returns an [*Error] when c lacks its kernel or input channels.
func SolveFilters(c Conv, params int64) (*Solved, error) {
	if len(c.Kernel) == 0 {
		return nil, errorf("kernel", "the kernel size is needed to count the parameters of a filter")
	}
	if c.In == 0 {
		return nil, &Error{Field: "in", Msg: "the number of input channels is needed to count the parameters of a filter",
			Hint: "say how many channels the input has, e.g. \"on a 32x32x3 input\""}
	}
	if params < 1 {
		return nil, errorf("params", "the parameter count must be at least 1 (got %d)", params)
	}
	if err := checkPer("kernel", c.Kernel, c.dims(), 1); err != nil {
		return nil, err
	}
	if err := checkCount("in", c.In, 1); err != nil {
		return nil, err
	}
	if err := checkCount("groups", c.groups(), 1); err != nil {
		return nil, err
	}
	n := c.dims()
	g := int64(c.groups())
	if int64(c.In)%g != 0 {
		return nil, c.groupsError(c.In)
	}
	var a acc
	kn := kernelNames[n]
	vals := []Binding{}
	ks := []int64{}
	for i := 0; i < n; i++ {
		ks = append(ks, int64(Per(c.Kernel, i, 1)))
		vals = append(vals, Binding{kn[i], ks[i]})
	}
	per := a.mul(a.mul(ks...), int64(c.In)/g)
	formula := dot(kn) + "·Cin"
	vals = append(vals, Binding{"Cin", int64(c.In)})
	if g > 1 {
		formula += "/G"
		vals = append(vals, Binding{"G", g})
	}
	b := int64(1)
	if c.NoBias {
		b = 0
	}
	if a.err != nil {
		return nil, a.err
	}
	sv := &Solved{Unknown: "filters", Min: g, Max: MaxSize,
		Question: fmt.Sprintf("number of filters that gives %d learnable parameters", params)}
	sv.Steps = append(sv.Steps, Step{Quantity: "parameters per filter", Formula: formula + " + b",
		Values: append(vals, Binding{"b", b}), Result: per + b,
		Note: "each filter has one weight per input value it reads, plus its bias"})
	sv.Steps = append(sv.Steps, solveCount("filters", "Cout", params, per+b, g, sv))
	if len(sv.Solutions) > 0 {
		t := c
		t.Out = int(sv.Solutions[0])
		sv.Layer = t
	}
	return sv, nil
}

// SolveUnits finds the number of output units that gives the fully
// connected layer l exactly params learnable parameters, with its inputs and
// bias as given. It returns an [*Error] when l.In is not known.
func SolveUnits(l Linear, params int64) (*Solved, error) {
	if l.In == 0 {
		return nil, &Error{Field: "in", Msg: "the number of inputs is needed to count the parameters of a unit",
			Hint: "say how many inputs the layer has, e.g. \"from 784 inputs\""}
	}
	if params < 1 {
		return nil, errorf("params", "the parameter count must be at least 1 (got %d)", params)
	}
	if err := checkCount("in", l.In, 1); err != nil {
		return nil, err
	}
	b := int64(1)
	if l.NoBias {
		b = 0
	}
	sv := &Solved{Unknown: "units", Min: 1, Max: MaxSize,
		Question: fmt.Sprintf("number of units that gives %d learnable parameters", params)}
	sv.Steps = append(sv.Steps, Step{Quantity: "parameters per unit", Formula: "In + b",
		Values: []Binding{{"In", int64(l.In)}, {"b", int64(b)}}, Result: int64(l.In) + b, Note: "each unit has one weight per input, plus its bias"})
	sv.Steps = append(sv.Steps, solveCount("units", "Out", params, int64(l.In)+b, 1, sv))
	if len(sv.Solutions) > 0 {
		t := l
		t.Out = int(sv.Solutions[0])
		sv.Layer = t
	}
	return sv, nil
}

// solveCount solves params = n·each for n, a multiple of step, and records
// the solution in sv; it returns the step that says so.
func solveCount(what, name string, params, each, step int64, sv *Solved) Step {
	st := Step{Quantity: what, Formula: "P / q", Values: []Binding{{"P", int64(params)}, {"q", int64(each)}}}
	if each < 1 {
		return Step{Quantity: what, Formula: "none", Note: "a " + singular(what) + " with no parameters"}
	}
	n := params / each
	if params%each == 0 && n%step == 0 && n <= MaxSize {
		sv.Solutions = []int64{n}
		st.Result = n
		st.Note = fmt.Sprintf("P parameters at q per %s: %d %s × %d = %d exactly", singular(what), n, what, each, params)
		return st
	}
	lo := n - n%step
	hi := lo + step
	st.Result = lo
	st.Note = fmt.Sprintf("P parameters at q per %s: no whole number of %s gives exactly %d: %d %s give %d, %d give %d", singular(what), what, params, lo, what, lo*each, hi, hi*each)
	if step > 1 {
		st.Note += fmt.Sprintf(" (%s must be a multiple of the %d groups)", name, step)
	}
	return st
}

func joinInts(xs []int64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

func singular(s string) string {
	if len(s) > 1 && s[len(s)-1] == 's' {
		return s[:len(s)-1]
	}
	return s
}

func unknownWord(u string) string {
	switch u {
	case "pad":
		return "padding"
	case "input":
		return "input size"
	}
	return u
}

// fill spreads a per-dimension setting to n values, def for none.
func fill(xs []int, n, def int) []int {
	ys := make([]int, n)
	for i := range ys {
		ys[i] = Per(xs, i, def)
	}
	return ys
}
