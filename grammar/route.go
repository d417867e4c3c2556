package grammar

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/english"
	"github.com/cnnbot/cnnbot/grammar/paste"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// The router reads a question with every front-end that might apply and
// keeps the reading that accounts for the most of the text: the one that
// leaves the fewest of the asker's numbers unexplained (account.go). A
// first word decides nothing on its own: "input is 64x64 with 3 channels,
// kernel 5 -> I get 30.5" starts like the spec language and is English.

// frontEnd is one way of reading a whole question.
type frontEnd struct {
	name string
	read func(string) (*Question, error)
	// owns is true when this front-end's refusal is the one to show if no
	// front-end reads the question.
	owns bool
}

// reading is one front-end's reading, with the numbers it left unused.
type reading struct {
	front  string // the front-end's name: pytorch, keras, spec, preset, english
	q      *Question
	unused []Unused
	score  int  // unexplained numbers
	sizes  bool // its layers fit together (calc sizes them)
}

// better reports whether r is a better reading than o: one whose layers
// fit together, then the fewer unexplained numbers, then one that is not
// a preset named as context.
func (r reading) better(o *reading) bool {
	if r.sizes != o.sizes {
		return r.sizes
	}
	if r.score == o.score && (genericOverPart(r, *o) || genericOverPart(*o, r)) {
		return r.front == "preset" // a part of a network named, its layers recalled without channels (preset_recap.go)
	}
	if r.score == o.score && o.front == "preset" && r.front != "preset" && sizesLayers(r.q) && !ownClasses(o.q) {
		return true // a preset named as context never replaces layers described in numbers
	}
	if r.front == "preset" && r.q.Preset == "" && pasted(o.front) && weighted(o.q) {
		return false // a part of a preset named beside a pasted conv is context: the code is what was built
	}
	return r.score < o.score
}

// pasted reports whether a front-end reads pasted code.
func pasted(front string) bool { return front == "pytorch" || front == "keras" }

// weighted reports whether a reading has a conv or a fully connected
// layer: pasted code that builds one, not a pool named in passing.
func weighted(q *Question) bool {
	for _, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Conv, calc.Linear, calc.Separable:
			return true
		}
	}
	return false
}

// sizesLayers reports whether a reading has a layer that changes sizes or
// has parameters, with a size of its own: more than a flatten, an
// activation or a global pool, which words name without numbers ("vgg16
// before the global average pooling" describes no layer).
func sizesLayers(q *Question) bool {
	for _, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Flatten, calc.Activation, calc.Dropout, calc.GlobalAvgPool:
		default:
			return true
		}
	}
	return false
}

// route reads src with the front-ends that might apply and returns the
// reading chosen, carrying its unused numbers.
func route(src string) (*Question, error) {
	r, err := choose(src)
	if err != nil {
		return nil, err
	}
	if nr := withoutDroppedKind(src, r); nr != nil {
		r = nr // "skip the global average pooling": read without it (kinds_named.go)
	}
	if q := presetHead(src, r); q != nil {
		r = &reading{front: "preset", q: q, sizes: true}
	}
	q := withBatch(src, withUnused(r.q, r.unused))
	if r.front == "spec" && !strings.Contains(src, "?") {
		return q, nil // the spec language names its layers one a line and asks nothing in words
	}
	for _, read := range wordReaders {
		q = read(src, q)
	}
	d := doubts(src, q)
	if r.front == "english" || r.front == "spec" || r.front == "loose" {
		if f := fewerLayers(src, q); f != "" {
			d = append(d, f)
		}
	}
	if len(d) > 0 {
		q.Doubts = append(slices.Clip(q.Doubts), d...)
	}
	return q, nil
}

// wordReaders read, in order, what the words of a question say beyond
// the layers any front-end reads: a batch norm named as why a conv has no
// bias (reason_norm.go), Keras named (its counts are given
// too), "in_features" asked as the flattened
// output, the number format and bytes asked (storage.go), the bias
// counted as a connection, connections "in total", and the layers asked
// about by name or place (asked_at.go).
var wordReaders = []func(src string, q *Question) *Question{
	withChangedInto,   // changed_into.go: "change it to nn.Conv2d(3, 64, 5)"
	withShortcutAsked, // shortcut_asked.go: "i need a 1x1 conv on the shortcut, params?"
	withoutReasonNorm,
	withKerasWords,
	withFlattenAsked,
	withStorage,
	withBiasCounted,
	withConnections,
	withLayerConnections, // asked_role.go
	withModuleAsked,      // asked_module.go: "params of the decoder only"
	withAt,
	withAtTogether,      // at_together.go
	withCrashCut,        // crash_cut.go: a place before the layer that fails
	withKernelListDoubt, // kernel_list_doubt.go
	withSeparableParts,  // separable_parts_asked.go
	withFieldAsked,
	withLayersAsked,
	withInputAsked,
	withUnitWeights,    // asked_headline.go
	withLinearAsked,    // asked_headline.go
	withHeadlineAsked,  // asked_headline.go: last, so it sees what the others asked
	withStoredObject,   // asked_role.go: after the headline, which adds the weights the bytes store
	withWeightsAndBias, // asked_role.go
	withVectorInput,    // asked_role.go
	withExpansionTold,  // expansion_told.go
}

