package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// CS231n asks the parameters of a conv without weight sharing from its
// volume of neurons alone: "conv1 has 55x55x96 neurons, each looking at
// 11x11x3: without parameter sharing how many params?". Each of the
// H·W·K neurons has its own weights, so the count needs the output's
// height and width, not the input's: the output size said stands in for
// the input with 'same' padding at stride 1, which keeps it.

// unsharedVolume gives the one conv whose filters were read from a volume
// of neurons (english_neuron_volume.go) that volume's height and width as
// its input, padded 'same', when the question asks it without weight
// sharing and says no input, stride or padding.
func (r *enReader) unsharedVolume() {
	if !enUnsharedRE.MatchString(r.src) || len(r.g.inputs) > 0 {
		return
	}
	conv, at := r.volumeConv()
	if conv == nil || len(conv.stride)+len(conv.pad) > 0 || conv.padMode != "" {
		return
	}
	d := r.toks[at].dims
	conv.padMode = "same"
	r.g.inputs = append(r.g.inputs, enSizeFact{dims: []int{d[0], d[1]}, tok: at, role: "in"})
	r.g.unused = slices.DeleteFunc(r.g.unused, func(u lang.Unused) bool {
		return strings.HasPrefix(u.Why, enVolumeSidesWhy) || strings.HasPrefix(u.Why, enVolumeCountWhy)
	})
	r.notes = append(r.notes, fmt.Sprintf("the input was not given: the %d×%d neurons of each filter are what is counted, so a %d×%d input padded 'same' stands in for it (the real input and stride, not said, are not needed)", d[0], d[1], d[0], d[1]))
}

// volumeConv is the one conv and the token of the neuron volume its
// filters were read from, or nil.
func (r *enReader) volumeConv() (*enAnchor, int) {
	var conv *enAnchor
	at := -1
	for _, a := range r.anchors {
		if !convLike(a) {
			continue
		}
		if conv != nil {
			return nil, -1
		}
		conv = a
		for _, c := range a.counts {
			if c.class == "filter" && c.tok >= 0 && c.tok < len(r.toks) && r.toks[c.tok].kind == 's' && len(r.toks[c.tok].dims) == 3 {
				at = c.tok
			}
		}
	}
	if at < 0 {
		return nil, -1
	}
	return conv, at
}
