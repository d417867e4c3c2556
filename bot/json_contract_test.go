package bot_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestJSONContract: design.md §3 puts understood, notes and asked on every
// answer, the unused numbers of the question among the notes, and rf, jump
// and start on a network's layers where the input size is known.
func TestJSONContract(t *testing.T) {
	type layer struct {
		Type  string  `json:"type"`
		RF    []int64 `json:"rf"`
		Jump  []int64 `json:"jump"`
		Start []int64 `json:"start"`
	}
	type answer struct {
		OK         bool     `json:"ok"`
		Understood *string  `json:"understood"`
		Notes      []string `json:"notes"`
		Asked      []string `json:"asked"`
		Layers     []layer  `json:"layers"`
	}
	b := bot.New(bot.Options{})
	read := func(t *testing.T, q string) answer {
		t.Helper()
		var a answer
		raw := bot.RenderJSON(b.Answer(context.Background(), q))
		if err := json.Unmarshal(raw, &a); err != nil || !a.OK {
			t.Fatalf("%q: %v %s", q, err, raw)
		}
		if a.Understood == nil || a.Notes == nil || a.Asked == nil {
			t.Fatalf("%q: understood, notes and asked must all be present (notes and asked [] when empty): %s", q, raw)
		}
		return a
	}

	t.Run("single layer", func(t *testing.T) {
		a := read(t, "conv 3x3 32->64 stride 2 pad 1 input 56x56")
		if *a.Understood != "conv 3x3 32->64 stride 2 pad 1 bias input 56x56" || len(a.Notes) != 0 || len(a.Asked) != 0 {
			t.Errorf("got %q %q %q", *a.Understood, a.Notes, a.Asked)
		}
	})
	t.Run("asked and unused", func(t *testing.T) {
		// The asker's own 30.5 is named as unused; the output was asked.
		a := read(t, "input is 64x64 with 3 channels, kernel 5, stride 2 -> I get 30.5, what does pytorch give?")
		if !slices.Contains(a.Asked, "output") {
			t.Errorf("asked %q, want output among them", a.Asked)
		}
		if !slices.ContainsFunc(a.Notes, func(n string) bool { return strings.HasPrefix(n, "30.5 not used") }) {
			t.Errorf("notes %q do not name 30.5 as unused", a.Notes)
		}
	})
	t.Run("network fields", func(t *testing.T) {
		// conv 3x3 pad 1: rf 3, jump 1, start 1; maxpool 2: rf 3+1·1 = 4,
		// jump 2, start 1 (Distill 2019); after flatten no spatial field.
		a := read(t, "input 32x32x3\nconv 3x3 8 pad 1\nmaxpool 2\nflatten\nlinear 10")
		want := []layer{
			{"conv2d", []int64{3, 3}, []int64{1, 1}, []int64{1, 1}},
			{"maxpool", []int64{4, 4}, []int64{2, 2}, []int64{1, 1}},
			{"flatten", nil, nil, nil},
			{"linear", nil, nil, nil},
		}
		if len(a.Layers) != len(want) {
			t.Fatalf("%d layers, want %d", len(a.Layers), len(want))
		}
		for i, w := range want {
			g := a.Layers[i]
			if g.Type != w.Type || !slices.Equal(g.RF, w.RF) || !slices.Equal(g.Jump, w.Jump) || !slices.Equal(g.Start, w.Start) {
				t.Errorf("layer %d: got %+v, want %+v", i+1, g, w)
			}
		}
	})
	t.Run("network without input", func(t *testing.T) {
		a := read(t, "conv 3x3 3->8")
		for _, l := range a.Layers {
			if l.RF != nil {
				t.Errorf("a layer without an input size has rf %v", l.RF)
			}
		}
	})
}

// TestJSONAt: a question about one layer of a network says which, 1-based
// as the layers are counted, and what of it was asked; a question about
// the whole network carries no "at".
func TestJSONAt(t *testing.T) {
	type at struct {
		Layer int    `json:"layer"`
		What  string `json:"what"`
	}
	b := bot.New(bot.Options{})
	for text, want := range map[string][]at{
		"input 32x32x3, conv 5x5 3->6, maxpool 2, conv 5x5 6->16. how many MACs does the second conv perform?": {{Layer: 3}},
		"input 32x32x3, conv 5x5 3->6, maxpool 2, conv 5x5 6->16. total MACs?":                                 nil,
	} {
		var a struct {
			At []at `json:"at"`
		}
		if err := json.Unmarshal(bot.RenderJSON(b.Answer(context.Background(), text)), &a); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if !slices.Equal(a.At, want) {
			t.Errorf("%q: at %+v, want %+v", text, a.At, want)
		}
	}
}
