package calc

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A network's input size, asked backwards: "what's the smallest square
// input this model accepts?", "what input size makes the flattened output
// exactly 400?", "how many conv+pool blocks can I stack on 48×48?". No
// formula inverts a chain of floors, so the input sizes of a bounded range
// are put through the layers' own output-size rules one by one, and the
// worked steps show the sizes layer by layer at the answer and at the size
// just below it.

// MaxInputSize is the largest input size [SolveInput] tries, and MaxBlocks
// the most repeats [SolveBlocks] tries: the work is bounded whatever the
// question.
const (
	MaxInputSize = 4096
	MaxBlocks    = 64
)

// InputGoal is what [SolveInput] asks of a network at an input size. The
// zero value asks only that every layer takes what reaches it.
type InputGoal struct {
	// Flat, when above zero, asks that the last layer's output hold
	// exactly Flat values (the in_features of a Linear after it).
	Flat int64
	// Match lists pairs of 1-based layer indices whose outputs must have
	// the same spatial size: a skip connection and the up-sampled map
	// concatenated with it.
	Match [][2]int
	// From is the smallest input size tried ("the smallest size >= 115");
	// zero means 1.
	From int
}

// InputSearch is a network whose square input size is unknown.
type InputSearch struct {
	Layers []Layer
	// Names are how the steps call each layer ("conv 3x3 3->16"); a name
	// "" leaves the layer out of the size chains. Nil names every layer by
	// its kind, and leaves out those that keep the size (an activation, a
	// batch norm, a dropout).
	Names []string
	// Channels is the input's channel count; zero means the first layer's
	// own (or 1).
	Channels int
	// Dims is the number of spatial dimensions; zero means 2.
	Dims int
	// Tried are the spatial sizes of inputs the asker used (the 36×36
	// that failed, a 300×200): their size chains are shown too.
	Tried [][]int
	Goal  InputGoal
}

// inputRun is a network run on one input size: the output shape of every
// layer that took its input, and the refusal of the first that did not.
type inputRun struct {
	n     int   // the size of a square input
	in    Shape // the input
	sizes []Shape
	err   error
}

// lastMap is the last output of the run that is still a map (before a
// flatten), or the last output.
func (r inputRun) lastMap() Shape {
	for i := len(r.sizes) - 1; i >= 0; i-- {
		if len(r.sizes[i]) > 1 {
			return r.sizes[i]
		}
	}
	return r.out()
}

// ok reports whether the run reached the end.
func (r inputRun) ok() bool { return r.err == nil && len(r.sizes) > 0 }

// out is the last output shape of the run.
func (r inputRun) out() Shape {
	if len(r.sizes) == 0 {
		return nil
	}
	return r.sizes[len(r.sizes)-1]
}

// run puts a square input of size n through the layers.
func (s InputSearch) run(n int) inputRun {
	dims := s.Dims
	if dims == 0 {
		dims = 2
	}
	sp := make([]int, dims)
	for i := range sp {
		sp[i] = n
	}
	return s.runAt(sp)
}

// runAt puts an input of spatial sizes sp through the layers.
func (s InputSearch) runAt(sp []int) inputRun {
	in := append(Shape{s.Channels}, sp...)
	r := inputRun{n: sp[0], in: in}
	for i, l := range s.Layers {
		rep, err := l.Apply(in)
		if err != nil {
			r.err = &LayerError{Index: i + 1, Name: l.Kind(), Err: err}
			return r
		}
		r.sizes = append(r.sizes, rep.Output)
		in = rep.Output
	}
	return r
}

// meets reports whether the run r meets the goal.
func (s InputSearch) meets(r inputRun) bool {
	if !r.ok() {
		return false
	}
	if s.Goal.Flat > 0 {
		if e, err := r.out().Elements(); err != nil || e != s.Goal.Flat {
			return false
		}
	}
	for _, m := range s.Goal.Match {
		if !Shape(r.sizes[m[0]-1]).spatialEqual(r.sizes[m[1]-1]) {
			return false
		}
	}
	return true
}

// spatialEqual reports whether s and t have the same spatial sizes.
func (s Shape) spatialEqual(t Shape) bool {
	return len(s) == len(t) && Shape(s.Spatial()).Equal(t.Spatial())
}

