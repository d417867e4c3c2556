package grammar

import (
	"fmt"

	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"

	"github.com/cnnbot/cnnbot/calc"
)

// Some words of a question change the answer without being numbers the
// account can check: how many layers ("three stride-2 convs"), that the
// layers have no bias ("all bias=False"), that a batch norm follows. A
// reading that leaves one of them out is as wrong as one that leaves out
// a number, and must say so first. These checks read the words plainly
// and compare them with the reading's layers.

// layerCount matches a count of layers said in words or digits before the
// layers' noun, a few describing words between: "three stride-2
// convolutions", "two 3x3 valid convs", "5 conv layers", "ten layers".
var layerCount = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-9])\s+((?:[\w-]+\s+){0,3}?)(conv(?:olution)?s|conv(?:olution(?:al)?)?\s+layers|layers|pool(?:ing)?\s+layers|(?:fc|dense|linear|fully[\s-]connected)\s+layers)\b`)

// notCountedBefore matches words before a count that make it no count of
// the question's layers: "one of the two layers", "the last 3 layers",
// "instead of two convs", "every 2 layers"; or a setting's value:
// "stride 2 3x3 convs", "stride-2 max pooling layers".
var notCountedBefore = regexp.MustCompile(`(?i)\b(?:of|last|first|every|each|per|instead\s+of|vs\.?|versus|than|or)\s+(?:the\s+)?$|\b(?:stride|strides|dilation|dilations|pad|padding|kernel|size|groups|[ksp])[\s=:-]*$`)

// fewerCounted is a doubt when src counts more layers of a kind than the
// reading has ("three stride-2 convolutions" read as two); or "".
func fewerCounted(src string, q *Question) string {
	if sidesSet.MatchString(src) {
		return "" // each side of a comparison is read on its own
	}
	for _, m := range layerCount.FindAllStringSubmatchIndex(src, -1) {
		if notCountedBefore.MatchString(src[:m[0]]) || strings.Contains(src[m[4]:m[5]], ",") {
			continue
		}
		word := strings.ToLower(src[m[2]:m[3]])
		noun := strings.ToLower(src[m[6]:m[7]])
		n, ok := lang.NumberWords[word]
		if !ok {
			n, _ = strconv.Atoi(word)
			if n > 5 && !strings.HasSuffix(noun, "layers") {
				continue // "16 5x5 convs": sixteen filters as often as sixteen layers
			}
		}
		kind, have := "layers", countLayers(q, func(l calc.Layer) bool { return countLeaves(l) > 0 })
		switch {
		case strings.HasPrefix(noun, "conv"):
			kind, have = "convolutions", countLayers(q, func(l calc.Layer) bool {
				switch l.(type) {
				case calc.Conv, calc.Separable:
					return true
				}
				return false
			})
		case strings.HasPrefix(noun, "pool"):
			kind, have = "pooling layers", countLayers(q, func(l calc.Layer) bool { return strings.Contains(l.Kind(), "pool") })
		case noun != "layers":
			kind, have = "fully connected layers", countLayers(q, func(l calc.Layer) bool { return l.Kind() == "linear" })
		}
		if have < n {
			return fmt.Sprintf("the question says %q, and this reading has %d %s", strings.TrimSpace(src[m[0]:m[1]]), have, kind)
		}
	}
	return ""
}

// countLayers counts the single layers of q for which is holds, a
// repeated block counted as many times as it repeats.
func countLayers(q *Question, is func(calc.Layer) bool) int {
	n := 0
	eachLeaf(q, func(l calc.Layer, times int) {
		if is(l) {
			n += times
		}
	})
	return n
}

// noBiasSaid matches words that say the layers have no bias.
var noBiasSaid = regexp.MustCompile(`(?i)\b(?:do|does|did)\s*(?:n'?t|\s+not)\s+(?:add|use|have)\s+(?:any\s+|the\s+)?bias(?:es)?\b|\b(?:use_)?bias\s*=\s*false\b|\bbias(?:es)?\s+(?:off|disabled|turned\s+off|switched\s+off)\b|\b(?:turn(?:ed)?|switch(?:ed)?)\s+off\s+(?:the\s+)?bias(?:es)?\b|\bno\s+bias(?:es)?\b|\bwithout\s+(?:a\s+|the\s+|any\s+)?bias(?:es)?\b|\bbias[\s-]?free\b|\bw/o\s+bias`)

// biasSaid matches words that say a layer has a bias, or count it.
var biasSaid = regexp.MustCompile(`(?i)\b(?:use_)?bias\s*=\s*true\b|\bwith\s+(?:a\s+|the\s+)?bias(?:es)?\b|\bincl(?:uding|\.|uded)?\s+(?:the\s+)?bias(?:es)?\b|\bplus\s+(?:the\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:on|included|too)\b`)

// allNoBias matches words that take the bias off every layer: "all
// bias=False", "no bias anywhere", "each conv without bias".
var allNoBias = regexp.MustCompile(`(?i)\b(?:all|every|each|both)\b[^.?;\n]{0,30}(?:bias\s*=\s*false|no\s+bias|without\s+(?:a\s+)?bias)|(?:no\s+bias(?:es)?|bias\s*=\s*false|bias(?:es)?\s+(?:off|disabled))\s+(?:everywhere|anywhere|on\s+(?:all|every|each|everything|both)|for\s+(?:all|every|each|everything|both)|throughout|in\s+(?:all|every|each|both))`)

// biasIgnored is a doubt when src says its layers have no bias and every
// layer of the reading that could have one has one, or says none has one
// and one has; or "". Words that
// count the bias elsewhere ("with bias" on another layer) leave it to
// the reading; code read with bias=False has it in its layers already.
func biasIgnored(src string, q *Question) string {
	m := noBiasSaid.FindString(src)
	all := allNoBias.MatchString(src)
	if m == "" || biasOn(src) || q.BiasLeftOut || sidesSet.MatchString(src) && !all || !biasCounts(q) {
		return ""
	}
	biased, unbiased := 0, 0
	for _, l := range leafLayers(q) {
		switch l.(type) {
		case calc.Conv, calc.Linear:
			if noBias(l) {
				unbiased++
			} else {
				biased++
			}
		}
	}
	if biased == 0 || unbiased > 0 && !all {
		return ""
	}
	return fmt.Sprintf("the question says %q, and this reading has a layer with a bias", strings.TrimSpace(m))
}

// biasOn reports whether src says a layer has a bias: "with bias", not
// "with the bias turned off".
func biasOn(src string) bool {
	for _, m := range biasSaid.FindAllStringIndex(src, -1) {
		if !biasOff.MatchString(src[m[1]:]) {
			return true
		}
	}
	return false
}

// biasOff matches words after "with the bias" that take it off.
var biasOff = regexp.MustCompile(`(?i)^\s*(?:turned\s+off|switched\s+off|off|disabled|removed|=\s*false)\b`)

// biasCounts reports whether q's answer counts biases: it asks for
// parameters, biases or their bytes, or nothing in particular.
func biasCounts(q *Question) bool {
	if len(q.Asked) == 0 {
		return true
	}
	for _, a := range q.Asked {
		switch a {
		case "params", "biases", "memory", "param bytes":
			return true
		}
	}
	return false
}

// withSidesChecked adds to each question of a message read as several
// (the sides of a comparison) the doubt of what the message says of every
// side: "bias off on everything" read with a bias on one side.
func withSidesChecked(src string, qs []*Question) []*Question {
	qs = withSidesApart(src, qs)
	if !allNoBias.MatchString(src) {
		return qs
	}
	for i, q := range qs {
		if d := biasIgnored(src, q); d != "" && !slices.Contains(q.Doubts, d) {
			cp := *q
			cp.Doubts = append(slices.Clip(q.Doubts), d)
			qs[i] = &cp
		}
	}
	return qs
}

// normWord matches a batch norm named in words or code.
var normWord = regexp.MustCompile(`(?i)\bbatch[\s_-]?norm\w*|\bbn\b`)

// normIgnored matches words before a batch norm that leave it out of the
// count: "ignoring bn", "ignore BN and the shortcut", "not counting the
// batchnorm".
var normIgnored = regexp.MustCompile(`(?i)\b(?:ignor\w*|exclud\w*|not\s+count\w*|without|minus|skip\w*|leave\s+out|leaving\s+out)\s+(?:the\s+|any\s+)?$`)

// normLeftOut is a doubt when src names a batch norm (not negated) and
// asks for the parameters of its layers, and the reading has none; or "". A batch norm has
// parameters: a reading without it counts fewer.
func normLeftOut(src string, q *Question) string {
	m := normWord.FindStringIndex(src)
	if m == nil || negated(src, m[0]) || normIgnored.MatchString(src[:m[0]]) || sidesSet.MatchString(src) || len(q.At) > 0 {
		return ""
	}
	if reasonNorm.MatchString(src) && !normCounted.MatchString(src) {
		return "" // "no bias (bn after)": the norm is why, not a layer counted
	}
	if countLayers(q, func(l calc.Layer) bool { _, ok := l.(calc.BatchNorm); return ok }) > 0 {
		return ""
	}
	params := len(q.Asked) == 0
	for _, a := range q.Asked {
		params = params || a == "params" || a == "memory" || a == "param bytes"
	}
	if !params {
		return ""
	}
	return "the question names a batch norm, and this reading has none"
}

// settingSaid matches a setting said with its value: "stride 2",
// "stride=2", "stride-2", "padding of 1", "dilation rate 4", "groups=8".
var settingSaid = regexp.MustCompile(`(?i)\b(strides?|dilation(?:[\s_]rate)?s?|pad(?:ding)?|groups)(?:\s*(?:=|:|of|is|was|-)\s*|\s+)\(?\s*(\d+)\b`)

// settingElsewhere matches words that put a setting on another design
// than the one read: a what-if, a comparison, a fix the asker tried.
var settingElsewhere = regexp.MustCompile(`(?i)\bif\b|\binstead\b|\bvs\.?\b|\bversus\b|\bcompar\w*|\brather\b|\bchang\w*|\bwould\b|\bor\b|\btried\b|\bshould\b`)

// settingMissing is a doubt when src gives a layer a setting ("stride
// 2", "padding 3") that no layer of the reading has: the number was
// accounted for elsewhere ("3x3 filters ... pad 3" read with the 3 as the
// kernel) and the setting was lost; or "".
func settingMissing(src string, q *Question) string {
	if q.Solve != nil || settingElsewhere.MatchString(src) {
		return "" // a what-if, a comparison, a fix tried: whatIfMissing reads the what-if's clause
	}
	ls := leafLayers(q)
	for _, at := range settingSaid.FindAllStringSubmatchIndex(src, -1) {
		m := []string{src[at[0]:at[1]], src[at[2]:at[3]], src[at[4]:at[5]]}
		if padLayerCall.MatchString(src[:at[0]]) || arithmeticAfter.MatchString(src[at[1]:]) {
			continue // ZeroPadding2D(padding=1) is a layer; padding=3//2 is worked out by the reader
		}
		key := settingKey(m[1])
		n, err := strconv.Atoi(m[2])
		if err != nil {
			continue
		}
		found, sized := false, false
		for _, l := range ls {
			vals, ok := settingsOf(l, key)
			sized = sized || ok
			found = found || slices.Contains(vals, n)
		}
		if sized && !found {
			return fmt.Sprintf("the question says %q, and no layer of this reading has it", strings.TrimSpace(m[0]))
		}
	}
	return ""
}

// settingKey is the setting a word names: "strides" and "stride" are one.
func settingKey(word string) string {
	w := strings.ToLower(word)
	for _, k := range []string{"stride", "pad", "dilation", "groups"} {
		if strings.HasPrefix(w, k) {
			return k
		}
	}
	return w
}

// padLayerCall matches the call of a padding layer just before a
// setting: its padding is a layer's, not a conv's.
var padLayerCall = regexp.MustCompile(`(?i)pad\w*\(\s*$`)

// arithmeticAfter matches an operator after a setting's number: the value
// is worked out ("padding=3//2").
var arithmeticAfter = regexp.MustCompile(`^\s*[-+*/%]`)

// settingsOf lists the values a layer's setting named by key takes, per
// dimension, and whether the layer has such a setting to compare: a
// conv's or pool's stride, padding, dilation, a conv's groups. "same"
// padding is compared at stride 1, where it is known without the input.
func settingsOf(l calc.Layer, key string) ([]int, bool) {
	var per []int
	var def int
	switch {
	case strings.HasPrefix(key, "stride"):
		def = 1
		switch c := l.(type) {
		case calc.Conv:
			per = c.Stride
		case calc.Pool:
			per, def = c.Stride, calc.Per(c.Kernel, 0, 1)
		default:
			return nil, false
		}
	case strings.HasPrefix(key, "pad"):
		switch c := l.(type) {
		case calc.Conv:
			switch c.PadMode {
			case calc.PadSame:
				// "same" pads (k-1)·d/2 a side at stride 1; strided, it
				// depends on the input.
				if calc.Per(c.Stride, 0, 1) != 1 {
					return nil, false
				}
				return []int{(calc.Per(c.Kernel, 0, 1) - 1) * calc.Per(c.Dilation, 0, 1) / 2}, true
			case calc.PadValid:
				return []int{0}, true
			}
			per = c.Pad
		case calc.Pool:
			per = c.Pad
		default:
			return nil, false
		}
	case strings.HasPrefix(key, "dilation"):
		def = 1
		switch c := l.(type) {
		case calc.Conv:
			per = c.Dilation
		case calc.Pool:
			per = c.Dilation
		default:
			return nil, false
		}
	default:
		c, ok := l.(calc.Conv)
		if !ok || c.Depthwise {
			return nil, false
		}
		return []int{max(c.Groups, 1)}, true
	}
	if len(per) == 0 {
		return []int{def}, true
	}
	return per, true
}

// roleSaid matches a number said with the role it plays: "64 filters",
// "32 feature maps", "a 5x5 kernel", "kernel size 7", "128 units".
var roleSaid = []struct {
	re   *regexp.Regexp
	name string
	has  func(l calc.Layer, n int) bool
}{
	{regexp.MustCompile(`(?i)\b(\d+)\s+(?:filters|kernels|output\s+channels|out\s+channels|feature\s+maps|output\s+maps)\b`), "filters", func(l calc.Layer, n int) bool {
		c, ok := l.(calc.Conv)
		return ok && (c.Out == n || c.In == n) // a count of maps may be the input's
	}},
	{regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s+(?:kernels?|filters?|convs?|convolutions?|conv\s+layers?|max[\s-]?pool\w*|avg[\s-]?pool\w*|pool\w*)\b|\bkernel(?:_size|\s+size)?\s*(?:=|of|:)?\s*\(?(\d+)\b`), "kernel", func(l calc.Layer, n int) bool {
		switch c := l.(type) {
		case calc.Conv:
			return slices.Contains(append([]int{calc.Per(c.Kernel, 0, 1)}, c.Kernel...), n)
		case calc.Pool:
			return slices.Contains(append([]int{calc.Per(c.Kernel, 0, 1)}, c.Kernel...), n)
		case calc.Separable:
			return true
		}
		return false
	}},
	{regexp.MustCompile(`(?i)\b(\d+)\s+(?:units|neurons|hidden\s+units|outputs|classes)\b`), "units", func(l calc.Layer, n int) bool {
		switch c := l.(type) {
		case calc.Linear:
			return c.Out == n || c.In == n
		case calc.Conv:
			return c.Out == n
		}
		return false
	}},
}

// sizeBefore matches a size's "3 x" just before a number: the number is
// the size's second side.
var sizeBefore = regexp.MustCompile(`\d\s*[x×]\s*$`)

// roleMissing is a doubt when src gives a number its role ("64 filters",
// "a 5x5 kernel") and no layer of the reading has it in that role: the
// number was accounted for in another ("64 filters" read as the input's
// channels), and the reading is of another layer; or "".
func roleMissing(src string, q *Question) string {
	if q.Solve != nil || q.Preset != "" || settingElsewhere.MatchString(src) {
		return ""
	}
	ls := leafLayers(q)
	prose := proseAround(src)
	for _, r := range roleSaid {
		if !slices.ContainsFunc(ls, func(l calc.Layer) bool { return isRoleKind(l, r.name) }) {
			continue // no layer of that kind read: other checks name it
		}
		for _, at := range r.re.FindAllStringSubmatchIndex(prose, -1) {
			if sizeBefore.MatchString(prose[:at[0]]) {
				continue // "128 3 x 3 kernels": the 3 is the kernel's
			}
			m := make([]string, len(at)/2)
			for i := range m {
				if at[2*i] >= 0 {
					m[i] = prose[at[2*i]:at[2*i+1]]
				}
			}
			n := 0
			for _, g := range m[1:] {
				if g != "" {
					n, _ = strconv.Atoi(g)
					break
				}
			}
			if n == 0 || slices.ContainsFunc(ls, func(l calc.Layer) bool { return r.has(l, n) }) || explainedUnused(q, n) {
				continue
			}
			return fmt.Sprintf("the question says %q, and no layer of this reading has %d as its %s", strings.TrimSpace(m[0]), n, r.name)
		}
	}
	return ""
}

// explainedUnused reports whether the reading names n as not used and
// says why: "20 filters" of a question about one filter.
func explainedUnused(q *Question, n int) bool {
	return slices.ContainsFunc(q.Unused, func(u Unused) bool { return u.Why != "" && u.Text == strconv.Itoa(n) })
}

// isRoleKind reports whether l is a layer that has the role named: a conv
// has filters, a conv, pool or separable conv a kernel, a linear units.
func isRoleKind(l calc.Layer, role string) bool {
	switch l.(type) {
	case calc.Conv:
		return role != "units"
	case calc.Pool, calc.Separable:
		return role == "kernel"
	case calc.Linear:
		return role == "units"
	}
	return false
}

// timesSaid matches a block said to repeat: "(conv -> pool) four times",
// "after two such blocks", "repeat it 3 times", "six blocks of [conv +
// pool]".
var timesSaid = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|twice|thrice|[2-9])\s+times\b|\b(two|three|four|five|six|[2-6])\s+(?:such|of\s+these|of\s+those|identical|of\s+them)\s+(?:blocks?|stages?|layers?)\b|\bafter\s+(two|three|four|five|[2-5])\s+blocks\b|\b(two|three|four|five|six|seven|eight|[2-9])\s+(?:identical\s+|similar\s+|such\s+)?(?:blocks?|stages?)\s+(?:of|each|like)\b`)

// notRepeated is a doubt when src says a block repeats N times and the
// reading's layers are not N repeats of one block ("(3x3 conv, 2x2
// maxpool) four times" read once); or "".
func notRepeated(src string, q *Question) string {
	m := timesSaid.FindStringSubmatch(src)
	if m == nil || sidesSet.MatchString(src) || settingElsewhere.MatchString(src) && !strings.Contains(strings.ToLower(src), "repeat") {
		return ""
	}
	n := 0
	for _, g := range m[1:] {
		switch w := strings.ToLower(g); w {
		case "":
		case "twice":
			n = 2
		case "thrice":
			n = 3
		default:
			if v, ok := lang.NumberWords[w]; ok {
				n = v
			} else {
				n, _ = strconv.Atoi(w)
			}
		}
	}
	var lines []string
	for _, l := range leafLayers(q) {
		if countLeaves(l) > 0 {
			lines = append(lines, lang.FormatLayer(l))
		}
	}
	if n < 2 || repeats(lines, n) {
		return ""
	}
	return fmt.Sprintf("the question says %q, and this reading's %d layers are not %d repeats of one block", strings.TrimSpace(m[0]), len(lines), n)
}

// repeats reports whether lines are n repeats of one block, or at least
// n lines long when the block changes as it repeats (channels doubling).
func repeats(lines []string, n int) bool {
	if len(lines) >= 2*n || len(lines)%n == 0 && len(lines) >= n {
		return true
	}
	return false
}

// changesModel matches words that change the model a question shows: "if
// I add another Conv2D before Flatten", "after removing the second block",
// "if we replace the pool with a stride-2 conv".
var changesModel = regexp.MustCompile(`(?i)\bif\s+(?:i|we|you)\s+(?:(?:then|also|now|just)\s+)?(?:add|insert|put|append|stack|remove|drop|delete|replace|swap)\b|\bafter\s+(?:adding|inserting|removing|replacing|dropping)\b`)

// summaryAsIs is a doubt when src changes the model its summary shows
// ("if I add another Conv2D + MaxPooling2D before Flatten, how many params
// will the Dense have then?") and the reading is the summary as it
// stands, which answers with the asker's own row; or "".
func summaryAsIs(src string, q *Question) string {
	m := changesModel.FindString(src)
	if m == "" {
		return ""
	}
	rebuilt, added := false, false
	for _, n := range q.Notes {
		rebuilt = rebuilt || strings.HasPrefix(n, "rebuilt from")
		added = added || strings.Contains(n, "the words add") || strings.HasPrefix(n, "bias switched ") // paste/summary_table_bias.go
	}
	if !rebuilt || added {
		return ""
	}
	return fmt.Sprintf("the question changes the model (%q), and this reading is its summary as it stands", strings.TrimSpace(m))
}
