package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

// card is the part of a message or response that the card fills.
type card struct {
	Content string
	Flags   int
	Embeds  []struct {
		Title       string
		Description string
		Fields      []struct{ Name, Value string }
		Footer      *struct{ Text string }
	}
	Components []struct {
		Components []struct {
			Type     int
			Label    string
			CustomID string `json:"custom_id"`
		}
	}
	Data *card // an interaction response's data
	Type int
}

func decodeCard(t testing.TB, r fakediscord.Request) card {
	t.Helper()
	var c card
	if err := json.Unmarshal(r.Payload(), &c); err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.Path, err)
	}
	return c
}

// button returns the custom_id of the button labelled label.
func (c card) button(t testing.TB, label string) string {
	t.Helper()
	for _, row := range c.Components {
		for _, b := range row.Components {
			if b.Label == label && b.Type == 2 {
				return b.CustomID
			}
		}
	}
	t.Fatalf("no %q button in %+v", label, c.Components)
	return ""
}

// awaitPrefix returns the next request whose method and path start so.
func (h *harness) awaitPrefix(t testing.TB, method, prefix string) fakediscord.Request {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		h.mu.Lock()
		var ch chan fakediscord.Request
		for k, c := range h.byPath {
			if strings.HasPrefix(k, method+" "+prefix) && len(c) > 0 {
				ch = c
			}
		}
		h.mu.Unlock()
		if ch != nil {
			return <-ch
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no %s %s…", method, prefix)
	return fakediscord.Request{}
}

// press is a button press (type 3, component type 2) by user on msg.
func pressOn(id, customID, user string, msg any) map[string]any {
	p := interaction(id, 3, map[string]any{"custom_id": customID, "component_type": 2})
	p["member"] = map[string]any{"user": map[string]any{"id": user}}
	p["message"] = msg
	return p
}

// TestNativeDiscord drives the native answers through a real discordgo
// session and the fake Discord: the card's embed and buttons on a
// mention, each button's interaction, the refusal's modal, the message
// command, an edited question, Delete for the asker only.
func TestNativeDiscord(t *testing.T) {
	h := start(t, nil)

	h.mention(t, "N1", "CN", "U1", cardQuestion+" input 56x56")
	sent := h.await(t, "/api/v9/channels/CN/messages")
	c := decodeCard(t, sent)
	first, _, _ := strings.Cut(c.Content, "\n")
	if !strings.Contains(first, "**"+cardParams+"**") {
		t.Errorf("first line %q, want the parameters in bold", first)
	}
	fields := map[string]string{}
	for _, f := range c.Embeds[0].Fields {
		fields[f.Name] = f.Value
	}
	if fields["Params"] != "18,496 (18.5 k)" || fields["Output"] != "64×28×28" || fields["MACs"] != "14,450,688 (14.5 M)" {
		t.Errorf("fields %v", fields)
	}
	if c.Embeds[0].Footer == nil || !strings.HasPrefix(c.Embeds[0].Footer.Text, "Understood as: conv 3x3 32->64") {
		t.Errorf("footer %+v", c.Embeds[0].Footer)
	}
	var msg map[string]any
	_ = json.Unmarshal(sent.Payload(), &msg)
	msg["id"], msg["channel_id"] = "R1", "CN"

	t.Run("Show working", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", pressOn("W1", c.button(t, "Show working"), "U5", msg))
		if d := decodeCard(t, h.await(t, callback("W1"))); d.Type != 5 || d.Data == nil || d.Data.Flags&64 == 0 {
			t.Errorf("the press was acknowledged with %+v, want an ephemeral deferral", d)
		}
		w := decodeCard(t, h.awaitMethod(t, "PATCH", original("W1")))
		if !strings.Contains(w.Content, "learnable parameters = weights + biases = 18,432 + 64 = **18,496**") {
			t.Errorf("the working: %.200q", w.Content)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", pressOn("D1", c.button(t, "Delete"), "U7", msg))
		d := decodeCard(t, h.await(t, callback("D1")))
		if d.Type != 4 || d.Data == nil || d.Data.Flags&64 == 0 || !strings.Contains(d.Data.Content, "Only") {
			t.Errorf("Delete by someone else: %+v, want an ephemeral refusal", d)
		}
		h.dispatch(t, "INTERACTION_CREATE", pressOn("D2", c.button(t, "Delete"), "U1", msg))
		if d := decodeCard(t, h.await(t, callback("D2"))); d.Type != 6 {
			t.Errorf("Delete by the asker: type %d, want 6", d.Type)
		}
		h.awaitMethod(t, "DELETE", original("D2"))
	})

	t.Run("refusal, Edit & ask again, the modal", func(t *testing.T) {
		q := "conv 3x3 32->64 strid 2"
		h.dispatch(t, "INTERACTION_CREATE", interaction("F1", 2, slash("cnn", strOpt("question", q, false))))
		h.await(t, callback("F1"))
		h.awaitMethod(t, "DELETE", original("F1"))
		f := decodeCard(t, h.await(t, "/api/v9/webhooks/1000/itok-F1"))
		if f.Flags&64 == 0 || !strings.HasPrefix(f.Content, "**I can't answer that") || len(f.Embeds) == 0 || f.Embeds[0].Title != "Your question" {
			t.Fatalf("the refusal: %+v", f)
		}
		refusal := map[string]any{"id": "R2", "channel_id": "C-int", "flags": 64, "embeds": f.Embeds}
		h.dispatch(t, "INTERACTION_CREATE", pressOn("F2", f.button(t, "Edit & ask again"), "U9", refusal))
		var modal struct {
			Type int
			Data struct {
				CustomID   string `json:"custom_id"`
				Components []struct {
					Components []struct {
						CustomID string `json:"custom_id"`
						Value    string
					}
				}
			}
		}
		if err := json.Unmarshal(h.await(t, callback("F2")).Payload(), &modal); err != nil || modal.Type != 9 {
			t.Fatalf("Edit & ask again: %+v %v, want a modal", modal, err)
		}
		if v := modal.Data.Components[0].Components[0].Value; v != q {
			t.Errorf("the modal holds %q, want %q", v, q)
		}
		h.dispatch(t, "INTERACTION_CREATE", interaction("F3", 5, map[string]any{"custom_id": modal.Data.CustomID, "components": []any{
			map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": askFieldID, "value": "conv 3x3 32->64 stride 2 pad 1"}}}}}))
		h.await(t, callback("F3"))
		if a := decodeCard(t, h.awaitMethod(t, "PATCH", original("F3"))); !strings.Contains(a.Content, "**"+cardParams+"**") {
			t.Errorf("the question asked again: %.200q", a.Content)
		}
	})

	t.Run("Size this up", func(t *testing.T) {
		target := map[string]any{"id": "T1", "channel_id": "C-int", "content": "nn.Conv2d(32, 64, 3, stride=2, padding=1)",
			"author": map[string]any{"id": "U3"}}
		h.dispatch(t, "INTERACTION_CREATE", interaction("S1", 2, map[string]any{"id": "c9", "name": sizeThisUp, "type": 3,
			"target_id": "T1", "resolved": map[string]any{"messages": map[string]any{"T1": target}}}))
		h.await(t, callback("S1"))
		if a := decodeCard(t, h.awaitMethod(t, "PATCH", original("S1"))); !strings.Contains(a.Content, "**"+cardParams+"**") || len(a.Embeds) == 0 {
			t.Errorf("Size this up: %.200q", a.Content)
		}
	})

	t.Run("an edited question edits the reply", func(t *testing.T) {
		h.mention(t, "E1", "CE", "U2", "conv 3x3 32->64 strid 2 pad 1 bias")
		first := decodeCard(t, h.await(t, "/api/v9/channels/CE/messages"))
		if !strings.Contains(first.Content, "I can't answer") {
			t.Fatalf("the typo was answered: %.100q", first.Content)
		}
		edited := message{ID: "E1", ChannelID: "CE", GuildID: "500", Content: "<@" + h.fake.BotID() + "> " + cardQuestion,
			Author: map[string]any{"id": "U2"}}
		h.dispatch(t, "MESSAGE_UPDATE", map[string]any{"id": edited.ID, "channel_id": edited.ChannelID, "guild_id": "500",
			"content": edited.Content, "author": edited.Author, "edited_timestamp": time.Now().Format(time.RFC3339)})
		patch := h.awaitPrefix(t, "PATCH", "/api/v9/channels/CE/messages/")
		if e := decodeCard(t, patch); !strings.Contains(e.Content, "**"+cardParams+"**") || len(e.Embeds) == 0 {
			t.Errorf("the edited reply: %.200q", e.Content)
		}
		if n := h.pending("/api/v9/channels/CE/messages"); n != 0 {
			t.Errorf("%d new messages: an edit is answered in place", n)
		}
	})

	t.Run("an edit after a restart finds the reply in the channel", func(t *testing.T) {
		history := `[{"id":"R9","channel_id":"CF","author":{"id":"` + h.fake.BotID() + `"},"message_reference":{"message_id":"E9"}}]`
		h.fake.RespondOnce("GET", "/api/v9/channels/CF/messages", fakediscord.Canned{Status: 200, Body: history})
		h.dispatch(t, "MESSAGE_UPDATE", map[string]any{"id": "E9", "channel_id": "CF", "guild_id": "500",
			"content": "<@" + h.fake.BotID() + "> " + cardQuestion, "author": map[string]any{"id": "U2"},
			"edited_timestamp": time.Now().Format(time.RFC3339)})
		e := decodeCard(t, h.awaitMethod(t, "PATCH", "/api/v9/channels/CF/messages/R9"))
		if !strings.Contains(e.Content, "**"+cardParams+"**") {
			t.Errorf("the edited reply: %.200q", e.Content)
		}
	})
}

// TestNativeDiscordSeveral sends a message of several questions through a
// real discordgo session to the fake Discord: one card, the comparison
// answered first.
func TestNativeDiscordSeveral(t *testing.T) {
	h := start(t, nil)
	h.mention(t, "S1", "CS", "U1", "two 3x3 convs instead of a 5x5, 64 channels in and out: params saved?")
	c := decodeCard(t, h.await(t, "/api/v9/channels/CS/messages"))
	first, _, _ := strings.Cut(c.Content, "\n")
	if !strings.Contains(first, "73,856") || !strings.Contains(first, "102,464") || !strings.Contains(c.Content, "**Q2**") {
		t.Errorf("card content %q, want the comparison first and a line a question", c.Content)
	}
}
