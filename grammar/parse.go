package grammar

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
)

// MaxChars is the longest question Parse reads, in runes.
const MaxChars = 4000

// Parse reads a question in whichever form it comes — pasted PyTorch or
// Keras code, the spec language, or plain English — and returns what it
// asks. Code is recognised first (Conv2d( starts like the spec's conv2d).
// Errors are [*Error], positioned in src where possible, with a hint.
func Parse(src string) (*Question, error) {
	q, err := parse(src)
	if err == nil && q.Framework == "keras" {
		kerasCounts(q)
	}
	return q, err
}

// kerasCounts asks batch norm layers for Keras's count too, so a student
// reading model.summary() finds its number.
func kerasCounts(q *Question) {
	for i, l := range q.Layers {
		if bn, ok := l.Layer.(calc.BatchNorm); ok {
			bn.Keras = true
			q.Layers[i].Layer = bn
		}
	}
}

func parse(src string) (*Question, error) {
	if n := utf8.RuneCountInString(src); n > MaxChars {
		line, col := positionOfRune(src, MaxChars)
		return nil, &Error{Line: line, Col: col,
			Msg:  fmt.Sprintf("the question is %s characters long; I read at most %s", group(n), group(MaxChars)),
			Hint: "ask about fewer layers at a time, or use a preset such as resnet50"}
	}
	if strings.TrimSpace(src) == "" {
		return nil, &Error{Msg: "the question is empty", Hint: specExample}
	}
	code := strings.ContainsAny(src, "()")
	switch {
	case code && LooksLikePyTorch(src):
		return ParsePyTorch(src)
	case code && LooksLikeKeras(src):
		return ParseKeras(src)
	case looksLikeSpec(src):
		q, err := ParseSpec(src)
		if err == nil {
			return q, nil
		}
		// "conv layer with 64 filters ..." starts like the spec language
		// but is English: prefer English when it reads it — unless the
		// text has the spec's own punctuation (32->64, blocks, ";"), where
		// English would read a typo as something else.
		if !specish(src) && !strings.ContainsAny(src, "{};→") && !strings.Contains(src, "->") {
			if eq, eerr := ParseEnglish(src); eerr == nil {
				return eq, nil
			}
		}
		return nil, err
	}
	if q := mentionedPreset(src); q != nil {
		return q, nil
	}
	q, err := ParseEnglish(src)
	if err != nil && nearSpec(src) {
		// "covn 3x3 32->64": a typo in the spec language reads better as one.
		if _, serr := ParseSpec(src); serr != nil {
			return nil, serr
		}
	}
	return q, err
}

// looksLikeSpec reports whether src starts with a layer name of the spec
// language, "input", a preset or a block.
func looksLikeSpec(src string) bool {
	w := firstWord(src)
	return specKindOf(w) != "" || blockWords[strings.ToLower(w)]
}

// specish reports whether every word of src belongs to the spec language,
// so that a failed spec parse is the error to show.
func specish(src string) bool {
	unknown := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(src), func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '_')
	}) {
		if specKinds[w] == "" && specOptions[w] == "" && !blockWords[w] && !settingWords[w] && !isLayout(w) && w != "x" && shorthand.FindString(w) == "" {
			switch w {
			case "true", "false", "on", "off", "yes", "no", "none", "p":
				continue
			}
			unknown++
		}
	}
	return unknown < 2
}

// nearSpec reports whether src's first word is a likely typo of a layer
// name and the rest looks like spec arguments.
func nearSpec(src string) bool {
	w := firstWord(src)
	return w != "" && didYouMean(w, specKindNames()) != "" && specish(src) && strings.ContainsAny(src, "0123456789")
}

func firstWord(src string) string {
	src = strings.TrimLeftFunc(src, unicode.IsSpace)
	end := strings.IndexFunc(src, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') })
	if end < 0 {
		end = len(src)
	}
	return src[:end]
}

func positionOfRune(src string, n int) (line, col int) {
	line, col = 1, 1
	for i, r := range []rune(src) {
		if i == n {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// group writes n with thousands separators: 18,496.
func group(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + group(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// mentionedPreset answers a plain question about a preset network — "how
// many parameters does VGG-16 have?" — with the preset, or returns nil
// when src names none.
func mentionedPreset(src string) *Question {
	words := strings.FieldsFunc(strings.ToLower(src), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-')
	})
	for i, w := range words {
		for _, cand := range []string{w, strings.ReplaceAll(w, "-", ""), strings.ReplaceAll(w, "-", "_")} {
			name := cand
			if i+1 < len(words) && !strings.ContainsAny(cand, "0123456789") {
				if _, _, ok := Preset(cand + words[i+1]); ok {
					name = cand + words[i+1] // "vgg 16", "resnet 50"
				}
			}
			_, canonical, ok := Preset(name)
			if !ok || name == "resnet" && !strings.Contains(src, "resnet50") {
				continue
			}
			p, err := parsedPreset(canonical)
			if err != nil {
				return nil
			}
			q := *p
			q.Notes = append([]string{fmt.Sprintf("read as the preset %s (torchvision's network at 224×224×3); `show %s` prints its layers", canonical, canonical)}, p.Notes...)
			q.Asked = askedWords(words)
			q.Canonical = canonical
			return &q
		}
	}
	return nil
}

// askedWords picks what a question about a whole network asks for.
func askedWords(words []string) []string {
	var asked []string
	seen := map[string]bool{}
	for _, w := range words {
		a := ""
		switch {
		case strings.HasPrefix(w, "param") || w == "weights":
			a = "params"
		case strings.HasPrefix(w, "flop"):
			a = "flops"
		case strings.HasPrefix(w, "mac") || strings.HasPrefix(w, "multipl"):
			a = "macs"
		case w == "memory" || w == "ram" || w == "vram":
			a = "memory"
		case strings.HasPrefix(w, "receptive"):
			a = "receptive field"
		case w == "output" || w == "shape":
			a = "output"
		}
		if a != "" && !seen[a] {
			seen[a] = true
			asked = append(asked, a)
		}
	}
	return asked
}
