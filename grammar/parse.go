package grammar

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/paste"
	"github.com/cnnbot/cnnbot/grammar/presets"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// MaxChars is the longest question Parse reads, in runes.
const MaxChars = 4000

// MaxLeaves is the most single layers a network may unroll to (repeats
// counted once per pass).
const MaxLeaves = spec.MaxLeaves

// The types every front-end shares, defined in package lang.
type (
	// Question is what a text asks, in calc values; see [lang.Question].
	Question = lang.Question
	// Layer is one calc layer with where it was written.
	Layer = lang.Layer
	// Error is a question the bot cannot answer as typed, positioned.
	Error = lang.Error
	// Position is a 1-based line and column in the question's text.
	Position = lang.Position
	// Unused is a number of the question the reading left out, with why.
	Unused = lang.Unused
	// Fix is a corrected line of the asker's own code.
	Fix = lang.Fix
	// Effect is a yes/no question of whether a setting changes a quantity.
	Effect = lang.Effect
)

// Format restates q in the canonical spec language: what the bot echoes
// as "understood as".
func Format(q *Question) string { return lang.Format(q) }

// FormatLayer writes one layer in the canonical spec language; a block
// takes several lines.
func FormatLayer(l calc.Layer) string { return lang.FormatLayer(l) }

// FormatHead writes a layer on one line, a block as its first words.
func FormatHead(l calc.Layer) string { return lang.FormatHead(l) }

// Presets lists the names of the preset networks, sorted.
func Presets() []string { return presets.Names() }

// Preset returns the spec-language text of the named preset ("resnet50",
// case-insensitive; a few other spellings such as "vgg16bn" work), its
// canonical name, and whether there is such a preset.
func Preset(name string) (text, canonical string, ok bool) { return presets.Lookup(name) }

// PresetSummary returns the summary of the preset with the canonical name,
// sized once and shared: callers must not change it. The error says the
// preset does not parse or size (a bug).
func PresetSummary(name string) (calc.Summary, error) { return spec.PresetSummary(name) }

// ParseAll reads a message that may hold several questions and returns
// one Question each, in order: list items ("1) ... 2) ..."), a comparison
// ("a 5x5 conv vs two 3x3 convs") or a question mark followed by another
// question split it, when every part that holds a number reads on its own;
// "stride 2 instead of stride 1" asks the question both ways.
// Otherwise the message is one question, and the errors are [Parse]'s.
func ParseAll(src string) ([]*Question, error) {
	qs, err := parseAll(src)
	if utf8.RuneCountInString(src) <= MaxChars {
		if body := titledBody(src, qs, err); body != nil {
			return withEffectAsked(src, body), nil // a title, then the question again with its numbers (titled.go)
		}
	}
	if err != nil {
		return qs, err
	}
	return withSettingChangeDoubted(src, withEffectAsked(src, withPartsDoubted(src, qs))), nil // parts_asked.go: two parts asked, one answered; asked_effect.go: "does stride change the params?"; setting_from_to.go: "stride from 1 to 2" read otherwise
}

