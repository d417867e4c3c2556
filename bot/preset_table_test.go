package bot

import (
	"context"
	"strings"
	"testing"
)

// TestPresetTableCached: a preset's table, once kept, is what writeTable
// writes for it afresh, at each depth and in each medium; other networks
// are not kept.
func TestPresetTableCached(t *testing.T) {
	bt := New(Options{})
	for _, q := range []string{"resnet50", "resnet50 depth 1", "resnet50 batch 8 depth 2", "efficientnet_b0", "how many parameters does vgg16 have?"} {
		r := bt.Answer(context.Background(), q)
		name, ok := presetName(r)
		if !ok {
			t.Fatalf("%q: not seen as a preset (canonical %q)", q, r.Question.Canonical)
		}
		for _, m := range []markup{discordMarkup, plain} {
			for _, full := range []bool{false, true} {
				first := presetTable(name, r, m, full)
				again := presetTable(name, r, m, full)
				var fresh strings.Builder
				writeTable(&fresh, r, m, full)
				if first != fresh.String() || again != fresh.String() {
					t.Errorf("%q (full %v, fence %q): the kept table differs from a fresh one", q, full, m.fence)
				}
			}
		}
	}
	shallow := presetTable("resnet50", bt.Answer(context.Background(), "resnet50 depth 1"), plain, true)
	deep := presetTable("resnet50", bt.Answer(context.Background(), "resnet50 depth 3"), plain, true)
	if shallow == deep {
		t.Error("depth 1 and depth 3 share a table")
	}
	for _, q := range []string{"input 32x32x3\nconv 3x3 16\nrelu", "show resnet50", "input 224x224x3\nconv 7x7 64 stride 2 pad 3"} {
		if _, ok := presetName(bt.Answer(context.Background(), q)); ok {
			t.Errorf("%q is taken for a preset", q)
		}
	}
}

// TestPresetTablesBounded: the kept tables never pass maxPresetTables.
func TestPresetTablesBounded(t *testing.T) {
	var c tableCache
	for i := range 3 * maxPresetTables {
		c.put(presetTableKey{name: "p", depth: i}, "table")
		if len(c.tables) > maxPresetTables {
			t.Fatalf("%d tables kept after %d puts", len(c.tables), i+1)
		}
	}
	if text, ok := c.get(presetTableKey{name: "p", depth: 3*maxPresetTables - 1}); !ok || text != "table" {
		t.Error("the last table put is not kept")
	}
}

// TestPresetTablesConcurrent: answers of presets rendered at once agree
// (run with -race, it checks the kept tables are shared safely).
func TestPresetTablesConcurrent(t *testing.T) {
	bt := New(Options{})
	want := RenderText(bt.Answer(context.Background(), "resnet18 depth 2"))
	done := make(chan string)
	for range 8 {
		go func() { done <- RenderText(bt.Answer(context.Background(), "resnet18 depth 2")) }()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Error("a preset's answer differs when rendered concurrently")
		}
	}
}
