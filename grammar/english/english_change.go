package english

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A what-if describes a setup and then changes one setting of it: "100x100
// input, 5x5 kernel, stride 1 gives 96, got that. and what if the stride
// is 2 instead?", "'an input of 227x227x3 ...' but my image is 231x231",
// "switched dataset to 64x64", "if I put padding=2 on all three convs",
// "the RF of the second conv if the first conv uses dilation 3". What is
// asked is the changed setup's; a result the asker gives for the setup as
// first described ("gives 96, got that", "1600 for 32x32 and it worked")
// is theirs, named, never the answer. A Change is that reading as data:
// the setup's words without the change, and the change, applied to the
// setup's layers once something has read them.

// Change is one setting a question changes in the setup it describes.
// The zero value changes nothing.
type Change struct {
	// Setting is what changes: "stride", "padding", "dilation", "kernel",
	// "bias" or "input".
	Setting string
	// Sizes are the new values (one per dimension, or one for all);
	// for "input", the height and width (and channels when said).
	Sizes []int
	// Mode is the padding said as a word: calc.PadSame or calc.PadValid;
	// calc.PadExplicit (the zero value) for a number.
	Mode calc.Padding
	// NoBias is the new bias for "bias": true for "bias=False".
	NoBias bool
	// Every is true when the change is said of every conv ("on all three
	// convs"); Nth, when not zero, is the 1-based conv it is said of ("the
	// first conv"), -1 the last. Neither: the setup's only conv.
	Every bool
	Nth   int
	// Said is the change as written, for the note.
	Said string
	// More are further settings the same change makes on the same layers
	// ("stride 2 and pad 1"), each with only its Setting and value set.
	More []Change
	// Pool is true when the change is said of a pooling layer ("what if
	// the pool is kernel 3 stride 3"), not a conv.
	Pool bool
}

// WhatIf is a question that describes a setup and asks about it changed.
type WhatIf struct {
	// Setup is the question's text without the change and without the
	// asker's own results, for any front-end to read.
	Setup string
	// Change is what the question changes.
	Change Change
	// Claims are the asker's own results for the setup as first described
	// ("96", "1,600"), as written.
	Claims []string
	// Both is true when the words ask about the setup as first described
	// too: "how many MACs with stride 1, and how many if I change the
	// stride to 2?".
	Both bool
}

// changeLead matches the words a change starts with: "what if", "and if
// I", "but my", "switched ... to", "if the first conv uses".
var changeLead = regexp.MustCompile(`(?i)\b(?:what\s+if|what\s+(?:happens|changes)\s+(?:with|when|for)\b|what\s+about|how\s+about|and\s+if|but\s+if|if\s+(?:i|we|you|u)\b|if\s+(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th|every|each|all)\b|if\s+(?:it|the\s+\w+)\s+(?:had|has|uses|used|were|was|is)\b|but\s+(?:my|our|the)\b|(?:i\s+)?(?:switched|switching|changed?|changing|moved?|went)\s+(?:\w+\s+){0,3}?to\b|now\s+(?:my|our|the|with|it|i)\b)`)

// changeEnd matches where a change clause ends: a sentence's end, a comma
// before the ask (", output shape?"), "instead", or a wh-word starting the ask.
var changeEnd = regexp.MustCompile(`(?i)[?!;\n]|\.(?:\s|$)|,\s*(?:new\s+|the\s+)?(?:output|params|parameters|macs|flops|shape|total)\b[^,]*\?|,\s*(?:what(?:'?s)?|how|which|and\s+what(?:'?s)?|so\s+what(?:'?s)?|then)\b|\binstead\b`)

