package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A preset with its own number of classes — "resnet18 with 10 classes",
// "vgg16(num_classes=5)", "I replaced resnet18's fc with nn.Linear(512, 2)"
// — is the preset with its last fully connected layer giving that many
// outputs, as fine-tuning does: the rest of the network is unchanged. The
// whole preset's 1,000 classes would answer another question.

// headArrow matches a preset's last fully connected layer said with its
// features and outputs: "my fc is 2048->10", "set the fc to 512 -> 100",
// "the last linear to 4096->5", "swapped the fc for 2048 -> 37".
const headArrow = `\b(?:fc|head|classifier|(?:last|final)\s+(?:linear|dense|fc|fully[- ]connected)(?:\s+layer)?)\s+(?:is\s+|layer\s+is\s+|is\s+now\s+|(?:(?:set|changed|switched)\s+)?to\s+|for\s+(?:an?\s+)?|with\s+(?:an?\s+)?|by\s+(?:an?\s+)?)?(\d+)\s*(?:->|→|to)\s*(\d+)\b`

// presetClasses matches the classes said of a preset: "10 classes",
// "a 5-way classifier", "3-way classification", "num_classes=2", "nn.Linear(512, 10)",
// "Linear(num_ftrs, 3)", "Dense(7", a dataset that says them: "CIFAR-10",
// "cifar100", a head arrow.
var presetClasses = regexp.MustCompile(`(?i)\b(\d+)[\s-]*(?:way\s+classification|(?:way\s+)?(?:output\s+)?(?:class(?:es|ifier)?|categor(?:y|ies)|labels))\b|\bnum_classes\s*=\s*(\d+)|\bLinear\(\s*(\w+)\s*,\s*(\d+)\s*\)|\bDense\(\s*(\d+)|\bcifar[-\s]?(10|100)\b|` + headArrow)

// headArrowed matches a head arrow alone (see headArrow).
var headArrowed = regexp.MustCompile(`(?i)` + headArrow)

// headLayers matches a Linear or Dense named in a question: more than one
// is a head of several layers, not a class count ("vgg16 with a
// Dense(256) then Dense(10) on top").
var headLayers = regexp.MustCompile(`(?i)\b(?:Linear|Dense)\(`)

// classesNote is in the note of a preset read with classes of its own.
const classesNote = " with its last fully connected layer giving "

// headSwap matches the words of a preset's classifier replaced by pasted
// code: "I replaced resnet18's fc with nn.Linear(512, 10)", "model.fc =
// nn.Linear(512, 2)", "changed the classifier to".
var headSwap = regexp.MustCompile(`(?i)\b(?:replac\w*|swap\w*|chang\w*|instead|fine[- ]?tun\w*|transfer)\b|\.(?:fc|classifier|head)(?:\[\d+\])?\s*=`)

// presetHead is the preset src names with the classifier its pasted
// Linear replaces, when the code read (r) is that one Linear and the words
// say it replaces the preset's head, or when the words read (r) are that
// one Linear said as the preset's head ("vgg16, I changed the last linear
// to 4096->5. params?"); nil otherwise. The Linear alone would answer for
// the head, where the question asks about the network; a question about
// the head names it again ("params of the fc?", asked_at.go).
func presetHead(src string, r *reading) *Question {
	swapped := pasted(r.front) && headSwap.MatchString(src) || r.front == "english" && headArrowed.MatchString(src) && !frozenWords.MatchString(src)
	if !swapped || len(r.q.Layers) != 1 {
		return nil
	}
	if _, ok := r.q.Layers[0].Layer.(calc.Linear); !ok {
		return nil
	}
	q := mentionedPreset(src)
	if q == nil || !ownClasses(q) {
		return nil
	}
	return q
}

// ownClasses reports whether q is a preset read with classes of its own:
// the number of classes is the preset's, not context beside a layer.
func ownClasses(q *Question) bool {
	return slices.ContainsFunc(q.Notes, func(n string) bool { return strings.Contains(n, classesNote) })
}

// withClassesNote returns the part of a preset read from whole, carrying
// whole's note of its own classes: "layer4 of resnet18 with 10 classes"
// is a part of that preset, and the classes are said of it, not of a
// layer of their own.
func withClassesNote(part, whole *Question) *Question {
	if part == whole || !ownClasses(whole) || ownClasses(part) {
		return part
	}
	cp := *part
	cp.Notes = append(slices.Clip(part.Notes), whole.Notes[0])
	return &cp
}

// withClasses returns the preset q (named name) with the classes src gives
// it, and whether src gives any. A Linear pasted with in_features other
// than those the preset's last layer takes is not this preset's head: q is
// returned with a doubt saying so.
func withClasses(q *Question, name, src string) (*Question, bool) {
	said := classesInDigits(src)
	m := submatches(said, presetClasses.FindStringSubmatchIndex(said))
	if len(m) == 0 || len(headLayers.FindAllStringIndex(src, 2)) > 1 {
		return q, false
	}
	n, _ := strconv.Atoi(m[1] + m[2] + m[4] + m[5] + m[6] + m[8])
	if m[7] != "" {
		m[3] = m[7] // "my fc is 2048->10": the features it takes, as nn.Linear(2048, 10) says them
	}
	i := lastLinear(q.Layers)
	if n <= 0 || n > 1<<20 || i < 0 {
		return q, false
	}
	last := q.Layers[i].Layer.(calc.Linear)
	s, err := summarize(q)
	if err != nil {
		return q, false
	}
	in := last.In
	if row, ok := topRow(s, i); ok {
		in = row.Input[len(row.Input)-1]
	}
	cp := *q
	if said, err := strconv.Atoi(m[3]); err == nil && said != in {
		cp.Doubts = append(slices.Clip(q.Doubts), fmt.Sprintf("the question's Linear takes %d features, and the last layer of %s takes %d: it is not that layer", said, name, in))
		return &cp, true
	}
	last.Out = n
	cp.Layers = slices.Clone(q.Layers)
	cp.Layers[i] = Layer{Layer: last}
	cp.Preset = ""
	cp.Canonical = lang.Format(&cp)
	note := fmt.Sprintf("read as the preset %s"+classesNote+"%d outputs (%d features in) instead of its 1,000: the rest of the network is the preset's", name, n, in)
	cp.Notes = append([]string{note}, q.Notes...)
	return &cp, true
}

// partClasses explains the number of classes said of a preset when the
// part read (q) is not its last fully connected layer: "layer4 of resnet18
// with 10 classes" asks about layer4, which the classes do not change.
func partClasses(src string, q *Question, unused []Unused) []Unused {
	if q.Preset != "" || !ownClasses(q) {
		return unused
	}
	return explainedWithin(src, unused, presetClasses, func(string) string {
		return "the number of classes: it sizes the preset's last fully connected layer, not the part asked about"
	})
}