// parseAll is ParseAll without the reading of a title apart.
func parseAll(src string) ([]*Question, error) {
	if stem := stemSaid(src); stem != src {
		return parseAll(stem) // the stem named as a place (stem_part.go)
	}
	if utf8.RuneCountInString(src) <= MaxChars {
		if qs := detectionAsked(src); qs != nil {
			return qs, nil // a detector's head or boxes (detection_head.go)
		}
		if qs := subPixelConvAsked(src); qs != nil {
			return qs, nil // the conv before a pixel shuffle (subpixel_conv.go)
		}
		if qs := lenetPaperAsked(src); qs != nil {
			return qs, nil // a LeNet-5 layer as the paper counts it (lenet_paper.go)
		}
		if editWritten(src) {
			if qs := editedPresetAsked(src); qs != nil {
				return qs, nil // a torchvision network changed as code writes it (preset_edits.go)
			}
		}
		if qs := classifierIndexAsked(src); qs != nil {
			return qs, nil // a layer of a preset's classifier by its index (preset_classifier_index.go)
		}
		if qs := replacedHeadAsked(src); qs != nil {
			return qs, nil // a part of a fine-tuned network (head_replaced.go)
		}
		if qs := editedPresetAsked(src); qs != nil {
			return qs, nil // a torchvision network changed (preset_edits.go)
		}
		if qs := whatIfChained(src); qs != nil {
			return qs, nil // a what-if asked again with a further change (whatif_chain.go)
		}
		if qs := whatIfAsked(src); qs != nil {
			return qs, nil // a setup asked about changed (whatif_asked.go)
		}
	}
	whole, err := Parse(src)
	if utf8.RuneCountInString(src) > MaxChars || inputSolved(whole) || settingAnswered(whole) {
		return single(secondAskDoubted(src, whole), err)
	}
	for i, read := range severalWays {
		if qs := read(src); len(qs) > 1 && distinct(qs) {
			if i > followUpWay {
				qs = withUnmadeChange(src, qs) // followups.go
			}
			if i != followUpWay {
				qs = withSidesUnbiased(src, qs) // sides_no_bias.go
			}
			return withSidesChecked(src, withPaddingShared(src, qs)), nil
		}
	}
	if err == nil {
		if qs := withPaper(whole); qs != nil {
			return qs, nil
		}
		if fixed := withFixedAsked(src, whole); fixed != nil {
			return []*Question{fixed}, nil
		}
		whole = withKindsDoubted(src, withChannelsDoubted(src, withEachDoubted(src, askedTwice(src, withThen(src, whole)))))
		whole = secondAskDoubted(src, whole)
	}
	return single(whole, err)
}

// followUpWay is the index of followUps in severalWays.
const followUpWay = 4

// severalWays are the ways a message may hold several questions, tried in
// turn: pasted models, kinds of one layer (standard vs depthwise
// separable, grouped vs ungrouped, kinds.go), a layer and its variant, a
// question asked again with a change (followups.go), a list or follow-ups, a setting with two values, a stack against one
// layer, a what-if.
var severalWays = []func(string) []*Question{
	pastedModels,
	pastedPairSides, // compare_pasted.go
	kindSides,
	variantSides,
	followUps, // followUpWay
	stackSides,
	func(src string) []*Question { return parseParts(src, splitQuestions(src)) },
	settingSides,
	whatIf,
}

// pastedModels reads several pasted models ("my PyTorch Conv2d vs this
// Keras Conv2D"), the words around them spread to each.
func pastedModels(src string) []*Question {
	if fs := frontEnds(src); (fs[0].name == "pytorch" || fs[0].name == "keras") && paste.Several(src) {
		if qs, err := paste.ParseAll(src); err == nil {
			return qs
		}
	}
	return nil
}

// distinct reports whether no two questions were read the same: two sides
// read alike are one side misread.
func distinct(qs []*Question) bool {
	seen := map[string]bool{}
	for _, q := range qs {
		key := fmt.Sprint(q.Canonical, "\x00", strings.Join(q.Asked, ","), "\x00", q.Bytes)
		if q.Solve != nil {
			key += "\x00" + q.Solve.Question // two unknowns solved are told apart by what was solved
		}
		if seen[key] {
			return false
		}
		seen[key] = true
	}
	return true
}

// single returns q as a message of one question.
func single(q *Question, err error) ([]*Question, error) {
	if err != nil {
		return nil, err
	}
	return []*Question{q}, nil
}