// SolveInput finds the smallest square input size, from Goal.From to
// [MaxInputSize], at which s's layers meet the goal; with Goal.Flat, every
// size that gives exactly that many values. The steps give the sizes
// layer by layer at the answer, at the size below it and at the sizes the
// asker tried. It returns an [*Error] when there are no layers, a Match
// names a layer that is not there, or the layers fail at every size for a
// reason that is not a size (channels that do not fit).
func SolveInput(s InputSearch) (*Solved, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	s.Channels, s.Dims = firstChannels(s.Layers, s.Channels), firstDims(s.Layers, s.Dims)
	from := max(s.Goal.From, 1)
	sv := &Solved{Unknown: "input", Min: int64(from), Max: MaxInputSize, Question: s.question()}
	top := s.run(MaxInputSize)
	if first := s.run(from); !top.ok() && !sizeRefusal(top.err) && !first.ok() && !sizeRefusal(first.err) {
		return nil, errorf("input", "the layers fail at every input size for a reason that is not a size: %v", top.err)
	}
	found, last := s.search(from)
	if len(found) == 0 {
		sv.Max = int64(last) // the budget may stop the search below MaxInputSize
	}
	if len(found) == 0 && last == MaxInputSize && !top.ok() && !sizeRefusal(top.err) {
		return nil, errorf("input", "the layers fail at every input size for a reason that is not a size: %v", top.err)
	}
	sv.Steps = append(sv.Steps, Step{Quantity: "method", Formula: fmt.Sprintf(
		"each input size from %s to %s (square, every side the same) is put through the layers in order, each with its own output-size rule (a conv or pool: floor((n + 2p − d·(k − 1) − 1) / s) + 1)", thousands(int64(from)), thousands(sv.Max))})
	below := []int{} // the size one below the answer, shown with it
	if len(found) > 0 && found[0].n > from {
		below = slices.Clone(found[0].in[1:])
		for i := range below {
			below[i]--
		}
	}
	var tried [][]int
	for _, sp := range s.Tried {
		if len(sp) == s.Dims && !slices.ContainsFunc(sp, func(d int) bool { return d < 1 || d > MaxInputSize }) &&
			!slices.ContainsFunc(tried, func(t []int) bool { return slices.Equal(t, sp) }) {
			tried = append(tried, sp)
		}
	}
	for _, sp := range tried {
		if (len(found) == 0 || !slices.Equal(sp, found[0].in[1:])) && !slices.Equal(sp, below) {
			sv.Steps = append(sv.Steps, s.chainStep("with your input", s.runAt(sp)))
		}
	}
	if len(found) == 0 {
		sv.Steps = append(sv.Steps, s.chainStep("with the largest size tried", s.run(last)))
		return sv, nil
	}
	for _, r := range found {
		sv.Solutions = append(sv.Solutions, int64(r.n))
	}
	best := found[0]
	sv.Steps = append(sv.Steps, s.chainStep("with the answer", best))
	if best.n > from {
		label := "one less"
		if slices.ContainsFunc(tried, func(t []int) bool { return slices.Equal(t, below) }) {
			label = "one less (your input)"
		}
		sv.Steps = append(sv.Steps, s.chainStep(label, s.run(best.n-1)))
	}
	sv.Steps = append(sv.Steps, s.conclusion(found))
	return sv, nil
}

// inputBudget bounds the work of one search: the single layers run,
// summed over the sizes tried. A network of 10,000 layers is tried on
// fewer sizes than one of ten; where the sizes that work only grow with
// the input, the first is found by halving the range, in a dozen runs.
const inputBudget = 1 << 19

// search tries the sizes from from up, within inputBudget, and returns
// the runs that meet the goal (the first, or with Goal.Flat every size
// that gives the values) and the last size tried.
func (s InputSearch) search(from int) (found []inputRun, last int) {
	runs := s.runsAllowed(16)
	last = from
	for n := s.firstLikely(from); n <= MaxInputSize && runs > 0; n, runs = n+1, runs-1 {
		last = n
		r := s.run(n)
		if s.meets(r) {
			found = append(found, r)
			if s.Goal.Flat == 0 {
				break
			}
			continue
		}
		if s.Goal.Flat > 0 && r.ok() {
			if e, err := r.out().Elements(); err == nil && e > s.Goal.Flat {
				return found, MaxInputSize // the values only grow with the input: no larger size gives them
			}
		}
	}
	return found, last
}

// runsAllowed is how many sizes the budget lets the layers be run on, and
// at least least.
func (s InputSearch) runsAllowed(least int64) int64 {
	leaves := int64(0)
	for _, l := range s.Layers {
		leaves += Leaves(l, inputBudget)
	}
	return max(inputBudget/max(leaves, 1), least)
}

