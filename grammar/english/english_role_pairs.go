package english

import (
	"fmt"
	"regexp"
	"strings"
)

// A conv's two channel counts said by their roles, in the shorthand of
// chat: "1 in ch -> 4 maps", "3 input channels to 16 feature maps",
// "64 in, 128 out channels". The first number is what the layer reads,
// the second what it makes, whatever words of channels sit between.

// enRoleIn are the words that make a number the channels a layer reads.
var enRoleIn = map[string]bool{"in": true, "input": true}

// enRoleOut are the words that make a number the channels a layer makes.
var enRoleOut = map[string]bool{"out": true, "output": true, "channel": true, "fmap": true, "filter": true}

// enRoleJoin join the two counts: "->", "to", a comma.
var enRoleJoin = map[string]bool{"->": true, "to": true, ",": true, "into": true}

// numRolePair reads "N in [channels] -> M [out] [maps]" said of a conv:
// N its input channels, M its filters. False unless the number at n is
// followed by an in-word, optionally a channel word, a joining word, and
// a number with a word of outputs after it.
func (r *enReader) numRolePair(n *enNum) bool {
	i := n.i
	if n.t.kind != 'n' || n.m == nil || n.m.kind != "conv" || !enRoleIn[r.lem(i+1)] {
		return false
	}
	j := i + 2
	if r.lem(j) == "channel" || r.lem(j) == "fmap" {
		j++
	}
	if !enRoleJoin[r.lem(j)] {
		return false
	}
	j++
	if j+1 >= len(r.toks) || r.toks[j].kind != 'n' || r.toks[j].used || r.toks[j].isFrac || !enRoleOut[r.lem(j+1)] {
		return false
	}
	n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: "channel", role: "in", tok: i},
		enCount{v: r.toks[j].num, class: "channel", role: "out", tok: j})
	r.toks[i].used, r.toks[j].used = true, true
	return true
}

// countRole reports whether the role word at j ("in", "out") belongs to
// the number just before it ("128 out"), so it says nothing of what comes
// after it: in "64 in 128 out 3x3" the 3x3 is no output size.
func (r *enReader) countRole(j int) bool {
	return j > 0 && r.toks[j-1].kind == 'n' && (r.lem(j) == "in" || r.lem(j) == "out")
}

// enPreviousOutput reads what the layer before gives as what this layer
// reads: in "the previous layer output is 14x14x32", "the layer before it
// outputs 28x28x16" and "the output of the previous layer is 7x7x64" the
// size is this layer's input, not its output. The word of output (or of
// giving) takes the lemma "input", so the size after it is filed as one.
func enPreviousOutput(toks []enTok) []enTok {
	for i := range toks {
		if toks[i].kind != 'w' || toks[i].lem != "output" && toks[i].lem != "give" {
			continue
		}
		if enPreviousBefore(toks, i) || enPreviousAfter(toks, i) {
			toks[i].lem = "input"
		}
	}
	return toks
}

// enPreviousBefore reports whether the output word at i is said of the
// layer before, named just before it: "previous layer('s) output",
// "layer before it gives".
func enPreviousBefore(toks []enTok, i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		t := toks[j]
		if t.kind != 'w' && t.raw != "'" && t.raw != "’" {
			return false
		}
		if t.lem == "previous" {
			return true
		}
		if strings.EqualFold(t.raw, "before") && j > 0 && toks[j-1].lem == "layer" {
			return true
		}
	}
	return false
}

// enPreviousAfter reports whether the output word at i is followed by
// the layer it comes from, the one before: "output of the previous
// layer", "output from the preceding conv".
func enPreviousAfter(toks []enTok, i int) bool {
	j := i + 1
	if j >= len(toks) || toks[j].lem != "of" && !strings.EqualFold(toks[j].raw, "from") {
		return false
	}
	for j++; j < len(toks) && j-i <= 3; j++ {
		if toks[j].lem == "previous" {
			return true
		}
		if toks[j].kind != 'w' {
			return false
		}
	}
	return false
}

// datasetChannels reports whether the channels read from the words came
// from a dataset's name alone ("MNIST" grayscale, "CIFAR" colour) while
// the first layer says its own input channels otherwise: "in the MNIST
// CNN, a conv with 16 input channels ... the input map is 14x14" speaks
// of a layer deep in the network, whose input has the layer's 16.
func (r *enReader) datasetChannels(first *enAnchor) (int, bool) {
	if r.g.channels == 0 || r.g.chanTok < 0 || r.g.chanTok >= len(r.toks) || first == nil {
		return 0, false
	}
	w := strings.ToLower(r.toks[r.g.chanTok].raw)
	if !strings.HasPrefix(w, "mnist") && !strings.HasPrefix(w, "cifar") {
		return 0, false
	}
	c := r.inputChannels(first)
	if c <= 0 || c == r.g.channels {
		return 0, false
	}
	r.noteOnce(fmt.Sprintf("%d input channels, as the layer says: %s names the network's images, not this layer's input", c, r.toks[r.g.chanTok].raw))
	return c, true
}

