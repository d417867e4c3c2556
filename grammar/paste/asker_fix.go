package paste

// The asker's own fix, told after the error it fixes:
//
//	ValueError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [64, 784]
//	fixed that by x.view(-1,1,28,28). now my net is ...
//
//	RuntimeError: Given groups=1, weight of size [32, 12, 3], expected input[8, 500, 12] ...
//	I'll do x.permute(0, 2, 1) before the nn.Conv1d(12, 32, 3). output length?
//
// The message tells what ran before the fix; the question is about the
// tensor after it. The message is set aside and the fixed tensor is the
// input: the view's sizes, "reshape to 1x28x28", or the message's own
// shape permuted.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// afInputRE finds the input shape an error message quotes.
var afInputRE = regexp.MustCompile(`(?i)(?:expected\s+input|got\s+input\s+of\s+size:?|input\s+of\s+size:?|dimensional\s+input\s+of\s+size)\s*\[([\d,\s]+)\]`)

// afTailRE is the rest of a message after its shape: "to have 12
// channels, but got 500 channels instead", a closing quote.
var afTailRE = regexp.MustCompile(`^(?:\s*to\s+have\s+\d+\s+channels,\s*but\s+got\s+\d+\s+channels(?:\s+instead)?)?["'\x60]?`)

// afWantRE is the channels a channels message says the layer wants.
var afWantRE = regexp.MustCompile(`^\s*to\s+have\s+(\d+)\s+channels`)

// afViewRE is a view or reshape call whose first size is the batch.
var afViewRE = regexp.MustCompile(`\.(?:view|reshape)\(\s*(?:-1|\w+\.size\(0\)|\w+\.shape\[0\]|\d+)\s*,\s*(\d+(?:\s*,\s*\d+){0,3})\s*\)`)

// afWordsRE is a reshape told in words: "reshape to 1x28x28", "reshaped
// it into (1, 28, 28)".
var afWordsRE = regexp.MustCompile(`(?i)\b(?:reshap\w*|view\w*|resiz\w*|unflatten\w*)\s+(?:it\s+|x\s+|them\s+|the\s+input\s+|the\s+batch\s+)?(?:to|into|as)\s+\(?\s*(\d+(?:\s*[x×,]\s*\d+){1,3})\s*\)?`)

// afPermuteRE is a permute (or transpose of two axes) of the tensor.
var afPermuteRE = regexp.MustCompile(`\.(?:permute\(\s*(\d(?:\s*,\s*\d){2,4})\s*\)|transpose\(\s*(\d)\s*,\s*(\d)\s*\))`)

// ptAskerFixed returns src with its error message set aside and the
// tensor the words' fix makes as the input (a torch.randn line), and the
// note that says so; ok is false when src has no such fix.
func ptAskerFixed(src string) (string, string, bool) {
	msg := afInputRE.FindStringSubmatchIndex(src)
	if msg == nil {
		return src, "", false
	}
	before := afInts(src[msg[2]:msg[3]])
	after := src[msg[1]:]
	var fixed []int
	var how string
	switch {
	case afViewRE.MatchString(after):
		m := afViewRE.FindStringSubmatch(after)
		fixed, how = append([]int{afBatch(before)}, afInts(m[1])...), strings.TrimPrefix(m[0], ".")
	case afWordsRE.MatchString(after):
		m := afWordsRE.FindStringSubmatch(after)
		fixed, how = append([]int{afBatch(before)}, afInts(m[1])...), strings.TrimSpace(m[0])
	case afPermuteRE.MatchString(after):
		m := afPermuteRE.FindStringSubmatch(after)
		fixed, how = afPermuted(before, m), strings.TrimPrefix(m[0], ".")
	}
	if len(fixed) < 2 || len(before) < 2 || slices.Contains(fixed, 0) || afCount(fixed) != afCount(before) {
		return src, "", false // a fix keeps the values: one that does not is not this message's fix
	}
	if m := afWantRE.FindStringSubmatch(after); m != nil && strconv.Itoa(fixed[1]) != m[1] {
		return src, "", false // the layer wants other channels than the fix gives: the fix is not read
	}
	// The message is blanked from its line's start (positions kept); the
	// words after it stay.
	start := strings.LastIndexByte(src[:msg[0]], '\n') + 1
	end := msg[1]
	if m := afTailRE.FindStringIndex(src[end:]); m != nil {
		end += m[1]
	}
	blank := src[:start] + strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		return ' '
	}, src[start:end]) + src[end:]
	if !ptLayerRE.MatchString(blank) && !ptShorthandRE.MatchString(blank) {
		return src, "", false // the message alone names the layer (its weight's size): it is kept
	}
	from := ""
	if !afFirstLayerFails(src[start:end], blank) {
		// the error came from a later layer: the fixed tensor is not the
		// model's input, only that layer's, when the question asks that
		// layer's output alone
		b, name, ok := afFromFailing(src[start:end], blank, start, src[end:])
		if !ok {
			// the message is still what ran before the fix: set aside, it
			// says nothing of the code as fixed (read, it changed the conv's
			// in_channels to the channels the fix moved away)
			return blank, fmt.Sprintf("the error message is what ran before your fix (%s), at a later layer than the first: it is set aside, and the fixed tensor is that layer's input, not the model's", how), true
		}
		blank, from = b, fmt.Sprintf("; the layers before self.%s are left out: the question asks its output, and the fix gives its input", name)
	}
	parts := make([]string, len(fixed))
	for i, d := range fixed {
		parts[i] = strconv.Itoa(d)
	}
	note := fmt.Sprintf("the error message is what ran before your fix (%s): the input is read as the tensor after it, [%s]%s", how, strings.Join(parts, ", "), from)
	return blank + "\nx = torch.randn(" + strings.Join(parts, ", ") + ")\n", note, true
}