// firstLikely is where the search starts: from, or, when every size above
// one that works also works (convs, pools and the like, no fixed Linear,
// no branches, no sizes to match), the smallest size that works, found by
// halving; with Goal.Flat, the smallest that gives at least that many
// values.
func (s InputSearch) firstLikely(from int) int {
	if len(s.Goal.Match) > 0 || !allGrow(s.Layers) {
		return from
	}
	enough := func(n int) bool {
		r := s.run(n)
		if !r.ok() {
			return false
		}
		e, err := r.out().Elements()
		return err == nil && e >= s.Goal.Flat
	}
	lo, hi := from, MaxInputSize
	if !enough(hi) {
		return from
	}
	for lo < hi {
		if mid := lo + (hi-lo)/2; enough(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// allGrow reports whether every layer's output grows with its input, and
// none asks for a size of its own: a size that works then works at every
// larger size.
func allGrow(ls []Layer) bool {
	return !slices.ContainsFunc(ls, func(l Layer) bool { return !growsWithInput(l) })
}

// growsWithInput reports whether l takes any input size and gives an
// output that never shrinks as the input grows.
func growsWithInput(l Layer) bool {
	switch l := l.(type) {
	case Conv, Pool, Activation, BatchNorm, Dropout, Flatten, GlobalAvgPool, AdaptivePool:
		return true
	case Linear:
		return l.In == 0
	case Repeat:
		return allGrow(l.Layers)
	case Sequence:
		return allGrow(l.Layers)
	}
	return false
}

// check refuses a search that cannot be run.
func (s InputSearch) check() error {
	if len(s.Layers) == 0 {
		return errorf("input", "there are no layers to put an input through")
	}
	if s.Names != nil && len(s.Names) != len(s.Layers) {
		return errorf("input", "%d names for %d layers", len(s.Names), len(s.Layers))
	}
	for _, m := range s.Goal.Match {
		for _, i := range m {
			if i < 1 || i > len(s.Layers) {
				return errorf("input", "there is no layer %d to match sizes at", i)
			}
		}
	}
	if s.Goal.From > MaxInputSize {
		return errorf("input", "input sizes above %s are not tried", thousands(MaxInputSize))
	}
	return nil
}

// firstChannels is the channels the first layer takes, when ch is zero:
// a conv's In, or 1.
func firstChannels(layers []Layer, ch int) int {
	if ch > 0 {
		return ch
	}
	if c, ok := layers[0].(Conv); ok && c.In > 0 {
		return c.In
	}
	return 1
}

// firstDims is the spatial dimensions of the first layer that has them,
// when dims is zero.
func firstDims(layers []Layer, dims int) int {
	if dims > 0 {
		return dims
	}
	for _, l := range layers {
		switch l := l.(type) {
		case Conv:
			return l.dims()
		case Pool:
			return l.dims()
		}
	}
	return 2
}

// sizeRefusal reports whether err is a layer refusing the size of what
// reaches it (a window that does not fit, an output below 1), rather than
// its channels or settings.
func sizeRefusal(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Field == "input" || strings.Contains(e.Msg, "below 1") || strings.Contains(e.Msg, "does not fit") ||
		e.Field == "branch" && strings.Contains(e.Msg, "the same size")
}

// question says what was solved, in words.
func (s InputSearch) question() string {
	from := ""
	if s.Goal.From > 1 {
		from = fmt.Sprintf(" from %s up", thousands(int64(s.Goal.From)))
	}
	size := "square input size n×n"
	if s.Dims == 1 {
		size = "input length n"
	}
	switch {
	case s.Goal.Flat > 0:
		return fmt.Sprintf("%s%s for which the layers' output flattens to exactly %s values", size, from, thousands(s.Goal.Flat))
	case len(s.Goal.Match) > 0:
		return fmt.Sprintf("smallest %s%s for which the sizes joined match (%s) and every layer takes what reaches it", size, from, s.matchWords())
	}
	return fmt.Sprintf("smallest %s%s that every layer takes (no kernel or window larger than what reaches it, no output below 1)", size, from)
}

// matchWords names the pairs of layers whose sizes must match.
func (s InputSearch) matchWords() string {
	var parts []string
	for _, m := range s.Goal.Match {
		parts = append(parts, fmt.Sprintf("%s and %s", s.nameOr(m[0]-1), s.nameOr(m[1]-1)))
	}
	return strings.Join(parts, "; ")
}

// conclusion is the last step: the sizes that work, and what the sizes
// around them do.
func (s InputSearch) conclusion(found []inputRun) Step {
	best := found[0]
	st := Step{Quantity: "input size that works", Result: int64(best.n)}
	if s.Goal.Flat > 0 {
		st.Quantity = fmt.Sprintf("smallest input size that gives %s values", thousands(s.Goal.Flat))
		if len(found) > 1 {
			st.Note = fmt.Sprintf("%d sizes work: the floors in the rules map several input sizes to one output size", len(found))
		}
		if next := s.run(found[len(found)-1].n + 1); next.ok() {
			if e, err := next.out().Elements(); err == nil {
				st.Note = strings.TrimPrefix(st.Note+"; ", "; ") + fmt.Sprintf("%s gives %s = %s values: larger inputs give more", thousands(int64(next.n)), shapeText(next.lastMap()), thousands(e))
			}
		}
		return st
	}
	var next []string
	all := true
	more := int(min(64, s.runsAllowed(4)))
	for n := best.n + 1; n <= min(best.n+more, MaxInputSize); n++ {
		if s.meets(s.run(n)) {
			if len(next) < 5 {
				next = append(next, thousands(int64(n)))
			}
		} else {
			all = false
		}
	}
	switch {
	case all && best.n < MaxInputSize:
		st.Note = fmt.Sprintf("every larger size tried (up to %s) works too: a layer's output never shrinks when its input grows", thousands(int64(min(best.n+more, MaxInputSize))))
	case len(next) > 0:
		st.Note = "the next sizes that work: " + strings.Join(next, ", ")
	}
	return st
}

// chainStep writes the sizes of run r layer by layer, and why it fails
// or misses the goal.
func (s InputSearch) chainStep(label string, r inputRun) Step {
	var b strings.Builder
	b.WriteString(sizeWords(r.in))
	for i, out := range r.sizes {
		name := s.name(i)
		if name == "" {
			continue
		}
		if len(out) == 1 {
			fmt.Fprintf(&b, " → %s values (%s)", thousands(int64(out[0])), name)
			continue
		}
		fmt.Fprintf(&b, " → %s (%s)", sizeWords(out), name)
	}
	switch {
	case r.err != nil:
		var le *LayerError
		if errors.As(r.err, &le) {
			fmt.Fprintf(&b, " → layer %d (%s) fails: %v", le.Index, s.nameOr(le.Index-1), le.Err)
		} else {
			fmt.Fprintf(&b, " → fails: %v", r.err)
		}
	case s.Goal.Flat > 0:
		e, _ := r.out().Elements()
		fmt.Fprintf(&b, ": %s = %s values", shapeText(r.lastMap()), thousands(e))
		if e != s.Goal.Flat {
			fmt.Fprintf(&b, ", not %s", thousands(s.Goal.Flat))
		}
	default:
		fmt.Fprintf(&b, ": output %s", shapeText(r.out()))
		for _, m := range s.Goal.Match {
			a, c := r.sizes[m[0]-1], r.sizes[m[1]-1]
			verdict := "match"
			if !a.spatialEqual(c) {
				verdict = "do not match"
			}
			fmt.Fprintf(&b, "; %s gives %s and %s gives %s: they %s", s.nameOr(m[0]-1), sizeWords(a), s.nameOr(m[1]-1), sizeWords(c), verdict)
		}
	}
	return Step{Quantity: fmt.Sprintf("%s, %s", label, shapeText(r.in[1:])), Formula: b.String()}
}

// name is how the steps call layer i, "" to leave it out of a chain.
func (s InputSearch) name(i int) string {
	if s.Names == nil {
		switch s.Layers[i].(type) {
		case Activation, Dropout, BatchNorm:
			return ""
		}
		return s.Layers[i].Kind()
	}
	return s.Names[i]
}

// nameOr is layer i's name, or its kind when it has none.
func (s InputSearch) nameOr(i int) string {
	if n := s.name(i); n != "" {
		return n
	}
	return s.Layers[i].Kind()
}

// sizeWords writes a shape's spatial sizes, "36" for a square's 36×36
// and "36×30" otherwise, or its values for a flat one.
func sizeWords(sh Shape) string {
	sp := sh.Spatial()
	if len(sp) == 0 {
		return shapeText(sh)
	}
	if !slices.ContainsFunc(sp, func(d int) bool { return d != sp[0] }) {
		return strconv.Itoa(sp[0])
	}
	parts := make([]string, len(sp))
	for i, d := range sp {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, "×")
}

// shapeText writes a whole shape, channels first: "16×5×5".
func shapeText(sh Shape) string {
	parts := make([]string, len(sh))
	for i, d := range sh {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, "×")
}

// thousands writes n with thousands separators.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
