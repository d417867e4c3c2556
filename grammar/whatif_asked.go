package grammar

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/english"
	"github.com/cnnbot/cnnbot/grammar/paste"
)

// whatIfAsked reads a message that describes a setup and asks about it
// changed ("... stride 1 gives 96, got that. what if the stride is 2
// instead?", "but my image is 231x231", "if I put padding=2 on all three
// convs"): the setup is read by whichever front-end reads it, the change
// made on its layers, and only the changed setup answered; the asker's own
// results for the setup as first described are named as theirs. It
// returns nil when src holds no such change, or the setup does not read
// or has no layer the change can be made on.
func whatIfAsked(src string) []*Question {
	if q := claimedAsked(src); q != nil {
		return []*Question{q}
	}
	if keptInCode(src) {
		return nil // both values of the call, by the paste reader (whatif_setup.go)
	}
	w, ok := english.ReadWhatIf(src)
	if !ok {
		return nil
	}
	setup := w.Setup
	q, err := setupRead(setup, w.Claims)
	if err == nil && w.Change.Setting == "input" && q.Input == nil {
		// The setup gives no input of its own: the change gives it, in
		// words any front-end reads, the channels the first layer's.
		setup = fmt.Sprintf("input %dx%d. %s", w.Change.Sizes[0], w.Change.Sizes[1], setup)
		q, err = Parse(setup)
	}
	if err != nil || q.Solve != nil || len(q.Layers) == 0 || q.Preset != "" {
		return nil
	}
	if w.Change.Setting == "bias" && paste.SummaryTable(src) {
		return nil // the rows' counts answer it: paste/summary_table_bias.go
	}
	changed, err := w.Change.Apply(q)
	if err != nil {
		return nil
	}
	changed.Asked = withClaimAsked(changed.Asked, askedByClaim(q, w.Claims))
	changed = withChannelsDoubted(src, withEachDoubted(src, changed))
	if inDoubt(changed) {
		// A what-if reading in doubt is no better than the message read
		// whole, which may have read the change itself ("padding='same'
		// on all the convs" of four blocks).
		if whole, err := Parse(src); err == nil && !inDoubt(whole) {
			return nil
		}
	}
	if _, ok := computed(changed); !ok {
		return nil
	}
	if len(w.Claims) > 0 {
		changed.Notes = append(changed.Notes, fmt.Sprintf("%s: your own result for the setup as first described, not this answer", strings.Join(w.Claims, ", ")))
	}
	if w.Both {
		// "with stride 1, and how many if ... stride 2?": the setup as
		// first described is asked too, and answered first.
		first := *q
		first.Asked = changed.Asked
		first.Doubts = withChannelsDoubted(src, withEachDoubted(src, &first)).Doubts
		return []*Question{movedPositions(&first, fromFirst(src, setup)), movedPositions(changed, fromFirst(src, setup))}
	}
	return []*Question{movedPositions(changed, fromFirst(src, setup))}
}

// askedByClaim is what the asker's own result for the setup as first
// described was: "stride 1 gives 96, got that. what if the stride is 2?"
// asks for the output size again, as 96 is the first setup's; "flatten
// gives 7*7*32" asks for the output. Nil when no claim matches the
// output, the parameters or the MACs of the first setup.
func askedByClaim(q *Question, claims []string) []string {
	reports, ok := computed(q)
	if !ok || len(reports) == 0 {
		return nil
	}
	r := reports[len(reports)-1] // a network's totals, or the one layer
	for _, c := range claims {
		ns := claimNumbers(c)
		switch {
		case len(ns) == 0:
		case len(ns) == 1 && ns[0] == r.Params && !q.Network:
			return []string{"params"}
		case len(ns) == 1 && ns[0] == r.MACs && !q.Network:
			return []string{"macs"}
		case outputSaid(ns, r.Output):
			return []string{"output"}
		}
	}
	return nil
}

