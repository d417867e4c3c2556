package spec

import (
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// LooksLike reports whether src starts with a layer name of the spec
// language, "input", a preset or a block: whether the front door should
// try the spec language first.
func LooksLike(src string) bool {
	w := firstWord(src)
	return kindOf(w) != "" || lang.BlockWords[strings.ToLower(w)]
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
