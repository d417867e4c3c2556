package paste

// One module object applied several times in forward ("for i in
// range(5): x = self.conv1(x)", a Siamese branch run on two inputs) is
// one set of weights: its later applications are sized and computed as
// it is, but counted with no parameters of their own (calc.Shared), as
// model.parameters() counts them. torchsummary counts them again, which
// is what such askers ask about.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// sharedApply is the layers of module mod as applied now: the module's
// own the first time, then each learning layer wrapped as calc.Shared.
func (t *fwTracer) sharedApply(mod []lang.Layer) []lang.Layer {
	if len(mod) == 0 {
		return mod
	}
	if t.applied == nil {
		t.applied = map[*lang.Layer]bool{}
	}
	key := &mod[0]
	if !t.applied[key] {
		t.applied[key] = true
		return mod
	}
	out := make([]lang.Layer, len(mod))
	for i, l := range mod {
		out[i] = l
		if r, err := l.Layer.Apply(nil); err == nil && r.Params+r.Buffers > 0 {
			out[i].Layer = calc.Shared{Layer: l.Layer}
		}
	}
	return out
}

// ptSharedOf names, in each calc.Shared layer of a traced forward, the
// layer whose weights it uses (the first applied from the same line), and
// says in a note how the count differs from torchsummary's.
func ptSharedOf(q *lang.Question) {
	first := map[lang.Position]int{}
	var shared, extra int64
	for i, l := range q.Layers {
		s, ok := l.Layer.(calc.Shared)
		if !ok {
			if _, seen := first[l.Pos]; !seen {
				first[l.Pos] = i
			}
			continue
		}
		if j, ok := first[l.Pos]; ok {
			s.Of = j + 1
			q.Layers[i].Layer = s
		}
		shared++
		if r, err := s.Layer.Apply(nil); err == nil {
			extra += r.Params
		}
	}
	if shared > 0 {
		q.Notes = append(q.Notes, fmt.Sprintf("a module applied again in forward uses the same weights: its %d later application(s) add no parameters (torchsummary lists each and counts %s more)", shared, lang.Group(int(extra))))
	}
}

// ptSharedSaid marks as used-elsewhere the count the words quote when it
// is the one a summary gives by counting every application ("torchinfo
// says 10,512"): it is the asker's puzzle, not a number of this reading.
func ptSharedSaid(src string, q *lang.Question) {
	var all int64
	shared := false
	for _, l := range q.Layers {
		s, ok := l.Layer.(calc.Shared)
		layer := l.Layer
		if ok {
			shared, layer = true, s.Layer
		}
		if r, err := layer.Apply(nil); err == nil {
			all += r.Params
		}
	}
	if !shared || all <= 0 {
		return
	}
	for _, text := range []string{lang.Group(int(all)), strconv.FormatInt(all, 10)} {
		if i := strings.Index(src, text); i >= 0 {
			q.Unused = append(q.Unused, lang.Unused{Text: text, Pos: ptOffsetPos(src, i),
				Why: "what a summary that counts every application of a shared module gives; the model holds each module's weights once"})
			return
		}
	}
}

// ptShiftFrom moves the question's references to layers (its Fix and its
// At) one place on from index i, where a layer was just inserted (the
// flatten before a Linear): they keep naming the layer they named.
func ptShiftFrom(q *lang.Question, i int) {
	if q.Fix != nil && q.Fix.Layer >= i {
		q.Fix.Layer++
	}
	for k := range q.At {
		if q.At[k].Layer >= i {
			q.At[k].Layer++
		}
	}
}
