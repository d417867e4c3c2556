package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The memory of one conv's output, asked when its kernel is not said and
// not needed: the output said in words before its size ("activation memory
// of a conv output: 64 channels, 56x56, batch 32"), said as a square side
// ("conv1 output of 96 channels at 55"), or given by 'same' padding ("a
// conv with 48 filters, 'same' padding, on a 50x50x3 input": the output is
// 50x50 with 48 channels, whatever the kernel; ceil(in/stride) at a
// stride).

// convOutputMemory reads such a question as the output tensor passed
// through the identity, so its values and bytes are counted, as
// tensorQuestion does for a tensor on its own. False unless the question
// asks for bytes or memory, names one conv and no kernel, and says the
// output's size and channels one of those ways.
func (r *enReader) convOutputMemory(q *lang.Question) bool {
	if !enStorageRE.MatchString(r.src) && !enCountAskRE.MatchString(r.src) || slices.ContainsFunc(r.g.asked, func(a string) bool { return a == "params" || a == "weights" || a == "param bytes" }) {
		return false // the memory of its weights is another question
	}
	conv := r.kernelFreeConv()
	if conv == nil {
		return false
	}
	shape, at, how := r.outputShapeSaid(conv)
	if shape == nil {
		return false
	}
	q.Batch = r.batchSaid() // english_batch_words.go
	q.Input = shape
	q.Unused = append(q.Unused, r.g.unused...)
	q.Layers = []lang.Layer{{Layer: calc.Activation{Name: "identity"}, Pos: enPos(r.src, r.toks[at].off)}}
	if enCountAskRE.MatchString(r.src) && !slices.Contains(q.Asked, "neurons") {
		q.Asked = append(q.Asked, "neurons")
	}
	if !enActivationRE.MatchString(r.src) && enStorageRE.MatchString(r.src) {
		q.Asked = append(q.Asked, "tensor bytes")
	}
	q.Notes = append(q.Notes, fmt.Sprintf("%s read as %s: the conv's output, counted as it is (its kernel is not needed for that)", r.toks[at].raw, how))
	q.Canonical = lang.Format(q)
	return true
}

// kernelFreeConv is the one conv named when no kernel is said and no other
// layer is named (activations and the word "layer" aside), or nil.
func (r *enReader) kernelFreeConv() *enAnchor {
	var conv *enAnchor
	for _, a := range r.anchors {
		switch {
		case a.kind == "act" || a.kind == "layer":
		case a.kind != "conv" || conv != nil || len(a.kernel) > 0 && !r.unitSize(a.at["kernel"]) && !r.kernelIsOutput(a):
			return nil
		default:
			conv = a
		}
	}
	return conv
}