// kerasWords say a question is about Keras though no Keras code was
// read: "what does keras's summary show for batchnorm 64".
var kerasWords = regexp.MustCompile(`(?i)\bkeras\b|non-trainable|model\.summary|\blayers\.BatchNormalization\b|\bBatchNormalization\(`)

// withKerasWords marks a question of Keras code, or whose words name
// Keras, for Keras's counts beside PyTorch's, whichever front-end read
// its layers.
func withKerasWords(src string, q *Question) *Question {
	if q.Framework != "keras" && !kerasWords.MatchString(src) {
		return q
	}
	cp := *q
	cp.KerasCounts = true
	return &cp
}

// choose reads src with the front-ends that might apply, likeliest first,
// and keeps the reading with the fewest unexplained numbers (the likelier
// on a tie). When none reads src, the error is the likeliest owner's.
func choose(src string) (*reading, error) {
	var best *reading
	var refusal, englishErr, firstErr error
	refuser := ""
	for _, f := range frontEnds(src) {
		q, err := f.read(src)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if err != nil {
			if f.owns && refusal == nil {
				refusal, refuser = err, f.name
			}
			if f.name == "english" {
				englishErr = err
			}
			continue
		}
		reports, sizes := computed(q)
		var u []Unused
		switch f.name {
		case "pytorch", "keras":
			// Pasted code is accounted for by its own reader, which
			// follows Python's arithmetic and names (img = 28); the
			// words around it are accounted for here.
			u = account(proseAround(src), q, readingValues(q, reports))
		case "preset":
			// A preset named explains no number written next to it: its
			// layers hold so many that some would match by chance.
			used := presetValues(q, reports)
			if q.Preset == "" {
				// A part of a preset is sized like any reading, and on the
				// preset's input ("after pool2 of vgg16 on 224x224").
				maps.Copy(used, readingValues(q, reports))
				maps.Copy(used, partInput(src))
			}
			u = partClasses(src, q, partNames(src, withoutCounts(src, account(src, q, used), reports)))
		default:
			u = account(src, q, readingValues(q, reports))
		}
		r := reading{front: f.name, q: q, unused: u, score: unexplained(u), sizes: sizes}
		if best == nil || r.better(best) {
			best = &r
		}
		if best.score == 0 && best.sizes && best.front != "preset" {
			break
		}
	}
	// A reading whose layers do not fit together is a misreading when
	// pasted code was refused with a reason of its own, or when it leaves
	// numbers unexplained; one that explains every number of prose is the
	// asker's mistake to show ("groups=3" on 64 channels).
	if best != nil && (best.sizes || refusal == nil || best.front == "spec" || best.score == 0 && refuser == "spec") {
		return best, nil
	}
	if refusal == nil || refuser == "spec" && englishErr != nil && plainProse(src) {
		// A spec-language error is never the reply to prose: "... padding
		// 1. What's the size?" refused at its "." tells the asker nothing.
		refusal = englishErr
	}
	if c := conceptAsked(src); c != nil {
		return nil, c // a rule asked about in words: the rule, and how to ask with numbers
	}
	if refusal == nil {
		// No front-end owned its refusal and English was not tried: the
		// first refusal heard, never none at all.
		refusal = firstErr
	}
	return nil, refusal
}

// proseMark matches what only prose has: a sentence's end followed by
// more words, a dash between clauses, a question word, a pronoun.
var proseMark = regexp.MustCompile(`(?i)[.!?]\s+\w|\s[—–]\s|\b(?:what|whats|what's|wat|how|why|which|does|do|is|are|i|my|me|we|you|the)\b`)

// plainProse reports whether src is prose, not the spec language: more
// than one word the spec does not know and a mark of a sentence.
func plainProse(src string) bool {
	return !spec.Mostly(src) && proseMark.MatchString(src)
}

// partInput is the input size src gives the preset a part belongs to:
// the part was sized on it ("after pool2 of vgg16 on 224x224").
func partInput(src string) map[float64]bool {
	vals := map[float64]bool{}
	if h, w, c, ok := presetInputSaid(src); ok {
		vals[float64(h)], vals[float64(w)] = true, true
		if c != 0 {
			vals[float64(c)] = true
		}
	}
	return vals
}

