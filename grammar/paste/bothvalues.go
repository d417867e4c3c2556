package paste

// "MaxPool2d(2, 2) on a 25x25 map, what's the output with the default
// ceil_mode=False and with ceil_mode=True?": one pasted layer asked with
// both values of a flag its call does not set — two questions, the call
// as written (the default) and with the other value.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

var (
	allBothRE = regexp.MustCompile(`(?i)\bwith (?:the default )?(\w+)\s*=\s*(false|true)\b.{0,40}?\b(?:with|and|vs\.?|versus|or) (?:with )?(\w+)\s*=\s*(false|true)\b`)
	allCallRE = regexp.MustCompile(`\b(?:nn\.)?[A-Z]\w*\(`)
)

// allBothValues reads src as two questions when its words ask one call
// with key=False and key=True and the call does not set key; nil
// otherwise.
func allBothValues(src string) []*lang.Question {
	if !allAsksBoth(src) {
		return nil
	}
	m := allBothRE.FindStringSubmatch(src)
	key := m[1]
	loc := allCallRE.FindStringIndex(src)
	if loc == nil || strings.Contains(src, key+"=") && strings.Index(src, key+"=") < strings.Index(src, m[0]) {
		return nil
	}
	end := ptMatchClose(src, loc[1]-1)
	if end <= loc[1] || end > len(src) || strings.Contains(src[loc[1]:end], "\n") {
		return nil
	}
	close := end - 1 // the ')'
	line, col := lang.RunePosition(src, len([]rune(src[:close])))
	var out []*lang.Question
	for _, v := range []string{m[2], m[4]} {
		val := strings.ToUpper(v[:1]) + strings.ToLower(v[1:])
		ins := ", " + key + "=" + val
		q, err := parseOne(src[:close] + ins + src[close:])
		if err != nil {
			return nil
		}
		allShiftBack(q, lang.Position{Line: line, Col: col}, len(ins))
		q.Notes = append(q.Notes, fmt.Sprintf("with %s=%s, as asked", key, val))
		out = append(out, q)
	}
	return out
}

// allShiftBack moves q's positions on line at.Line after column at.Col
// back by n, for text inserted there.
func allShiftBack(q *lang.Question, at lang.Position, n int) {
	shift := func(p *lang.Position) {
		if p.Line == at.Line && p.Col > at.Col {
			p.Col = max(at.Col, p.Col-n)
		}
	}
	for i := range q.Layers {
		shift(&q.Layers[i].Pos)
		for k, p := range q.Layers[i].Fields {
			shift(&p)
			q.Layers[i].Fields[k] = p
		}
	}
	for i := range q.Unused {
		shift(&q.Unused[i].Pos)
	}
}

// allAsksBoth reports whether src's words ask with key=False and with
// key=True (one key, both values).
func allAsksBoth(src string) bool {
	m := allBothRE.FindStringSubmatch(src)
	return m != nil && strings.EqualFold(m[1], m[3]) && !strings.EqualFold(m[2], m[4])
}

// allGapVsFlatRE asks a map into a Linear both ways: "global avg pool vs
// flatten for a 512x7x7 map into Linear(?, 10)".
var allGapVsFlatRE = regexp.MustCompile(`(?i)\b(global (avg|average|max) ?pool(ing)?|gap|adaptive ?avg ?pool\w*)\b.{0,15}\b(vs\.?|versus|or|instead of|compared to)\s+(a\s+|after\s+|with\s+|using\s+)?(flatten\w*)|\bflatten\w*\b.{0,15}\b(vs\.?|versus|or|instead of|compared to)\s+(a\s+|after\s+|with\s+|using\s+)?(global (avg|average|max) ?pool(ing)?|gap)\b`)

