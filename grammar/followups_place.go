package grammar

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/english"
)

// A follow-up may change one layer of a stack, named by its place: "rf of
// three 3x3 convs stacked? and what if the middle one is stride 2", "same
// but the last conv has dilation 2". Written into the first question's
// words, the change would reach every layer; it is made on the first
// question's reading instead, to the one layer named.

// placeWord matches a layer named by its place in a stack: "the middle
// one", "the 2nd conv", "the last layer", "the first pool".
var placeWord = regexp.MustCompile(`(?i)\b(first|1st|second|2nd|third|3rd|fourth|4th|middle|last|final)\s+(one|layer|conv\w*|filter|(?:max|avg|average)?[ -]?pool\w*)\b`)

// placeChange matches the setting a follow-up gives the layer it names:
// "is stride 2", "has dilation 2", "uses padding 1", "is 4x4", "has
// kernel 5", "a 3x3 window"; "change the stride of the first conv to 1"
// (the place taken out: "the stride of to 1").
var placeChange = regexp.MustCompile(`(?i)\b(stride|padding|pad|dilation|kernel(?:[_ ]size)?|window|size)\s*(?:(?:=|of|is|:|to|set\s+to|becomes?|the)\s*){0,3}(\d{1,3})\b|\bs\s*=?\s*(\d)\b|\b(\d{1,3})\s*[x×]\s*(\d{1,3})\b`)

// placeSetting is the setting a placeChange match gives: its name
// ("stride", "padding", "dilation" or "kernel") and value. A square size
// ("4x4") is a kernel; a non-square one is no single value, so ok is
// false.
func placeSetting(m []string) (name string, v int, ok bool) {
	switch {
	case m[1] != "":
		name, v = strings.ToLower(m[1]), atoi(m[2])
	case m[3] != "":
		name, v = "stride", atoi(m[3])
	case m[4] != m[5]:
		return "", 0, false
	default:
		name, v = "kernel", atoi(m[4])
	}
	switch {
	case name == "pad":
		name = "padding"
	case strings.HasPrefix(name, "kernel"), name == "window", name == "size":
		name = "kernel"
	}
	return name, v, v >= 1 || name == "padding"
}

// placeIndex is the 0-based index of a place among n layers; ok is false
// when there is no such layer ("the middle one" of two).
func placeIndex(place string, n int) (int, bool) {
	var i int
	switch strings.ToLower(place) {
	case "first", "1st":
		i = 0
	case "second", "2nd":
		i = 1
	case "third", "3rd":
		i = 2
	case "fourth", "4th":
		i = 3
	case "middle":
		if n%2 == 0 {
			return 0, false
		}
		i = n / 2
	default: // last, final
		i = n - 1
	}
	return i, i >= 0 && i < n
}

// atPlace reads a follow-up that changes one layer of the first question's
// stack, named by its place ("the middle one is stride 2", "the first
// pool is 4x4"): the first question's reading with that layer changed, and
// the text that restates it. ok is false when the follow-up names no place
// and setting, or the first question is not a stack that has the place.
func atPlace(first, change string) (string, *Question, *Question, bool) {
	p := placeWord.FindStringSubmatch(change)
	if p == nil {
		return "", nil, nil, false
	}
	settings, ok := placeSettings(strings.Replace(change, p[0], " ", 1))
	if !ok {
		return "", nil, nil, false
	}
	q1, err := Parse(first)
	if err != nil {
		return "", nil, nil, false
	}
	ls := leafLayers(q1)
	// "the third conv" counts the convs only, "the first pool" the pools;
	// "the third one" or "layer" counts every layer.
	among, what := make([]int, 0, len(ls)), "layer"
	switch {
	case convNoun(p[2]):
		what = "conv"
	case poolNoun(p[2]):
		what = "pool"
	}
	for j, l := range ls {
		_, isConv := l.(calc.Conv)
		_, isPool := l.(calc.Pool)
		if what == "layer" || what == "conv" && isConv || what == "pool" && isPool {
			among = append(among, j)
		}
	}
	k, ok := placeIndex(p[1], len(among))
	if len(ls) < 2 || len(ls) != len(q1.Layers) || !ok {
		return "", nil, nil, false
	}
	i := among[k]
	changed := ls[i]
	var said []string
	for _, st := range settings {
		if changed, ok = withSetting(changed, st.name, st.v); !ok {
			return "", nil, nil, false
		}
		if st.name == "kernel" {
			said = append(said, fmt.Sprintf("a %dx%d kernel", st.v, st.v))
		} else {
			said = append(said, fmt.Sprintf("%s %d", st.name, st.v))
		}
	}
	layers := append([]calc.Layer(nil), ls...)
	layers[i] = changed
	q2, err := specQuestion(q1.Input, layers)
	if err != nil {
		return "", nil, nil, false
	}
	q2.Asked = q1.Asked
	q2.Notes = append([]string{fmt.Sprintf("follow-up: the first question with the %s %s (%s %d of %d, layer %d of %d) at %s",
		strings.ToLower(p[1]), what, what, k+1, len(among), i+1, len(ls), strings.Join(said, " and "))}, q2.Notes...)
	return q2.Canonical, q1, q2, true
}

// placeSet is one setting a follow-up gives the layer it names.
type placeSet struct {
	name string
	v    int
}

// placeSettings are the settings rest, a follow-up without its place,
// gives one layer: "is 5x5 with padding 2", "has stride 2". ok is false
// when it gives none, a setting twice, a size that is no single kernel,
// another place, something else of the layer ("and ceil mode", "no
// bias") that would be dropped, or another kind of layer ("is a 2x2
// maxpool"), which is no setting.
func placeSettings(rest string) ([]placeSet, bool) {
	var out []placeSet
	seen := map[string]bool{}
	for _, m := range placeChange.FindAllStringSubmatch(rest, -1) {
		name, v, ok := placeSetting(m)
		if !ok || seen[name] {
			return nil, false
		}
		seen[name] = true
		out = append(out, placeSet{name, v})
		rest = strings.Replace(rest, m[0], " ", 1)
	}
	if len(out) == 0 || placeWord.MatchString(rest) || aspectsIn(rest) || proseLayerWord.MatchString(rest) {
		return nil, false
	}
	return out, true
}

// withSetting is layer l, a conv or a pool, with one setting changed: its
// kernel, stride, padding or dilation, as a what-if changes it
// (english.Change). A max pool's dilation, which a what-if does not
// change, is set here; an average pool has none.
func withSetting(l calc.Layer, name string, v int) (calc.Layer, bool) {
	switch l := l.(type) {
	case calc.Pool:
		if name != "dilation" {
			break
		}
		if l.Op == calc.AvgPool {
			return nil, false
		}
		l.Dilation = repeatInt(v, max(len(l.Kernel), 1))
		return l, true
	case calc.Conv:
	default:
		return nil, false
	}
	return english.Change{Setting: name, Sizes: []int{v}, Mode: calc.PadExplicit}.OnLayer(l)
}

// convNoun reports whether a place's noun names convs: "conv", "convs",
// "convolution", "filter".
func convNoun(noun string) bool {
	n := strings.ToLower(noun)
	return strings.HasPrefix(n, "conv") || n == "filter"
}

// poolNoun reports whether a place's noun names pools: "pool",
// "maxpool", "max pooling", "avg-pool".
func poolNoun(noun string) bool {
	return strings.Contains(strings.ToLower(noun), "pool")
}

// repeatInt is v n times: a setting for every dimension.
func repeatInt(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}
