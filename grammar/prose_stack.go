package grammar

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Several layers described in prose, not one by one: "4 blocks of conv3x3
// -> maxpool2, channels 16, 32, 64, 128", "7 Conv1d layers with kernel
// sizes (10,3,3,3,3,2,2) and strides (5,2,2,2,2,2,2)", "three 5x5 conv
// layers, first one stride 2, the other two stride 1", "conv(16, 3x3,
// stride 2, pad 1), conv(32, 3x3, stride 2, pad 1)". Each rewriter
// (prose_stack_blocks.go, prose_stack_lists.go, prose_stack_calls.go)
// finds one such description and writes it out layer by layer, in the
// words the English reader knows ("conv 3x3 16->32 pad 1, maxpool 2x2");
// the text so rewritten is read again, and the reading is kept only when
// it has exactly the layers written out. The asker's numbers are then
// accounted for against the original text by the router, as any reading's.

// stackLayer is one layer a rewriter wrote out. A zero field is unset
// (the reader's default); pad is -1 when unset, so that an explicit 0
// ("no padding") is written.
type stackLayer struct {
	kind    string // "conv", "conv1d", "maxpool", "avgpool"
	k, s, d int    // kernel (or window), stride, dilation
	pad     int    // -1 unset
	same    bool   // padding "same"
	in, out int    // channels; 0 unset
}

// text writes l in the words the English reader knows.
func (l stackLayer) text() string {
	var b strings.Builder
	switch l.kind {
	case "fc":
		return fmt.Sprintf("fully connected layer with %d units", l.out)
	case "maxpool", "avgpool":
		fmt.Fprintf(&b, "%s %dx%d", l.kind, l.k, l.k)
		if l.s != 0 {
			fmt.Fprintf(&b, " stride %d", l.s)
		}
		return b.String()
	case "conv1d":
		fmt.Fprintf(&b, "conv1d kernel %d", l.k)
	default:
		fmt.Fprintf(&b, "conv %dx%d", l.k, l.k)
	}
	switch {
	case l.in != 0 && l.out != 0:
		fmt.Fprintf(&b, " %d->%d", l.in, l.out)
	case l.out != 0:
		fmt.Fprintf(&b, " with %d filters", l.out)
	}
	if l.s != 0 {
		fmt.Fprintf(&b, " stride %d", l.s)
	}
	if l.d > 1 {
		fmt.Fprintf(&b, " dilation %d", l.d)
	}
	switch {
	case l.same:
		b.WriteString(" padding same")
	case l.pad >= 0:
		fmt.Fprintf(&b, " pad %d", l.pad)
	}
	return b.String()
}

// stackText writes layers one after another, comma-separated.
func stackText(layers []stackLayer) string {
	parts := make([]string, len(layers))
	for i, l := range layers {
		parts[i] = l.text()
	}
	return strings.Join(parts, ", ")
}

// chainChannels gives each conv of layers its input channels from the
// conv before it, once the first conv's input is known (in > 0).
func chainChannels(layers []stackLayer, in int) {
	for i := range layers {
		if !strings.HasPrefix(layers[i].kind, "conv") || layers[i].out == 0 {
			continue
		}
		if in > 0 {
			layers[i].in = in
		}
		in = layers[i].out
	}
}

// proseRewriters write a stack described in prose out layer by layer, in
// order of trust; each returns the text with its description replaced
// and the layers it wrote, or no layers when it found none.
var proseRewriters = []func(src string) (string, []stackLayer){
	blocksWithChannels, // prose_stack_blocks.go
	perLayerLists,      // prose_stack_lists.go
	ordinalSettings,    // prose_stack_lists.go
	pseudoCalls,        // prose_stack_calls.go
	shortStackSettings, // prose_stack_calls.go
	hiddenLayers,       // prose_stack_mlp.go
	encoderLevels,      // prose_stack_levels.go
	listedHidden,       // prose_stack_mlp.go
	widthChain,         // prose_stack_mlp.go
}

// proseStack is the first rewrite of src that writes a stack out, or ""
// with no layers when none applies.
func proseStack(src string) (string, []stackLayer) {
	for _, rw := range proseRewriters {
		if out, layers := rw(src); len(layers) > 0 {
			return out, layers
		}
	}
	return "", nil
}

