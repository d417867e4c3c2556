package bot

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestExplain renders every /explain topic: each fits a message, each
// example is answered (not refused), each asked fact is found, and the
// numbers shown are the engine's.
func TestExplain(t *testing.T) {
	b := New(Options{})
	ctx := context.Background()
	if len(topics) != 8 {
		t.Errorf("%d topics, want the issue's 8", len(topics))
	}
	for _, tp := range topics {
		t.Run(tp.name, func(t *testing.T) {
			card, ok := b.Explain(ctx, tp.name)
			if !ok {
				t.Fatal("unknown topic")
			}
			if n := utf8.RuneCountInString(card.Content); n > MaxContent {
				t.Errorf("%d characters, over %d", n, MaxContent)
			}
			if !strings.HasPrefix(card.Content, "**"+tp.title+".**") {
				t.Errorf("does not start with the title: %.40q", card.Content)
			}
			for _, q := range tp.examples {
				r := b.Answer(ctx, q)
				if r.Err != nil {
					t.Fatalf("example %q refused: %s", q, r.Err.Msg)
				}
				for _, a := range tp.facts {
					f, ok := askedFact(r, a)
					if !ok {
						t.Errorf("example %q has no %s", q, a)
						continue
					}
					if !strings.Contains(card.Content, "**"+f.exact+"**") {
						t.Errorf("%s %s of %q not shown", a, f.exact, q)
					}
				}
				steps := 0
				for _, rep := range r.Reports {
					for _, st := range rep.Steps {
						for _, p := range tp.steps {
							if strings.HasPrefix(st.Quantity, p) {
								steps++
								if !strings.Contains(card.Content, "**"+group(st.Result)+"**") {
									t.Errorf("step %s = %d of %q not shown", st.Quantity, st.Result, q)
								}
							}
						}
					}
				}
				if len(tp.steps) > 0 && steps == 0 {
					t.Errorf("example %q has none of the steps %v", q, tp.steps)
				}
			}
		})
	}
	if _, ok := b.Explain(ctx, "nonsense"); ok {
		t.Error("an unknown topic was explained")
	}
}