// allPoolVsFlatten reads a map flattened into one Linear, asked against a
// global average pool, as two questions: flattened (as read) and pooled
// first, the Linear then taking the map's channels. Nil unless the paste
// is that Linear on a C×H×W map.
func allPoolVsFlatten(src string) []*lang.Question {
	if !allGapVsFlatRE.MatchString(src) {
		return nil
	}
	flat, err := parseOne(src)
	if err != nil || len(flat.Input) != 3 || len(flat.Layers) != 2 {
		return nil
	}
	if _, ok := flat.Layers[0].Layer.(calc.Flatten); !ok {
		return nil
	}
	lin, ok := flat.Layers[1].Layer.(calc.Linear)
	if !ok {
		return nil
	}
	pooled, err := parseOne(src)
	if err != nil {
		return nil
	}
	was, ch := lin.In, flat.Input[0]
	lin.In = ch
	pooled.Layers = []lang.Layer{{Layer: calc.GlobalAvgPool{}, Pos: flat.Layers[0].Pos}, flat.Layers[0], {Layer: lin, Pos: flat.Layers[1].Pos}}
	pooled.Network = true
	if pooled.Fix != nil {
		fx := *pooled.Fix
		fx.Line = strings.Replace(fx.Line, fmt.Sprint(was), fmt.Sprint(ch), 1)
		fx.Why = fmt.Sprintf("after a global average pool the %s map is %d values, one a channel", ptShapeText(flat.Input), ch)
		fx.Layer = 2
		pooled.Fix = &fx
	}
	pooled.Canonical = lang.Format(pooled)
	pooled.Notes = append(pooled.Notes, fmt.Sprintf("with a global average pool before the Linear, as asked: it takes the %d channels", ch))
	return []*lang.Question{flat, pooled}
}

// allOtherRE asks a call again with one keyword changed: "and with the
// default ceil_mode=False?", "what about bias=True", "vs padding=0".
var allOtherRE = regexp.MustCompile(`(?i)\b(?:with|and|vs\.?|versus|or|about|if|does|do|would|will|used|use|using|set|setting|turn\s+on)\s+(?:the\s+)?(?:default\s+)?(?:of\s+)?(\w+)\s*=\s*(true|false|\d+)\b`)

// allOtherValue reads src as two questions when one call sets key=v and
// the words after it ask with key=w: the call as written, then with w.
// Nil otherwise.
func allOtherValue(src string) []*lang.Question {
	key, val, at, was := allOtherAt(src)
	if at < 0 {
		return nil
	}
	if v := strings.ToLower(val); v == "true" || v == "false" {
		val = strings.ToUpper(val[:1]) + v[1:]
	}
	asWritten, err := parseOne(src)
	if err != nil {
		return nil
	}
	ins := val
	if was == 0 {
		ins = ", " + key + "=" + val // a key the call does not set
	}
	other, err := parseOne(src[:at] + ins + src[at+was:])
	if err != nil || lang.Format(other) == lang.Format(asWritten) {
		return nil
	}
	line, col := lang.RunePosition(src, len([]rune(src[:at])))
	allShiftBack(other, lang.Position{Line: line, Col: col}, len(ins)-was)
	other.Notes = append(other.Notes, fmt.Sprintf("with %s=%s, as asked", key, val))
	return []*lang.Question{asWritten, other}
}

// allOtherAt finds what allOtherValue reads: the key, the value the words
// ask, and where the call's own value is (offset and length); at is -1
// when src asks no such thing.
func allOtherAt(src string) (key, val string, at, was int) {
	loc := allCallRE.FindStringIndex(src)
	if loc == nil {
		return "", "", -1, 0
	}
	end := ptMatchClose(src, loc[1]-1)
	if end <= loc[1] || end > len(src) || strings.Contains(src[loc[1]:end], "\n") || allCallRE.MatchString(src[end:]) {
		return "", "", -1, 0 // one call on one line, and no other call after it
	}
	m := allOtherRE.FindStringSubmatchIndex(src[end:])
	if m == nil {
		return "", "", -1, 0
	}
	key, val = src[end+m[2]:end+m[3]], src[end+m[4]:end+m[5]]
	set := regexp.MustCompile(`\b` + regexp.QuoteMeta(key) + `\s*=\s*(\w+)`).FindStringSubmatchIndex(src[loc[1]:end])
	if set == nil {
		// The call leaves key at its default and the words ask with a
		// value ("I think they used ceil_mode=True"): the value goes in
		// before the call's ')'; parsing refuses a key the call lacks.
		return key, val, end - 1, 0
	}
	if strings.EqualFold(src[loc[1]+set[2]:loc[1]+set[3]], val) {
		return "", "", -1, 0
	}
	return key, val, loc[1] + set[2], set[3] - set[2]
}
