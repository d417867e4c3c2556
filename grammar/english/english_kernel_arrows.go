package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A block said as its channels joined by arrows, each conv's kernel beside
// the channels it makes: "bottleneck 256 -> 64 (1x1) -> 64 (3x3) -> 256
// (1x1), convs without bias, each followed by a BatchNorm2d", "128 -> 32
// 1x1 -> 32 3x3 -> 128 1x1". Each arrow is one conv; a batch norm follows
// each when the words say so. It applies only when every number of the
// question is in the chain; otherwise the other readings go on.

// enProjectionRE matches a shortcut with a conv of its own, which this
// reading does not hold; "no projection" does not match.
var enProjectionRE = regexp.MustCompile(`(?i)\bprojection|\bdownsample\b|\b1x1\s+shortcut`)

// enNoProjectionRE matches the projection said absent.
var enNoProjectionRE = regexp.MustCompile(`(?i)\b(?:no|without(?:\s+a)?|not?\s+a)\s+(?:shortcut\s+|skip\s+|residual\s+)?(?:projection|downsampl\w*)|\bidentity\s+shortcut`)

// kaStep is one conv of the chain: the channels it makes, its kernel and
// stride, and the tokens it spans.
type kaStep struct {
	out    int
	kernel []int
	stride int
	toks   []int
}

// kernelArrows reads the question as such a chain into q; false leaves it
// to the other readings.
func (r *enReader) kernelArrows(q *lang.Question) bool {
	start := slices.IndexFunc(r.toks, func(t enTok) bool { return t.kind == 'n' })
	if start < 0 || r.lem(start+1) != "->" || r.comparing() {
		return false
	}
	if enProjectionRE.MatchString(r.src) && !enNoProjectionRE.MatchString(r.src) {
		return false
	}
	steps, end := r.kaSteps(start + 1)
	if len(steps) < 2 || r.kaOtherNumbers(start, end) {
		return false
	}
	noBias := enNoBiasRE.MatchString(r.src)
	bn := enEachBNRE.MatchString(r.src) || enSegAllBNRE.MatchString(r.src)
	in := enClamp(r.toks[start].num)
	chain := []int{in}
	for _, s := range steps {
		c := calc.Conv{Dims: 2, In: in, Out: s.out, Kernel: s.kernel, NoBias: noBias}
		if s.stride > 1 {
			c.Stride = []int{s.stride}
		}
		pos := enPos(r.src, r.toks[s.toks[0]].off)
		q.Layers = append(q.Layers, lang.Layer{Layer: c, Pos: pos})
		if bn {
			q.Layers = append(q.Layers, lang.Layer{Layer: calc.BatchNorm{C: s.out}, Pos: pos})
		}
		in = s.out
		chain = append(chain, s.out)
	}
	if _, err := (calc.Network{Layers: calcLayers(q.Layers)}).Summarize(); err != nil {
		q.Layers = nil
		return false
	}
	q.Network = true
	r.notes = slices.DeleteFunc(r.notes, func(n string) bool { return strings.Contains(n, " read as the ") })
	note := fmt.Sprintf("read as %d convs, one per arrow, each with the kernel said beside its channels: %s", len(steps), enArrowText(chain))
	if bn {
		note += "; a batch norm after each"
	}
	r.notes = append(r.notes, note)
	q.Framework = r.framework()
	return true
}

// kaSteps reads the steps from token i on, each "-> C (KxK)" or "-> C
// KxK", with an optional stride in the brackets; end is the token after
// the last step.
func (r *enReader) kaSteps(i int) (steps []kaStep, end int) {
	for r.lem(i) == "->" && (r.isNum(i+1) || r.kernelFirst(i+1)) {
		if r.kernelFirst(i + 1) { // english_role_pairs.go: "-> 1x1 64"
			s := kaStep{out: enClamp(r.toks[i+2].num), kernel: r.toks[i+1].dims, toks: []int{i + 2, i + 1}}
			if i += 3; r.lem(i) == "conv" {
				i++
			}
			steps = append(steps, s)
			continue
		}
		s := kaStep{out: enClamp(r.toks[i+1].num), toks: []int{i + 1}}
		j := i + 2
		open := r.lem(j) == "("
		if open {
			j++
		}
		if j >= len(r.toks) || r.toks[j].kind != 's' || !kernelSized(r.toks[j].dims) {
			return nil, 0
		}
		s.kernel, s.toks = r.toks[j].dims, append(s.toks, j)
		j++
		if r.lem(j) == "conv" {
			j++
		}
		if open && r.lem(j) == "," && r.lem(j+1) == "stride" && r.isNum(j+2) {
			s.stride, s.toks = enClamp(r.toks[j+2].num), append(s.toks, j+2)
			j += 3
		}
		if open {
			if r.lem(j) != ")" {
				return nil, 0
			}
			j++
		}
		steps, i = append(steps, s), j
	}
	return steps, i
}

// kaOtherNumbers reports whether a number or size is said outside the
// chain from start to end: a setting or an input this reading would drop.
func (r *enReader) kaOtherNumbers(start, end int) bool {
	for i, t := range r.toks {
		if (t.kind == 'n' || t.kind == 's') && (i < start || i >= end) {
			return true
		}
	}
	return false
}
