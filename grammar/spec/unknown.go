package spec

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// UnknownNetwork returns an error for the first word of src that names a
// network of a family the presets know but is not a preset itself
// ("mobilenet_v4", "resnet200", "efficientnet-b7"): it lists the closest
// presets and how to write the network in the spec language, and never
// guesses one for it. It returns nil when src names no such network.
func UnknownNetwork(src string) *lang.Error {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		if !netRune(r) || i > 0 && netRune(lastRune(src[:i])) {
			if r == '\n' {
				line, col = line+1, 0
			}
			i += size
			col++
			continue
		}
		end := i
		for end < len(src) {
			r, n := utf8.DecodeRuneInString(src[end:])
			if !netRune(r) {
				break
			}
			end += n
		}
		word := strings.Trim(src[i:end], "-_")
		if presets.Family(word) {
			return unknownNetworkError(word, line, col)
		}
		col += utf8.RuneCountInString(src[i:end])
		i = end
	}
	return nil
}

func netRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.'
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// unknownNetworkError says word is not a preset, names the closest ones
// and shows how to write a network.
func unknownNetworkError(word string, line, col int) *lang.Error {
	closest := presets.Closest(word, 4)
	return &lang.Error{Line: line, Col: col,
		Msg: fmt.Sprintf("%q is not a preset I know, and I do not guess a network's layers; the closest presets are %s",
			word, strings.Join(closest, ", ")),
		Hint: fmt.Sprintf("ask for one of them (%s), or write the network in the spec language — `show %s` prints one to start from — one layer a line after its input:\n"+
			"input 224x224x3\nconv 3x3 16 stride 2 pad 1 nobias; batchnorm; hardswish\nresidual { conv 1x1 64 nobias; batchnorm; relu; conv 3x3 64 pad 1 depthwise nobias; batchnorm; relu; conv 1x1 16 nobias; batchnorm }\n"+
			"(blocks: repeat N { }, residual { } shortcut { }, concat { branch { } }, gate { })", closest[0], closest[0])}
}