// frontEnds lists the front-ends that might read src, likeliest first:
// pasted code, the spec language, a preset named in prose, English.
func frontEnds(src string) []frontEnd {
	var fs []frontEnd
	if _, layers := proseStack(src); len(layers) > 0 && !english.TextCNN(src) { // a text CNN's widths are side by side, not a chain
		fs = append(fs, frontEnd{"english", readProseStack, false}) // prose_stack.go: "4 blocks of conv3x3 -> maxpool2, channels 16, 32, 64, 128"
	}
	// An error message is the question even without a bracket: "size
	// mismatch, m1: [64 x 4608], m2: [2048 x 512]".
	code := strings.ContainsAny(src, "()") || paste.LooksLikeError(src)
	switch {
	case code && paste.LooksLikePyTorch(src):
		fs = append(fs, frontEnd{"pytorch", paste.ParsePyTorch, true})
	case code && paste.LooksLikeKeras(src):
		fs = append(fs, frontEnd{"keras", paste.ParseKeras, true})
	case !code && pastedLine(src) && paste.LooksLikePyTorch(src):
		// A paste without a bracket ("Conv2d-4  [-1, 128, 28, 28]  ???",
		// a torchsummary row) is read as code too; its refusal is not
		// the one to show, as the words may be prose after all.
		fs = append(fs, frontEnd{"pytorch", paste.ParsePyTorch, false})
	}
	looksSpec := spec.LooksLike(src)
	if looksSpec || spec.NearMiss(src) {
		fs = append(fs, frontEnd{"spec", spec.Parse, !owned(fs)})
		fs = append(fs, frontEnd{"spec", parseSpecAsked, false})
	}
	if _, ok := looseSpec(src); ok {
		fs = append(fs, frontEnd{"loose", parseSpecLoose, false})
	}
	fs = append(fs, frontEnd{"preset", readPreset, false})
	// A text of spec words only, or with the spec's blocks, is the spec
	// language: its refusal is clearer than English's guess at a typo. A
	// question mark makes it prose ("input 7x7, filter 3x3: output size?"),
	// and so do the words that ask ("conv 3x3 stride 2 on 16x16 output
	// size": English knows what it asks without the channels).
	if !(looksSpec || spec.NearMiss(src)) || !strings.ContainsAny(src, "{}") && (!spec.Mostly(src) || strings.Contains(src, "?") || remark.MatchString(src) || askedTail.MatchString(src)) {
		fs = append(fs, frontEnd{"english", readEnglish, !owned(fs)}) // english_error_lines.go
	}
	return fs
}

// owned reports whether one of fs owns its refusal.
func owned(fs []frontEnd) bool {
	return slices.ContainsFunc(fs, func(f frontEnd) bool { return f.owns })
}

// pastedLine reports whether a line of src is pasted code or a pasted
// table's row, as the paste front-end tells them (paste.InCode).
func pastedLine(src string) bool {
	off := 0
	for _, line := range strings.SplitAfter(src, "\n") {
		text := strings.TrimLeft(line, " \t")
		if strings.TrimSpace(text) != "" && paste.InCode(src, off+len(line)-len(text)) {
			return true
		}
		off += len(line)
	}
	return false
}

// remark matches words in brackets, a remark of prose: "(bias on
// everything)", "(no padding)".
var remark = regexp.MustCompile(`\([^)]*[a-zA-Z]{3,}[^)]*\)`)

// readPreset reads a plain question about a preset network.
func readPreset(src string) (*Question, error) {
	if q := mentionedPreset(src); q != nil {
		return q, nil
	}
	return nil, &Error{Msg: "no preset named"}
}

// batchWhy is why a batch size is left unused by a reading that does not
// take one.
const batchWhy = "the batch size: it changes memory, not parameters or shapes"

// withBatch takes a batch size the words give ("for a batch of 32") that
// the front-end left unused as the question's batch: it scales memory and
// the values an output holds. A tensor's first size ([16, 64, 7, 7]) stays
// unused: it is what ran, not what is asked.
func withBatch(src string, q *Question) *Question {
	if q.Batch != 0 {
		return q
	}
	for i, u := range q.Unused {
		n, err := unusedCount(u.Text)
		if u.Why != batchWhy || err != nil || n < 1 || n > 1<<20 {
			continue
		}
		if at := positionOffset(src, u.Pos); !strings.Contains(strings.ToLower(src[max(0, at-24):at]), "batch") {
			continue
		}
		cp := *q
		cp.Batch = n
		cp.Unused = slices.Delete(slices.Clone(q.Unused), i, i+1)
		return &cp
	}
	return q
}

// unusedCount is the number an unused text holds, in digits or in words
// ("thirty two").
func unusedCount(text string) (int, error) {
	n, err := strconv.Atoi(text)
	if err == nil {
		return n, nil
	}
	if ws := english.WordNumbers(text); len(ws) == 1 && ws[0].Off == 0 && ws[0].End == len(text) {
		return int(ws[0].Value), nil
	}
	return 0, err
}

// withUnused returns a copy of q that carries its unused numbers; the
// reply names them (the unexplained ones first, as a misreading shows
// there).
func withUnused(q *Question, unused []Unused) *Question {
	cp := *q
	cp.Unused = unused
	return &cp
}
