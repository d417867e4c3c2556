package grammar

import (
	"regexp"
	"strings"
)

// A student often asks not for a number but whether a setting moves it:
//
//	does stride affect the number of parameters? conv 3x3 3->64
//	why doesn't padding change the param count
//	do the weights depend on the dilation?
//
// A layer's parameters depend on its kernel, channels, groups and bias
// only; stride, padding and dilation decide where the filter is applied.
// The question is marked so the reply answers "No" first, with the
// number, instead of a bare count.

// effectSetting, effectVerb and effectCount are the words of such a
// question: the setting, what it would do, and the count it would do it
// to.
const (
	effectSetting = `(?P<setting>strides?|(?:zero[- ]?)?padding|pad|dilations?)`
	effectVerb    = `(?:go(?:es)?\s+(?:up|down)|grows?|shrinks?|change|changes|changing|changed|affect|affects|affected|alter|alters|reduce|reduces|increase|increases|decrease|decreases|impact|impacts|influence|influences|matter|matters|depend|depends)`
	effectCount   = `(?P<count>(?:number|count|amount|#)\s+of\s+(?:(?:learnable|trainable)\s+)?(?:param(?:eter)?s|weights)|(?:learnable\s+|trainable\s+)?param(?:eter)?s?(?:\s+count)?|parameter\s+count|weights?(?:\s+count)?)`
)

// effectAsked matches a count said to change ("does that increase the
// number of params", "do the params depend on", "is the param count
// affected by"); effectSettingWord finds the setting in the same
// sentence, before or after it.
var (
	effectAsked = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b` + effectVerb + `\b[^.?!\n]{0,20}?\b` + effectCount + `\b`),
		regexp.MustCompile(`(?i)\b` + effectCount + `\b[^.?!\n]{0,20}?\b` + effectVerb + `\b`),
	}
	effectSettingWord = regexp.MustCompile(`(?i)\b` + effectSetting + `\b`)
)

// effectQuestion starts the sentence as a question: "does", "do", "why",
// "will", "would", "is", "can"... (after a comma, "so" or "but" too).
var effectQuestion = regexp.MustCompile(`(?i)(?:^|[,;:]\s*|\b(?:so|but|and|also)\s+)(?:does|do|did|why|will|would|is|isn't|are|can|could|should|how\s+come)\b`)

// withEffectAsked marks every question of qs whose text asks whether
// stride, padding or dilation changes the parameters or weights.
func withEffectAsked(src string, qs []*Question) []*Question {
	e := effectOf(src)
	if e == nil {
		return qs
	}
	for _, q := range qs {
		if q != nil && q.Effect == nil {
			q.Effect = e
		}
	}
	return qs
}

// effectOf reads the setting and the count src asks about; nil when src
// asks no such yes/no question.
func effectOf(src string) *Effect {
	for _, re := range effectAsked {
		m := re.FindStringSubmatchIndex(src)
		if m == nil {
			continue
		}
		from := strings.LastIndexAny(src[:m[0]], ".?!\n") + 1
		to := len(src)
		if end := strings.IndexAny(src[m[1]:], ".?!\n"); end >= 0 {
			to = m[1] + end
		}
		setting := effectSettingWord.FindString(src[from:to])
		if setting == "" || !askedAsQuestion(src, from, to) {
			continue
		}
		count := strings.ToLower(src[m[2*re.SubexpIndex("count")]:m[2*re.SubexpIndex("count")+1]])
		e := &Effect{Setting: "stride", Asked: "params"}
		switch setting = strings.ToLower(setting); {
		case strings.Contains(setting, "pad"):
			e.Setting = "padding"
		case strings.HasPrefix(setting, "dilation"):
			e.Setting = "dilation"
		}
		if strings.Contains(count, "weight") {
			e.Asked = "weights"
		}
		return e
	}
	return nil
}

// askedAsQuestion reports whether the sentence src[from:to] is a
// question: a question word starts it (or one of its clauses), or a
// question mark ends it.
func askedAsQuestion(src string, from, to int) bool {
	return effectQuestion.MatchString(src[from:to]) || to < len(src) && src[to] == '?'
}
