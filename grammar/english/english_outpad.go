package english

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A transposed conv's output padding asked for an output size: "ConvTranspose2d
// k3 s2 padding=1 on 16x16, i want 32 out: what output_padding", "what
// outpad gives 64x64 from 32x32 with a 4x4 kernel, stride 2, pad 1?". The
// output padding adds one row or column at a time, below the stride (or
// the dilation), so every value that may be is tried.

// solveOutpad answers such a question in q and reports whether it was one.
// It is not one unless the question names one transposed conv, asks its
// output padding and says the input and the output wanted.
func (r *enReader) solveOutpad(q *lang.Question) (bool, error) {
	a := r.outpadAsked()
	if a == nil {
		return false, nil
	}
	in, inTok := r.outpadInput(a)
	out, outTok := r.outpadTarget(a, inTok)
	doubled := false
	if out == nil && in != nil && enDoubleRE.MatchString(r.src) {
		out, outTok, doubled = []int{2 * in[0], 2 * in[len(in)-1]}, inTok, true // "to double the size"
	}
	c := calc.Conv{Transposed: true, In: 1, Out: 1, Kernel: a.kernel, Stride: a.stride, Pad: a.pad, Dilation: a.dil, Groups: 1}
	if len(c.Kernel) == 0 && len(a.args) >= 3 {
		c.Kernel = []int{int(a.args[2])} // ConvTranspose2d(16, 8, 3, ...): in, out, kernel
	}
	if in == nil || out == nil || len(c.Kernel) == 0 {
		return false, r.fail(a.tok, "to find the output padding I need the kernel, the input size and the output size wanted",
			"say them: \"ConvTranspose2d k3 s2 p1 on 16x16, what output_padding gives 32x32?\"")
	}
	if len(out) == 1 && len(in) == 2 {
		out = []int{out[0], out[0]}
	}
	if len(in) == 1 {
		in = []int{in[0], in[0]}
	}
	if len(out) != 2 || len(in) != 2 {
		return false, nil
	}
	sv := r.outpadSolved(c, in, out)
	if sv == nil {
		return false, nil
	}
	q.Solve = sv
	q.Unused = append(append(q.Unused, r.g.unused...), r.channelArgsUnused(a)...)
	if doubled {
		q.Notes = append(q.Notes, fmt.Sprintf("%dx%d, double the input, read as the output wanted", out[0], out[1]))
	} else {
		q.Notes = append(q.Notes, fmt.Sprintf("%s read as the output wanted", r.toks[outTok].raw))
	}
	q.Notes = append(q.Notes, r.notes...)
	return true, nil
}

// enDoubleRE asks for twice the input: "to double the size", "2x upsample".
var enDoubleRE = regexp.MustCompile(`(?i)\bdoubl(?:e|es|ed|ing)\b|\b2x\s+(?:upsampl|bigger|larger)|\btwice\s+(?:the\s+|as\s+)`)

// outpadAsked is the one transposed conv whose output padding is asked
// ("what output_padding", "output_padding = ?", "which outpad"), or nil.
func (r *enReader) outpadAsked() *enAnchor {
	var de *enAnchor
	for _, a := range r.anchors {
		if a.kind == "deconv" {
			if de != nil {
				return nil
			}
			de = a
		}
	}
	if de == nil || len(de.outpad) > 0 {
		return nil
	}
	for i, t := range r.toks {
		if t.kind == 'w' && t.lem == "outpad" && (r.lem(i-1) == "what" || r.lem(i-1) == "which" || r.lem(i-2) == "what" ||
			r.lem(i+1) == "?" || r.lem(i+1) == "=" && r.lem(i+2) == "?" || r.lem(i-1) == "many" || r.lem(i-1) == "need") {
			return de
		}
	}
	return nil
}

// outpadInput is the input size of the transposed conv: the one said as
// the input, or the first size not its kernel.
func (r *enReader) outpadInput(a *enAnchor) ([]int, int) {
	if f := r.inputFact(); f != nil {
		return f.dims, f.tok
	}
	for i, t := range r.toks {
		if t.kind == 's' && i != a.at["kernel"] && (r.lem(i-1) == "on" || r.lem(i-1) == "from" || r.lem(i+1) == "input") {
			return t.dims, i
		}
	}
	return nil, 0
}

// outpadTarget is the output wanted: an output size said, a count said as
// what comes out ("32 out"), or a number after "get", "to" or "want".
func (r *enReader) outpadTarget(a *enAnchor, inTok int) ([]int, int) {
	for _, o := range r.g.outs {
		if o.tok != inTok {
			return o.dims, o.tok
		}
	}
	for _, c := range a.counts {
		if c.role == "out" && c.class == "" {
			return []int{int(c.v)}, c.tok
		}
	}
	settings := map[int]bool{}
	for _, k := range a.at {
		settings[k] = true
	}
	for i, t := range r.toks {
		if i == inTok || settings[i] || t.kind != 'n' && t.kind != 's' || t.isFrac {
			continue
		}
		prev := strings.ToLower(r.toks[max(i-1, 0)].raw)
		if r.lem(i-1) == "give" || prev == "get" || prev == "to" || prev == "want" || prev == "of" && r.lem(i-2) == "output" || r.lem(i+1) == "out" || r.lem(i+1) == "output" {
			if t.kind == 's' {
				return t.dims, i
			}
			return []int{enClamp(t.num)}, i
		}
	}
	return nil, 0
}

// outpadSolved is calc.SolveOutPad's answer, or nil when the layer
// cannot be solved (no value PyTorch allows to try).
func (r *enReader) outpadSolved(c calc.Conv, in, out []int) *calc.Solved {
	sv, err := calc.SolveOutPad(c, in, out)
	if err != nil || len(sv.Steps) == 0 {
		return nil
	}
	return sv
}

// channelArgsUnused names the channel arguments of ConvTranspose2d(16, 8,
// 3, ...) as not used: the output size does not depend on them.
func (r *enReader) channelArgsUnused(a *enAnchor) []lang.Unused {
	if len(a.args) < 2 {
		return nil
	}
	var out []lang.Unused
	k := 0
	for i := a.tok + 1; i < len(r.toks) && i <= a.tok+6 && k < 2; i++ {
		if t := r.toks[i]; t.kind == 'n' && t.num == a.args[k] {
			out = append(out, lang.Unused{Text: t.raw, Pos: enPos(r.src, t.off), Why: "a channel count: the output size does not depend on it"})
			k++
		}
	}
	return out
}
