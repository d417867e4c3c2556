package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Every number of a question is accounted for (account.go); so are its
// words that name a quantity asked or a layer. A reading that leaves one
// of them out says so first: it is not confident. "what is the receptive
// field ... conv - conv - pool - conv" read as two layers, or "wat padding
// keeps the size" answered with parameters, shows itself.

// askedCue matches a word that makes a quantity named near it asked.
var askedCue = regexp.MustCompile(`(?i)\b(?:what|wat|wht|which|how|find|compute|calculate|calc|get|need|needed|required|give|gives|is|are)\b|\?`)

// askedQuantities are quantities a question may name, what the reading
// must have asked to answer each, and what the doubt says.
var askedQuantities = []struct {
	word  *regexp.Regexp
	asked []string // any of these asked answers it
	solve string   // or an inverse question solving for this
	name  string
}{
	{regexp.MustCompile(`(?i)\b(?:receptive\s+fields?|rf)\b(?:\s+(?:of\s+)?(?:size\s+)?(?:[a-z]\s*=\s*)?\d)?`), []string{"receptive field"}, "", "the receptive field"},
	{regexp.MustCompile(`(?i)\b(?:macs?|flops|multiply[- ]accumulates?|multiplications|mult-adds|madds)\b`), []string{"macs", "flops"}, "", "the multiply-accumulates"},
	{regexp.MustCompile(`(?i)\b(?:what|wat|which|how\s+much)\s+(?:padding|pad)\b|\b(?:padding|pad)\s+(?:do\s+i\s+need|is\s+needed|needed|required|should\s+i)\b`), nil, "pad", "the padding"},
	{regexp.MustCompile(`(?i)\b(?:what|wat|which)\s+stride\b`), nil, "stride", "the stride"},
}

// doubts lists what src asks that the reading q does not answer.
func doubts(src string, q *Question) []string {
	if !askedCue.MatchString(src) {
		return nil
	}
	var out []string
	for _, a := range askedQuantities {
		m := a.word.FindString(src)
		if m == "" || strings.ContainsAny(m[len(m)-1:], "0123456789") {
			continue // "receptive field 11": CS231n's word for the kernel size
		}
		if slices.ContainsFunc(a.asked, func(x string) bool { return slices.Contains(q.Asked, x) }) {
			continue
		}
		if q.Solve != nil && a.solve != "" || q.Solve != nil && len(a.asked) == 0 {
			continue
		}
		if len(q.Asked) == 0 && len(a.asked) > 0 && a.asked[0] == "macs" && q.Network {
			continue // a network's headline has its MACs
		}
		out = append(out, fmt.Sprintf("the question asks for %s, and this reading does not answer it", a.name))
	}
	return out
}

// layerWord matches a word naming a layer in prose.
var proseLayerWord = regexp.MustCompile(`(?i)\b(?:conv(?:s|olutions?|olutional)?\d?|max[\s-]?pool(?:ing|s)?\d?|avg[\s-]?pool(?:ing|s)?\d?|pool(?:ing|s)?\d?|dense|fc\d?|fully[\s-]connected)\b`)

// mentioned matches the end of a text before a layer word that names a
// layer already named ("the maxpool", "that conv").
var mentioned = regexp.MustCompile(`(?i)\b(?:the|that|this|each|every|per|all|its)\s+$`)

// fewerLayers is a doubt when src names more layers in prose than the
// reading has, or "".
func fewerLayers(src string, q *Question) string {
	named := 0
	seen := map[string]bool{}
	for _, m := range proseLayerWord.FindAllStringIndex(src, -1) {
		word := strings.ToLower(src[m[0]:m[1]])
		if mentioned.MatchString(src[:m[0]]) || seen[word] && strings.ContainsAny(word, "0123456789") {
			continue // "after the maxpool", conv1 again: a layer named before
		}
		seen[word] = true
		named++
	}
	leaves := 0
	for _, l := range q.Layers {
		leaves += countLeaves(l.Layer)
	}
	if named <= leaves+1 || named < 4 {
		return ""
	}
	return fmt.Sprintf("the question names %d layers, and this reading has %d", named, leaves)
}

// countLeaves counts the sized layers of l, activations and the like left
// out.
func countLeaves(l calc.Layer) int {
	switch l.(type) {
	case calc.Activation, calc.Dropout, calc.Flatten:
		return 0
	}
	return int(calc.Leaves(l, 1<<20))
}
