package english

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// enOrdinals number the layers a question describes one by one: "the
// first one has sixteen 3x3 filters, the second thirty two".
var enOrdinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

// ordSeg is one layer said after its ordinal: its filters and kernel.
type ordSeg struct {
	tok, out, kernel int
	stride, pad      int // 0 when not said
}

// ordinalStack reads convs described one by one after ordinals: "two conv
// layers, first one has sixteen 3x3 filters, second thirty two 3x3
// filters, input is one channel". Each ordinal's words give its filter
// count and kernel, and nothing else; the input's channels are said
// outside them. False leaves the question to the other readings: an
// ordinal out of order, a number with no place, a setting (a stride, a
// padding) the reading would drop.
func (r *enReader) ordinalStack(q *lang.Question) bool {
	at := r.ordinalsAt()
	if len(at) < 2 {
		return false
	}
	segs := make([]ordSeg, len(at))
	used := map[int]bool{}
	for k, i := range at {
		end := len(r.toks)
		if k+1 < len(at) {
			end = at[k+1]
		}
		s, ok := r.ordSegment(i, end, used)
		if !ok {
			return false
		}
		segs[k] = s
	}
	in, input, ok := r.ordInput(used, len(at))
	if !ok {
		return false
	}
	chain := []int{in}
	for _, s := range segs {
		c := calc.Conv{Dims: 2, In: chain[len(chain)-1], Out: s.out, Kernel: []int{s.kernel}, NoBias: enNoBiasRE.MatchString(r.src)}
		if s.stride > 0 {
			c.Stride = []int{s.stride}
		}
		if s.pad > 0 {
			c.Pad = []int{s.pad}
		}
		q.Layers = append(q.Layers, lang.Layer{Layer: c, Pos: enPos(r.src, r.toks[s.tok].off)})
		chain = append(chain, s.out)
	}
	q.Network = true
	if input != nil {
		q.Input = calc.Shape{in, input[0], input[1]}
	}
	r.notes = append(r.notes, fmt.Sprintf("read as %d convs, one per ordinal, channels %s", len(segs), enArrowText(chain)))
	q.Framework = r.framework()
	return true
}

// ordinalsAt lists the tokens of the ordinals "first", "second", ... when
// they come in order from the first; nil otherwise.
func (r *enReader) ordinalsAt() []int {
	var at []int
	for i, t := range r.toks {
		if k, ok := enOrdinals[strings.ToLower(t.raw)]; ok && t.kind == 'w' {
			if k != len(at)+1 {
				return nil
			}
			at = append(at, i)
		}
	}
	return at
}

// ordSegment reads the words of one layer, from its ordinal at i up to
// end (or the end of its sentence): one filter count and one kernel, a
// stride and a padding if said. It
// marks the tokens read in used.
func (r *enReader) ordSegment(i, end int, used map[int]bool) (ordSeg, bool) {
	s := ordSeg{tok: i}
	for j := i + 1; j < end; j++ {
		t := r.toks[j]
		switch {
		case t.kind == 'p' && (t.lem == "." || t.lem == ";" || t.lem == "?"):
			end = j
		case t.lem == "," && s.out > 0 && s.kernel > 0 && !ordSettingWords[r.lem(j+1)], t.kind == 'w' && t.lem == "on":
			end = j // "..., on a 32x32 image": the input's words
		case t.kind == 'w' && (t.lem == "stride" || t.lem == "pad") && r.isNum(j+1):
			v := enClamp(max(r.toks[j+1].num, 0))
			if t.lem == "stride" {
				s.stride = v
			} else {
				s.pad = v
			}
			used[j+1] = true
			j++
		case t.kind == 'w' && (t.lem == "input" || t.lem == "stride" || t.lem == "pad" || t.lem == "dilation" || t.lem == "same"):
			if t.lem != "input" {
				return s, false // a setting this reading would drop
			}
			end = j
		case t.kind == 's' && s.kernel == 0 && kernelSized(t.dims) && t.dims[0] == t.dims[1]:
			s.kernel = t.dims[0]
			used[j] = true
		case t.kind == 'n' && s.out == 0 && !t.isFrac && t.num > 0 && r.countNoun(j):
			s.out = enClamp(t.num)
			used[j] = true
		case t.kind == 'n' || t.kind == 's':
			return s, false
		}
	}
	return s, s.out > 0 && s.kernel > 0
}

// ordSettingWords continue a layer's words after a comma.
var ordSettingWords = map[string]bool{"stride": true, "pad": true, "with": true, "and": true, "nopad": true}

// countNoun reports whether a noun of filters follows the number at j,
// a kernel size between them allowed ("sixteen 3x3 filters").
func (r *enReader) countNoun(j int) bool {
	k := j + 1
	if k < len(r.toks) && r.toks[k].kind == 's' {
		k++
	}
	l := r.lem(k)
	return l == "filter" || l == "kernel" || l == "fmap" || l == "channel"
}

// ordInput reads the input outside the layers: its channels ("input is
// one channel", "rgb", "grayscale", "3 channels in") and its size if
// said; the count of layers ("two conv layers") may be written too. Any
// other number leaves the question to the other readings.
func (r *enReader) ordInput(used map[int]bool, layers int) (in int, size []int, ok bool) {
	for i, t := range r.toks {
		switch {
		case used[i] || t.kind == 'w' && t.lem == "rgb" && in == 0:
			if !used[i] {
				in = 3
			}
		case t.kind == 'w' && t.lem == "gray" && in == 0:
			in = 1
		case t.kind == 'n' && !t.isFrac && int(t.num) == layers && (r.lem(i+1) == "conv" || r.lem(i+1) == "layer"):
		case t.kind == 'n' && !t.isFrac && t.num > 0 && r.lem(i+1) == "channel" && in == 0:
			in = enClamp(t.num)
		case t.kind == 's' && size == nil && len(t.dims) == 2 && !kernelSized(t.dims):
			size = t.dims
		case t.kind == 's' && size == nil && len(t.dims) == 3 && in == 0 && !kernelSized(t.dims[:2]):
			size, in = t.dims[:2], t.dims[2]
		case t.kind == 'n' || t.kind == 's':
			return 0, nil, false
		}
	}
	return in, size, in > 0
}