// afInts reads "8, 500, 12" or "1x28x28".
func afInts(s string) []int {
	var out []int
	for _, f := range regexp.MustCompile(`\d+`).FindAllString(s, -1) {
		n, err := strconv.Atoi(f)
		if err != nil || n > 1<<24 {
			return nil
		}
		out = append(out, n)
	}
	return out
}

// afBatch is the batch of a message's shape: its first size, or 1.
func afBatch(shape []int) int {
	if len(shape) >= 2 && shape[0] > 0 {
		return shape[0]
	}
	return 1
}

// afCount is how many values a shape holds.
func afCount(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// afPermuted is shape permuted as m (afPermuteRE's groups) says, or nil.
func afPermuted(shape []int, m []string) []int {
	var order []int
	if m[1] != "" {
		order = afInts(m[1])
	} else {
		a, _ := strconv.Atoi(m[2])
		b, _ := strconv.Atoi(m[3])
		order = make([]int, len(shape))
		for i := range order {
			order[i] = i
		}
		if a >= len(shape) || b >= len(shape) {
			return nil
		}
		order[a], order[b] = b, a
	}
	if len(order) != len(shape) {
		return nil
	}
	out := make([]int, len(shape))
	for i, o := range order {
		if o >= len(shape) {
			return nil
		}
		out[i] = shape[o]
	}
	return out
}

// afWeightRE is the weight a conv's message quotes: [out, in, k...].
var afWeightRE = regexp.MustCompile(`weight\s+of\s+size\s*\[\s*(\d+)\s*,\s*(\d+)`)

// afFirstCallRE is a layer call: its kind and its first two numbers.
var afFirstCallRE = regexp.MustCompile(`\bnn\.(\w+)\(\s*(\d+)?\s*,?\s*(\d+)?`)

// afContainers hold layers: the first layer is inside.
var afContainers = map[string]bool{"Sequential": true, "ModuleList": true, "ModuleDict": true, "Module": true}

// afFirstLayerFails reports whether the message (msg) is about the first
// layer code names: only then is the fixed tensor the model's input. A
// message quoting a conv's weight needs a first conv of its channels; one
// naming conv needs a conv first ("LSTM(40, 128), then Conv1d(128, 64, 3)"
// and a Conv1d message: the LSTM's output is what was fixed).
func afFirstLayerFails(msg, code string) bool {
	var first []string
	for _, c := range afFirstCallRE.FindAllStringSubmatch(code, -1) {
		if !afContainers[c[1]] {
			first = c
			break
		}
	}
	if first == nil {
		return true // no layer call (a shorthand): nothing says otherwise
	}
	isConv := strings.Contains(first[1], "Conv")
	if w := afWeightRE.FindStringSubmatch(msg); w != nil {
		return isConv && first[2] == w[2] && (first[3] == "" || first[3] == w[1])
	}
	if strings.Contains(strings.ToLower(msg), "conv") {
		return isConv
	}
	return true
}

// afFixAt is the byte offset in src of the fix told after its message
// (the view, the words, the permute), or of the message when none is
// found: where an error the fixed tensor meets is aimed.
func afFixAt(src string) int {
	msg := afInputRE.FindStringIndex(src)
	if msg == nil {
		return 0
	}
	for _, re := range []*regexp.Regexp{afViewRE, afWordsRE, afPermuteRE} {
		if m := re.FindStringIndex(src[msg[1]:]); m != nil {
			at := msg[1] + m[0]
			if src[at] == '.' {
				at++
			}
			return at
		}
	}
	return msg[0]
}

// afFromFailing blanks the code lines (before the message, which starts
// at msgAt) that define the layers before the conv the message quotes,
// when the words after it (asked) ask that conv's output by its name:
// "self.lstm = ..., self.conv = nn.Conv1d(128, 64, 3), <message>, I added
// x.transpose(1, 2). output length of conv?". It returns the new text and
// the conv's name; ok is false otherwise.
func afFromFailing(msg, src string, msgAt int, asked string) (string, string, bool) {
	w := afWeightRE.FindStringSubmatch(msg)
	if w == nil {
		return "", "", false
	}
	def := regexp.MustCompile(`(?m)^\s*self\.(\w+)\s*=\s*nn\.Conv\w*\(\s*` + w[2] + `\s*,\s*` + w[1] + `\b`)
	at := def.FindAllStringSubmatchIndex(src[:msgAt], -1)
	if len(at) != 1 {
		return "", "", false // no conv of the message's channels, or several: which one failed is not sure
	}
	name := src[at[0][2]:at[0][3]]
	askRE := regexp.MustCompile(`(?i)\boutput\s+(?:length|shape|size|width|height)\s+(?:of|from|after)\s+(?:the\s+)?(?:self\.)?` + regexp.QuoteMeta(name) + `\b`)
	if !askRE.MatchString(asked) || regexp.MustCompile(`(?i)\b(?:params?|parameters?|total|model|network|macs|flops)\b`).MatchString(asked) {
		return "", "", false
	}
	cut := at[0][0]
	head := strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		return ' '
	}, src[:cut])
	return head + src[cut:], name, true
}
