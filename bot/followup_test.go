package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

// The numbers (torch 1.13, nn.Conv2d(32, 64, 3, stride=2, padding=1) on
// 56x56): 3*3*32*64+64 = 18,496 parameters, 18,432 without the bias; with
// stride 1 the output stays 56x56 (floor((56+2-3)/1)+1), 28x28 at stride 2.
const (
	followFirst = "conv 3x3 from 32 to 64 channels, stride 2, pad 1 on a 56x56 input: params and output size?"
	withBias    = "18,496"
	noBias      = "18,432"
)

// TestChatFollowUps: in the console, a follow-up on a line of its own
// changes the last question answered, and the next one changes it again;
// a line that is a question of its own is answered as one.
func TestChatFollowUps(t *testing.T) {
	in := strings.Join([]string{followFirst, "and if bias=False?", "what about stride 1", "conv 1x1 64->128 on 28x28?", "no pad?"}, "\n") + "\n"
	var out bytes.Buffer
	if err := Chat(context.Background(), New(Options{}), strings.NewReader(in), &out, ""); err != nil {
		t.Fatal(err)
	}
	answers := strings.Split(out.String(), "Answer: ")[1:]
	if len(answers) != 5 {
		t.Fatalf("%d answers to 5 lines:\n%s", len(answers), out.String())
	}
	for i, want := range []string{
		withBias + " ",
		noBias + " (18.4 k) · output shape = 64×28×28",
		noBias + " (18.4 k) · output shape = 64×56×56",
		"8,320",     // 1*1*64*128+128: a question of its own
		"128×28×28", // the 1x1 conv asked again with no pad: 28 kept
	} {
		if first, _, _ := strings.Cut(answers[i], "\n"); !strings.Contains(first, want) {
			t.Errorf("answer %d begins %q, want %q", i+1, first, want)
		}
	}
	if !strings.Contains(answers[1], "follow-up: the first question with bias=False") {
		t.Errorf("the follow-up does not say it is one:\n%s", answers[1])
	}
}

// TestChatFollowUpUnmade: a line that starts as a follow-up but whose
// change cannot be made to the question before it is answered on its own,
// and says first that it may not be what was asked.
func TestChatFollowUpUnmade(t *testing.T) {
	first := "conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output shape?"
	var out bytes.Buffer
	if err := Chat(context.Background(), New(Options{}), strings.NewReader(first+"\nand with a 3x3 maxpool?\n"), &out, ""); err != nil {
		t.Fatal(err)
	}
	_, second, ok := strings.Cut(out.String(), "Totals:")
	if !ok || !strings.Contains(second, "Not sure I read this right: this reads as a change to the question before it") {
		t.Errorf("the unmade follow-up is answered with confidence:\n%s", out.String())
	}
}

// TestDiscordFollowUp: a reply to one of the bot's answers that only
// changes something ("and if bias=False?") is answered as the question that
// answer answered, changed; the question is found in memory, or read from
// the channel when it was forgotten.
func TestDiscordFollowUp(t *testing.T) {
	h := start(t, nil)
	bot := h.fake.BotID()
	followUp := func(id, refersTo, text string) {
		m := map[string]any{"id": id, "channel_id": "C7", "guild_id": "500", "content": "<@" + bot + "> " + text,
			"author":            map[string]any{"id": "U7", "username": "student"},
			"mentions":          []any{map[string]any{"id": bot, "username": "cnnbot", "bot": true}},
			"message_reference": map[string]any{"message_id": "R-" + refersTo, "channel_id": "C7"},
			"referenced_message": map[string]any{"id": "R-" + refersTo, "channel_id": "C7",
				"author": map[string]any{"id": bot, "username": "cnnbot", "bot": true}, "message_reference": map[string]any{"message_id": refersTo}}}
		h.dispatch(t, "MESSAGE_CREATE", m)
	}

	h.mention(t, "Q1", "C7", "U7", followFirst)
	if got := decode(t, h.await(t, "/api/v9/channels/C7/messages")).text(); !strings.Contains(got, withBias) {
		t.Fatalf("the question's answer lacks %s:\n%s", withBias, got)
	}
	followUp("Q2", "Q1", "and if bias=False?")
	if got := decode(t, h.await(t, "/api/v9/channels/C7/messages")).text(); !strings.Contains(got, noBias) || strings.Contains(got, withBias) {
		t.Errorf("the follow-up's answer lacks %s (or still gives %s):\n%s", noBias, withBias, got)
	}

	// A question the bot no longer remembers is read from the channel.
	old, _ := json.Marshal(map[string]any{"id": "Q0", "channel_id": "C7", "guild_id": "500", "content": "<@" + bot + "> " + followFirst,
		"author": map[string]any{"id": "U7", "username": "student"}})
	h.fake.RespondOnce(http.MethodGet, "/api/v9/channels/C7/messages/Q0", fakediscord.Canned{Status: 200, Body: string(old)})
	followUp("Q3", "Q0", "what about no bias")
	if got := decode(t, h.await(t, "/api/v9/channels/C7/messages")).text(); !strings.Contains(got, noBias) {
		t.Errorf("the follow-up of a forgotten question lacks %s:\n%s", noBias, got)
	}

	// A reply that changes nothing is answered on its own: a refusal.
	followUp("Q4", "Q1", "thanks!")
	if got := decode(t, h.await(t, "/api/v9/channels/C7/messages")).text(); strings.Contains(got, noBias) || strings.Contains(got, withBias) {
		t.Errorf("'thanks!' was answered with numbers:\n%s", got)
	}
}
