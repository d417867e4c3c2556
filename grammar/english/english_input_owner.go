package english

import "strings"

// The input named as the owner of a count: "a layer whose input has 12
// feature maps", "the input to this conv has 24 maps", "its input
// consists of 10 maps". The maps are what the layer reads, not its
// filters; read as filters, the layer's channels came out the other way
// round.

// enOwnerArticles may come between the input and its count.
var enOwnerArticles = map[string]bool{"the": true, "a": true, "an": true, "its": true, "whose": true, "this": true, "that": true, "my": true, "our": true, "their": true, "all": true}

// enOwnerVerbs say what the input holds: "has", "contains", "consists of";
// not "with", which in "a conv on an input with 12 filters" is the conv's.
var enOwnerVerbs = map[string]bool{"has": true, "have": true, "had": true, "contains": true, "containing": true, "consists": true, "of": true, "is": true, "are": true, "holds": true, "carries": true, "comprises": true}

// inputOwned is "in" when the count at i is said of the layer's input,
// over a verb of holding and, after the input, "to this conv": "whose
// input has 12 feature maps", "the input to this layer has 24 maps";
// "" otherwise.
func (r *enReader) inputOwned(i int) string {
	verb := false
	for j := i - 1; j >= 0 && i-j <= 7; j-- {
		t := r.toks[j]
		w := strings.ToLower(t.raw)
		switch {
		case t.kind != 'w':
			return ""
		case enOwnerVerbs[w]:
			verb = true
		case enOwnerArticles[w]:
		case (enKinds[t.lem] || t.lem == "layer") && j >= 2 && enOwnerArticles[strings.ToLower(r.toks[j-1].raw)] && (r.lem(j-2) == "to" || strings.EqualFold(r.toks[j-2].raw, "into") || strings.EqualFold(r.toks[j-2].raw, "of")):
			j -= 2 // "the input to this conv has ...": the input is still the owner
			if j > 0 && t.lem != "" && r.lem(j-1) == "input" && verb {
				return "in"
			}
		case t.lem == "input" && !t.plural && verb:
			return "in"
		default:
			return ""
		}
	}
	return ""
}
