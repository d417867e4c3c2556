package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// One layer of a block written in shorthand, as askers write a block's
// body: "conv3x3 -> maxpool2", "Conv2d(k=3, padding=1) + MaxPool2d(2)",
// "conv pad1 + maxpool2", "Conv2D(3x3, valid) + MaxPooling2D(2)",
// "conv 3x3 s1", "3x3 conv, relu, 2x2 max pool". stackItem reads one such
// layer at the start of a text; stackItems reads them joined by arrows,
// pluses, dashes, commas or "then".

var (
	// itemConv matches a conv's name, its kernel written before it
	// ("3x3 conv") or glued after it ("conv3x3", "conv5").
	itemConv = regexp.MustCompile(`(?i)^(?:(\d+)\s*[x×]\s*\d+\s+)?(?:conv(?:olution(?:al)?)?(?:\s*(?:1d|2d))?|Conv[12]D)(?:\s*layers?)?(\d+(?:\s*[x×]\s*\d+)?|\s+\d+\s*[x×]\s*\d+)?`)
	// itemPool matches a pool's name, its window written before it ("2x2
	// maxpool") or glued after it ("maxpool2", "pool2x2").
	itemPool = regexp.MustCompile(`(?i)^(?:(\d+)\s*[x×]\s*\d+\s+)?(max|avg|average)?[\s_-]?pool(?:ing)?(?:\s*(?:1d|2d))?(\d+(?:\s*[x×]\s*\d+)?|\s+\d+\s*[x×]\s*\d+)?`)
	// itemQuiet matches a layer that changes no size and has no kernel:
	// an activation, a norm, dropout.
	itemQuiet = regexp.MustCompile(`(?i)^(?:relu|leaky\s*relu|gelu|elu|tanh|sigmoid|activation|batch\s*norm(?:alization)?(?:2d)?|bn|dropout(?:\s*\d*\.\d+)?)\b(?:\s*\([^()]*\))?`)
	// itemNorm matches a norm among the quiet layers.
	itemNorm = regexp.MustCompile(`(?i)norm|^bn`)
	// itemArgs matches a bracketed argument list right after a name.
	itemArgs = regexp.MustCompile(`^\s*\(([^()]*)\)`)
	// itemSetting matches a setting written after a layer: "pad1",
	// "padding=1", "stride 2", "s2", "same", "valid", "no pad".
	itemSetting = regexp.MustCompile(`(?i)^\s*(?:,\s*)?(pad(?:ding)?\s*=?\s*\d+|p\d+\b|stride\s*=?\s*\d+|s\d+\b|same|valid|no\s+pad(?:ding)?)`)
	// itemSep matches what joins two layers of a block.
	itemSep = regexp.MustCompile(`(?i)^\s*(?:->|→|=>|>|\+|-|,|/|\bthen\b|\bfollowed\s+by\b|\band\b)+\s*`)

	argKernel  = regexp.MustCompile(`(?i)\b(?:k|kernel(?:_size)?|ks|pool_size)\s*=\s*\(?(\d+)|^\s*(\d+)\s*[x×]\s*\d+|^\s*\(?(\d+)\s*(?:,|\)|$)`)
	argPad     = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*=?\s*(\d+)|\bp\s*=?\s*(\d+)\b`)
	argStride  = regexp.MustCompile(`(?i)\bstrides?\s*=?\s*\(?(\d+)|\bs\s*=?\s*(\d+)\b`)
	argSame    = regexp.MustCompile(`(?i)\bsame\b`)
	argNoPad   = regexp.MustCompile(`(?i)\bvalid\b|\bno\s+pad(?:ding)?\b|\bunpadded\b`)
	argSidePar = regexp.MustCompile(`(\d+)`)
)

// stackItems reads the layers written at the start of s, joined as a
// block's body is, and returns them with how much of s they took. Quiet
// layers (an activation, dropout) are read and left out; a norm ends the
// reading with no layers, as its parameters are not written out.
func stackItems(s string) ([]stackLayer, int) {
	var out []stackLayer
	at := 0
	for {
		l, n, ok := stackItem(s[at:])
		if !ok {
			if m := itemQuiet.FindString(s[at:]); m != "" && itemNorm.MatchString(m) {
				return nil, 0
			}
			return out, at
		}
		if l.kind != "" {
			out = append(out, l)
		}
		end := at + n
		sep := itemSep.FindString(s[end:])
		if sep == "" {
			return out, end
		}
		if _, _, ok := stackItem(s[end+len(sep):]); !ok {
			if m := itemQuiet.FindString(s[end+len(sep):]); m != "" && itemNorm.MatchString(m) {
				return nil, 0
			}
			return out, end
		}
		at = end + len(sep)
	}
}

// stackItem reads one layer at the start of s: a conv, a pool, or a
// quiet layer (kind ""), with the settings written after it.
func stackItem(s string) (stackLayer, int, bool) {
	if m := itemQuiet.FindStringIndex(s); m != nil {
		if itemNorm.MatchString(s[m[0]:m[1]]) {
			return stackLayer{}, 0, false // a norm has parameters the words do not carry: no shorthand reading
		}
		return stackLayer{}, m[1], true
	}
	l := stackLayer{pad: -1}
	var m []int
	if m = itemConv.FindStringSubmatchIndex(s); m != nil {
		l.kind = "conv"
		if strings.Contains(strings.ToLower(s[m[0]:m[1]]), "1d") {
			l.kind = "conv1d"
		}
	} else if m = itemPool.FindStringSubmatchIndex(s); m != nil {
		l.kind = "maxpool"
		if m[4] >= 0 && !strings.EqualFold(s[m[4]:m[5]], "max") {
			l.kind = "avgpool"
		}
	} else {
		return l, 0, false
	}
	l.k = leadNumber(s, m[2], m[3])
	if g := 2 * (len(m)/2 - 1); l.k == 0 && m[g] >= 0 {
		l.k = leadNumber(s, m[g], m[g+1])
	}
	end := m[1]
	if a := itemArgs.FindStringSubmatchIndex(s[end:]); a != nil {
		readArgs(&l, s[end+a[2]:end+a[3]])
		end += a[1]
	}
	for {
		set := itemSetting.FindStringSubmatchIndex(s[end:])
		if set == nil {
			break
		}
		readArgs(&l, s[end+set[2]:end+set[3]])
		end += set[1]
	}
	return l, end, true
}

// leadNumber is the first number of s[i:j], 0 when i < 0.
func leadNumber(s string, i, j int) int {
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(argSidePar.FindString(s[i:j]))
	return n
}

// readArgs sets l's kernel, padding and stride from an argument list or a
// setting: "k=3, padding=1", "3x3, valid", "2", "stride 2".
func readArgs(l *stackLayer, args string) {
	if m := argKernel.FindStringSubmatch(args); m != nil && l.k == 0 {
		for _, g := range m[1:] {
			if g != "" {
				l.k, _ = strconv.Atoi(g)
				break
			}
		}
	}
	if m := argPad.FindStringSubmatch(args); m != nil {
		l.pad, _ = strconv.Atoi(m[1] + m[2])
	}
	if m := argStride.FindStringSubmatch(args); m != nil {
		l.s, _ = strconv.Atoi(m[1] + m[2])
	}
	if argSame.MatchString(args) {
		l.same = true
	}
	if argNoPad.MatchString(args) {
		l.pad = 0
	}
}