// withClaimAsked is asked with what the asker's own result was of added:
// "on 28x28 keeps 28. params? what if stride 2?" asks the parameters and,
// by the size said kept, the output size the change makes.
func withClaimAsked(asked, byClaim []string) []string {
	for _, a := range byClaim {
		if !slices.Contains(asked, a) {
			asked = append(asked, a)
		}
	}
	return asked
}

// claimNumbers reads the numbers of a claim: "7*7*32", "96", "1,600".
func claimNumbers(c string) []int64 {
	var ns []int64
	for _, f := range strings.FieldsFunc(c, func(r rune) bool { return r == 'x' || r == '×' || r == '*' || r == ' ' || r == '=' }) {
		n, err := strconv.ParseInt(strings.ReplaceAll(f, ",", ""), 10, 64)
		if err != nil {
			return nil
		}
		ns = append(ns, n)
	}
	return ns
}

// outputSaid reports whether numbers give the output shape out: its
// height ("gives 96"), its sizes in any order ("7*7*32"), or the values
// it holds ("1568").
func outputSaid(ns []int64, out calc.Shape) bool {
	if len(out) < 2 {
		return false
	}
	elems, size := int64(1), map[int64]int{}
	for _, d := range out {
		elems *= int64(d)
		size[int64(d)]++
	}
	if len(ns) == 1 {
		return ns[0] == int64(out[1]) || ns[0] == elems && len(out) > 1
	}
	for _, n := range ns {
		if size[n] == 0 {
			return false
		}
		size[n]--
	}
	return true
}

// claimedAsked reads a message that sets the design asked against one the
// asker gives their own count of ("..., what's param #? vs a normal
// Conv2D(32,3) which is 896"): the design asked, with the asker's count
// named as theirs. Nil when src has no such side or the rest does not
// read.
func claimedAsked(src string) *Question {
	rest, side, count, ok := english.ClaimedSide(src)
	if !ok {
		return nil
	}
	q, err := Parse(rest)
	if err != nil || q.Solve != nil || len(q.Layers) == 0 {
		return nil
	}
	if _, ok := computed(q); !ok {
		return nil
	}
	if inDoubt(q) {
		if whole, err := Parse(src); err == nil && !inDoubt(whole) {
			return nil // the message read whole is surer
		}
	}
	q.Notes = append(q.Notes, fmt.Sprintf("%s: your own count for %s, the other side of the comparison, not this answer", count, side))
	return movedPositions(q, fromFirst(src, rest))
}

// withPaddingShared gives every side of a comparison the padding the
// message says once as a word ("(same padding)" said beside one side):
// a side read without it would be sized unpadded. Sides stay as read when
// the message says padding otherwise, or a side cannot take it.
func withPaddingShared(src string, qs []*Question) []*Question {
	c, ok := english.PaddingSaidOnce(src)
	if !ok {
		return qs
	}
	out := make([]*Question, len(qs))
	for i, q := range qs {
		out[i] = q
		if !needsPadding(q, c.Mode) {
			continue
		}
		p, err := c.Apply(q)
		if err != nil {
			return qs
		}
		if _, ok := computed(p); !ok {
			return qs
		}
		p.Notes[0] = fmt.Sprintf("%s, said once, read for every conv of every side", c.Said)
		out[i] = p
	}
	return out
}

// needsPadding reports whether a conv of q is padded otherwise than mode
// by default (no padding said): one the shared padding changes.
func needsPadding(q *Question, mode calc.Padding) bool {
	for _, l := range q.Layers {
		c, ok := l.Layer.(calc.Conv)
		if !ok || c.PadMode == mode {
			continue
		}
		if c.PadMode == calc.PadExplicit && !slices.ContainsFunc(c.Pad, func(p int) bool { return p != 0 }) {
			return true
		}
		return false // padded by a number: said of this layer
	}
	return false
}

// inDoubt reports whether a reading is in doubt: it says what it does not
// account for, or leaves numbers unexplained.
func inDoubt(q *Question) bool { return len(q.Doubts) > 0 || unexplained(q.Unused) > 0 }
