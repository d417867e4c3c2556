package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// The words of a question that asks for a network's input (see
// input_solve.go): where they ask ("the smallest input", "what input size
// gives exactly 400"), what else they ask beside it, the target and the
// lower bound they set.

// smallestInput matches words asking for the smallest input a network
// takes: "smallest square input", "minimum image size", "how small can my
// images be".
var smallestInput = regexp.MustCompile(`(?i)\b(?:smallest|minimum|minimal|min|lowest|least|tiniest|shortest)\s+(?:possible\s+|allowed\s+|valid\s+|usable\s+|acceptable\s+)?(?:square\s+|spatial\s+)?(?:input[_ ]shape|input[_ ]size|input|image|img|picture|crop|patch|frame|(?:input\s+|sequence\s+|seq\s+|signal\s+|audio\s+|time[\s-]series\s+)?length)s?(?:\s+(?:size|resolution|dim\w*|shape|side|width|height|length))?\b|\b(?:smallest|minimum|minimal|min|lowest)\s+(?:square\s+)?(?:size|resolution|dimensions?|side(?:\s+length)?)\s+(?:of\s+(?:the\s+|an?\s+|my\s+)?(?:input|image|img|picture|crop|patch)|that|which|(?:for\s+)?(?:this|the|my|our)\s+(?:\w+\s+){0,2}?(?:model|net|network|cnn|extractor|encoder|backbone|architecture|classifier|stack)|(?:it\s+)?(?:will|can|could|would)\s+(?:take|accept|work|handle)|needed|required|i\s+(?:can|need|could))\b|\bhow\s+(?:small|little)\s+(?:can|could|may)\s+(?:the\s+|my\s+|an?\s+|our\s+)?(?:input|image|img|picture|crop|patch)(?:e?s)?\b`)

// notSizeAfter matches what follows "minimum input" when it is not the
// input's size: "channels", "features", "units".
var notSizeAfter = regexp.MustCompile(`(?i)^\s*(?:channels?|features?|units?|neurons?|values?|depth|dim\w*\s+of\s+(?:the\s+)?(?:linear|dense|fc))\b`)

// inputAsked matches words asking for an input size, for a target given
// elsewhere: "what square input size would make ...", "which image size
// gives ...".
var inputAsked = regexp.MustCompile(`(?i)\b(?:what|which|wat|whats|what's)\s+(?:\w+\s+){0,2}?(?:input|image|img)\s*(?:size|resolution|shape|dim\w*|side|width|height)\b|\b(?:input|image)\s+(?:size|resolution)\s+(?:would|should|do\s+i\s+need|is\s+needed|that|which|to\s+(?:get|make|give))\b`)

// flatWord matches words naming a flattened output or what takes it in.
var flatWord = regexp.MustCompile(`(?i)\bflatten\w*|\bin_features\b|\bin\s+features\b|\bfc\d?\b|\blinear\b|\bdense\b|\bfully[\s-]connected\b|\bview\(`)

// exactTarget matches the number a flattened output must be: "exactly
// 400", "equal to 2048", "= 576", "to be 400".
var exactTarget = regexp.MustCompile(`(?i)\b(?:exactly|equal\s+to|equals|to\s+be|match(?:es)?)\s+(\d[\d,]*)\b|(?:==?|≡)\s*(\d[\d,]*)\b`)

// exactWord matches words that make an input-size question ask for a
// target met exactly: "exactly 400", "matches fc1's in_features".
var exactWord = regexp.MustCompile(`(?i)\bexactly\b|\bequal(?:s|\s+to)?\b|\bmatch(?:es|ing)?\b|==?\s*\d|\bto\s+be\s+\d`)

// fromSize matches a lower bound on the input asked for: ">= 115", "at
// least 115", "bigger than 115" (then 116).
var fromSize = regexp.MustCompile(`(?i)(>=|≥|\bat\s+least|\bno\s+(?:smaller|less)\s+than|\bnot\s+(?:smaller|less)\s+than|\b(?:bigger|larger|greater|more)\s+than\s+or\s+equal\s+to|\b(?:bigger|larger|greater|more|above)(?:\s+than)?|>)\s*(\d+)\b`)