// claimSpan matches the asker's own result for the setup as first
// described: "gives 96, got that", "which is 896", "= 1600 ... and it
// worked", "i get 55", "-> 26, got it".
var claimSpan = regexp.MustCompile(`(?i)\b(?:gives?|gave|i\s+get|i\s+got|getting|comes?\s+out\s+(?:as|at|to)?|results?\s+in|which\s+(?:is|was|gives?|gave))\s+(\d[\d,]*(?:\s*[x×*]\s*\d+)*)(?:\s*(?:params|parameters))?(?:\s*,?\s*(?:got\s+(?:that|it)|right|correct|ok|fine|as\s+expected))?|\b(?:has|have|had)\s+(\d[\d,]*)\s*(?:params|parameters|weights)(?:\s*,?\s*(?:got\s+(?:that|it)|right|correct|ok|fine|as\s+expected))?|\b(?:the\s+)?(?:output|out|flatten\w*)\s+(?:is|=|gives|comes\s+out\s+(?:as|at)|will\s+be|becomes)\s+(\d+(?:\s*[x×*]\s*\d+)+)|\s*=\s*(\d[\d,]*(?:\s*[x×*]\s*\d+)*(?:\s*=\s*\d[\d,]*)?)(?:[^.?!\n]*?\b(?:and\s+)?it\s+(?:worked|works|ran))|(?:->|→|=>)\s*(\d+(?:\s*[x×*]\s*\d+)*)\s*,?\s*(?:got\s+(?:that|it)|right|correct|ok|fine|as\s+expected)\b`)

