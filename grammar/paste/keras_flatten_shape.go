package paste

// The map a Keras Flatten receives, said in words beside a Dense:
// "(None, 7, 7, 64) before flattening then Dense(128)", "flatten gets a
// (None, 4, 4, 256)", "my conv output (None, 5, 5, 32) goes into Flatten".
// The shape is what reaches the Flatten, so it is the Dense's input once
// flattened.

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// kfShapeRE is a Keras shape (its batch None or ?) with words that put it
// before a flatten: group 1 or 2 holds the sizes after the batch.
var kfShapeRE = regexp.MustCompile(`(?i)\(\s*(?:None|\?)\s*((?:,\s*\d{1,5}\s*){2,4})\)\s*(?:\w+\s+){0,2}?(?:before|into|going\s+into|goes\s+into|to)\s+(?:the\s+|a\s+)?flatten(?:ing|ed)?\b` +
	`|\bflatten(?:ing)?(?:\s+layer)?\s+(?:of|on|gets|receives|takes(?:\s+in)?|is\s+fed)\s+(?:a\s+|an\s+|the\s+)?(?:tensor\s+(?:of\s+)?)?(?:shape\s+)?\(\s*(?:None|\?)\s*((?:,\s*\d{1,5}\s*){2,4})\)`)

// flattenShapeInput is the input the words give as the map a Flatten
// receives, channels first, when the paste's first layer is a Dense or a
// Flatten; nil otherwise, or when the words give several.
func (k *kerasReader) flattenShapeInput() (calc.Shape, string) {
	switch k.q.Layers[0].Layer.(type) {
	case calc.Linear, calc.Flatten:
	default:
		return nil, ""
	}
	ms := kfShapeRE.FindAllStringSubmatch(k.src, -1)
	if len(ms) != 1 {
		return nil, ""
	}
	sizes := ms[0][1] + ms[0][2]
	d := ptAtois(ptSplitCommas(sizes[1:]))
	if len(d) < 2 {
		return nil, ""
	}
	for _, v := range d {
		if v < 1 || v > calc.MaxSize {
			return nil, ""
		}
	}
	in := append(calc.Shape{d[len(d)-1]}, d[:len(d)-1]...)
	return in, fmt.Sprintf("the map that reaches the Flatten is the shape the words give, (None, %s) (channels-last: read as %s)", ptCommaJoin(d), ptShapeText(in))
}
