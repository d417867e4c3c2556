package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
	"github.com/cnnbot/cnnbot/grammar"
)

// The worked example of design.md §4: 3·3·32·64 + 64 = 18,496 parameters.
const (
	cardQuestion = "conv 3x3 32->64 stride 2 pad 1 bias"
	cardParams   = "18,496"
)

// interaction is an INTERACTION_CREATE payload from user U9 in guild 500.
func interaction(id string, typ int, data map[string]any) map[string]any {
	return map[string]any{
		"id": id, "application_id": "1000", "type": typ, "token": "itok-" + id,
		"guild_id": "500", "channel_id": "C-int", "version": 1, "data": data,
		"member": map[string]any{"user": map[string]any{"id": "U9", "username": "student9"}},
	}
}

func callback(id string) string { return "/api/v9/interactions/" + id + "/itok-" + id + "/callback" }

// original is the path of the response to interaction id (application 1000).
func original(id string) string { return "/api/v9/webhooks/1000/itok-" + id + "/messages/@original" }

func slash(name string, opts ...map[string]any) map[string]any {
	o := make([]any, len(opts))
	for i, op := range opts {
		o[i] = op
	}
	return map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": o}
}

func strOpt(name, value string, focused bool) map[string]any {
	return map[string]any{"name": name, "type": 3, "value": value, "focused": focused}
}

