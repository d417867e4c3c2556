package bot_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// paste11Case is a question of testdata/questions/paste11.jsonl: pasted code
// mixed with prose (names bound in a sentence, a layer's output said in
// words, the asker's own fix after an error, modules defined in comments,
// a torch.cat the reading must join). Head holds the numbers the first
// Answer line must hold; Unsure asks for a reply that starts "Not sure" or
// refuses, never a confident number.
type paste11Case struct {
	ID      string  `json:"id"`
	Text    string  `json:"text"`
	Head    []int64 `json:"head"`
	Unsure  bool    `json:"unsure"`
	Working string  `json:"working"`
}

// numberRE finds a number as replies write it: 65,856 or 65856.
var numberRE = regexp.MustCompile(`\d[\d,]*`)

// TestPaste11Questions answers each case and checks the first line: the
// numbers asked on it, with confidence, or "Not sure"/a refusal where the
// reading cannot be sure (testdata/questions/paste11_cases.py computes the
// numbers with PyTorch).
func TestPaste11Questions(t *testing.T) {
	var cases []paste11Case
	readJSONL(t, "../testdata/questions/paste11.jsonl", func(line []byte) {
		var c paste11Case
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	})
	if len(cases) < 30 {
		t.Fatalf("paste11.jsonl holds %d cases, want 30 or more", len(cases))
	}
	b := bot.New(bot.Options{})
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			reply := b.Answer(context.Background(), c.Text)
			text := bot.RenderText(reply)
			first := firstLine(text)
			unsure := !reply.OK() || strings.HasPrefix(text, "Not sure")
			if c.Unsure {
				if !unsure {
					t.Errorf("%s\nanswered with confidence, want \"Not sure\" or a refusal (%s):\n%s", c.Text, c.Working, first)
				}
				return
			}
			if unsure || !strings.HasPrefix(first, "Answer") {
				t.Fatalf("%s\nwant an answer holding %v (%s), got:\n%s", c.Text, c.Head, c.Working, first)
			}
			got := map[int64]bool{}
			for _, s := range numberRE.FindAllString(first, -1) {
				if n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64); err == nil {
					got[n] = true
				}
			}
			for _, h := range c.Head {
				if !got[h] {
					t.Errorf("%s\nthe first line lacks %d (%s):\n%s", c.Text, h, c.Working, first)
				}
			}
		})
	}
}
