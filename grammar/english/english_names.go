package english

import (
	"slices"
	"strings"
)

// Layers named as papers name them: VGG's conv5_3 is the third conv of
// the fifth stage, Caffe's conv4_3 and pool5 are names too. A name holds no
// size: "conv5" beside "conv5_3" is a layer of a network, not a 5x5 conv.

// enStagedName merges "conv5_3" (a word with an index, an underscore and
// a number, all glued) into one word named so; n is the tokens after in[i]
// it spans, 0 when there is none. The lexer drops nothing here: the
// underscore is punctuation, which enMergePunct would otherwise drop.
func enStagedName(in []enTok, i int) (enTok, int) {
	t := in[i]
	n, us, m := enAt(in, i+1), enAt(in, i+2), enAt(in, i+3)
	if t.kind != 'w' || n == nil || us == nil || m == nil {
		return enTok{}, 0
	}
	if n.kind != 'n' || !n.glued || n.isFrac || us.raw != "_" || !us.glued || m.kind != 'n' || !m.glued || m.isFrac {
		return enTok{}, 0
	}
	t.idx, t.end, t.named = enClamp(max(n.num, 0)), m.end, true
	return t, 3
}

// stagedNames reports whether the question names a layer by its stage
// (conv5_3): then every short name in it (pool5, conv4) is a name too.
func (r *enReader) stagedNames() bool {
	for _, t := range r.toks {
		if t.named {
			return true
		}
	}
	return false
}

// enNetworks are the names of networks whose layers papers name by stage.
var enNetworks = map[string]bool{"vgg": true, "vgg11": true, "vgg13": true, "vgg16": true, "vgg19": true, "alexnet": true,
	"resnet": true, "googlenet": true, "inception": true, "zfnet": true, "caffenet": true}

// namedNetworkLayer returns the token of a layer named by its stage
// (conv5_3) whose receptive field is asked in a question that also names
// the network it belongs to ("rf of conv5_3 of VGG16"), or -1. The field
// depends on every layer before it, which the English reader does not
// hold: the layers described around it ("all convs 3x3, four 2x2 pools")
// are that network's, not a stack of their own.
func (r *enReader) namedNetworkLayer() int {
	at, net := -1, false
	for i, t := range r.toks {
		if t.named && at < 0 {
			at = i
		}
		w := strings.ToLower(t.raw)
		if t.kind == 'w' && (enNetworks[w] || enNetworks[strings.TrimRight(w, "_")] || enNetFamily(w) && t.idx > 0) {
			net = true
		}
	}
	if !net || !slices.Contains(r.g.asked, "receptive field") {
		return -1 // a layer described in numbers beside its name is that layer
	}
	return at
}

// enDataset reports whether w names a data set told apart by a number
// after a hyphen ("CIFAR-10", "Caltech-101"): the number is its name.
func enDataset(w string) bool {
	switch strings.ToLower(w) {
	case "cifar", "caltech", "imagenet", "places", "fashion", "coco", "voc":
		return true
	}
	return false
}
