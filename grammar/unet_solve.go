package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// "Sizes of tensors must match except in dimension 1 ... mini U-Net,
// input is 115x115: what's the smallest input size >= 115 that goes
// through?": in a U-Net whose convs keep the size, only the 2×2 pools and
// the 2× up-samplings change it, and an up-sampled map must equal the
// skip it is concatenated with. The pools and up-samplings are counted
// (in the words, or in the calls of a pasted forward), and calc.SolveInput
// finds the smallest size at which every skip matches.

var (
	// unetWord names a U-Net, or the concatenation of a skip.
	unetWord = regexp.MustCompile(`(?i)\bu-?net\b|\btorch\.cat\b|\bconcatenate\b|\bskip[\s-]connections?\b`)
	// poolCalls and upCalls are the calls of a pasted forward that halve
	// and double the size.
	poolCalls = regexp.MustCompile(`\bself\.(?:pool|down|maxpool|mp)\w*\(|\bF\.(?:max|avg)_pool2d\(`)
	upCalls   = regexp.MustCompile(`\bself\.(?:up|upconv|upsample|deconv)\w*\(|\bF\.interpolate\(`)
	// levelWords counts the pools of a U-Net in words: "3 pooling
	// levels", "depth 4", "four downsamplings".
	levelWords = regexp.MustCompile(`(?i)\b(\d|one|two|three|four|five|six)\s+(?:max[\s-]?)?(?:pool(?:ing)?s?|down[\s-]?sampl\w*|levels?|encoder\s+(?:blocks?|stages?)|stages?)\b|\bdepth\s+(?:of\s+)?(\d)\b`)
	// keepsSize says every conv keeps the size; notKept that one does not.
	keepsSize = regexp.MustCompile(`(?i)padding\s*=\s*1\b|padding\s*=\s*['"]same['"]|\bsame\s+padding\b|\bpadded\b|\bpadding\s+1\b|\bpad\s+1\b`)
	notKept   = regexp.MustCompile(`(?i)\bvalid\b|\bno\s+padding\b|\bunpadded\b|\bwithout\s+padding\b`)
	// convArgs finds a pasted conv's arguments; convKeeps says they keep
	// the size (a 3×3 with padding 1 or 'same', or a 1×1).
	convArgs  = regexp.MustCompile(`Conv2d\(([^()]*)\)`)
	convKeeps = regexp.MustCompile(`^\s*\w+\s*,\s*\w+\s*,\s*(?:kernel_size\s*=\s*)?(?:1\s*(?:,|$)|3\s*,.*padding\s*=\s*(?:1|['"]same['"]))`)
	// convMoves says a pasted conv changes the size however padded: a
	// stride or a dilation above 1.
	convMoves = regexp.MustCompile(`\b(?:stride|dilation)\s*=\s*\(?\s*[2-9]`)
)

// unetQuestion returns the U-Net question src asks, solved, or nil when
// src names no U-Net (or skip concatenation), its convs may not keep the
// size, or its pools and up-samplings cannot be counted.
func unetQuestion(src, words string, from int) *Question {
	if !unetWord.MatchString(src) || notKept.MatchString(words) {
		return nil
	}
	pools, ups, ok := unetCounts(src, words)
	if !ok {
		return nil
	}
	var layers []calc.Layer
	var names []string
	keep := func(name string) {
		layers, names = append(layers, calc.Activation{}), append(names, name)
	}
	keep("convs at level 0")
	for i := 1; i <= pools; i++ {
		layers, names = append(layers, calc.Pool{Kernel: []int{2}}), append(names, "maxpool 2x2")
		keep(fmt.Sprintf("convs at level %d", i))
	}
	var match [][2]int
	for j := 1; j <= ups; j++ {
		layers = append(layers, calc.Conv{Transposed: true, Kernel: []int{2}, Stride: []int{2}, In: 1, Out: 1})
		names = append(names, fmt.Sprintf("up %d (×2)", j))
		match = append(match, [2]int{len(layers), 2*(pools-j) + 1}) // the skip saved before pool pools-j+1
	}
	sv, err := calc.SolveInput(calc.InputSearch{Layers: layers, Names: names, Channels: 1,
		Goal: calc.InputGoal{Match: match, From: from}, Tried: triedSizes(proseAround(src), &Question{})})
	if err != nil {
		return nil
	}
	q := &Question{Solve: sv, Asked: []string{"input"},
		Notes: []string{fmt.Sprintf("read as a U-Net whose convs keep the size: %d 2×2 pools down, %d 2× up-samplings, each up-sampled map concatenated with the skip of its size", pools, ups)}}
	prose := proseAround(src)
	q.Unused = blockUnused(src, sv, []int{pools, ups, 2, from, from - 1, int(sv.Min), firstNumber(convKernel, words)})
	for i, u := range q.Unused {
		if at := positionOffset(src, u.Pos); at >= 0 && at < len(prose) && prose[at] == ' ' && !onErrorLine(src, u.Pos) {
			q.Unused[i].Why = "a setting of a pasted layer: the convs keep the size, so only the pools and up-samplings change it"
		}
	}
	return q
}

// unetCounts counts a U-Net's pools and up-samplings: from a pasted
// forward's calls (every conv pasted keeping the size), or from the words
// (padded convs said, as many ups as pools).
func unetCounts(src, words string) (pools, ups int, ok bool) {
	code := withoutComments(src)
	pools, ups = len(poolCalls.FindAllString(code, -1)), len(upCalls.FindAllString(code, -1))
	if pools > 0 {
		for _, m := range convArgs.FindAllStringSubmatch(src, -1) {
			if !convKeeps.MatchString(m[1]) || convMoves.MatchString(m[1]) {
				return 0, 0, false
			}
		}
		return pools, ups, ups > 0 && ups <= pools
	}
	m := levelWords.FindStringSubmatch(words)
	if m == nil || !keepsSize.MatchString(words) {
		return 0, 0, false
	}
	n, ok := lang.NumberWords[strings.ToLower(m[1])]
	if !ok {
		n, _ = strconv.Atoi(m[1] + m[2])
	}
	return n, n, n > 0
}

// withoutComments is src with its Python comments blanked.
func withoutComments(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if j := strings.Index(l, "#"); j >= 0 {
			lines[i] = l[:j]
		}
	}
	return strings.Join(lines, "\n")
}