// readProseStack reads src's stack written out by proseStack, and keeps
// the reading only when it has the layers written out, no more, no less.
func readProseStack(src string) (*Question, error) {
	text, layers := proseStack(src)
	if len(layers) == 0 {
		return nil, fmt.Errorf("no stack described in prose")
	}
	text = targetSaid.ReplaceAllString(text, "")
	text = inputNamed.ReplaceAllString(text, "input $1") // "input tiles are 188x188"
	text = crashPlace.ReplaceAllString(text, "")         // "crashes at the 5th conv" names a layer written out
	if !strings.Contains(text, "conv1d") {
		text = inputTuple.ReplaceAllString(text, "input ${2}x${3}x${1}") // PyTorch's (C, H, W)
	}
	if bare := withoutErrorLines(text); strings.TrimSpace(bare) != "" {
		text = bare // "Kernel size: (3 x 3)" is what the run printed, no layer
	}
	q, err := readEnglish(text)
	if err != nil {
		return nil, err
	}
	if !sameStack(q, layers) {
		return nil, fmt.Errorf("the stack written out read as other layers")
	}
	cp := *q
	// Positions of the rewritten text are dropped: the router accounts for
	// the asker's numbers; a target they want is named as one.
	cp.Unused = nil
	for _, m := range targetSaid.FindAllStringSubmatchIndex(src, -1) {
		cp.Unused = append(cp.Unused, Unused{Text: src[m[2]:m[3]], Pos: offsetPosition(src, m[2]),
			Why: "a target you want to reach, not a setting of any layer: compare it with the answer"})
	}
	for _, m := range countSaid.FindAllStringSubmatchIndex(src, -1) {
		if countWord(src[m[2]:m[3]]) > 1 {
			cp.Unused = append(cp.Unused, Unused{Text: src[m[2]:m[3]], Pos: offsetPosition(src, m[2]),
				Why: "how many there are: each is written out below"})
		}
	}
	return &cp, nil
}

// countSaid matches how many layers or blocks a stack has, which the
// stack written out accounts for: "2 hidden layers", "4 blocks".
var countSaid = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six|seven|eight)\s+(?:[a-z0-9]+\s+){0,2}?(?:hidden\s+layers|blocks)\b`)

// inputNamed matches an input said by what it is cut into: "input tiles
// are 188x188", "input patches of 64x64".
var inputNamed = regexp.MustCompile(`(?i)\binput\s+(?:tiles|patches|crops|images)\s+(?:are|of|is|=)\s+(\d+\s*[x×]\s*\d+)`)

// crashPlace matches where a run failed, said of a layer the stack has:
// "crashes at the 5th conv", "fails on the 3rd pool".
var crashPlace = regexp.MustCompile(`(?i),?\s*(?:and\s+)?(?:it\s+)?(?:crash(?:es|ed)?|fails?|failed|errors?|errored|breaks?|dies)\s+(?:at|on|in)\s+the\s+\d+(?:st|nd|rd|th)\s+(?:conv|pool|layer|block)\w*`)

// inputTuple matches an input written as PyTorch's (C, H, W) of one or
// three channels: "input (1, 128, 431)".
var inputTuple = regexp.MustCompile(`(?i)\binput\s*(?:shape\s*)?(?:is\s+|=\s*|of\s+)?\(\s*([13])\s*,\s*(\d+)\s*,\s*(\d+)\s*\)`)

// targetSaid matches a size the asker wants a stack to reach, which no
// layer is set to: "I want it to cover at least 60 steps", "need the RF
// to be >= 100".
var targetSaid = regexp.MustCompile(`(?i)\b(?:i\s+)?(?:want|need|would\s+like|am\s+trying|hoping|goal\s+is)\b[^.?!\n]{0,30}?\b(?:cover|see|span|reach|be|get|exceed)\s+(?:at\s+least\s+|>=?\s*|more\s+than\s+|over\s+|about\s+|~\s*)?(\d+)(?:\s+(?:steps|timesteps|samples|pixels|frames))?`)

// sameStack reports whether q's convs and pools are the layers written
// out, in kind, kernel, stride and padding (where written), in order: a
// word of the rest of the text read as a setting of one of them ("adding
// padding=1" put on the last pool) makes the reading another stack.
func sameStack(q *Question, layers []stackLayer) bool {
	var got []stackLayer
	for _, l := range q.Layers {
		switch v := l.Layer.(type) {
		case calc.Conv:
			got = append(got, stackLayer{kind: "conv", k: firstOf(v.Kernel), s: firstOf(v.Stride), pad: firstOf(v.Pad), d: firstOf(v.Dilation)})
		case calc.Pool:
			got = append(got, stackLayer{kind: "pool", k: firstOf(v.Kernel), s: firstOf(v.Stride), pad: firstOf(v.Pad)})
		case calc.Linear:
			got = append(got, stackLayer{kind: "fc", out: v.Out})
		case calc.Separable:
			return false
		}
	}
	if len(got) != len(layers) {
		return false
	}
	unsetPad := -1
	for i, l := range layers {
		g := got[i]
		if (l.kind == "fc") != (g.kind == "fc") || l.kind == "fc" && g.out != l.out {
			return false
		} else if l.kind == "fc" {
			continue
		}
		if strings.HasPrefix(l.kind, "conv") && l.pad < 0 && !l.same {
			if unsetPad >= 0 && g.pad != unsetPad {
				return false // a padding said once put on one conv only
			}
			unsetPad = g.pad
		}
		conv := strings.HasPrefix(l.kind, "conv")
		switch {
		case conv != (g.kind == "conv"), g.k != l.k:
			return false
		case l.s != 0 && g.s != l.s, l.s == 0 && g.s > 1 && (conv || g.s != l.k):
			return false
		case conv && l.pad > 0 && g.pad != l.pad, !conv && g.pad != 0:
			return false
		case max(l.d, 1) != max(g.d, 1):
			return false
		}
	}
	return true
}

// firstOf is a kernel's first side, 0 when it has none.
func firstOf(k []int) int {
	if len(k) == 0 {
		return 0
	}
	return k[0]
}