// TestDiscord drives one real discordgo session, connected to a fake
// Discord, through the behaviours of design.md §5. Each subtest uses its own
// channel or interaction, so the requests it waits for are its own.
func TestDiscord(t *testing.T) {
	h := start(t, nil)

	t.Run("commands registered by one bulk overwrite after READY", func(t *testing.T) {
		var got []struct {
			Name    string
			Options []struct {
				Name         string
				Required     bool
				Autocomplete bool
			}
		}
		if err := json.Unmarshal(h.commands.Body, &got); err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, c := range got {
			names[c.Name] = true
			if c.Name == "cnn" && (len(c.Options) != 1 || c.Options[0].Name != "question" || !c.Options[0].Required) {
				t.Errorf("/cnn options = %+v, want a required question", c.Options)
			}
			if c.Name == "preset" && (len(c.Options) != 1 || !c.Options[0].Autocomplete) {
				t.Errorf("/preset options = %+v, want one with autocomplete", c.Options)
			}
		}
		for _, want := range []string{"cnn", "net", "preset", "help"} {
			if !names[want] {
				t.Errorf("no /%s in %s", want, h.commands.Body)
			}
		}
	})

	t.Run("mention gets a reply with the numbers", func(t *testing.T) {
		h.mention(t, "M1", "C1", "U1", cardQuestion)
		r := h.await(t, "/api/v9/channels/C1/messages")
		rp := decode(t, r)
		if !strings.Contains(rp.text(), cardParams) {
			t.Errorf("reply lacks %s:\n%s", cardParams, rp.text())
		}
		if rp.Reference == nil || rp.Reference.MessageID != "M1" {
			t.Errorf("reply does not reference the question: %+v", rp.Reference)
		}
		if !rp.noPings(r.Payload()) {
			t.Errorf("allowed_mentions not \"parse\":[]: %s", r.Payload())
		}
		if got := r.Header.Get("Authorization"); got != "Bot "+testToken {
			t.Errorf("Authorization = %q, want the bot token", got)
		}
	})

	t.Run("legacy nickname mention", func(t *testing.T) {
		h.dispatch(t, "MESSAGE_CREATE", message{ID: "M1b", ChannelID: "C1b", GuildID: "500",
			Content: "<@!" + h.fake.BotID() + "> " + cardQuestion, Author: map[string]any{"id": "U1"}})
		if rp := decode(t, h.await(t, "/api/v9/channels/C1b/messages")); !strings.Contains(rp.text(), cardParams) {
			t.Errorf("reply lacks %s:\n%s", cardParams, rp.text())
		}
	})

	t.Run("DM gets a reply", func(t *testing.T) {
		h.dispatch(t, "MESSAGE_CREATE", message{ID: "M2", ChannelID: "D2", Content: cardQuestion,
			Author: map[string]any{"id": "U2"}})
		r := h.await(t, "/api/v9/channels/D2/messages")
		if rp := decode(t, r); !strings.Contains(rp.text(), cardParams) || !rp.noPings(r.Payload()) {
			t.Errorf("DM reply lacks %s or pings:\n%s", cardParams, r.Payload())
		}
	})

	t.Run("bots and the bot itself are ignored", func(t *testing.T) {
		h.dispatch(t, "MESSAGE_CREATE", message{ID: "M3a", ChannelID: "C3", GuildID: "500",
			Content: "<@" + h.fake.BotID() + "> " + cardQuestion, Author: map[string]any{"id": "B1", "bot": true}})
		h.dispatch(t, "MESSAGE_CREATE", message{ID: "M3b", ChannelID: "C3", GuildID: "500",
			Content: "<@" + h.fake.BotID() + "> " + cardQuestion, Author: map[string]any{"id": h.fake.BotID()}})
		h.dispatch(t, "MESSAGE_CREATE", message{ID: "M3c", ChannelID: "C3", GuildID: "500",
			Content: cardQuestion, Author: map[string]any{"id": "U3"}}) // no mention
		// A sentinel from a person: the first reply in C3 must be its.
		h.mention(t, "M3d", "C3", "U3", cardQuestion)
		rp := decode(t, h.await(t, "/api/v9/channels/C3/messages"))
		if rp.Reference == nil || rp.Reference.MessageID != "M3d" {
			t.Errorf("first reply in C3 answers %+v, want only the sentinel M3d answered", rp.Reference)
		}
	})

	t.Run("@everyone in the question pings nobody", func(t *testing.T) {
		h.mention(t, "M4", "C4", "U4", "@everyone <@&77> <@88> "+cardQuestion)
		r := h.await(t, "/api/v9/channels/C4/messages")
		if rp := decode(t, r); !rp.noPings(r.Payload()) {
			t.Errorf("allowed_mentions would ping: %s", r.Payload())
		}
	})

	t.Run("slash command /cnn", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", interaction("I1", 2, slash("cnn", strOpt("question", cardQuestion, false))))
		// Deferred first (Discord wants an answer within 3 s), then the
		// deferred response is edited to the answer.
		if rp := decode(t, h.await(t, callback("I1"))); rp.Type != 5 || rp.Data != nil && rp.Data.Flags&64 != 0 {
			t.Fatalf("callback %+v, want a public deferral (type 5)", rp)
		}
		r := h.awaitMethod(t, "PATCH", original("I1"))
		rp := decode(t, r)
		if !strings.Contains(rp.text(), cardParams) {
			t.Errorf("want a public answer with %s: %s", cardParams, r.Payload())
		}
		if !rp.noPings(r.Payload()) {
			t.Errorf("allowed_mentions not \"parse\":[]: %s", r.Payload())
		}
	})

	t.Run("bad question gets an ephemeral error", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", interaction("I2", 2, slash("cnn", strOpt("question", "conv 3x3 32->", false))))
		if rp := decode(t, h.await(t, callback("I2"))); rp.Type != 5 {
			t.Fatalf("callback %+v, want a deferral (type 5)", rp)
		}
		// A deferral cannot turn ephemeral: it is deleted and the
		// refusal follows, seen by the asker only.
		h.awaitMethod(t, "DELETE", original("I2"))
		rp := decode(t, h.await(t, "/api/v9/webhooks/1000/itok-I2"))
		if rp.Flags&64 == 0 || rp.text() == "" {
			t.Errorf("want an ephemeral explanation, got %+v", rp)
		}
	})

	t.Run("/preset autocomplete", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", interaction("I3", 4, slash("preset", strOpt("name", "res", true))))
		rp := decode(t, h.await(t, callback("I3")))
		if rp.Type != 8 || rp.Data == nil || len(rp.Data.Choices) == 0 || len(rp.Data.Choices) > 25 {
			t.Fatalf("want type 8 with 1-25 choices, got %+v", rp)
		}
		for _, c := range rp.Data.Choices {
			if !strings.Contains(c.Name, "res") {
				t.Errorf("choice %q does not match \"res\"", c.Name)
			}
			if _, _, ok := grammar.Preset(c.Name); !ok {
				t.Errorf("choice %q is not a preset the bot answers", c.Name)
			}
		}
	})

	t.Run("/net opens a modal and its submission is answered", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", interaction("I4", 2, slash("net")))
		rp := decode(t, h.await(t, callback("I4")))
		if rp.Type != 9 || rp.Data == nil || rp.Data.CustomID != netModalID {
			t.Fatalf("want a modal (type 9, custom_id %q), got %+v", netModalID, rp)
		}
		network := "input 32x32x3\nconv 3x3 16 pad 1\nrelu"
		h.dispatch(t, "INTERACTION_CREATE", interaction("I5", 5, map[string]any{
			"custom_id": netModalID,
			"components": []any{map[string]any{"type": 1, "components": []any{
				map[string]any{"type": 4, "custom_id": netFieldID, "value": network}}}},
		}))
		if rp := decode(t, h.await(t, callback("I5"))); rp.Type != 5 {
			t.Fatalf("callback %+v, want a deferral (type 5)", rp)
		}
		r := h.awaitMethod(t, "PATCH", original("I5"))
		rp = decode(t, r)
		// 3·3·3·16 + 16 = 448 parameters.
		if !strings.Contains(rp.text(), "448") {
			t.Errorf("want the network's 448 parameters: %s", r.Payload())
		}
	})

	t.Run("/help", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", interaction("I6", 2, slash("help")))
		rp := decode(t, h.await(t, callback("I6")))
		if rp.Data == nil || !strings.Contains(rp.Data.Content, "/cnn") {
			t.Errorf("help lacks /cnn: %+v", rp)
		}
	})

	t.Run("REST 429 is retried once and answered once", func(t *testing.T) {
		p := "/api/v9/channels/C5/messages"
		h.fake.RespondOnce("POST", p, fakediscord.Canned{Status: 429,
			Body: `{"message":"You are being rate limited.","retry_after":0.01,"global":false}`})
		h.mention(t, "M5", "C5", "U5", cardQuestion)
		first, second := decode(t, h.await(t, p)), decode(t, h.await(t, p))
		if first.Content != second.Content || second.Reference == nil || second.Reference.MessageID != "M5" {
			t.Errorf("the retry differs from the first try")
		}
		h.mention(t, "M5b", "C5", "U5", cardQuestion)
		if rp := decode(t, h.await(t, p)); rp.Reference == nil || rp.Reference.MessageID != "M5b" {
			t.Errorf("M5 answered more than once: next reply references %+v", rp.Reference)
		}
		if n := h.pending(p); n != 0 {
			t.Errorf("%d extra requests in C5", n)
		}
	})

	t.Run("REST 500 is logged and the bot goes on", func(t *testing.T) {
		p := "/api/v9/channels/C6/messages"
		h.fake.RespondOnce("POST", p, fakediscord.Canned{Status: 500, Body: `{"message":"boom","code":0}`})
		h.mention(t, "M6", "C6", "U6", cardQuestion)
		h.await(t, p)
		h.mention(t, "M6b", "C6", "U6", cardQuestion)
		if rp := decode(t, h.await(t, p)); rp.Reference == nil || rp.Reference.MessageID != "M6b" {
			t.Errorf("after a 500, want M6b answered, got %+v", rp.Reference)
		}
		// The error is logged once the 500 has come back, which may be after
		// the fake has seen the next request: wait for it.
		if !h.logged(`"msg":"sending reply"`, 5*time.Second) {
			t.Errorf("the 500 was not logged as an error")
		}
	})

	t.Run("a long reply goes as an attachment", func(t *testing.T) {
		var q strings.Builder
		q.WriteString("input 64x64x3\n")
		for range 60 {
			q.WriteString("conv 3x3 8 pad 1\nrelu\n")
		}
		h.mention(t, "M7", "C7", "U7", q.String())
		r := h.await(t, "/api/v9/channels/C7/messages")
		rp := decode(t, r)
		if n := utf8.RuneCountInString(rp.Content); n > MaxContent {
			t.Errorf("content is %d runes, over Discord's %d", n, MaxContent)
		}
		if len(r.Files()) == 0 {
			t.Errorf("no attachment for a 120-layer network")
		}
	})

	t.Run("a dropped gateway resumes and answers continue", func(t *testing.T) {
		h.fake.DropGateway()
		select {
		case <-h.fake.Resumed:
		case <-time.After(wait):
			t.Fatal("no RESUME after the socket dropped")
		}
		h.mention(t, "M8", "C8", "U8", cardQuestion)
		if rp := decode(t, h.await(t, "/api/v9/channels/C8/messages")); !strings.Contains(rp.text(), cardParams) {
			t.Errorf("reply after RESUME lacks %s", cardParams)
		}
	})

	t.Run("healthz and metrics", func(t *testing.T) {
		// The bot marks itself connected when its RESUMED handler runs,
		// which may be just after the subtest above saw the RESUME: wait.
		deadline := time.Now().Add(5 * time.Second)
		for {
			err := HealthCheck(context.Background(), h.health.Addr().String())
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("HealthCheck: %v", err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// TestFloodNotice: a user over the limit gets one polite notice, not
// silence and not a pile of replies.
func TestFloodNotice(t *testing.T) {
	t.Parallel()
	h := start(t, func(o *ServeOptions) { o.FloodPerMinute, o.FloodBurst = 0.01, 1 })
	p := "/api/v9/channels/CF/messages"
	h.mention(t, "F1", "CF", "UF", cardQuestion)
	if rp := decode(t, h.await(t, p)); !strings.Contains(rp.text(), cardParams) {
		t.Fatalf("first question not answered: %s", rp.text())
	}
	h.mention(t, "F2", "CF", "UF", cardQuestion)
	if rp := decode(t, h.await(t, p)); !strings.Contains(rp.Content, "please wait") || rp.Reference.MessageID != "F2" {
		t.Errorf("want a polite notice for F2, got %+v", rp)
	}
	h.mention(t, "F3", "CF", "UF", cardQuestion) // within the notice window: skipped
	h.mention(t, "G1", "CF", "UG", cardQuestion) // another user is unaffected
	if rp := decode(t, h.await(t, p)); rp.Reference.MessageID != "G1" || !strings.Contains(rp.text(), cardParams) {
		t.Errorf("want G1 answered next, got %+v", rp.Reference)
	}
}

// TestShutdownMidBurst: cancelling Serve while replies are in flight lets
// them finish, takes no new work, and returns nil.
func TestShutdownMidBurst(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	const burst = 20
	p := "/api/v9/channels/CS/messages"
	gate := make(chan struct{})
	first := make(chan struct{}, burst)
	var started atomic.Int64 // replies that reached Discord
	h.mu.Lock()
	h.hold = func(r fakediscord.Request) {
		if r.Path == p {
			started.Add(1)
			first <- struct{}{}
			<-gate
		}
	}
	h.mu.Unlock()
	for i := range burst {
		h.mention(t, fmt.Sprintf("S%d", i), "CS", fmt.Sprintf("US%d", i), cardQuestion)
	}
	select {
	case <-first: // at least one reply is in flight, held by Discord
	case <-time.After(wait):
		t.Fatal("no reply reached Discord")
	}
	h.cancel()
	// Release the held replies from elsewhere: Serve must return only
	// after each one that reached Discord was answered.
	go close(gate)
	select {
	case err := <-h.done:
		if err != nil {
			t.Fatalf("Serve returned %v, want nil", err)
		}
	case <-time.After(wait):
		t.Fatal("Serve did not return")
	}
	h.done <- nil // for the cleanup's stop
	if got, want := int64(h.pending(p)), started.Load(); got != want {
		t.Errorf("%d replies finished of %d in flight", got, want)
	}
	if strings.Contains(h.logs.String(), "abandoning") {
		t.Error("replies were abandoned")
	}
}

// TestGuardRecovers: a panicking handler is logged, not fatal.
func TestGuardRecovers(t *testing.T) {
	logs := &syncBuffer{}
	d := newTestDiscord(logs)
	func() {
		defer d.guard("TEST")
		panic(errors.New("boom"))
	}()
	if !strings.Contains(logs.String(), "handler panicked") || !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic not logged: %s", logs.String())
	}
}

func TestQuestion(t *testing.T) {
	for _, tc := range []struct {
		name, guild, content, author string
		bot                          bool
		want                         string
		ok                           bool
	}{
		{"mention", "G", "<@42> conv 3x3 1->1", "U", false, "conv 3x3 1->1", true},
		{"nick mention at end", "G", "conv 3x3 1->1 <@!42>", "U", false, "conv 3x3 1->1", true},
		{"no mention in guild", "G", "conv 3x3 1->1", "U", false, "", false},
		{"DM", "", "conv 3x3 1->1", "U", false, "conv 3x3 1->1", true},
		{"bot", "", "conv 3x3 1->1", "U", true, "", false},
		{"self", "", "<@42> hi", "42", false, "", false},
		{"other user mentioned", "G", "<@43> conv", "U", false, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := messageFor(tc.guild, tc.content, tc.author, tc.bot)
			got, ok := question(m, "42")
			if got != tc.want || ok != tc.ok {
				t.Errorf("question(%q) = %q, %v; want %q, %v", tc.content, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestAutocompleteLimit(t *testing.T) {
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("net%02d", i))
	}
	if got := len(autocomplete(optionData("n"), names).Data.Choices); got != 25 {
		t.Errorf("%d choices, want Discord's maximum 25", got)
	}
}

// TestShardAndIntents: the shard from the options and only unprivileged
// intents go into IDENTIFY; a guild id registers the commands there.
func TestShardAndIntents(t *testing.T) {
	t.Parallel()
	// start awaits the PUT to the guild's commands.
	h := start(t, func(o *ServeOptions) { o.ShardID, o.ShardCount, o.GuildID = 1, 3, "777" })
	var id struct {
		Shard   []int `json:"shard"`
		Intents int   `json:"intents"`
	}
	if err := json.Unmarshal(h.identify, &id); err != nil {
		t.Fatal(err)
	}
	if len(id.Shard) != 2 || id.Shard[0] != 1 || id.Shard[1] != 3 {
		t.Errorf("shard = %v, want [1 3]", id.Shard)
	}
	const messageContent = 1 << 15
	want := int(discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages)
	if id.Intents != want || id.Intents&messageContent != 0 {
		t.Errorf("intents = %b, want %b (no Message Content)", id.Intents, want)
	}
}
