package english

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A size stack is a stack written without its channels, as people type it
// in chat when they ask only for sizes: "28x28 -> conv k5 no pad -> maxpool
// 2 -> conv k5 -> maxpool 2", "56x56, k3s2p1 then k3s1p1 then k3s2p1",
// "five conv k3 s2 p1 layers from 416", "3 blocks of [conv3x3 p1 +
// maxpool2], channels 32 64 128". Sizes and the receptive field do not
// depend on the channels, so one is assumed and the reply says so; the
// channels a flatten needs come from the last block's ("channels 32 64
// 128", "last block has 256 ch", "10 hidden units").

// enMaxStack bounds the layers a size stack unrolls to, so a reply costs
// little whatever the counts written ("64 blocks of 64 convs").
const enMaxStack = 512

// ssLayer is one sized layer of a size stack as written.
type ssLayer struct {
	pool                bool
	avg                 bool
	kernel, stride, pad int // -1: not said
	dil                 int
	same                bool
	tok                 int // the token that opened it
	times               int // "five conv ... layers": how many; 0 means 1
	block               int // which block it is in after ssExpand, from 1; 0 for none
	out                 int // the filters said of this conv ("10 filters 3x3"); 0 for none
	named               int // the number glued to the conv word ("conv3"); 0 for none
}

// ssRead is what the walk over a size stack found.
type ssRead struct {
	layers   []ssLayer
	input    []int // H, W (and C when written CxHxW or HxWxC)
	blocks   int   // "3 blocks": how many
	blockAt  int   // index in layers where the block starts, -1 for none
	blockEnd int   // index in layers after the block
	chans    []int // "channels 32 64 128", "256 ch": the channels said
	flatten  bool
	// convsApart: the block's convs were said apart from it and keep the
	// size, so their number is not known and does not matter.
	convsApart bool
	// Shorthand (english_stack_shorthand.go): settings said of layers by
	// place and of every layer of a kind, the block asked by place
	// ("block 2"), the layer asked ("after layer 3"), the repeat said of
	// one layer ("applied twice").
	excepts  []ssExcept
	every    []ssEvery
	atBlock  int
	stopAt   int
	repeated int
	fcSaid   bool // a fully connected layer was named after the stack
	// reordered: a layer said to come before one said earlier ("maxpool
	// after a conv"), which the walk, left to right, does not read.
	reordered bool
}

// sizeStack reads a stack of convs and pools whose channels are not said,
// when what is asked does not depend on them (sizes, the receptive field,
// the flattened size given the last channels). False leaves the question
// to the other readings: a number it cannot place, a count of filters, a
// quantity asked that needs channels.
func (r *enReader) sizeStack(q *lang.Question) bool {
	for _, a := range r.g.asked {
		if a != "output" && a != "receptive field" && a != "neurons" {
			return false
		}
	}
	s, ok := r.ssWalk()
	ok = ok && !s.reordered && !r.parallelSaid() // english_stack_shorthand.go
	if ok && len(s.input) == 0 {
		if in, _, _ := r.datasetInput(); len(in) == 3 {
			s.input = []int{in[1], in[2], in[0]} // "CIFAR-10 images": 32x32x3
		}
	}
	// The receptive field of blocks needs no input; other stacks without
	// one are left to the general reading, which reads lists of settings.
	if ok && len(s.input) > 0 && r.ssInputAsked(s) {
		s.input = nil // the smallest input asked: the one tried is not the answer's (grammar/input_solve.go solves it)
	}
	rfOnly := len(r.g.asked) == 1 && r.g.asked[0] == "receptive field" && s.blocks > 0 || ok && (r.ssFieldOnly(s) || r.ssInputAsked(s)) // english_stack_shorthand.go
	if !ok || len(s.input) == 0 && !rfOnly || s.blocks > 0 && s.blockAt < 0 {
		return false
	}
	layers, placed := withExcepts(s, ssExpand(s))
	if !placed || len(layers) < 2 || len(layers) > enMaxStack {
		return false
	}
	c := 1
	allOuts, someOuts := ssOuts(layers)
	switch {
	case someOuts && !rfOnly || allOuts && (len(s.chans) > 0 || s.fcSaid):
		return false // filters said of some convs only, or with a fully connected layer: the general reading's
	case allOuts:
		// every conv says its filters: ssBuild takes each one's
	case len(s.chans) > 0 && !s.flatten && len(r.g.asked) == 0:
		return false // channels said and nothing asked: the counts may be what is wanted
	case len(s.chans) == 1:
		c = s.chans[0]
	case len(s.chans) > 1 && len(s.chans) == s.blocks:
		c = -1 // per block: ssBuild takes each block's
	case len(s.chans) > 1:
		return false
	case s.flatten:
		return false // the flattened size needs the last channels
	case len(s.input) == 3:
		c = min(s.input[0], s.input[2])
	}
	in := 1
	if len(s.input) == 3 && allOuts {
		in = ssInputChannels(s.input) // the filters are said: the parameters shown are the asker's
	} else if len(s.input) == 3 {
		in = min(s.input[0], s.input[2])
	} else if n := r.ssChannelWords(); n > 0 && allOuts {
		in = n // "a 224x224 RGB image": the filters are said, so the parameters shown are the asker's
	}
	return r.ssBuild(q, s, layers, in, c)
}

