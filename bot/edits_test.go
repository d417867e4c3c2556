package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

func TestRepliesForgetOldest(t *testing.T) {
	r := newReplies(2)
	r.remember("q1", replyRef{"c", "a1"})
	r.remember("q2", replyRef{"c", "a2"})
	r.remember("q2", replyRef{"c", "a2b"}) // a second reply to q2 takes no new room
	r.remember("q3", replyRef{"c", "a3"})
	if _, ok := r.lookup("q1"); ok {
		t.Error("q1 is remembered past the capacity")
	}
	for q, want := range map[string]string{"q2": "a2b", "q3": "a3"} {
		if got, ok := r.lookup(q); !ok || got.message != want {
			t.Errorf("%s: %+v %v, want %s", q, got, ok, want)
		}
	}
}

func TestFindReply(t *testing.T) {
	fake := fakediscord.New(fakediscord.Options{})
	defer fake.Close()
	msgs := []map[string]any{
		{"id": "M3", "channel_id": "C1", "author": map[string]any{"id": "U1"}, "message_reference": map[string]any{"message_id": "Q1"}},
		{"id": "M2", "channel_id": "C1", "author": map[string]any{"id": fake.BotID()}, "message_reference": map[string]any{"message_id": "Q0"}},
		{"id": "M1", "channel_id": "C1", "author": map[string]any{"id": fake.BotID()}, "message_reference": map[string]any{"message_id": "Q1"}},
	}
	body, _ := json.Marshal(msgs)
	fake.RespondOnce(http.MethodGet, "/api/v9/channels/C1/messages", fakediscord.Canned{Status: 200, Body: string(body)})
	s, _ := discordgo.New("Bot x")
	u, _ := http.NewRequest(http.MethodGet, fake.URL, nil)
	s.Client = &http.Client{Transport: rewrite{base: u.URL}}
	ref, ok := findReply(context.Background(), s, "C1", "Q1", fake.BotID())
	if !ok || ref.message != "M1" {
		t.Errorf("found %+v %v, want the bot's M1 (not another user's reply, not the reply to Q0)", ref, ok)
	}
	if _, ok := findReply(context.Background(), s, "C1", "Q1", fake.BotID()); ok {
		t.Error("found a reply in a channel that answers 404")
	}
	edit := cardEdit(ref, Card{Content: "x"})
	if edit.Attachments == nil || len(*edit.Attachments) != 0 || edit.Embeds == nil || edit.AllowedMentions == nil {
		t.Errorf("the edit does not replace the old embeds and attachments: %+v", edit)
	}
}
