package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// The one layer of a setting question (setting_solve.go), read from its
// words and its code alike: "k4 s2 conv", "a 3x3 kernel with dilation 2",
// "kernel_size=5, stride=2", nn.Conv2d(c, c, 3, dilation=2, padding=1),
// Conv2D(32, 3, strides=2, padding='same'). Each setting is kept with
// where it was written, so the sizes left over are the question's sizes.

// settingLayer is what a setting question says of its layer.
type settingLayer struct {
	kernel, stride, pad, dil, outpad []int
	transposed                       bool
	same                             bool // padding='same' said
	calls                            int  // convolutions written as code
	kernels                          int  // kernels said in words
	spans                            [][2]int
	clashes                          [][2]int // a setting said again with another value: no size, and not used
}

// settingWord finds one setting written in words; the value groups are
// the sizes (one, or a height and a width).
type settingWord struct {
	name string
	re   *regexp.Regexp
}

// settingWords are the ways a setting is written in prose, the most
// specific first: "kernel_size=3", "kernel 7x7", "a 5x5 conv", "k4",
// "stride-2", "s=2", "dilation rate 6", "no padding".
var settingWords = []settingWord{
	{"outpad", regexp.MustCompile(`(?i)\b(?:output[_ ]padding|out[_ ]?pad(?:ding)?)\s*(?:=|:|of|is)?\s*[(\[]?\s*(\d+)(?:\s*[,x×]\s*(\d+))?`)},
	{"kernel", regexp.MustCompile(`(?i)\b(?:kernel(?:[_ ]size)?|filter[_ ]size|window(?:[_ ]size)?|ksize|pool[_ ]size)\s*(?:=|:|of|is|with)?\s*(?:size\s*)?[(\[]?\s*(\d+)(?:\s*[,x×]\s*(\d+))?`)},
	{"kernel", regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s+(?:(?:dilated|atrous|transposed|strided|same|valid|separate|single)\s+)?(?:conv|kernel|filter|window|deconv|upconv|convolution|ConvTranspose|transpose)`)},
	{"kernel", regexp.MustCompile(`(?i)\b(\d+)[- ](?:wide|by-\d+)\s+kernel|\bk\s*=?\s*(\d+)\b`)},
	{"kernel", regexp.MustCompile(`(?i)\b(?:conv|convolution|kernel|filter)\s+(?:is\s+|of\s+|=\s*|:\s*)?(?:a\s+)?(\d+)\s*[x×]\s*(\d+)\b`)},
	{"stride", regexp.MustCompile(`(?i)\bstrides?\s*[-=:]?\s*(?:of|is)?\s*[(\[]?\s*(\d+)(?:\s*,\s*(\d+))?`)},
	{"stride", regexp.MustCompile(`(?i)\bs\s*=?\s*(\d+)\b|\b(\d+)[- ]?stride\b`)},
	{"dil", regexp.MustCompile(`(?i)\b(?:dilation(?:[_ ]rate)?|dilated\s+(?:by|with(?:\s+rate)?)|atrous\s+rate)\s*[-=:]?\s*(?:of|is)?\s*[(\[]?\s*(\d+)(?:\s*,\s*(\d+))?`)},
	{"dil", regexp.MustCompile(`(?i)\bd\s*=?\s*(\d+)\b`)},
	{"pad", regexp.MustCompile(`(?i)\b(?:padding|pad)\s*[-=:]?\s*(?:of|is)?\s*[(\[]?\s*(\d+)(?:\s*,\s*(\d+))?`)},
	{"pad", regexp.MustCompile(`(?i)\bp\s*=?\s*(\d+)\b`)},
}

// sameSaid matches padding='same' in any of its spellings.
var sameSaid = regexp.MustCompile(`(?i)padding\s*=\s*['"]same['"]|['"]same['"]|\bsame[- ]padd(?:ing|ed)\b|\bpadding\s+(?:is\s+|of\s+)?same\b|\bSAME\b`)

// transposedSaid matches a transposed convolution, in words or code.
var transposedSaid = regexp.MustCompile(`(?i)transpose|deconv|\bup-?conv|fractionally[- ]strided`)

// convCall matches a convolution written as code and its arguments.
var convCall = regexp.MustCompile(`(?i)\b(?:nn\.|layers\.|torch\.nn\.|keras\.layers\.)?(Conv(?:Transpose)?[123]d|Conv[123]DTranspose|Conv[123]D)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)`)

// readSettingLayer reads the layer of src: its code first (a call's
// arguments), then the settings its words give that the code did not.
func readSettingLayer(src string) settingLayer {
	var l settingLayer
	for _, m := range convCall.FindAllStringSubmatchIndex(src, -1) {
		l.calls++
		l.spans = append(l.spans, [2]int{m[0], m[1]})
		l.readCall(src[m[2]:m[3]], src[m[4]:m[5]])
	}
	taken := func(at int) bool {
		for _, s := range l.spans {
			if at >= s[0] && at < s[1] {
				return true
			}
		}
		return false
	}
	for _, w := range settingWords {
		for _, m := range w.re.FindAllStringSubmatchIndex(src, -1) {
			if taken(m[0]) {
				continue
			}
			vals := groupInts(src, m)
			if len(vals) == 0 || strings.Contains(src[m[0]:m[1]], "\n") {
				continue // a title's last word is no setting of the next line's number
			}
			if w.name == "kernel" {
				l.kernels++
			}
			if l.set(w.name, vals) {
				l.spans = append(l.spans, [2]int{m[0], m[1]})
			} else {
				l.clashes = append(l.clashes, [2]int{m[0], m[1]})
			}
		}
	}
	if regexp.MustCompile(`(?i)\b(?:no|without|zero)\s+padding\b|\bvalid\b|\bunpadded\b`).MatchString(src) && l.pad == nil {
		l.pad = []int{0}
	}
	l.same = l.same || sameSaid.MatchString(src)
	l.transposed = l.transposed || transposedSaid.MatchString(src)
	return l
}

// set keeps the first value said of a setting and reports whether vals
// is that value: a second, other value is left for the account to name.
func (l *settingLayer) set(name string, vals []int) bool {
	p := map[string]*[]int{"kernel": &l.kernel, "stride": &l.stride, "pad": &l.pad, "dil": &l.dil, "outpad": &l.outpad}[name]
	if *p == nil {
		*p = vals
		return true
	}
	return sameSizes(*p, vals)
}

// sameSizes reports whether two settings say the same: one value is a
// square's, "3" and "3x3".
func sameSizes(a, b []int) bool {
	at := func(xs []int, i int) int { return xs[min(i, len(xs)-1)] }
	return at(a, 0) == at(b, 0) && at(a, 1) == at(b, 1)
}

// groupInts are the numbers a match's groups hold, in order.
func groupInts(src string, m []int) []int {
	var vals []int
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] < 0 {
			continue
		}
		n, err := strconv.Atoi(src[m[g]:m[g+1]])
		if err != nil || n > 1<<20 {
			return nil
		}
		vals = append(vals, n)
	}
	return vals
}

// torchArgs are the positional arguments of PyTorch's convolutions after
// the channels, in order; Keras's Conv2D takes filters, kernel_size,
// strides.
var (
	torchArgs      = []string{"kernel", "stride", "pad", "dil"}
	torchTransArgs = []string{"kernel", "stride", "pad", "outpad"}
	kerasArgs      = []string{"", "kernel", "stride"}
	argNames       = map[string]string{"kernel_size": "kernel", "stride": "stride", "strides": "stride", "padding": "pad",
		"dilation": "dil", "dilation_rate": "dil", "output_padding": "outpad"}
)

// readCall reads the settings of one convolution written as code; a
// channel count written as a name (nn.Conv2d(c, c, 3)) is no setting.
func (l *settingLayer) readCall(name, args string) {
	low := strings.ToLower(name)
	trans := strings.Contains(low, "transpose")
	l.transposed = l.transposed || trans
	keras := strings.HasSuffix(name, "D") || strings.HasSuffix(name, "DTranspose")
	order := torchArgs
	if trans {
		order = torchTransArgs
	}
	skip := 2
	if keras {
		order, skip = kerasArgs, 0
	}
	for i, a := range splitArgs(args) {
		key, val, named := strings.Cut(a, "=")
		if named {
			key = strings.TrimSpace(key)
			if strings.EqualFold(key, "padding") && strings.Contains(strings.ToLower(val), "same") {
				l.same = true
				continue
			}
			if n, ok := argNames[key]; ok {
				if vals := tupleInts(val); vals != nil {
					l.set(n, vals)
				}
			}
			continue
		}
		if j := i - skip; i >= skip && j < len(order) && order[j] != "" {
			if vals := tupleInts(a); vals != nil {
				l.set(order[j], vals)
			}
		}
	}
}

// splitArgs splits a call's arguments at the commas outside brackets.
func splitArgs(args string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range args {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(args[start:i]))
				start = i + 1
			}
		}
	}
	if rest := strings.TrimSpace(args[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// tupleInts reads 3 or (3, 3) as sizes; nil for anything else (a name).
func tupleInts(a string) []int {
	a = strings.Trim(strings.TrimSpace(a), "()[]")
	var vals []int
	for _, f := range strings.Split(a, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || n > 1<<20 {
			return nil
		}
		vals = append(vals, n)
	}
	return vals
}