// ssBuild sets q to the layers of a size stack: in channels coming in, c
// from the first conv on (only the last matter to what is asked).
func (r *enReader) ssBuild(q *lang.Question, s ssRead, layers []ssLayer, in, c int) bool {
	ch := in
	for _, l := range layers {
		if c < 0 || l.block > 0 && len(s.chans) == s.blocks && s.blocks > 1 {
			c = s.chans[max(l.block-1, 0)]
		}
		out := c
		if l.out > 0 {
			out = l.out // "layer 2: 20 filters 5x5"
		}
		layer := l.calc(ch, out)
		if !l.pool {
			ch = out
		}
		q.Layers = append(q.Layers, lang.Layer{Layer: layer, Pos: enPos(r.src, r.toks[l.tok].off)})
	}
	q.Network = true
	if !r.ssPlaces(q, s, layers) { // english_stack_shorthand.go
		q.Layers = nil
		return false
	}
	if len(s.input) == 0 {
		r.ssNotes(q, s, c) // the receptive field alone: no input needed
		q.Framework = r.framework()
		return true
	}
	hw := s.input[len(s.input)-2:]
	if len(s.input) == 3 && s.input[0] <= 4 {
		hw = s.input[1:]
	} else if len(s.input) == 3 {
		hw = s.input[:2]
	}
	q.Input = calc.Shape{in, hw[0], hw[1]}
	shape := q.Input
	for _, l := range q.Layers {
		rep, err := l.Layer.Apply(shape)
		if err != nil {
			q.Layers, q.Input = nil, nil
			return false // a stack that does not fit its input: left to the other readings, which say why
		}
		shape = rep.Output
	}
	r.ssNotes(q, s, c)
	q.Framework = r.framework()
	return true
}

// ssNotes says what a size stack assumed: the channels, the convs of a
// block said apart; only the sizes are asked when nothing is.
func (r *enReader) ssNotes(q *lang.Question, s ssRead, c int) {
	if ssAllOuts(s.layers) {
		// every conv says its filters: nothing assumed
	} else if len(s.chans) == 0 && len(s.input) < 3 {
		r.notes = append(r.notes, "the channels were not given: 1 assumed (the sizes asked for do not depend on them)")
	} else if len(s.chans) == 0 {
		r.notes = append(r.notes, fmt.Sprintf("the convs' filters were not given: %d assumed, as the input has (the sizes asked for do not depend on them)", c))
	} else if len(s.chans) == 1 {
		r.notes = append(r.notes, fmt.Sprintf("every conv read with %d channels: only the last one's change the flattened size", c))
	}
	if len(q.Asked) == 0 {
		// Without channels only the sizes are sure: parameters and MACs
		// would count the channels assumed.
		q.Asked = []string{"output"}
	}
	switch {
	case s.convsApart && slices.Contains(q.Asked, "receptive field"):
		q.Doubts = append(q.Doubts, "how many convs each block has is not said, and the receptive field depends on it: it is shown for one conv per block")
	case s.convsApart:
		r.notes = append(r.notes, "how many convs each block has is not said: they keep the size, so it does not change the sizes; one is shown per block")
	}
	if s.blocks > 1 {
		n := 0
		for _, l := range s.layers[s.blockAt:s.blockEnd] {
			n += max(l.times, 1)
		}
		r.repeatedBy(s.blocks, fmt.Sprintf("read as %d blocks of %d layers", s.blocks, n))
	}
}

// calc is the layer as calc sizes it, ch channels in and c out.
func (l ssLayer) calc(ch, c int) calc.Layer {
	if l.pool {
		p := calc.Pool{Kernel: []int{l.kernel}}
		if l.avg {
			p.Op = calc.AvgPool
		}
		if l.stride > 0 {
			p.Stride = []int{l.stride}
		}
		if l.pad > 0 {
			p.Pad = []int{l.pad} // "maxpool 3x3 stride 2 pad 1"
		}
		return p
	}
	cv := calc.Conv{Dims: 2, In: ch, Out: c, Kernel: []int{l.kernel}, Stride: []int{max(l.stride, 1)}, Pad: []int{max(l.pad, 0)}}
	if l.dil > 1 {
		cv.Dilation = []int{l.dil}
	}
	if l.same {
		cv.Pad = []int{l.dil2() * (l.kernel - 1) / 2}
	}
	return cv
}

// dil2 is the layer's dilation, 1 when not said.
func (l ssLayer) dil2() int {
	return max(l.dil, 1)
}

// ssExpand repeats the block and the layers said with a count.
func ssExpand(s ssRead) []ssLayer {
	var out []ssLayer
	for i := 0; i < len(s.layers); i++ {
		if i == s.blockAt && s.blocks > 0 {
			for b := range s.blocks {
				for _, l := range s.layers[s.blockAt:s.blockEnd] {
					l.block = b + 1
					for range max(l.times, 1) {
						out = append(out, l)
					}
				}
			}
			i = s.blockEnd - 1
			continue
		}
		l := s.layers[i]
		for range max(l.times, 1) {
			out = append(out, l)
		}
	}
	return out
}
