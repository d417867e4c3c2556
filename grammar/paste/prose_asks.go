package paste

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The words that ask for an output size, as people write them around
// code: "-> shape??", "out + params?", "out len", "whats h/w", "output
// HxW", "what image size comes out", "how many features after flatten".

// ptSizeWords name a size; asked for unless a word before says whose
// (the input's, the kernel's, the batch's).
var ptSizeWords = map[string]bool{"shape": true, "shapes": true, "size": true, "sizes": true, "dims": true, "dimension": true,
	"dimensions": true, "length": true, "len": true, "hxw": true, "hw": true, "height": true, "width": true, "resolution": true}

// ptNotOutputWords before a size word make it another size than the
// output's.
var ptNotOutputWords = map[string]bool{"input": true, "in": true, "inputs": true, "image": true, "images": true, "img": true,
	"kernel": true, "filter": true, "filters": true, "batch": true, "pool": true, "pooling": true, "step": true, "window": true,
	"patch": true, "stride": true, "padding": true, "hidden": true, "embedding": true, "vocab": true, "of": true, "data": true,
	"sequence": true, "seq": true, "file": true, "font": true, "minibatch": true, "sample": true, "my": true, "same": true}

// ptNotOutputNext after "output" make it another quantity's word.
var ptNotOutputNext = map[string]bool{"channels": true, "channel": true, "features": true, "feature": true, "layer": true,
	"layers": true, "units": true, "neurons": true, "neuron": true, "padding": true, "classes": true, "nodes": true, "node": true,
	"filters": true, "maps": true}

// ptHWBefore before "h/w" make it asked.
var ptHWBefore = map[string]bool{"out": true, "output": true, "final": true, "new": true, "whats": true, "what": true,
	"the": true, "its": true, "and": true, "s": true, "is": true, "are": true}

// asksOutput reports whether node i asks for the output size.
func (r *ptProseReader) asksOutput(i int) bool {
	w, prev, next := r.word(i), r.word(i-1), r.word(i+1)
	switch {
	case ptSizeWords[w]:
		if next == "mismatch" || next == "mismatches" {
			return false // "crashes with size mismatch"
		}
		if prev == "output" || prev == "out" {
			return true
		}
		// "input image size", not "img -> shape"
		return !ptNotOutputWords[prev] && (r.punct(i-1) != "" || !ptNotOutputWords[r.word(i-2)])
	case w == "output" || w == "outputs":
		// "is the output 112 or 113?", not "output channels", "output = ..."
		// or "backbone outputs [N, 128, H, W]" (a size given, not asked)
		j := i + 1
		if ptArticles[r.word(j)] || ptArticles[next] {
			j++ // "outputs a 28x28x6 volume"
		}
		if len(r.nodes[i].Calls) > 0 || j < len(r.nodes) && (r.nodes[j].Group != nil || r.nodes[j].Dims != "" || len(r.nodes[j].Calls) > 0 ||
			(w == "outputs" && r.nodes[j].Num != "")) {
			return false
		}
		return !ptNotOutputNext[next] && r.punct(i+1) != "=" && r.punct(i+1) != "." && r.punct(i+1) != "_"
	case w == "h" && (r.punct(i+1) == "/" || r.punct(i+1) == ",") && r.word(i+2) == "w":
		// "whats h/w now", "out h,w?", not "with H,W varying"
		return ptHWBefore[prev] || r.punct(i+3) == "?"
	case w == "out":
		// "out + params?", "comes out", "out?" (not "out of", "out_channels")
		p := r.punct(i + 1)
		return p == "+" || p == "?" || p == "," || p == "&" || next == "and" || i+1 >= len(r.nodes) ||
			prev == "comes" || prev == "come" || prev == "coming"
	case w == "features" || w == "values" || w == "neurons":
		// "how many features after flatten", not "in_features"
		return prev == "many" && strings.Contains(r.rest(i, 4), "flatten")
	case r.punct(i) == "?" && r.punct(i-1) == "->":
		return true // "-> ? and params"
	}
	return false
}

// punct is node i's punctuation, or "".
func (r *ptProseReader) punct(i int) string {
	if i < 0 || i >= len(r.nodes) {
		return ""
	}
	return r.nodes[i].Punct
}

// rest is the next n words after node i, lowercase, joined by spaces.
func (r *ptProseReader) rest(i, n int) string {
	var ws []string
	for j := i + 1; j < len(r.nodes) && j <= i+n; j++ {
		ws = append(ws, r.word(j))
	}
	return strings.Join(ws, " ")
}

