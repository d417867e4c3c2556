package bot

import (
	"context"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// Options configure a Bot. The zero value is usable.
type Options struct {
	// MaxChars caps a question's length in runes; zero means 4,000.
	MaxChars int
	// MaxLayers caps a network's layers; zero means 1,000.
	MaxLayers int
}

// Bot answers questions. It is safe for concurrent use.
type Bot struct {
	opts Options
}

// New returns a Bot with opts.
func New(opts Options) *Bot {
	if opts.MaxChars == 0 {
		opts.MaxChars = 4000
	}
	if opts.MaxLayers == 0 {
		opts.MaxLayers = 1000
	}
	return &Bot{opts: opts}
}

// Reply is the answer to one question, before rendering: either the
// computed numbers (Question and Summary or Reports) or a refusal (Err).
type Reply struct {
	Text     string            // the question as typed
	Question *grammar.Question // what was understood; nil when refused early
	// Reports holds one report per layer for single-layer questions
	// (Question.Network false).
	Reports []calc.Report
	// Summary is the network's summary (Question.Network true).
	Summary *calc.Summary
	// Err is the refusal, positioned in Text where possible.
	Err *grammar.Error
}

// OK reports whether the question was answered.
func (r Reply) OK() bool { return r.Err == nil }

// Answer answers one question. It never panics and never blocks on I/O.
func (b *Bot) Answer(ctx context.Context, text string) Reply {
	_ = ctx
	return Reply{Text: text, Err: &grammar.Error{Msg: "not implemented yet"}}
}