// settingSaid matches a setting with its new value, each alternative one
// setting: its name is the first group that matched.
var settingSaid = []struct {
	name string
	re   *regexp.Regexp
}{
	{"stride", regexp.MustCompile(`(?i)\bstrides?\b\s*(?:=|is|of|to|:|was|were|becomes?)?\s*(?:set\s+to\s+)?\(?(\d+)(?:\s*[x×,]\s*(\d+))?`)},
	{"dilation", regexp.MustCompile(`(?i)\bdilat\w*\b(?:[_ ]rate)?\s*(?:=|is|of|to|:|was|were)?\s*\(?(\d+)(?:\s*[x×,]\s*(\d+))?`)},
	{"padding", regexp.MustCompile(`(?i)\bpad(?:ding)?\b\s*(?:=|is|of|to|:|was|were)?\s*\(?(\d+)(?:\s*[x×,]\s*(\d+))?`)},
	{"kernel", regexp.MustCompile(`(?i)\b(?:kernel|filter)(?:[_ ]size)?\b\s*(?:=|is|of|to|:|was|were)?\s*\(?(\d+)(?:\s*[x×,]\s*(\d+))?|\b(\d+)\s*[x×]\s*(\d+)\s+(?:kernels?|filters?)\b`)},
	{"input", regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+))?(?:\s+(?:rgb|grayscale|greyscale|colou?r))?\s*(?:inputs?|images?|imgs?|pictures?|photos?|data)?`)},
}

// padWord matches padding said as a word: "same padding", "no padding",
// "padding='valid'".
var padWord = regexp.MustCompile(`(?i)\b(?:pad(?:ding)?\s*(?:=|is|to|of)?\s*['"]?(same|valid)\b|(same|valid)['"]?\s+pad(?:ding)?\b|(?:no|without|zero|w/o)\s+(?:zero[- ])?pad(?:ding)?\b)`)

// biasSaid matches the bias changed: "bias=False", "without bias",
// "turned bias on", "add a bias", "bias off".
var biasSaid = regexp.MustCompile(`(?i)\b(?:use_)?bias\s*=\s*(?:false|true)\b|\b(?:no|without|w/o|with|drop(?:ped)?|remove[ds]?|add(?:ed|ing)?|enabl(?:e|ed|ing)|disabl(?:e|ed|ing)|keep|kept)\s+(?:the\s+|a\s+)?bias(?:es)?\b` +
	`|\b(?:turn(?:ed|ing)?|switch(?:ed|ing)?|set|put)\s+(?:the\s+)?bias(?:es)?\s+(?:on|off)\b|\b(?:turn(?:ed|ing)?|switch(?:ed|ing)?)\s+(?:on|off)\s+(?:the\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:on|off|enabled|disabled)\b`)

// biasOff matches the words of a biasSaid match that take the bias away.
var biasOff = regexp.MustCompile(`(?i)false|^(?:no|without|w/o|drop|remove|disabl)|\boff\b|disabled`)

// inputWords say a size in a change is the input's: "my image is
// 231x231", "switched dataset to 64x64", "on 128x128 images".
var inputWords = regexp.MustCompile(`(?i)\b(?:images?|inputs?|imgs?|pictures?|photos?|data\s*set|dataset|data|resolution|mnist|cifar)\b`)

// scopeEvery and scopeNth say which convs a change is said of.
var (
	scopeEvery = regexp.MustCompile(`(?i)\b(?:all|every|each|both)\b(?:\s+(?:of\s+)?(?:the|my)?)?\s*(?:\w+\s+)?(?:convs?|conv\s*layers?|convolutions?|conv2ds?|layers)\b`)
	scopeNth   = regexp.MustCompile(`(?i)\b(?:the\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:conv|convolution|conv\s*layer|conv2d|layer|one)\b|\bconv\s*([1-9])\b`)
)

// ordinals are the places a change names its conv by.
var ordinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}

// ReadWhatIf reads src as a setup and a change to it, or reports false:
// no change clause, a clause that names no setting or more than one, or
// a setup asked on its own before the change ("how many params? and if
// bias=False?" asks both, which the router answers as two questions).
func ReadWhatIf(src string) (WhatIf, bool) {
	if len(src) > enMaxLen {
		return WhatIf{}, false
	}
	var said []changeSaid
	for _, m := range changeLead.FindAllStringIndex(src, -1) {
		end := len(src)
		if e := changeEnd.FindStringIndex(src[m[1]:]); e != nil {
			end = m[1] + e[0]
		}
		if len(said) > 0 && m[0] < said[len(said)-1].end {
			continue // "now I moved to 48x48": one change, its lead read once
		}
		if c, ok := readChange(src[m[0]:end]); ok {
			said = append(said, changeSaid{c, m[0], m[1], end})
		}
	}
	if len(said) == 0 {
		return WhatIf{}, false
	}
	// The last change is the one asked: "the dataset is 150x150. if I
	// rescale the images to 120x120 ..." sizes 120x120; earlier changes of
	// the same setting are left out of the setup.
	last := said[len(said)-1]
	if len(last.c.More) > 0 && !strings.ContainsAny(src[:last.at], "0123456789") {
		return WhatIf{}, false // "if the kernel is 3x3 and stride 1, what padding ...": said first, the question's givens
	}
	setup := src
	for i := len(said) - 1; i >= 0; i-- {
		if s := said[i]; s.c.Setting == last.c.Setting {
			rest := strings.TrimLeft(setup[s.end:], " ,")
			if strings.HasPrefix(strings.ToLower(rest), "instead") {
				rest = strings.TrimLeft(insteadOf.ReplaceAllString(rest, ""), " ,")
			}
			setup = strings.TrimSpace(setup[:s.at]) + " " + rest
		}
	}
	w := WhatIf{Change: last.c}
	w.Setup, w.Claims = withoutClaims(setup)
	if !hypothetical(src[:last.at], src[last.at:last.lead], src[last.at:min(last.end+len("instead"), len(src))], w.Claims) {
		return WhatIf{}, false
	}
	w.Setup = strings.TrimSpace(leadLeft.ReplaceAllString(w.Setup, ""))
	w.Both = len(w.Claims) == 0 && askedBeside.MatchString(src[:last.at])
	return w, w.Setup != ""
}

// leadLeft matches the words a change's lead leaves behind at the end of
// the setup: "keeps 56. also what if stride 2" leaves "also".
var leadLeft = regexp.MustCompile(`(?i)(?:\s+(?:and|also|so|but|ok(?:ay)?|now|then|hm+)\b[,\s]*)+$`)

// changeSaid is a change read, with where its lead starts and ends and
// where its clause ends.
type changeSaid struct {
	c             Change
	at, lead, end int
}

// insteadOf matches "instead" and what it replaces: "instead of 1".
var insteadOf = regexp.MustCompile(`(?i)^instead(?:\s+of\s+(?:the\s+)?(?:\d+(?:\s*[x×]\s*\d+)*|\w+))?`)

// askedBefore matches a question asked on its own before a change: text
// ending in a question mark.
var askedBefore = regexp.MustCompile(`\?\s*(?:ok(?:ay)?|so|and|but|now|then|hm+)?[,\s]*$`)

// askedBeside matches a second question begun before a change: "how
// many MACs with stride 1, and how many if ...", "..., and what if".
var askedBeside = regexp.MustCompile(`(?i)(?:,|\band)\s*(?:and\s+)?(?:how\s+many|how\s+much|what(?:'s|\s+is|\s+are|s)?)(?:\s+[a-z]+){0,2}\s*$`)

// hypothetical reports whether a change replaces the setup rather than
// asking a second question beside it: the asker gave their own result for
// the setup, said "instead", named the scope or their own input, or did
// not ask about the setup before the change.
func hypothetical(before, lead, clause string, claims []string) bool {
	low := strings.ToLower(clause)
	switch {
	case len(claims) > 0:
		return true // the asker has the first setup's result
	case askedBefore.MatchString(before):
		return false // "params? what if I use 3x3 filters instead?" asks both
	case strings.Contains(low, "instead"), strings.HasPrefix(low, "but my"), strings.HasPrefix(low, "but our"):
		return true
	}
	return !followWords.MatchString(lead) // "output size, and what if the input is 96x96?" asks both
}

// followWords match a change said as a second question: "what if", "and
// if", "how about".
var followWords = regexp.MustCompile(`(?i)^(?:what|how|and|but)\b`)

// ReadChange reads a follow-up's change clause ("the pool is kernel 3
// stride 3 instead", "stride 2 and pad 1"): the settings it names, with
// their scope. ok is false when it names none, leaves a number unread, or
// sets the input or the channels beside something else.
func ReadChange(clause string) (Change, bool) {
	if len(clause) > enMaxLen {
		return Change{}, false
	}
	return readChange(clause)
}

// readChange reads the settings a change clause names, with their scope.
func readChange(clause string) (Change, bool) {
	c := Change{Said: strings.TrimSpace(saidTail.ReplaceAllString(clause, ""))}
	if otherLayer.MatchString(clause) {
		if !poolLayer.MatchString(clause) || strings.Count(strings.ToLower(clause), "pool") > 1 {
			return c, false // "stride 2 on the fc": said of a layer Apply does not change
		}
		c.Pool = true // "what if the pool is kernel 3 stride 3"
		clause = poolLayer.ReplaceAllString(clause, "")
	}
	scoped := clause
	if m := scopeEvery.FindStringIndex(clause); m != nil {
		c.Every = true
		scoped = clause[:m[0]] + clause[m[1]:]
	} else if m := scopeNth.FindStringSubmatchIndex(clause); m != nil {
		if m[2] >= 0 {
			c.Nth = ordinals[strings.ToLower(clause[m[2]:m[3]])]
		} else {
			c.Nth, _ = strconv.Atoi(clause[m[4]:m[5]])
		}
		scoped = clause[:m[0]] + clause[m[1]:]
	}
	scoped = ofTo.ReplaceAllString(fromTo.ReplaceAllString(scoped, "to"), "to")
	scoped = oldValue.ReplaceAllString(scoped, "")
	parts, scoped := settingsSaid(scoped, clause)
	// A number the clause says beside the settings is another change ("to
	// 1 input channel with no bias"), which this reading would leave out.
	if len(parts) == 0 || strings.ContainsAny(scoped, "0123456789") {
		return c, false
	}
	c.Setting, c.Sizes, c.Mode, c.NoBias = parts[0].Setting, parts[0].Sizes, parts[0].Mode, parts[0].NoBias
	c.More = parts[1:]
	for _, p := range parts {
		if len(parts) > 1 && !layerSetting[p.Setting] || c.Pool && !poolSetting[p.Setting] {
			return c, false // the input or the channels change with nothing else
		}
	}
	return c, c.Setting != "input" || !c.Every && c.Nth == 0
}

// layerSetting are the settings a change may make together on a layer:
// "stride 2 and pad 1"; poolSetting those a pool has.
var (
	layerSetting = map[string]bool{"stride": true, "padding": true, "dilation": true, "kernel": true, "bias": true}
	poolSetting  = map[string]bool{"stride": true, "padding": true, "kernel": true}
)

// poolLayer matches a pool a change is said of: "the pool", "maxpool".
var poolLayer = regexp.MustCompile(`(?i)\b(?:the\s+|my\s+)?(?:max[\s_-]*|avg[\s_-]*|average[\s_-]*)?pool(?:ing)?(?:\s+layer)?\b`)

// settingsSaid reads the settings a change clause names, each with its
// value, and returns the clause without them; clause is the clause whole,
// for the words that say a size is the input's.
func settingsSaid(scoped, clause string) ([]Change, string) {
	var parts []Change
	if m := padWord.FindStringSubmatch(scoped); m != nil {
		p := Change{Setting: "padding", Mode: calc.PadValid}
		if strings.ToLower(m[1]+m[2]) == "same" {
			p.Mode = calc.PadSame
		}
		parts = append(parts, p)
		scoped = padWord.ReplaceAllString(scoped, "")
	}
	if m := biasSaid.FindString(scoped); m != "" {
		parts = append(parts, Change{Setting: "bias", NoBias: biasOff.MatchString(m)})
		scoped = biasSaid.ReplaceAllString(scoped, "")
	}
	if n, ok := channelsSaid(scoped); ok {
		parts = append(parts, Change{Setting: "channels", Sizes: []int{n}})
		scoped = channelWords.ReplaceAllString(scoped, "")
	}
	for _, s := range settingSaid {
		m := s.re.FindStringSubmatch(scoped)
		if m == nil || s.name == "input" && !inputWords.MatchString(clause) {
			continue
		}
		parts = append(parts, Change{Setting: s.name, Sizes: sizesOf(m[1:])})
		scoped = s.re.ReplaceAllString(scoped, "")
	}
	return parts, scoped
}

// saidTail matches what a change clause says after the change: "and it
// crashes".
var saidTail = regexp.MustCompile(`(?i)\s+(?:and|but)\s+(?:it|now|then|i)\b.*$`)

// channelWords matches the input channels changed: "in_channels=1",
// "1 input channel", "take rgb", "grayscale".
var channelWords = regexp.MustCompile(`(?i)\bin_channels\s*=\s*(\d+)|\b(\d+)\s+(?:input|in)\s+channels?\b|\b(rgb|colou?r|gr[ae]y(?:scale)?|mono(?:chrome)?)\b`)

// channelsSaid reads the input channels a change gives.
func channelsSaid(clause string) (int, bool) {
	m := channelWords.FindStringSubmatch(clause)
	if m == nil {
		return 0, false
	}
	if n, err := strconv.Atoi(m[1] + m[2]); err == nil {
		return n, n > 0
	}
	switch w := strings.ToLower(m[3]); {
	case w == "rgb", strings.HasPrefix(w, "colo"):
		return 3, true
	}
	return 1, true
}

// otherLayer matches a change said of a layer other than a conv: "what
// if the pool has stride 1", "the fc with no bias".
var otherLayer = regexp.MustCompile(`(?i)\b(?:pool\w*|max\s*pool\w*|avg\s*pool\w*|maxpool\w*|avgpool\w*|linear|fc\d*|dense|fully[\s-]*connected|batch\s*norm\w*|bn)\b`)

// oldValue matches the value a change replaces, said after the new one:
// "64x64 not 32x32", "stride 2 instead of 1".
var oldValue = regexp.MustCompile(`(?i)\b(?:not|instead\s+of|rather\s+than)\s+\d+(?:\s*[x×]\s*\d+)*`)

// ofTo matches what is left of "the stride of the first conv to 1" once
// the layer is taken out: the setting's value follows "to".
var ofTo = regexp.MustCompile(`(?i)\bof\s+(?:it\s+|that\s+|this\s+)?to\b`)

// fromTo matches "from 1 to" in "the stride from 1 to 2": the old value.
var fromTo = regexp.MustCompile(`(?i)\bfrom\s+\d+(?:\s*[x×]\s*\d+)*\s+to\b`)

// sizesOf reads the numbers a setting's groups caught.
func sizesOf(groups []string) []int {
	var out []int
	for _, g := range groups {
		if n, err := strconv.Atoi(g); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// errorQuoted matches an error message the asker got from the setup as
// first described, quoted: "RuntimeError: ... Kernel size can't be
// greater than actual input size". The change is what they ask instead.
var errorQuoted = regexp.MustCompile(`(?i)(?:\b(?:got|getting|get|i\s+get|throws?|raised?)\s+)?["“](?:[^"”\n]*?\b(?:\w*Error|error|exception)\b[^"”\n]*)["”]`)

// withoutClaims takes the asker's own results out of setup and returns
// them as written.
func withoutClaims(setup string) (string, []string) {
	setup, claims := withoutKeepClaims(setup)
	setup = errorQuoted.ReplaceAllStringFunc(setup, func(string) string {
		claims = append(claims, "the error quoted")
		return ""
	})
	out := claimSpan.ReplaceAllStringFunc(setup, func(s string) string {
		m := claimSpan.FindStringSubmatch(s)
		for _, g := range m[1:] {
			if g != "" {
				claims = append(claims, strings.TrimRight(strings.TrimSpace(g), ","))
			}
		}
		return ""
	})
	return out, claims
}

// Apply returns q with the change made: the setting set on the convs it
// is said of, or the input resized. The error says the change names no
// layer of q, or several where it said one.
func (c Change) Apply(q *lang.Question) (*lang.Question, error) {
	cp := *q
	cp.Layers = append([]lang.Layer(nil), q.Layers...)
	if c.Setting == "input" {
		return c.resized(&cp)
	}
	convs := convAt(cp.Layers)
	if c.Pool {
		convs = poolAt(cp.Layers)
	}
	if c.Setting == "channels" {
		return c.rechanneled(&cp, convs)
	}
	var at []int
	switch {
	case c.Every:
		at = convs
	case c.Nth > 0 && c.Nth <= len(convs):
		at = convs[c.Nth-1 : c.Nth]
	case c.Nth == -1 && len(convs) > 0:
		at = convs[len(convs)-1:]
	case c.Nth == 0 && len(convs) == 1:
		at = convs
	}
	if len(at) == 0 {
		return nil, fmt.Errorf("the change %q names no conv of the setup, or one of several", c.Said)
	}
	for _, i := range at {
		l, ok := c.OnLayer(cp.Layers[i].Layer)
		for _, m := range c.More {
			if ok {
				l, ok = m.OnLayer(l)
			}
		}
		if !ok {
			return nil, fmt.Errorf("the change %q does not apply to layer %d", c.Said, i+1)
		}
		cp.Layers[i].Layer = l
	}
	cp.Canonical = lang.Format(&cp)
	cp.Notes = append([]string{c.note()}, q.Notes...)
	return &cp, nil
}

// resized returns q on the change's input size, its channels kept unless
// the change says them.
func (c Change) resized(q *lang.Question) (*lang.Question, error) {
	if len(q.Input) != 3 || len(c.Sizes) < 2 {
		return nil, fmt.Errorf("the change %q gives an input, and the setup has no 2-D input to change", c.Said)
	}
	in := calc.Shape{q.Input[0], c.Sizes[0], c.Sizes[1]}
	if len(c.Sizes) == 3 {
		in[0] = c.Sizes[2]
		if in[0] != q.Input[0] {
			return nil, fmt.Errorf("the change %q gives %d channels, and the setup takes %d", c.Said, in[0], q.Input[0])
		}
	}
	q.Input = in
	q.Canonical = lang.Format(q)
	q.Notes = append([]string{c.note()}, q.Notes...)
	return q, nil
}

// rechanneled returns q with its first layer, a conv, taking the
// change's channels, and its input too: the channels of a later layer
// are the output of the one before it.
func (c Change) rechanneled(q *lang.Question, convs []int) (*lang.Question, error) {
	if len(convs) == 0 || convs[0] != 0 || c.Nth > 1 || c.Every {
		return nil, fmt.Errorf("the change %q gives the input channels, said of no first conv", c.Said)
	}
	conv, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || conv.Groups > 1 || conv.Depthwise {
		return nil, fmt.Errorf("the change %q gives the input channels of a layer it cannot change", c.Said)
	}
	conv.In = c.Sizes[0]
	q.Layers[0].Layer = conv
	if len(q.Input) > 0 {
		q.Input = append(calc.Shape{c.Sizes[0]}, q.Input[1:]...)
	}
	q.Canonical = lang.Format(q)
	q.Notes = append([]string{c.note()}, q.Notes...)
	return q, nil
}

// note says what the change made of the setup.
func (c Change) note() string {
	return "what-if: the setup as first described, changed as you say (" + strings.TrimRight(c.Said, "?.,; ") + "); the numbers are the changed setup's"
}

// convAt lists the indexes of the convolutions among layers.
func convAt(layers []lang.Layer) []int {
	var at []int
	for i, l := range layers {
		switch l.Layer.(type) {
		case calc.Conv, calc.Separable:
			at = append(at, i)
		}
	}
	return at
}

// poolAt lists the indexes of the pooling layers among layers.
func poolAt(layers []lang.Layer) []int {
	var at []int
	for i, l := range layers {
		if _, ok := l.Layer.(calc.Pool); ok {
			at = append(at, i)
		}
	}
	return at
}

// OnLayer makes the change on one conv, pool or separable conv; false
// when it cannot be made there.
func (c Change) OnLayer(l calc.Layer) (calc.Layer, bool) {
	switch v := l.(type) {
	case calc.Pool:
		dims := v.Dims
		if dims == 0 {
			dims = 2
		}
		switch c.Setting {
		case "stride":
			v.Stride = spread(c.Sizes, dims)
		case "kernel":
			v.Kernel = spread(c.Sizes, dims)
		case "padding":
			if c.Mode != calc.PadExplicit {
				return l, false
			}
			v.Pad = spread(c.Sizes, dims)
		default:
			return l, false
		}
		return v, true
	case calc.Conv:
		dims := v.Dims
		if dims == 0 {
			dims = 2
		}
		switch c.Setting {
		case "stride":
			v.Stride = spread(c.Sizes, dims)
		case "dilation":
			v.Dilation = spread(c.Sizes, dims)
		case "kernel":
			v.Kernel = spread(c.Sizes, dims)
		case "padding":
			v.PadMode, v.Pad = c.Mode, nil
			if c.Mode == calc.PadExplicit {
				v.Pad = spread(c.Sizes, dims)
			}
		case "bias":
			v.NoBias = c.NoBias
		default:
			return l, false
		}
		return v, true
	case calc.Separable:
		switch c.Setting {
		case "stride":
			v.Stride = spread(c.Sizes, 2)
		case "padding":
			v.PadMode, v.Pad = c.Mode, nil
			if c.Mode == calc.PadExplicit {
				v.Pad = spread(c.Sizes, 2)
			}
		case "bias":
			v.NoBias = c.NoBias
		default:
			return l, false
		}
		return v, true
	}
	return l, false
}

// spread gives a setting one value per dimension: "2" is 2 on each.
func spread(sizes []int, dims int) []int {
	if len(sizes) == dims {
		return append([]int(nil), sizes...)
	}
	out := make([]int, dims)
	for i := range out {
		out[i] = sizes[0]
	}
	return out
}