// outputShapeSaid is the output of conv as the question says it, the token
// it was read from and how it was read; nil when it is not said.
func (r *enReader) outputShapeSaid(conv *enAnchor) (calc.Shape, int, string) {
	at := -1
	for i, t := range r.toks {
		if t.kind == 's' && !r.unitSize(i) {
			if at >= 0 {
				return nil, 0, ""
			}
			at = i
		}
	}
	if at < 0 {
		return r.outputSide()
	}
	d := r.toks[at].dims
	if len(d) < 2 || len(d) > 3 {
		return nil, 0, ""
	}
	if (r.outputBefore(at) || r.outputNamedAfter(at)) && (len(d) == 3 || r.tensorChannels() > 0) {
		shape, layout := r.tensorShape(d)
		return shape, at, layout
	}
	if f, st := r.outFilters(), r.sameStride(conv); f > 0 && st > 0 && !r.outputBefore(at) {
		shape, _ := r.tensorShape(d)
		if len(d) == 2 {
			shape = calc.Shape{0, d[0], d[1]}
		} else if nums := r.sizeUnused(at, "the input's channels: a conv's output has as many channels as it has filters"); len(nums) == 3 {
			c := nums[2] // H×W×C
			if shape[0] == d[0] {
				c = nums[0] // C×H×W
			}
			r.g.unused = append(r.g.unused, c)
		}
		out, err := calc.SameOutput(calc.Shape{shape[0], shape[1], shape[2]}, f, st)
		if err != nil {
			return nil, 0, ""
		}
		h, w := out[1], out[2]
		if st > 1 {
			why := fmt.Sprintf("the input: 'same' padding at stride %d gives %d×%d", st, h, w)
			nums := r.sizeUnused(at, why)
			if len(nums) == 3 && shape[0] == d[0] {
				nums = nums[1:] // C×H×W
			}
			r.g.unused = append(r.g.unused, nums[:2]...)
			if k, ok := conv.at["stride"]; ok && r.isNum(k) {
				r.g.unused = append(r.g.unused, lang.Unused{Text: r.toks[k].raw, Pos: enPos(r.src, r.toks[k].off), Why: why})
			}
		}
		return out, at,
			fmt.Sprintf("the input; 'same' padding at stride %d gives ceil(%d/%d)×ceil(%d/%d) = %d×%d, with the conv's %d filters as channels", st, shape[1], st, shape[2], st, h, w, f)
	}
	return nil, 0, ""
}

// sameStride is the stride of conv when it pads 'same' (out =
// ceil(in/stride), whatever the kernel, as TensorFlow pads), one stride
// for both sides; 0 when it does not pad 'same'.
func (r *enReader) sameStride(conv *enAnchor) int {
	if conv.padMode != "same" {
		return 0
	}
	st := 1
	for k, s := range conv.stride {
		if k > 0 && s != st || s < 1 {
			return 0
		}
		st = s
	}
	return st
}

// outputBefore reports whether the sentence of the size at i says an
// output before it, and no input between: "a conv output: 64 channels,
// 56x56", "the conv ouput memory: 16 channels, 240x320".
func (r *enReader) outputBefore(i int) bool {
	if r.lem(i+1) == "input" || r.lem(i+1) == "image" {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		switch l := r.lem(j); {
		case l == "." || l == "?" || l == ";" || l == "!":
			return false
		case l == "input" || l == "image" || l == "on" || l == "from" || l == "insize":
			return false
		case l == "output" || l == "outsize" || strings.HasPrefix(strings.ToLower(r.toks[j].raw), "outputt"):
			return true // "outputting"
		}
	}
	return false
}

// outputSide reads an output said by its channels and one side, "at 55":
// "conv1 output of 96 channels at 55", a square map.
func (r *enReader) outputSide() (calc.Shape, int, string) {
	c := r.tensorChannels()
	if c == 0 {
		return nil, 0, ""
	}
	side := -1
	for i, t := range r.toks {
		if t.kind == 'n' && !t.isFrac && r.lem(i-1) == "at" && t.num > 0 && t.num < 1<<16 {
			if side >= 0 {
				return nil, 0, ""
			}
			side = i
		}
	}
	if side < 0 || !r.outputBefore(side) {
		return nil, 0, ""
	}
	n := int(r.toks[side].num)
	return calc.Shape{c, n, n}, side, fmt.Sprintf("a square %d×%d map with the %d channels said", n, n, c)
}

// kernelIsOutput reports whether the size read as a's kernel is its output
// said after it: "a conv output with 512 channels, 7x7 spatial" (not "the
// output of a 3x3 conv", whose size names the conv).
func (r *enReader) kernelIsOutput(a *enAnchor) bool {
	k, ok := a.at["kernel"]
	if ok && r.outputNamedAfter(k) {
		return true // "a 55x55x96 conv output"
	}
	if !ok || k <= a.tok || r.toks[k].kind != 's' || !r.outputBefore(k) {
		return false
	}
	next := r.lem(k + 1)
	return next != "conv" && next != "kernel" && next != "filter" && next != "window"
}