// ptWhatIfWords say the size that follows replaces the one given: "if i
// switch my images to 128x128", "resize them to 64x64 instead".
var ptWhatIfWords = map[string]bool{"switch": true, "change": true, "changed": true, "resize": true, "resized": true,
	"instead": true, "feed": true, "upscale": true, "downscale": true, "increase": true, "decrease": true}

// whatIf reads a later size written after "to" with a word of
// ptWhatIfWords before it as the size asked about.
func (r *ptProseReader) whatIf(i int, n *ptNode) {
	if n.Dims == "" || r.p.whatIf != nil || r.word(i-1) != "to" {
		return
	}
	for j := i - 2; j >= 0 && j >= i-8; j-- {
		if ptWhatIfWords[r.word(j)] {
			r.p.whatIf, r.p.whatIfAt = ptDimsOf(n.Dims), ptPos(n.Pos)
			return
		}
	}
}

// ptNoBiasRE says in words that a layer has no bias.
var ptNoBiasRE = regexp.MustCompile(`(?i)\bbias\s*=\s*false\b|\bno bias\b|\bwithout (?:a )?bias\b|\bbias-free\b`)

// ptNoBiasWords reports whether src says a layer has no bias.
func ptNoBiasWords(src string) bool { return ptNoBiasRE.MatchString(src) }

// commaShape reads sizes written with commas after a word that says a
// shape follows: "on N,16,50,100", "input is 8, 3, 32, 32" (a leading N or
// B is the batch). It reports whether it did.
func (r *ptProseReader) commaShape(i int) bool {
	if !ptShapeWords[r.word(i)] || r.groupedCount(i+1) {
		return false
	}
	line := r.nodes[i].Pos.Line
	var d []int
	j := i + 1
	if j < len(r.nodes) && r.nodes[j].Ident != "" && len(r.nodes[j].Calls) == 0 && len(r.nodes[j].Ident) <= 5 && r.punct(j+1) == "," {
		j += 2 // N, B, batch
	}
	for ; j < len(r.nodes) && r.nodes[j].Pos.Line == line; j += 2 {
		v := r.num(j)
		if v < 1 {
			break
		}
		d = append(d, v)
		if r.punct(j+1) != "," {
			break
		}
	}
	if len(d) < 2 || len(d) > 5 {
		return false
	}
	r.p.dims, r.p.dimsPos = d, ptPos(r.nodes[i+1].Pos)
	return true
}

// ptTensWords are the tens written as words; lang.NumberWords the rest.
var ptTensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90}

// wordsBefore reads a number written in words that ends at node i:
// "thirty two", "sixty-four", "sixteen"; 0 when there is none.
func (r *ptProseReader) wordsBefore(i int) int {
	w := r.word(i)
	if t := ptTensWords[w]; t > 0 {
		return t
	}
	u := lang.NumberWords[w]
	if u == 0 || u >= 10 {
		return u
	}
	j := i - 1
	if r.punct(j) == "-" {
		j--
	}
	return ptTensWords[r.word(j)] + u
}

// productShape reads sizes written as a product after a word that says a
// shape follows: "flatten gives 7*7*64". It reports whether it did.
func (r *ptProseReader) productShape(i int) bool {
	switch r.word(i) {
	case "gives", "give", "outputs", "returns", "is": // not "instead of 64*4*4"
	default:
		return false
	}
	var d []int
	j := i + 1
	for ; j < len(r.nodes) && r.nodes[j].Pos.Line == r.nodes[i].Pos.Line; j += 2 {
		v := r.num(j)
		if v < 1 {
			return false
		}
		d = append(d, v)
		if r.punct(j+1) != "*" {
			break
		}
	}
	if len(d) < 2 || len(d) > 4 || ptCheckWords[r.word(j+1)] {
		return false // "is 4*4*50 right for 28x28": the figure to check, not the input
	}
	r.p.dims, r.p.dimsPos = d, ptPos(r.nodes[i+1].Pos)
	return true
}

// ptCheckWords after a size ask whether it is right: the size is the
// asker's figure to check.
var ptCheckWords = map[string]bool{"right": true, "correct": true, "ok": true, "okay": true, "wrong": true, "fine": true}

// ptLinearNameRE names a Linear in words: fc, fc1, linear, dense.
var ptLinearNameRE = regexp.MustCompile(`^(?:fc|fc_?[0-9]|linear[0-9]?|dense|classifier|head)$`)

