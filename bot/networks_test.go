package bot_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/bot"
	"github.com/cnnbot/cnnbot/grammar"
)

// TestPresetsAnswered asks for every preset by name, as ask --json and
// Discord would, and checks the JSON totals against testdata/models.json
// (lenet5 is not there: it is checked for an answer only).
func TestPresetsAnswered(t *testing.T) {
	data, err := os.ReadFile("../testdata/models.json")
	if err != nil {
		t.Fatal(err)
	}
	var models []struct {
		Model          string  `json:"model"`
		Params         float64 `json:"params"`
		BNRunningStats float64 `json:"bn_running_stats"`
		ConvLinearMACs float64 `json:"conv_linear_macs"`
		Output         []any   `json:"output"`
	}
	if err := json.Unmarshal(data, &models); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]any{}
	for _, m := range models {
		want[m.Model] = map[string]any{"params": m.Params, "buffers": m.BNRunningStats, "macs": m.ConvLinearMACs}
	}
	b := bot.New(bot.Options{})
	for _, name := range grammar.Presets() {
		t.Run(name, func(t *testing.T) {
			got := answerJSON(t, name)
			if got["ok"] != true {
				t.Fatalf("refused: %v", got["error"])
			}
			if got["buffers"] == nil {
				got["buffers"] = 0.0 // omitted when zero
			}
			for key, w := range want[name] {
				if got[key] != w {
					t.Errorf("%s = %v, PyTorch says %v", key, got[key], w)
				}
			}
			if got["memory"] == nil || got["flops"] == nil {
				t.Errorf("no memory or FLOPs: %v", got)
			}
			msg := bot.RenderMarkdown(b.Answer(context.Background(), name))
			if n := utf8.RuneCountInString(msg.Content); n > bot.MaxContent {
				t.Errorf("the Discord message is %d characters", n)
			}
			if show := bot.RenderMarkdown(b.Answer(context.Background(), "show "+name)); utf8.RuneCountInString(show.Content) > bot.MaxContent {
				t.Errorf("show %s is too long for Discord", name)
			}
		})
	}
}

// TestMismatchSuggestsTheFix: the refusal says what arrives, with the
// arithmetic, and the layer that fits (issue 3's example).
func TestMismatchSuggestsTheFix(t *testing.T) {
	q := "input 7x7x512\nflatten\nlinear 4096->4096\nrelu"
	r := bot.New(bot.Options{}).Answer(context.Background(), q)
	if r.OK() || r.Err.Layer != 2 || r.Err.Line != 3 {
		t.Fatalf("got %+v, want a refusal at layer 2, line 3", r.Err)
	}
	for _, want := range []string{"linear expects 4,096 inputs but flatten gives 25,088 = 512·7·7"} {
		if !strings.Contains(r.Err.Msg, want) {
			t.Errorf("message %q does not say %q", r.Err.Msg, want)
		}
	}
	if !strings.Contains(r.Err.Hint, "`linear 25088->4096`") {
		t.Errorf("hint %q does not give the fix", r.Err.Hint)
	}
	if r.Summary == nil || len(r.Summary.Rows) != 1 {
		t.Errorf("the table up to the failing layer is missing")
	}
	text := bot.RenderText(r)
	if !strings.Contains(text, "Totals of the 1 layers that fit") || !strings.Contains(text, "flatten") {
		t.Errorf("the terminal answer lacks the partial table:\n%s", text)
	}
}

// TestPresetsConcurrently answers presets from several goroutines at once
// (the parsed presets are cached and shared); run with -race.
func TestPresetsConcurrently(t *testing.T) {
	b := bot.New(bot.Options{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range []string{"resnet18", "googlenet batch 4", "show densenet121", "mobilenet_v2 depth 2"}[i%4:] {
				if r := b.Answer(context.Background(), name); !r.OK() {
					t.Errorf("%s: %v", name, r.Err)
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzNetworks is FuzzAnswer started from blocks and presets.
func FuzzNetworks(f *testing.F) {
	for _, s := range []string{
		"input 32x32x3\nrepeat 3 { conv 3x3 16 pad 1; batchnorm; relu }\nglobalavgpool\nflatten\nlinear 10",
		"input 56x56x64\nresidual { conv 3x3 128 stride 2 pad 1 } shortcut { conv 1x1 128 stride 2 }\nrelu",
		"input 28x28x192\nconcat { branch { conv 1x1 64 } branch { maxpool 3 stride 1 pad 1; conv 1x1 32 } }",
		"input 8x8x4\nresidual { conv 3x3 8 pad 1 }", "input 8x8x4\nconcat { branch { maxpool 2 } branch { } }",
		"resnet50 batch 64 depth 2", "show googlenet", "densenet121",
	} {
		f.Add(s)
	}
	b := bot.New(bot.Options{})
	f.Fuzz(func(t *testing.T, q string) { checkAnyAnswer(t, b, q) })
}
