package english

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A dataset named without a size ("the pytorch blitz cifar net: conv1
// 3->6 5x5, conv2 6->16 5x5, fc1 400->120, ...") gives its images' size
// as an assumption only. When the layers as said do not fit it (the
// tutorial's pools are left out, so fc1's 400 inputs are not what two
// 5x5 convs leave of 32x32), the asker described the layers, not the data:
// they are read without an input, so their parameters still count, and the
// reason is noted.

// datasetUnfit reports whether input, taken from a dataset's name, does
// not fit the layers' first linear layer; it then drops the dataset's note and adds why.
func (r *enReader) datasetUnfit(input calc.Shape, layers []lang.Layer) bool {
	if input == nil || r.inputFact() != nil || len(layers) < 2 {
		return false
	}
	note := slices.IndexFunc(r.notes, func(n string) bool { return strings.HasSuffix(n, " input") && strings.Contains(n, " images: ") })
	if note < 0 {
		return false
	}
	_, err := (calc.Network{Input: input, Layers: flatBeforeLinear(layers)}).Summarize()
	var le *calc.LayerError
	if !errors.As(err, &le) || le.Name != (calc.Linear{}).Kind() {
		return false // it fits, or a conv does not take what the one before gives: an error of the layers
	}
	name := strings.SplitN(r.notes[note], " ", 2)[0]
	r.notes = slices.Delete(r.notes, note, note+1)
	r.notes = append(r.notes, fmt.Sprintf("%s's %s images do not fit the layers as said: read without an input size", name, enShapeText(input)))
	return true
}

// flatBeforeLinear is the layers' calc values with a flatten before the
// first linear layer, as the reading puts one once sized.
func flatBeforeLinear(layers []lang.Layer) []calc.Layer {
	var ls []calc.Layer
	flat := false
	for _, l := range layers {
		switch l.Layer.(type) {
		case calc.Flatten:
			flat = true
		case calc.Linear:
			if !flat {
				ls, flat = append(ls, calc.Flatten{}), true
			}
		}
		ls = append(ls, l.Layer)
	}
	return ls
}