// asksInFeatures reports whether node i asks what a Linear takes:
// "in_features?", "fc1 in = ?", "the linear's input size".
func (r *ptProseReader) asksInFeatures(i int) bool {
	switch w := r.word(i); {
	case w == "in_features" || w == "infeatures" || w == "in_feature":
		return len(r.nodes[i].Calls) == 0 && r.punct(i+1) != "="
	case w == "in" || w == "input":
		return ptLinearNameRE.MatchString(r.word(i-1)) && (r.punct(i+1) == "=" || r.punct(i+1) == "?" || r.word(i+1) == "size" || r.word(i+1) == "features")
	}
	return false
}

// ptAskInFeatures asks for the output when the words ask what a Linear
// takes and the reading has no Linear: what the layers give, flattened.
func ptAskInFeatures(prose ptProse, q *lang.Question) {
	if !prose.inFeatures || len(q.Asked) > 0 || q.Input == nil || len(q.Layers) == 0 {
		return
	}
	if _, ok := ptFirstLinear(q.Layers); ok {
		return
	}
	q.Asked = []string{"output"}
}

// ptNotWordsRE marks a line of code, not words: an assignment, a module,
// a def, a return, a call on self.
var ptNotWordsRE = regexp.MustCompile(`^\s*(?:[\w.\[\]]+\s*=[^=]|def\s|class\s|return\b|#|for\s|if\s|[\w.]+\()|\bnn\.\w+\(`)

// ptMessageSizesRE are the sizes of a message the front-end does not
// read: "Calculated padded input size per channel: (2 x 2)", "Given
// input size: (512x4x4)".
var ptMessageSizesRE = regexp.MustCompile(`(?i)\bcalculated\b|\bgiven\s+input\s+size\b|\bexpected\s+input\b|\binput\[`)

// ptGroupRE is words in brackets; ptLayerWordsRE marks a group that tells
// layers, not the input: "(28x28 input, max_pool2d(2) after each conv)".
var (
	ptGroupRE = regexp.MustCompile(`\(([^()\n]*)\)`)
	// ptCountEachRE is "each" after a count of the data, which tells no
	// layer: "(12 leads, 5000 samples each)".
	ptCountEachRE  = regexp.MustCompile(`(?i)\b(samples|steps|timesteps|points|tokens|readings|values|frames|leads|channels)\s+each\b`)
	ptLayerWordsRE = regexp.MustCompile(`(?i)pool|conv|linear|dense|relu|stride|pad|kernel|filter|layer|after|before|each|block|flatten`)
)

// ptInputGroups keeps of line only the words in brackets that tell no
// layer; the rest is blanked (spaces, so positions hold).
func ptInputGroups(line string) string {
	out := []byte(strings.Repeat(" ", len(line)))
	for _, m := range ptGroupRE.FindAllStringSubmatchIndex(line, -1) {
		if !ptLayerWordsRE.MatchString(ptCountEachRE.ReplaceAllString(line[m[2]:m[3]], "$1")) {
			copy(out[m[2]:m[3]], line[m[2]:m[3]])
		}
	}
	return string(out)
}

// ptBracketProse fills the input the words give in brackets ("for my
// emotion classifier (48x48 grayscale)"), which the reader of words skips
// as a call's arguments, when the words outside brackets give none.
func ptBracketProse(code string, p ptProse) ptProse {
	if p.dims != nil {
		return p
	}
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		if ptNotWordsRE.MatchString(l) || !strings.Contains(l, "(") || ptTooSmallRE.MatchString(l) || ptMessageSizesRE.MatchString(l) {
			lines[i] = strings.Repeat(" ", len(l))
			continue
		}
		lines[i] = ptInputGroups(l)
	}
	f, err := ptParseTree(strings.Join(lines, "\n"))
	if err != nil {
		return p
	}
	inner := ptReadProse(f)
	if inner.dims == nil {
		if p.length == 0 && inner.length > 0 {
			// "1D CNN on sensor data (12 channels, sequence length 250)"
			p.length = inner.length
			if p.channels == 0 {
				p.channels, p.chPos = inner.channels, inner.chPos
			}
		}
		return p
	}
	p.dims, p.dimsPos, p.single = inner.dims, inner.dimsPos, inner.single
	if p.channels == 0 {
		p.channels, p.chPos = inner.channels, inner.chPos
	}
	return p
}
