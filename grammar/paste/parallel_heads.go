package paste

// Heads pasted without their forward: a VAE encoder's fc_mu and
// fc_logvar, a detector's classifier and box regressor. Each is a Linear
// on the same features, so the second does not take what the first
// gives; forward applies both to the features, side by side. Read one
// after the other, the model would not size; read side by side, every
// head's parameters count.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptParallelHeads puts the Linears that end q side by side when forward
// is not pasted and each takes the same inputs, which the one before
// does not give ([..., Linear(3136, 16), Linear(3136, 16)]). It reports
// whether it did.
//
// Each head must be a module of its own, assigned on its own line of src
// ("self.fc_mu = nn.Linear(3136, 16)"): Linears listed in a Sequential,
// or one the words name ("how many params would Linear(1984, 64) have?"),
// are not heads.
func ptParallelHeads(src string, q *lang.Question) bool {
	n := len(q.Layers)
	if n < 2 {
		return false
	}
	last, ok := q.Layers[n-1].Layer.(calc.Linear)
	if !ok || last.In == 0 {
		return false
	}
	start := n - 1
	for start > 0 {
		l, ok := q.Layers[start-1].Layer.(calc.Linear)
		if !ok || l.In != last.In || l.Out == last.In {
			break
		}
		start--
	}
	if n-start < 2 {
		return false
	}
	lines := strings.Split(src, "\n")
	seen := map[int]bool{}
	for _, l := range q.Layers[start:] {
		at := l.Pos.Line - 1
		if at < 0 || at >= len(lines) || seen[at] || !phAssignedRE.MatchString(lines[at]) {
			return false
		}
		seen[at] = true
	}
	var hl headsLayer
	var names []string
	for _, l := range q.Layers[start:] {
		hl.Heads = append(hl.Heads, l.Layer.(calc.Linear))
		names = append(names, lang.FormatLayer(l.Layer))
	}
	pos := q.Layers[start].Pos
	heads := []lang.Layer{{Layer: hl, Pos: pos}}
	if start > 0 && !ptFlat(q.Layers[start-1].Layer) {
		// a Linear flattens what it gets first (ptFinish adds that
		// flatten before a Linear, not before heads)
		heads = append([]lang.Layer{{Layer: calc.Flatten{}, Pos: pos}}, heads...)
	}
	q.Layers = append(q.Layers[:start:start], heads...)
	q.Notes = append(q.Notes, fmt.Sprintf("forward is not pasted: the last %d Linears each take %d inputs, which none gives the next, so they are read as heads on the same features, side by side (%s), as a VAE's fc_mu and fc_logvar are",
		n-start, last.In, strings.Join(names, "; ")))
	return true
}

// phAssignedRE is a Linear assigned to a module of its own on its line.
var phAssignedRE = regexp.MustCompile(`^\s*self\.\w+\s*=\s*(?:nn\.|torch\.nn\.)?Linear\(`)

// ptFlat reports whether l gives a flat vector: a Flatten or a Linear.
func ptFlat(l calc.Layer) bool {
	switch l.(type) {
	case calc.Flatten, calc.Linear:
		return true
	}
	return false
}

// headsLayer is Linears applied side by side to the same features (a
// VAE's fc_mu and fc_logvar): their outputs, one after the other, are
// its output; their parameters and MACs add up.
type headsLayer struct{ Heads []calc.Linear }

// Kind is "linear": the heads are fully connected layers, as the
// question's words name them.
func (headsLayer) Kind() string { return "linear" }

// Apply sizes every head on in and adds them up.
func (h headsLayer) Apply(in calc.Shape) (calc.Report, error) {
	r := calc.Report{Kind: "linear", Input: in, MACsKnown: in != nil}
	out := 0
	for _, l := range h.Heads {
		rep, err := l.Apply(in)
		if err != nil {
			return calc.Report{}, err
		}
		r.Weights += rep.Weights
		r.Biases += rep.Biases
		r.Params += rep.Params
		r.MACs += rep.MACs
		r.Children = append(r.Children, rep)
		r.Steps = append(r.Steps, calc.Step{Quantity: "parameters of " + lang.FormatLayer(l), Formula: "In·Out + Out",
			Values: []calc.Binding{{Name: "In", Value: int64(l.In)}, {Name: "Out", Value: int64(l.Out)}}, Result: rep.Params})
		out += l.Out
	}
	if in != nil {
		r.Output = calc.Shape{out}
	}
	return r, nil
}
