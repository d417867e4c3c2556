package grammar

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A class count is often written as a word: "resnet50 w/ fc -> two
// classes", "a three-way classifier", "ten categories", "for binary
// classification (two output neurons)". classesInDigits
// gives the preset's class reader (presetClasses) the count in digits, so
// a count in words sizes the head as one typed in digits does.

// classWord matches a number word before the nouns of a class count:
// "two classes", "three-way", "ten output classes".
var classWord = regexp.MustCompile(`(?i)\b([a-z]+)([\s-]+(?:way\s+classification|(?:way\s+)?(?:output\s+)?(?:class(?:es|ifier)?|categor(?:y|ies)|labels))\b)`)

// binaryTask matches a two-class task said in words: "for binary
// classification", "a binary classifier".
var binaryTask = regexp.MustCompile(`(?i)\bbinary\s+(?:classification|classifier|task|problem|output)\b`)

// outputUnits matches a head's outputs said as its units: "two output
// neurons", "10 output units", "5 logits"; the count is read as classes.
var outputUnits = regexp.MustCompile(`(?i)\b(\d+|[a-z]+)\s+(?:output\s+(?:neurons|units|nodes)|logits)\b`)

// classesInDigits returns src with each class count written as a number
// word ("two classes") written in digits ("2 classes"); other words are
// left as they are. Only the values read from the result are meaningful:
// its offsets are not src's.
func classesInDigits(src string) string {
	src = binaryTask.ReplaceAllString(src, "2-way classification")
	src = outputUnits.ReplaceAllString(src, "$1 classes")
	return classWord.ReplaceAllStringFunc(src, func(s string) string {
		m := classWord.FindStringSubmatch(s)
		n, ok := lang.NumberWords[strings.ToLower(m[1])]
		if !ok || n < 2 {
			return s // "one class" is no classifier; other words are no count
		}
		return strconv.Itoa(n) + m[2]
	})
}

// wholeAsked matches a question for the whole network's count: "total
// params", "params in total", "the whole model's parameters", "overall".
var wholeAsked = regexp.MustCompile(`(?i)\b(?:total|whole|entire|overall|full)\s+(?:\w+\s+){0,2}?(?:param\w*|weights|model|network|net|count)\b|\bparam\w*\s+(?:\w+\s+){0,2}?(?:in\s+total|overall|altogether|all\s+together)\b|\bparam\w*\s+(?:of|in)\s+the\s+(?:whole|entire|full)\b`)

// headGivenWholeAsked reports whether the part src names (p) is only the
// place its class count goes, said right after it — "vgg16 total params if last layer is 10
// classes": the last layer takes the classes, and the total is asked of the
// whole network.
func headGivenWholeAsked(src string, p partAsked) bool {
	if p.nth != 0 || p.kind != "layer" && p.kind != "linear" || !wholeAsked.MatchString(src) {
		return false
	}
	at := strings.Index(src, p.text)
	return at >= 0 && partGivesClasses.MatchString(src[at+len(p.text):])
}

// partGivesClasses matches the words after a part that give it the class
// count: "(last layer) is 10 classes", "has 10 outputs", "giving 5".
var partGivesClasses = regexp.MustCompile(`(?i)^\s+(?:is\s+(?:now\s+)?|has\s+|gives\s+|giving\s+|outputs?\s+|with\s+|to\s+|for\s+)(?:only\s+)?\d+\b`)
