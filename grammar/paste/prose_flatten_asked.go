package paste

// ptFlattenAux are the words that open a yes/no question: "does it
// flatten first?", "do I need to flatten?", "should I flatten".
var ptFlattenAux = map[string]bool{"does": true, "do": true, "did": true, "will": true, "would": true, "should": true,
	"must": true, "is": true, "are": true, "shall": true}

// ptFlattenJoins may stand before a question's first word: "... or does
// it flatten?", "and do I flatten".
var ptFlattenJoins = map[string]bool{"or": true, "and": true, "so": true, "also": true, "then": true, "but": true}

// flattenAsked reports whether the "flatten" at node i is asked about,
// not said: "does it flatten first?", "do I have to flatten?". A flatten
// asked is no layer of the asker's: Keras's Dense on a sequence does not
// flatten, and the reading must not add one.
func (r *ptProseReader) flattenAsked(i int) bool {
	for j := i - 1; j >= max(0, i-4); j-- {
		if !ptFlattenAux[r.word(j)] {
			continue
		}
		if j == 0 || r.word(j-1) == "" || ptFlattenJoins[r.word(j-1)] {
			return r.endsAsked(i)
		}
	}
	return false
}

// endsAsked reports whether the sentence of node i ends with a question
// mark on its line.
func (r *ptProseReader) endsAsked(i int) bool {
	line := r.nodes[i].Pos.Line
	for j := i + 1; j < len(r.nodes) && r.nodes[j].Pos.Line == line; j++ {
		switch r.punct(j) {
		case "?":
			return true
		case ".", "!", ";":
			return false
		}
	}
	return false
}
