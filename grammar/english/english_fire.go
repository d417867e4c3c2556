package english

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// SqueezeNet's fire module said in prose: "128 input channels, squeeze
// 1x1 to 24, then expand 1x1 to 96 and expand 3x3 to 96 (concatenated)".
// A 1x1 squeeze conv, then two expand convs side by side on its output,
// a 1x1 and a 3x3 (padded 1), their outputs joined along the channels.

var (
	// enFireSqueezeRE is the squeeze: "squeeze 1x1 to 24", "squeeze1x1 = 16",
	// "squeeze layer with 16 filters".
	enFireSqueezeRE = regexp.MustCompile(`(?i)\bsqueeze\w*\s*(?:\(?\s*1\s*[x×]\s*1\s*\)?)?\s*(?:conv\w*\s*|layer\s*)?(?:to|->|→|=|:|of|with|has)?\s*(\d+)\b`)
	// enFireExpandRE is one expand: "expand 3x3 to 96", "expand3x3 = 64".
	enFireExpandRE = regexp.MustCompile(`(?i)\bexpand\w*?\s*\(?\s*([13])\s*[x×]\s*([13])\s*\)?\s*(?:conv\w*\s*|layer\s*)?(?:to|->|→|=|:|of|with|has)?\s*(\d+)\b`)
	// enFireInRE is the module's input channels: "128 input channels",
	// "input of 96 channels", "in_channels=96", "from 128 channels".
	enFireInRE = regexp.MustCompile(`(?i)\b(\d+)\s+(?:input|in)\s+(?:channels|ch|maps)\b|\b(?:input|in_channels|inplanes)\s*(?:=|:|of|has|with|is)?\s*(\d+)\s*(?:channels|ch|maps)?\b|\bfrom\s+(\d+)\s+channels\b`)
)

// fireModule reads the question as a fire module; false leaves it to the
// other readings. Every number of the question must be one of the
// module's channel counts or kernels.
func (r *enReader) fireModule() (*lang.Question, bool) {
	sq := enFireSqueezeRE.FindStringSubmatchIndex(r.src)
	ex := enFireExpandRE.FindAllStringSubmatchIndex(r.src, -1)
	in := enFireInRE.FindStringSubmatchIndex(r.src)
	if sq == nil || len(ex) != 2 || in == nil {
		return nil, false
	}
	num := func(m []int, g int) int {
		v, _ := strconv.Atoi(r.src[m[2*g]:m[2*g+1]])
		return v
	}
	cin := 0
	for g := 1; g <= 3 && cin == 0; g++ {
		if in[2*g] >= 0 {
			cin = num(in, g)
		}
	}
	s := num(sq, 1)
	noBias := enNoBiasRE.MatchString(r.src)
	var branches [][]calc.Layer
	kernels := map[int]bool{}
	for _, m := range ex {
		k, k2 := num(m, 1), num(m, 2)
		if k != k2 {
			return nil, false
		}
		kernels[k] = true
		c := calc.Conv{Kernel: []int{k}, In: s, Out: num(m, 3), NoBias: noBias}
		if k == 3 {
			c.Pad = []int{1}
		}
		branches = append(branches, []calc.Layer{c})
	}
	if !kernels[1] || !kernels[3] || cin < 1 || s < 1 || r.fireOtherNumbers(append([][]int{sq, in}, ex...)) {
		return nil, false
	}
	pos := enPos(r.src, sq[0])
	q := &lang.Question{Asked: r.g.asked, Network: true, Framework: r.framework()}
	q.Layers = []lang.Layer{
		{Layer: calc.Conv{Kernel: []int{1}, In: cin, Out: s, NoBias: noBias}, Pos: pos},
		{Layer: calc.Concat{Branches: branches}, Pos: enPos(r.src, ex[0][0])},
		{Layer: calc.Activation{Name: "identity"}, Pos: enPos(r.src, ex[0][0])},
	}
	if _, err := (calc.Network{Layers: calcLayers(q.Layers)}).Summarize(); err != nil {
		return nil, false
	}
	q.Notes = append(q.Notes, fmt.Sprintf("read as a fire module: a 1x1 squeeze conv %d->%d, then a 1x1 and a 3x3 (pad 1) expand conv side by side on its output, joined along the channels", cin, s))
	q.Canonical = lang.Format(q)
	return q, true
}

// fireOtherNumbers reports whether the question says a number outside
// the matches the module was read from, which this reading would drop.
func (r *enReader) fireOtherNumbers(matches [][]int) bool {
	for _, t := range r.toks {
		if t.kind != 'n' && t.kind != 's' {
			continue
		}
		inside := false
		for _, m := range matches {
			inside = inside || t.off >= m[0] && t.end <= m[1]
		}
		if !inside {
			return true
		}
	}
	return false
}
