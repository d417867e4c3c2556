package english

import "strings"

// enSampleWords name one item of a batch: "per sample", "for each
// example", "a single sample".
var enSampleWords = map[string]bool{"sample": true, "samples": true, "example": true, "examples": true}

// enPerSampleBefore are the words that make the next sample word one item
// of a batch, not a signal's samples ("a 1000-sample signal").
var enPerSampleBefore = map[string]bool{"per": true, "each": true, "single": true, "one": true, "every": true, "a": true}

// enPerSample reads "per sample", "for each example", "a single sample"
// as words of a batch of one, which a count is asked for, not as a length:
// "samples" is otherwise a signal's length ("1000 samples"), and a length
// makes the question one about a 1-D layer.
func enPerSample(toks []enTok) []enTok {
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != 'w' || !enSampleWords[strings.ToLower(t.raw)] {
			continue
		}
		prev := toks[i-1]
		if enPerSampleBefore[strings.ToLower(prev.raw)] || prev.kind == 'n' && prev.num == 1 {
			t.lem = "_"
		}
	}
	return toks
}
