package grammar

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// torchvision's AlexNet and VGG keep their fully connected layers in a
// Sequential called classifier, and students name a layer by its index
// there: "vgg16 classifier[0] params" (the 25088 -> 4096 Linear),
// "replacing classifier[6] (the last Linear)". The classifier is every
// layer after the preset's flatten, in torchvision's order (AlexNet's
// starts with a Dropout, VGG's with its Linear).

// classifierAt matches a classifier layer named by its index:
// "classifier[0]", "classifier.6", "model.classifier[ 3 ]".
var classifierAt = regexp.MustCompile(`(?i)\bclassifier\s*(?:\[\s*(\d+)\s*\]|\.(\d+)\b)`)

// classifierLayers is the layers of the preset q after its last flatten,
// as torchvision's classifier holds them; nil when q has no flatten.
func classifierLayers(q *Question) []Layer {
	for i := len(q.Layers) - 1; i >= 0; i-- {
		if _, ok := q.Layers[i].Layer.(calc.Flatten); ok {
			return q.Layers[i+1:]
		}
	}
	return nil
}

// indexedClassifier is the index src names in a classifier, and false when
// it names none.
func indexedClassifier(src string) (int, bool) {
	m := classifierAt.FindStringSubmatch(src)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1] + m[2])
	return n, err == nil
}

// headIndexed reports whether the classifier index src names, if any, is
// the preset's last layer, the head a swap replaces.
func headIndexed(src string, whole *Question) bool {
	n, ok := indexedClassifier(src)
	if !ok {
		return true
	}
	if whole == nil {
		return false
	}
	c := classifierLayers(whole)
	return n == len(c)-1
}

// classifierIndexAsked answers the parameters of the classifier layer src
// names by its index in a preset ("vgg16 classifier[0] params"); nil when
// src names none, the preset has no such layer, or asks of a swap.
func classifierIndexAsked(src string) []*Question {
	n, ok := indexedClassifier(src)
	if !ok || headTouched.MatchString(src) || codeCalls.MatchString(src) {
		return nil
	}
	name, whole := presetIn(src)
	c := classifierLayers(whole)
	if whole == nil || n >= len(c) {
		return nil
	}
	l := c[n].Layer
	if lin, ok := l.(calc.Linear); ok {
		l = classifierLinear(whole, lin, len(whole.Layers)-len(c)+n)
	}
	q, err := specQuestion(nil, []calc.Layer{l})
	if err != nil {
		return nil
	}
	q.Asked = []string{"params"}
	if weightsOnly(src) {
		q.Asked = []string{"weights"} // "how many weights in classifier[3]": the bias apart
	}
	q.Notes = append(q.Notes, fmt.Sprintf("%s.classifier[%d] in torchvision: the layer at index %d of its classifier (%d layers after the flatten)", name, n, n, len(c)))
	q.Unused = headUnused(src, []int{n})
	if unexplained(q.Unused) > 0 {
		return nil
	}
	return []*Question{q}
}

// classifierLinear is lin, the i-th layer of whole, with its features put
// in from what reaches it.
func classifierLinear(whole *Question, lin calc.Linear, i int) calc.Linear {
	s, err := summarize(whole)
	if err != nil {
		return lin
	}
	if row, ok := topRow(s, i); ok && len(row.Input) > 0 {
		lin.In = row.Input[len(row.Input)-1]
	}
	return lin
}