// enActivationWordsRE say the memory asked is the activations' or
// training's, not the parameters'.
var enActivationWordsRE = regexp.MustCompile(`(?i)\b(?:activations?|feature\s+maps?|forward|backward|train\w*|batch\w*|gradients?|optimi[sz]er|output\s+tensor|inference)\b`)

// paramMemory reports whether the word of memory at i asks the room of a
// layer's parameters ("how many bytes to store its weights", "bytes in
// float32?"): nothing says activations, training or a batch. The fully
// connected reading then keeps its "4096 -> 1000", which the general
// reading would cut to 1000 units.
func (r *enReader) paramMemory(i int) bool {
	return r.lem(i) == "memory" && !enActivationWordsRE.MatchString(r.src)
}

// outChannelsSaid reports whether the number at i is said as output
// channels: "128 output channels", "64 out channels".
func (r *enReader) outChannelsSaid(i int) bool {
	l := r.lem(i + 1)
	return (l == "output" || l == "out") && (r.lem(i+2) == "channel" || r.lem(i+2) == "fmap")
}

// numSideArrow reads "227 input -> 55x55": a number said as the input
// and led by an arrow to a size is the input's side, not a count of its
// channels (AlexNet's "227 input -> 55x55").
func (r *enReader) numSideArrow(n *enNum) bool {
	i := n.i
	if n.t.kind != 'n' || n.t.isFrac || r.lem(i+1) != "input" || r.lem(i+2) != "->" || i+3 >= len(r.toks) {
		return false
	}
	if next := r.toks[i+3]; next.kind != 's' && !(next.kind == 'n' && (r.lem(i+4) == "output" || r.lem(i+4) == "outsize")) {
		return false
	}
	v := enClamp(n.t.num)
	r.sizeRole(i, []int{v, v}, "in")
	r.toks[i].used = true
	return true
}

// kernelDepth is the depth of the first conv's filters said as a third
// number ("96 filters 11x11x3"): the channels of the input they span; 0
// when not said that way.
func (r *enReader) kernelDepth(first *enAnchor) int {
	if first == nil || first.kind != "conv" || len(first.kernel) != 3 || first.dims != 0 || r.g.frames > 0 || first.kernel[2] < 1 {
		return 0
	}
	c := first.kernel[2]
	r.noteOnce(fmt.Sprintf("%d input channels: the depth of the %dx%dx%d filters", c, first.kernel[0], first.kernel[1], c))
	return c
}

// nameWithKernel reports whether the layer written short at a ("conv3")
// is named again with a kernel of its own ("each neuron of conv3 ...
// conv3 uses 3x3 kernels"): the number names the layer, and the mentions
// are one layer, not a stack of 3x3 convs.
func (r *enReader) nameWithKernel(a *enAnchor) bool {
	raw := strings.ToLower(r.toks[a.tok].raw)
	for _, b := range r.anchors {
		if b == a || strings.ToLower(r.toks[b.tok].raw) != raw {
			continue
		}
		if k, ok := b.at["kernel"]; ok && k != b.tok && len(b.kernel) > 0 {
			return true
		}
	}
	return false
}

// kernelAhead reports whether the size at i names the kernel of a layer
// said just after it with its settings between ("makes a 3x3 stride 2
// conv take 56 -> 28"): a verb of giving before it does not make it an
// output when a conv or pool word follows it within its phrase.
func (r *enReader) kernelAhead(i int) bool {
	if d := r.toks[i].dims; len(d) == 0 || !kernelSized(d) || d[0] > 11 {
		return false
	}
	for j := i + 1; j < len(r.toks) && j <= i+4; j++ {
		switch l := r.lem(j); {
		case l == "conv" || l == "deconv" || l == "pool" || l == "kernel" || l == "filter":
			return true
		case l == "stride" || l == "-" || l == "dilation" || l == "depthwise" || l == "separable" || l == "max" || l == "avg":
		case r.toks[j].kind == 'n':
		default:
			return false
		}
	}
	return false
}

// kernelFirst reports whether a chain step at i is said kernel first,
// then channels: "256 -> 1x1 64 -> 3x3 64 -> 1x1 256".
func (r *enReader) kernelFirst(i int) bool {
	return i+1 < len(r.toks) && r.toks[i].kind == 's' && kernelSized(r.toks[i].dims) && r.toks[i+1].kind == 'n' && !r.toks[i+1].isFrac
}
