package paste

// A batch norm named in words beside the layer it follows, asked about
// alone: "BatchNormalization after my Conv2D(256, ...) shows Param #
// 1,024", "Conv2D(128, (3,3)) followed by a BatchNormalization: how many
// are trainable?". Its count depends only on the channels that layer
// gives, so the layer's other arguments (or `...`) are not needed.

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasBNAfterRE finds a batch norm named (not called) after a layer
// call whose first argument is its channels, or before one it follows.
var kerasBNAfterRE = regexp.MustCompile(`(?i)\b(batch ?norm(?:alization)?|bn)\b(?:\s+layer)?\s+(?:right\s+|directly\s+)?(?:after|following|on top of|behind)\s+(?:my|the|a|an|this)?\s*(?:layers\.)?(?:Conv[123]D|Dense|SeparableConv2D|Conv2DTranspose)\(\s*(?:filters\s*=\s*|units\s*=\s*)?(\d+)\s*[,)]`)

// kerasBNBeforeRE finds a layer call followed by a batch norm in words.
var kerasBNBeforeRE = regexp.MustCompile(`(?i)(?:layers\.)?(?:Conv[123]D|Dense|SeparableConv2D|Conv2DTranspose)\(\s*(?:filters\s*=\s*|units\s*=\s*)?(\d+)\s*(?:,[^()]*)?(?:\([^()]*\)[^()]*)*\)\s*(?:,\s*)?(?:followed by|then|and then|->|→)\s+(?:a |an |the )?(batch ?norm(?:alization)?|bn)\b(?:\s*\(\s*\))?`)

// kerasLayerCallRE finds a Keras layer call.
var kerasLayerCallRE = regexp.MustCompile(`\b(?:Conv[123]D|Dense|SeparableConv2D|DepthwiseConv2D|Conv2DTranspose|\w+Pooling[123]D|Flatten|BatchNormalization|Dropout|Activation)\s*\(`)

// kerasBNInWords reads such a batch norm as the question: one
// BatchNormalization over the channels named; ok is false when src has
// none, or when its words name more layers than the two.
func kerasBNInWords(src string) (*lang.Question, bool) {
	m := kerasBNAfterRE.FindStringSubmatchIndex(src)
	chans, at := 4, 2 // submatch offsets: the channels, the batch norm
	if m == nil {
		m = kerasBNBeforeRE.FindStringSubmatchIndex(src)
		chans, at = 2, 4
	}
	if m == nil {
		return nil, false
	}
	c, err := strconv.Atoi(src[m[chans]:m[chans+1]])
	if err != nil || c < 1 || c > calc.MaxSize {
		return nil, false
	}
	if len(kerasLayerCallRE.FindAllStringIndex(src, 3)) > 1 {
		return nil, false // a model: its layers are read as code
	}
	line, col := lang.RunePosition(src, utf8.RuneCountInString(src[:m[at]]))
	q := &lang.Question{Framework: "keras"}
	q.Layers = []lang.Layer{{Layer: calc.BatchNorm{C: c, Keras: true}, Pos: lang.Position{Line: line, Col: col}}}
	q.Notes = append(q.Notes, fmt.Sprintf("the batch norm after a layer of %d filters (units) normalizes %d channels: its count depends on nothing else, so it is read alone", c, c))
	q.Canonical = lang.Format(q)
	return q, true
}
