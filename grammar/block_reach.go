package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// "input is 48x48x1 and i stack blocks of Conv2D(3x3, valid) +
// MaxPooling2D(2). what is the height/width after the 4th block?", "what
// spatial size is reaching the conv that crashes?", "a stack of
// nn.Conv2d(..., kernel_size=4, stride=2, padding=1) layers: the size
// after the third of these convs?": a block described once and stacked
// again and again, and the size at one place of the stack asked. The
// block and the input are read as for "how many blocks fit"
// (block_solve.go); calc.SolveBlockPlace follows the stack.

// callsAsk matches "how many" before a layer written as a call, which
// blocksAsk's words do not take: "how many MaxPool2d(2,2) in a row".
var callsAsk = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:(?:of\s+)?(?:these|those|the|such|my)\s+)?(?:nn\.|layers\.|tf\.keras\.layers\.)?(?:max|avg|average)?[\s_-]*(?:pool|conv)\w*\s*\([^)]*\)*`)

// stackedWords say a block is stacked again and again: "stack blocks of",
// "repeated blocks", "a stack of ... layers", "in a row".
var stackedWords = regexp.MustCompile(`(?i)\b(?:stack(?:s|ed|ing)?\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:blocks?|layers?|convs?|pools?)\b|(?:a\s+)?stack\s+of\b|repeat(?:ed|ing)?\s+(?:\w+\s+)?blocks?|blocks?\s+(?:of\s+)?\S*\s*(?:repeated|stacked)|stack\w*\s+\[|in\s+a\s+row|one\s+after\s+(?:another|the\s+other)|keep\s+(?:adding|applying|stacking))`)

// Places asked in a stack.
var (
	// nthBlockAsked: "after the 4th block", "after block 3", "after 2
	// blocks".
	nthBlockAsked = regexp.MustCompile(`(?i)\b(?:after|output\s+of|end\s+of|out\s+of)\s+(?:the\s+)?(?:(\d+)(?:st|nd|rd|th)?|(first|second|third|fourth|fifth|sixth))\s+(?:blocks?|stages?)\b|\bafter\s+blocks?\s+#?(\d+)\b`)
	// nthLayerAsked: "after the third of these convs", "after the 3rd
	// conv", "after the second pool".
	nthLayerAsked = regexp.MustCompile(`(?i)\bafter\s+(?:the\s+)?(?:(\d+)(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth))\s+(?:(?:one\s+)?of\s+(?:these|those|them|the)\s+)?(conv\w*|pool\w*|layers?|ones?)\b`)
	// failingAsked: "reaching the conv that crashes", "going into the
	// layer that fails", "before the conv that crashes", "where it
	// crashes".
	failingAsked = regexp.MustCompile(`(?i)\b(?:reach(?:es|ing)?|enter(?:s|ing)?|in(?:to)?|going\s+in(?:to)?|gets?\s+to|given\s+to|fed\s+(?:in)?to|before|arriving\s+at|at)\s+(?:the\s+)?(?:conv\w*|pool\w*|layer|one)\s+(?:that|which|where)\s+(?:\w+\s+)?(?:crash\w*|fails?|breaks?|throws?|errors?|dies)\b`)
	// placeSizeAsked: the question asks for a size.
	placeSizeAsked = regexp.MustCompile(`(?i)\b(?:size|height|width|h/w|shape|dimensions?|dims?|spatial|resolution|feature\s+map)\b`)
)

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

