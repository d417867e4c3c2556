package grammar

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/english"
)

// A what-if is often asked again with a further change: "conv 3x3 pad 1
// on 28x28 keeps 28, what if stride 2? and on a 7x7 input with stride 2",
// "stride 1 keeps 128. what if I change the stride to 2? and stride 3?",
// "... what if stride 2? what about a 5x5 kernel?". Each part after the
// first what-if is the changed setup changed again (a setting said again
// replaces the one before), and each is answered, in order.

// chainCut matches where a further change starts after a what-if's
// question mark: "? and", "? also", "? or", "? what about", "? how about",
// "? and what if".
var chainCut = regexp.MustCompile(`(?i)\?\s*(?:(?:ok(?:ay)?|and|also|or|now|then)[,\s]+(?:what\s+(?:if|about)\s+|how\s+about\s+)?|(?:what\s+(?:if|about)|how\s+about)\s+)`)

// chainPiece matches where one further change's settings part: "on a
// 7x7 input with stride 2" is the input, then the stride.
var chainPiece = regexp.MustCompile(`(?i)\s*(?:,|\bwith\b|\band\b|\bplus\b)\s*`)

// whatIfChained reads a what-if followed by further changes: the what-if
// answered as whatIfAsked answers it, then each further change made on
// the setup as changed before it. Nil when src has no further change
// after a what-if, the what-if does not read, or a further change names
// no setting the setup has.
func whatIfChained(src string) []*Question {
	cuts := chainCut.FindAllStringIndex(src, -1)
	var qs []*Question
	for len(cuts) > 0 && len(qs) == 0 {
		// "keeps 40x40, right? what if I use stride 2? and stride 4?": the
		// what-if ends at the first question mark after its change.
		qs = whatIfAsked(src[:cuts[0][0]+1])
		if len(qs) == 0 && len(cuts) > 1 {
			cuts = cuts[1:]
		} else if len(qs) == 0 {
			return nil
		}
	}
	if len(qs) == 0 {
		return nil
	}
	prev := qs[len(qs)-1]
	for i, c := range cuts {
		end := len(src)
		if i+1 < len(cuts) {
			end = cuts[i+1][0] + 1
		}
		q, ok := changedAgain(prev, strings.TrimSpace(src[c[1]:end]))
		if !ok {
			return nil
		}
		qs = append(qs, q)
		prev = q
	}
	return qs
}

// changedAgain makes the change said in part on prev, setting by
// setting; false when part says no setting, or one prev has not.
func changedAgain(prev *Question, part string) (*Question, bool) {
	part = strings.TrimRight(part, "?.!;, ")
	if part == "" {
		return nil, false
	}
	q := prev
	for _, piece := range chainPiece.Split(part, -1) {
		if strings.TrimSpace(piece) == "" {
			continue
		}
		c, ok := english.ReadChange(piece)
		if !ok {
			return nil, false
		}
		next, err := c.Apply(q)
		if err != nil {
			return nil, false
		}
		q = next
	}
	if _, ok := computed(q); !ok || q == prev {
		return nil, false
	}
	cp := *q
	cp.Notes = append([]string{"what-if, asked again: the setup as changed before, now with " + part}, withoutWhatIfNotes(q.Notes)...)
	cp.Asked = prev.Asked
	return &cp, true
}

// withoutWhatIfNotes drops the notes of earlier changes: the new one says
// what the setup now is.
func withoutWhatIfNotes(notes []string) []string {
	return slices.DeleteFunc(slices.Clone(notes), func(n string) bool {
		return strings.HasPrefix(n, "what-if")
	})
}
