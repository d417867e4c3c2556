package spec

import (
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// LooksLike reports whether src starts with a layer name of the spec
// language, "input", a preset or a block: whether the front door should
// try the spec language first.
func LooksLike(src string) bool {
	w := firstWord(src)
	return kindOf(w) != "" || lang.BlockWords[strings.ToLower(w)] || startsWithUnknownNetwork(src)
}

// startsWithUnknownNetwork reports whether src starts with the name of a
// network that is not a preset ("mobilenet_v4 batch 8").
func startsWithUnknownNetwork(src string) bool {
	return presets.Family(firstNetWord(src))
}

// firstNetWord is src's first word with the hyphens, dots and underscores
// a network's name may hold ("efficientnet-b7").
func firstNetWord(src string) string {
	src = strings.TrimLeftFunc(src, unicode.IsSpace)
	end := strings.IndexFunc(src, func(r rune) bool { return !netRune(r) })
	if end < 0 {
		end = len(src)
	}
	return strings.Trim(src[:end], "-_.")
}

// Mostly reports whether every word of src but at most one belongs to the
// spec language, so that a failed spec parse is the error to show.
func Mostly(src string) bool {
	unknown := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(src), func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '_')
	}) {
		if kindOf(w) == "" && lang.Options[w] == "" && !lang.BlockWords[w] && !lang.SettingWords[w] && !lang.IsLayout(w) && w != "x" && lang.Shorthand.FindString(w) == "" {
			switch w {
			case "true", "false", "on", "off", "yes", "no", "none", "p":
				continue
			}
			unknown++
		}
	}
	return unknown < 2
}

// NearMiss reports whether src's first word is a likely typo of a layer
// name and the rest looks like spec arguments ("covn 3x3 32->64").
func NearMiss(src string) bool {
	w := firstWord(src)
	return w != "" && lang.DidYouMean(w, kindNames()) != "" && Mostly(src) && strings.ContainsAny(src, "0123456789")
}

func firstWord(src string) string {
	src = strings.TrimLeftFunc(src, unicode.IsSpace)
	end := strings.IndexFunc(src, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') })
	if end < 0 {
		end = len(src)
	}
	return src[:end]
}

// kindOf is the canonical name of a line's first word: a layer's kind,
// "input", "preset" for a preset's name, "show" or "usepreset".
func kindOf(word string) string {
	if k := lang.KindOf(word); k != "" {
		return k
	}
	if presets.Is(word) {
		return "preset"
	}
	return ""
}

// kindNames lists the canonical line words, for "did you mean".
func kindNames() []string {
	return append(lang.KindNames(), "preset")
}