// stackPlace reads the place words asks the size of, in a stack; ok is
// false when it asks none.
func stackPlace(words string) (calc.BlockPlace, bool) {
	if !placeSizeAsked.MatchString(words) {
		return calc.BlockPlace{}, false
	}
	if m := nthBlockAsked.FindStringSubmatch(words); m != nil {
		return calc.BlockPlace{AfterBlock: placeNumber(m[1] + m[2] + m[3])}, true
	}
	if m := nthLayerAsked.FindStringSubmatch(words); m != nil {
		kind := strings.ToLower(m[3])
		switch {
		case strings.HasPrefix(kind, "conv"):
			kind = "conv"
		case strings.HasPrefix(kind, "pool"):
			kind = "pool"
		default:
			kind = "" // "the third of these layers", "the third one"
		}
		return calc.BlockPlace{Nth: placeNumber(m[1] + m[2]), Kind: kind}, true
	}
	if failingAsked.MatchString(words) {
		return calc.BlockPlace{Failing: true}, true
	}
	return calc.BlockPlace{}, false
}

// placeNumber is a place written as digits or an ordinal word; 0 when
// neither.
func placeNumber(s string) int {
	if n, ok := ordinalWords[strings.ToLower(s)]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// reachQuestion returns the question src asks about the size at a place
// of a stacked block, solved, or nil when it asks no such thing or the
// block or the input cannot be read.
func reachQuestion(src, words string) *Question {
	place, ok := stackPlace(words)
	if !ok || !stackedWords.MatchString(words) || len(codeLine.FindAllStringIndex(src, 2)) > 1 {
		return nil
	}
	if place.AfterBlock < 1 && place.Nth < 1 && !place.Failing || place.AfterBlock > calc.MaxBlocks || place.Nth > calc.MaxBlocks {
		return nil
	}
	text := withoutErrorLines(src)
	in := stackInput(text)
	block, names, used := readBlock(text)
	if in == nil || len(block) == 0 {
		return nil
	}
	sv, err := calc.SolveBlockPlace(calc.BlockSearch{Block: block, Names: names, Input: in}, place)
	if err != nil {
		return nil
	}
	q := &Question{Solve: sv, Asked: []string{"output"}, Network: true,
		Notes: []string{fmt.Sprintf("read as blocks of %s, one after another on a %d×%d input; channels do not change sizes", strings.Join(names, " then "), in[1], in[2])}}
	used = append(used, in[1], in[2], place.AfterBlock, place.Nth)
	q.Unused = blockUnused(src, sv, used)
	if unexplained(q.Unused) > 0 {
		return nil // "with channels 32, 64, 128 ... and the in_features?": more is asked than a size
	}
	return q
}

// inPoolCall reports whether text[at:] is inside the brackets of a
// pool's call: "MaxPool2d(3, stride=2)" gives the pool its stride.
func inPoolCall(text string, at int) bool {
	open := strings.LastIndex(text[:at], "(")
	return open >= 0 && !strings.Contains(text[open:at], ")") && poolName.MatchString(text[max(0, open-20):open])
}

// stackInput is the input size of a stack: as readInputSize reads it, or
// else the one size written after "from" or "on" ("starting from
// 100x100"), not a kernel's or a window's.
func stackInput(text string) calc.Shape {
	if in := readInputSize(text); in != nil {
		return in
	}
	var only calc.Shape
	for _, m := range stackFromSize.FindAllStringSubmatchIndex(text, -1) {
		if stackKernelAfter.MatchString(text[m[1]:]) {
			continue
		}
		h, _ := strconv.Atoi(text[m[2]:m[3]])
		w, _ := strconv.Atoi(text[m[4]:m[5]])
		if h < 1 || w < 1 || h > calc.MaxInputSize || w > calc.MaxInputSize || only != nil && (only[1] != h || only[2] != w) {
			return nil
		}
		only = calc.Shape{1, h, w}
	}
	return only
}

var (
	// stackFromSize matches a size after "from", "on", "at": "starting from
	// 100x100".
	stackFromSize = regexp.MustCompile(`(?i)\b(?:from|on|at)\s+(?:a\s+|an\s+|the\s+)?(\d+)\s*[x×]\s*(\d+)\b`)
	// stackKernelAfter matches a layer's word right after a size: "3x3 conv".
	stackKernelAfter = regexp.MustCompile(`(?i)^\s*(?:conv|kernel|filter|pool|max|avg|window|patch)`)
)
