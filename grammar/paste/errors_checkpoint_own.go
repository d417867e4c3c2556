package paste

// A state_dict "size mismatch for head.fc.weight" asked about from the
// model's side: "ok i get why. how many params does my new 5 class head
// have", "what's the param count of the current model's fc". The asker
// changed the layer on purpose; the question is their layer as it is,
// not the checkpoint's.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ckOwnSideRE names the model's own layer in the words: "my new head",
// "the current model", "mine", "my 5-class layer".
var ckOwnSideRE = regexp.MustCompile(`(?i)\b(?:my|the)\s+(?:new|current|own|modified|replaced|changed|smaller|bigger)\b|\bmine\b|\bcurrent\s+model\b|\bmy\s+\d+[\s-]*class(?:es)?\b`)

// ownSideAsked reports whether the words outside the message ask about the
// model's layer, and not the checkpoint's.
func (m *ptMessage) ownSideAsked() bool {
	w := m.words
	return ckOwnSideRE.MatchString(w) && !strings.Contains(strings.ToLower(w), "checkpoint")
}

// applyOwnSide answers the model's layer as it is (its weight shape from
// the message), naming the checkpoint's; ok false when the weight's shape
// is not a Linear's or a conv's.
func (m *ptMessage) applyOwnSide(q *lang.Question) bool {
	var l calc.Layer
	switch w := m.weight; len(w) {
	case 2:
		l = calc.Linear{In: w[1], Out: w[0]}
	case 3, 4, 5:
		l = calc.Conv{Dims: len(w) - 2, In: w[1], Out: w[0], Kernel: w[2:]}
	default:
		return false
	}
	q.Layers = []lang.Layer{{Layer: l, Pos: m.pos}}
	q.Input = nil
	q.Notes = append(q.Notes, fmt.Sprintf("the words ask about the model's own %s (weight %v, a bias of one per output taken), not the checkpoint's (weight %v): to load the rest, drop %s.weight and %s.bias from the checkpoint's state_dict and load with strict=False (strict=False alone still fails on a size mismatch)",
		m.name, m.weight, m.nums, m.name, m.name))
	return true
}
