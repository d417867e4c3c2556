package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// Options configure a Bot. The zero value is usable.
type Options struct {
	// MaxLayers caps the layers a question writes out, a block counting as
	// one; zero means 1,000. (grammar.MaxLeaves bounds what blocks unroll
	// to.)
	MaxLayers int
	// MaxLeaves caps the single layers a network unrolls to (repeats
	// counted per pass), checked before anything is unrolled; zero means
	// grammar.MaxLeaves. It is the per-answer budget that bounds a
	// summary's rows, and so the memory and time of an answer.
	MaxLeaves int
	// OnPanic, when set, hears about a panic Answer recovered from, with
	// its stack. The asker sees only a short apology.
	OnPanic func(question string, recovered any, stack []byte)
}

// LogPanics returns an Options.OnPanic that logs the question, the panic
// and its stack to log at error level: the apology the asker gets says
// the failure has been logged, so every caller that makes a Bot sets it.
func LogPanics(log *slog.Logger) func(question string, recovered any, stack []byte) {
	return func(question string, recovered any, stack []byte) {
		log.Error("answer panicked", "question", question, "panic", fmt.Sprint(recovered), "stack", string(stack))
	}
}

// Bot answers questions. It is safe for concurrent use.
type Bot struct {
	opts Options
}

// New returns a Bot with opts.
func New(opts Options) *Bot {
	if opts.MaxLayers == 0 {
		opts.MaxLayers = 1000
	}
	if opts.MaxLeaves == 0 {
		opts.MaxLeaves = grammar.MaxLeaves
	}
	return &Bot{opts: opts}
}

// Reply is the answer to one question, before rendering: the computed
// numbers, or a refusal (Err), or both when a network fails part-way (the
// summary then holds the layers before the failing one).
type Reply struct {
	Text     string            // the question as typed
	Question *grammar.Question // what was understood; nil when it could not be read
	// Reports holds one report per layer for questions about single layers
	// (Question.Network false).
	Reports []calc.Report
	// Summary is the network's summary (Question.Network true).
	Summary *calc.Summary
	// Err is the refusal, positioned in Text where possible.
	Err *grammar.Error
	// Internal is true when Err hides a bug (a recovered panic): the asker
	// gets an apology, not details.
	Internal bool
	// Answers holds one reply per question when the message held several
	// ("1) ... 2) ...", "a 5x5 conv vs two 3x3 convs"); the fields above
	// are then empty.
	Answers []Reply
}

// OK reports whether the question was answered.
func (r Reply) OK() bool { return r.Err == nil }

// Answer answers one question. It never panics and does no I/O; ctx is
// checked between the layers of long networks.
func (b *Bot) Answer(ctx context.Context, text string) Reply {
	return b.guarded(text, func() Reply {
		qs, err := grammar.ParseAll(text)
		if err != nil {
			return Reply{Text: text, Err: asGrammarError(err)}
		}
		if len(qs) == 1 {
			return b.answer(ctx, text, qs[0])
		}
		reply := Reply{Text: text}
		for _, q := range qs {
			reply.Answers = append(reply.Answers, b.answer(ctx, text, q))
		}
		return reply
	})
}

// guarded runs work, which answers text, and turns a panic into a short
// apology (the panic goes to Options.OnPanic).
func (b *Bot) guarded(text string, work func() Reply) (reply Reply) {
	defer func() {
		if v := recover(); v != nil {
			if b.opts.OnPanic != nil {
				b.opts.OnPanic(text, v, debug.Stack())
			}
			reply = Reply{Text: text, Internal: true,
				Err: &grammar.Error{Msg: "something went wrong on my side while answering this; it has been logged"}}
		}
	}()
	return work()
}

// answer sizes one question read from text.
func (b *Bot) answer(ctx context.Context, text string, q *grammar.Question) (reply Reply) {
	reply.Text = text
	reply.Question = q
	if len(q.Layers) > b.opts.MaxLayers {
		l := q.Layers[b.opts.MaxLayers]
		reply.Err = &grammar.Error{Line: l.Pos.Line, Col: l.Pos.Col, Layer: b.opts.MaxLayers + 1,
			Msg:  fmt.Sprintf("the network has %d layers; I size at most %d at a time", len(q.Layers), b.opts.MaxLayers),
			Hint: "split it, or use repeat blocks and presets"}
		return reply
	}
	if err := ctx.Err(); err != nil {
		reply.Err = &grammar.Error{Msg: "the question was cancelled"}
		return reply
	}
	if q.Solve != nil && len(q.Layers) == 0 {
		return reply
	}
	if err := b.checkLeaves(q); err != nil {
		reply.Err = err
		return reply
	}
	if s, ok := presetSummary(q); ok {
		reply.Summary = &s
		return reply
	}
	if q.Network {
		net := calc.Network{Input: q.Input, Layers: make([]calc.Layer, len(q.Layers))}
		for i, l := range q.Layers {
			net.Layers[i] = l.Layer
		}
		s, err := net.Summarize()
		reply.Summary = &s
		if err != nil {
			var le *calc.LayerError
			if errors.As(err, &le) {
				reply.Err = q.LocateDeep(le.Index-1, le.Err)
				reply.Err.Layer = le.Index
				if ce, ok := le.Err.(*calc.Error); ok {
					explainMismatch(&reply, le.Index, ce)
				}
			} else {
				reply.Err = asGrammarError(err)
			}
		}
		return reply
	}
	in := q.Input
	for i, l := range q.Layers {
		r, err := l.Apply(in)
		if err != nil {
			reply.Err = q.Locate(i, err)
			return reply
		}
		reply.Reports = append(reply.Reports, r)
		in = nil
	}
	return reply
}

func asGrammarError(err error) *grammar.Error {
	var ge *grammar.Error
	if errors.As(err, &ge) {
		return ge
	}
	var ce *calc.Error
	if errors.As(err, &ce) {
		return &grammar.Error{Msg: ce.Msg, Hint: ce.Hint}
	}
	return &grammar.Error{Msg: err.Error()}
}

// checkLeaves refuses a question whose layers unroll to more than
// MaxLeaves single layers, before any is unrolled. (The spec front-end
// refuses these itself; pastes and English are held to it here.)
func (b *Bot) checkLeaves(q *grammar.Question) *grammar.Error {
	limit := int64(b.opts.MaxLeaves)
	var n int64
	for i, l := range q.Layers {
		if n += calc.Leaves(l.Layer, limit+1); n > limit {
			return &grammar.Error{Line: l.Pos.Line, Col: l.Pos.Col, Layer: i + 1,
				Msg:  fmt.Sprintf("the network unrolls to more than %s single layers", group(limit)),
				Hint: "repeat fewer times; the largest preset, resnet152, has about 500"}
		}
	}
	return nil
}

// presetSummary is the sized summary of a preset asked for as it is (its
// own input size), sized once and shared: it must not be changed. A preset
// read with another input is sized afresh.
func presetSummary(q *grammar.Question) (calc.Summary, bool) {
	name, ok := presetOf(q)
	if !ok {
		return calc.Summary{}, false
	}
	s, err := grammar.PresetSummary(name)
	if err != nil || !s.Input.Equal(q.Input) {
		return calc.Summary{}, false
	}
	return s, true
}
