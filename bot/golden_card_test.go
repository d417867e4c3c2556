package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/bot"
)

// TestGoldenCard answers the question in each testdata/golden-discord/*.txtar
// and compares the Discord card — content, embed, buttons, attachments —
// with its -- card -- section, and the Show working reply with -- working --.
// The answer must be on the first line, and a card over Discord's limits
// fails whatever the file says. go test -run TestGoldenCard -update
// rewrites them.
func TestGoldenCard(t *testing.T) {
	goldens(t, "../testdata/golden-discord/*.txtar", []string{"card", "working"}, func(t *testing.T, reply bot.Reply) map[string][]byte {
		card := bot.RenderCard(reply, "42")
		checkLimits(t, card)
		first, _, _ := strings.Cut(card.Content, "\n")
		if !strings.Contains(first, "**") {
			t.Errorf("the first line %q has no bold answer", first)
		}
		return map[string][]byte{
			"card":    []byte(cardText(card)),
			"working": []byte(cardText(bot.RenderWorking(reply))),
		}
	})
}

// checkLimits fails t when card breaks one of Discord's limits.
func checkLimits(t *testing.T, card bot.Card) {
	t.Helper()
	if n := utf8.RuneCountInString(card.Content); n > bot.MaxContent {
		t.Errorf("content is %d characters, over Discord's %d", n, bot.MaxContent)
	}
	total := 0
	for _, e := range card.Embeds {
		total += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		if n := utf8.RuneCountInString(e.Description); n > 4096 {
			t.Errorf("embed description is %d characters, over 4,096", n)
		}
		if len(e.Fields) > 25 {
			t.Errorf("%d fields, over 25", len(e.Fields))
		}
		for _, f := range e.Fields {
			total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
			if utf8.RuneCountInString(f.Value) > 1024 || utf8.RuneCountInString(f.Name) > 256 {
				t.Errorf("field %q is over Discord's limits", f.Name)
			}
		}
		if e.Footer != nil {
			total += utf8.RuneCountInString(e.Footer.Text)
			if utf8.RuneCountInString(e.Footer.Text) > 2048 {
				t.Errorf("footer is over 2,048 characters")
			}
		}
	}
	if total > 6000 {
		t.Errorf("embeds hold %d characters, over 6,000", total)
	}
	for _, row := range card.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if id := c.(discordgo.Button).CustomID; utf8.RuneCountInString(id) > 100 {
				t.Errorf("custom_id %q is over 100 characters", id)
			}
		}
	}
}

// cardText writes a card as a reader would take it in: the content, the
// embed's parts, the buttons with their custom_ids, the attachments.
func cardText(c bot.Card) string {
	var b strings.Builder
	b.WriteString(c.Content)
	b.WriteString("\n")
	if c.Ephemeral {
		b.WriteString("[ephemeral]\n")
	}
	for _, e := range c.Embeds {
		b.WriteString("[embed]\n")
		if e.Title != "" {
			fmt.Fprintf(&b, "title: %s\n", e.Title)
		}
		if e.Description != "" {
			fmt.Fprintf(&b, "description:\n%s\n", e.Description)
		}
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "field %s: %s\n", f.Name, f.Value)
		}
		if e.Footer != nil {
			fmt.Fprintf(&b, "footer: %s\n", e.Footer.Text)
		}
	}
	for _, row := range c.Components {
		for _, comp := range row.(discordgo.ActionsRow).Components {
			btn := comp.(discordgo.Button)
			fmt.Fprintf(&b, "[button %q %s]\n", btn.Label, btn.CustomID)
		}
	}
	for _, f := range c.Files {
		fmt.Fprintf(&b, "[attachment %s, %d bytes]\n", f.Name, len(f.Data))
	}
	return b.String()
}

// TestCardLimits renders cards for questions that push every part of a
// card — long networks, long names, long refusals — and each must stay
// within Discord's limits, Show working and Whole table included.
func TestCardLimits(t *testing.T) {
	b := bot.New(bot.Options{})
	long := "input 224x224x3\n" + strings.Repeat("conv 3x3 8 pad 1\nrelu\n", 400)
	named := "input 32x32x3\nblock " + strings.Repeat("n", 3000) + " { conv 3x3 8 pad 1 }\nflatten\nlinear 10"
	comments := "input 32x32x3\n" + strings.Repeat("conv 3x3 8 pad 1  # "+strings.Repeat("c", 60)+"\n", 60)
	for name, q := range map[string]string{
		"800 layers": long, "a 3,000-letter name": named, "comments": comments,
		"a refused paste": strings.Repeat("nn.Conv2d(3, 8, 3), ", 150) + "nn.Conv2d(8, 8, 3, paddin=1)",
		"resnet152":       "resnet152 depth 4",
	} {
		t.Run(name, func(t *testing.T) {
			r := b.Answer(context.Background(), q)
			checkLimits(t, bot.RenderCard(r, "123456789012345678"))
			checkLimits(t, bot.RenderWorking(r))
			checkLimits(t, bot.RenderTable(r))
		})
	}
}
