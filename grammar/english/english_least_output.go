package english

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The output a smallest input must still give: "the smallest square
// input that gets through all 4 blocks with at least a 1x1 output". The
// size is the bound of the search, which the question asks with an input
// size unknown; it is no layer's kernel (it was read as the last pool's).

// leastOutput reports whether the size at token i is such a bound, and
// names it as one.
func (r *enReader) leastOutput(i int) bool {
	t := r.toks[i]
	if t.kind != 's' || i < 2 || r.lem(i+1) != "output" {
		return false
	}
	at := i - 1
	if r.lem(at) == "the" {
		at--
	}
	if at < 1 || !(strings.EqualFold(r.toks[at].raw, "least") && strings.EqualFold(r.toks[at-1].raw, "at") || strings.EqualFold(r.toks[at].raw, "minimum") || strings.EqualFold(r.toks[at].raw, "nonzero")) {
		return false
	}
	r.toks[i].used = true
	r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw, Pos: enPos(r.src, t.off),
		Why: fmt.Sprintf("the least output the input must give: %s", t.raw)})
	return true
}