// Parse reads a question in whichever form it comes — pasted PyTorch or
// Keras code, the spec language, or plain English — and returns what it
// asks. Code is recognised first (Conv2d( starts like the spec's conv2d).
// Errors are [*Error], positioned in src where possible, with a hint.
func Parse(src string) (*Question, error) {
	if q := sameAgainRead(src); q != nil {
		return q, nil // "then another one the same" (same_again.go)
	}
	q, err := parse(src)
	if err == nil {
		q = withNormsLeftOut(src, q) // norms_left_out.go: "not counting the batchnorms"
		q = withNormsOnly(src, q)    // norms_only.go: "how many params do the batchnorms have?"
		q = withCausalPad(src, q)    // causal_pad.go: "how much left padding to make it causal"
	}
	if err == nil && q.Framework == "keras" {
		kerasCounts(q)
	}
	if err == nil {
		q = withStateDictAsked(src, q) // asked_state_dict.go
	}
	if utf8.RuneCountInString(src) <= MaxChars {
		if iq := withInputSolved(src, q, err); iq != nil {
			return iq, nil // a network's input asked backwards (input_solve.go)
		}
		if sq := withSettingSolved(src, q, err); sq != nil && !causalAsked(src) {
			return sq, nil // a layer's setting asked backwards (setting_solve.go)
		}
		if err != nil || inDoubt(q) || !sizedWhole(q) {
			if cq := convChain(src); cq != nil {
				return cq, nil // convs in shorthand, one after another (conv_chain.go)
			}
		}
	}
	return q, err
}

// sizedWhole reports whether calc sizes every layer of q on its input.
func sizedWhole(q *Question) bool {
	_, ok := computed(q)
	return ok
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
		line, col := lang.RunePosition(src, MaxChars)
		return nil, &Error{Line: line, Col: col,
			Msg:  fmt.Sprintf("the question is %s characters long; I read at most %s", lang.Group(n), lang.Group(MaxChars)),
			Hint: "ask about fewer layers at a time, or use a preset such as resnet50"}
	}
	if strings.TrimSpace(src) == "" {
		return nil, &Error{Msg: "the question is empty", Hint: lang.Example}
	}
	return route(src)
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
			p, err := spec.Preset(canonical)
			if err != nil {
				return nil
			}
			q := *p
			q.Notes = append([]string{fmt.Sprintf("read as the preset %s; `show %s` prints its layers", canonical, canonical)}, p.Notes...)
			q.Asked = askedWords(words)
			q.Canonical = canonical
			q.Preset = canonical
			if in := withPresetInput(&q, src); in != &q {
				q = *in
				q.Canonical = lang.Format(&q)
				q.Notes = append([]string{fmt.Sprintf("read as the preset %s on a %d×%d×%d input", canonical, q.Input[1], q.Input[2], q.Input[0])}, p.Notes...)
			}
			classed := false
			if cq, ok := withClasses(&q, canonical, src); ok {
				q, classed = *cq, true
			}
			if pq, ok := stagePart(&q, canonical, src); ok {
				if globalPoolName.MatchString(src) {
					return pq // "gap then a dense for 10 classes": the classes are the dense's, asked of layers described
				}
				return withClassesNote(pq, &q)
			}
			if part, ok := askedPart(src); ok && !(classed && headGivenWholeAsked(src, part)) {
				if pq, ok := presetPart(&q, canonical, src, part); ok {
					if pq.Asked == nil {
						pq.Asked = q.Asked
					}
					if weightsOnly(src) {
						pq.Asked = []string{"weights"}
					}
					return withClassesNote(pq, &q)
				}
			}
			if featuresOnly.MatchString(src) {
				if part, ok := featuresPart(q.Layers); ok {
					q.Layers, q.Preset = part, ""
					q.Canonical = lang.Format(&q)
					q.Notes = append([]string{fmt.Sprintf("read as the preset %s without its classifier: the layers before its first flatten or fully connected layer and their global pooling (torchvision's .features, Keras's include_top=False)", canonical)}, p.Notes...)
				}
			}
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
		case strings.HasPrefix(w, "bias"):
			a = "biases"
		case strings.HasPrefix(w, "flop"):
			a = "flops"
		case strings.HasPrefix(w, "mac") || strings.HasPrefix(w, "multipl"):
			a = "macs"
		case w == "memory" || w == "ram" || w == "vram":
			a = "memory"
		case strings.HasPrefix(w, "receptive") || w == "rf" || w == "rfs":
			a = "receptive field"
		case w == "output" || w == "shape" || w == "size" || w == "out" || strings.HasPrefix(w, "flatten"):
			a = "output"
		}
		if a != "" && !seen[a] {
			seen[a] = true
			asked = append(asked, a)
		}
	}
	return asked
}
