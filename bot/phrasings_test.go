package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestPhrasings answers every question of testdata/phrasings.jsonl (questions
// as people type them) through ask --json's code path and checks that the
// answer holds the numbers a correct answer must hold: as a number in the
// JSON, or in the worked explanation the same Reply renders.
func TestPhrasings(t *testing.T) {
	b := bot.New(bot.Options{})
	readJSONL(t, "../testdata/phrasings.jsonl", func(line []byte) {
		var row struct {
			ID          string  `json:"id"`
			Text        string  `json:"text"`
			MustContain []int64 `json:"must_contain"`
			Working     string  `json:"working"`
		}
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatal(err)
		}
		t.Run(row.ID, func(t *testing.T) {
			reply := b.Answer(context.Background(), row.Text)
			if !reply.OK() {
				t.Fatalf("refused %q: %v", row.Text, reply.Err)
			}
			var doc any
			if err := json.Unmarshal(bot.RenderJSON(reply), &doc); err != nil {
				t.Fatal(err)
			}
			numbers := map[int64]bool{}
			collectNumbers(doc, numbers)
			text := bot.RenderText(reply)
			for _, n := range row.MustContain {
				if !numbers[n] && !containsNumber(text, n) {
					t.Errorf("the answer to %q lacks %d (%s):\n%s", row.Text, n, row.Working, text)
				}
			}
		})
	})
}

func collectNumbers(v any, into map[int64]bool) {
	switch v := v.(type) {
	case float64:
		into[int64(v)] = true
	case []any:
		for _, x := range v {
			collectNumbers(x, into)
		}
	case map[string]any:
		for _, x := range v {
			collectNumbers(x, into)
		}
	}
}

// containsNumber reports whether text shows n as a whole number, grouped
// (18,496) or not.
func containsNumber(text string, n int64) bool {
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= '0' && r <= '9' || r == ',') }) {
		f = strings.Trim(f, ",")
		if f == formatInt(n) || strings.ReplaceAll(f, ",", "") == formatInt(n) {
			return true
		}
	}
	return false
}

func formatInt(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