// askAt is where words ask for the input or the blocks.
func askAt(words string) []int {
	for _, re := range []*regexp.Regexp{blocksAsk, smallestInput, inputAsked} {
		if m := re.FindStringIndex(words); m != nil {
			return m
		}
	}
	return []int{0, 0}
}

// alsoAsked is a doubt for each quantity words ask for besides the
// input, asked at at: outside the sentence that asks, or after an "and"
// in it ("what's the smallest input, and how many params then?"). The
// reply answers the input alone. Within the ask, a quantity is its
// target ("so the flatten matches fc1's in_features").
func alsoAsked(words string, at []int) []string {
	start := strings.LastIndexAny(words[:at[0]], ".?!\n") + 1
	end := len(words)
	if i := strings.IndexAny(words[at[0]:], "?!\n"); i >= 0 {
		end = at[0] + i
	}
	var out []string
	for _, f := range askedFamilies {
		if f.name == "the input size" {
			continue
		}
		for _, m := range f.word.FindAllStringIndex(words, -1) {
			inside := m[0] >= start && m[0] < end
			if inside && (m[0] < at[1] || !alsoWord.MatchString(words[at[1]:m[0]])) || !askedAt(words, m[0], m[1]) {
				continue
			}
			out = append(out, fmt.Sprintf("the question also asks for %s, and this reply answers the input size only", f.name))
			break
		}
	}
	return out
}

// alsoWord joins a second ask to the first: "and how many params".
var alsoWord = regexp.MustCompile(`(?i)\b(?:and|also|plus)\b`)

// askText is src with its lines of code and of error messages blanked
// (positions kept): where the words that ask are read. Calls stay, as
// "input_shape (square)" reads like one.
func askText(src string) string {
	b := []byte(src)
	for _, re := range []*regexp.Regexp{codeLine, errorMessage} {
		for _, m := range re.FindAllStringIndex(src, -1) {
			for i := m[0]; i < m[1]; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		}
	}
	return string(b)
}

// exactAsk returns where prose asks for the input size that makes a
// flattened output a given size, or nil.
func exactAsk(prose string) []int {
	for _, m := range inputAsked.FindAllStringIndex(prose, -1) {
		s := sentenceAround(prose, m[0])
		if flatWord.MatchString(s) && exactWord.MatchString(s) {
			return m
		}
	}
	return nil
}

// sentenceAround is the sentence of text around offset at.
func sentenceAround(text string, at int) string {
	start := strings.LastIndexAny(text[:at], ".?!\n") + 1
	end := strings.IndexAny(text[at:], "?!\n")
	if end < 0 {
		return text[start:]
	}
	return text[start : at+end]
}

// lowerBound is the smallest size the sentence around at allows: ">=
// 115" gives 115, "bigger than 115" 116; 0 when it sets none.
func lowerBound(prose string, at []int) int {
	sentence := sentenceAround(prose, at[0])
	loc := fromSize.FindStringSubmatchIndex(sentence)
	if loc == nil || notASize.MatchString(sentence[loc[1]:]) {
		return 0 // "when the batch is more than 32 images": a count, not a size
	}
	m := []string{sentence[loc[0]:loc[1]], sentence[loc[2]:loc[3]], sentence[loc[4]:loc[5]]}
	n, err := strconv.Atoi(m[2])
	if err != nil || n > calc.MaxInputSize {
		return 0
	}
	w := strings.ToLower(m[1])
	if w == ">" || strings.HasPrefix(w, "above") || (strings.Contains(w, "than") && !strings.Contains(w, "equal") && !strings.HasPrefix(w, "no") && !strings.HasPrefix(w, "not")) {
		n++
	}
	return n
}

// notASize matches what follows a bound that counts something else: "more
// than 32 images", "at least 10 epochs".
var notASize = regexp.MustCompile(`(?i)^\s*(?:images?|imgs?|samples?|examples?|epochs?|batch(?:es)?|items?|classes|channels?|filters?|layers?|blocks?|params?|parameters?|units?|neurons?|steps?|iterations?|[kmg]b\b|%)`)
