package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
	"github.com/prometheus/client_golang/prometheus"
)

// testToken is the token the tests' sessions use; it must never appear in
// any log line.
const testToken = "MTAwMDAw.SECRET-test-token.xyz"

// wait bounds every wait for an event in these tests: long enough for a
// slow CI machine, short enough to fail fast when something is lost.
const wait = 10 * time.Second

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is a real Serve connected to a fake Discord. REST requests are
// routed by path into channels, so that a test waits for the request it
// expects without consuming another's.
type harness struct {
	fake   *fakediscord.Server
	logs   *syncBuffer
	health net.Listener
	// identify is the IDENTIFY payload the session sent.
	identify json.RawMessage
	// commands is the bulk overwrite of the slash commands after READY.
	commands fakediscord.Request
	cancel   context.CancelFunc
	done     chan error

	mu     sync.Mutex
	byPath map[string]chan fakediscord.Request
	// hold, when set, is called before a request is answered.
	hold func(fakediscord.Request)
}

// start runs Serve against a new fake Discord; edit adjusts the options.
// Cleanup stops it, requires Serve to return nil, and checks that the token
// is absent from the logs.
func start(t testing.TB, edit func(*ServeOptions)) *harness {
	t.Helper()
	h := &harness{logs: &syncBuffer{}, done: make(chan error, 1), byPath: map[string]chan fakediscord.Request{}}
	h.fake = fakediscord.New(fakediscord.Options{
		HeartbeatInterval: 5 * time.Second,
		OnRequest:         h.route,
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.health = ln
	opts := ServeOptions{
		Token:          testToken,
		APIURL:         h.fake.URL,
		HealthListener: ln,
		Registry:       prometheus.NewRegistry(),
		LogLevel:       slog.LevelDebug,
		FloodPerMinute: 1e6,
		FloodBurst:     1e6,
	}
	if edit != nil {
		edit(&opts)
	}
	log := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: opts.LogLevel}))
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- Serve(ctx, opts, log) }()
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			h.stop(t)
		}
		h.fake.Close()
		if strings.Contains(h.logs.String(), testToken) || strings.Contains(h.logs.String(), "SECRET") {
			t.Error("the token appears in the logs")
		}
	})
	select {
	case h.identify = <-h.fake.Identified:
	case err := <-h.done:
		stopped = true
		t.Fatalf("Serve returned before IDENTIFY: %v", err)
	case <-time.After(wait):
		t.Fatal("no IDENTIFY")
	}
	// Closing before the first heartbeat can start a reconnect loop that
	// outlives Close (discordgo.md); the commands are registered after
	// READY.
	select {
	case <-h.fake.Heartbeats:
	case <-time.After(wait):
		t.Fatal("no heartbeat")
	}
	cmds := "/api/v9/applications/" + h.fake.AppID() + "/commands"
	if opts.GuildID != "" {
		cmds = "/api/v9/applications/" + h.fake.AppID() + "/guilds/" + opts.GuildID + "/commands"
	}
	h.commands = h.await(t, cmds)
	return h
}

// stop cancels Serve's context and requires it to return nil promptly.
func (h *harness) stop(t testing.TB) {
	t.Helper()
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
	case <-time.After(wait):
		t.Error("Serve did not return after cancel")
	}
}

func (h *harness) route(r fakediscord.Request) {
	h.mu.Lock()
	hold := h.hold
	h.mu.Unlock()
	if hold != nil {
		hold(r)
	}
	select {
	case h.path(r.Method + " " + r.Path) <- r:
	default:
	}
}

func (h *harness) path(key string) chan fakediscord.Request {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := h.byPath[key]
	if ch == nil {
		ch = make(chan fakediscord.Request, 64)
		h.byPath[key] = ch
	}
	return ch
}

// await returns the next request to path (any method but GET).
func (h *harness) await(t testing.TB, path string) fakediscord.Request {
	t.Helper()
	method := "POST"
	if strings.HasSuffix(path, "/commands") {
		method = "PUT"
	}
	select {
	case r := <-h.path(method + " " + path):
		return r
	case <-time.After(wait):
		t.Fatalf("no %s %s", method, path)
		return fakediscord.Request{}
	}
}

// awaitMethod returns the next request to path with method.
func (h *harness) awaitMethod(t testing.TB, method, path string) fakediscord.Request {
	t.Helper()
	select {
	case r := <-h.path(method + " " + path):
		return r
	case <-time.After(wait):
		t.Fatalf("no %s %s", method, path)
		return fakediscord.Request{}
	}
}

// pending is the number of requests to path received but not awaited.
func (h *harness) pending(path string) int { return len(h.path("POST " + path)) }

// message is a MESSAGE_CREATE payload.
type message struct {
	ID        string         `json:"id"`
	ChannelID string         `json:"channel_id"`
	GuildID   string         `json:"guild_id,omitempty"`
	Content   string         `json:"content"`
	Author    map[string]any `json:"author"`
	Mentions  []any          `json:"mentions"`
}

// mention sends a guild message from user mentioning the bot.
func (h *harness) mention(t testing.TB, id, channel, user, text string) {
	t.Helper()
	m := message{ID: id, ChannelID: channel, GuildID: "500", Content: "<@" + h.fake.BotID() + "> " + text,
		Author:   map[string]any{"id": user, "username": "student" + user},
		Mentions: []any{map[string]any{"id": h.fake.BotID(), "username": "cnnbot", "bot": true}}}
	h.dispatch(t, "MESSAGE_CREATE", m)
}

func (h *harness) dispatch(t testing.TB, event string, d any) {
	t.Helper()
	if err := h.fake.Dispatch(event, d); err != nil {
		t.Fatalf("dispatch %s: %v", event, err)
	}
}

// reply is the JSON of a message sent or an interaction response.
type reply struct {
	Type            int `json:"type"` // interaction responses only
	Content         string
	Flags           int
	Embeds          []json.RawMessage
	AllowedMentions *struct {
		Parse []string `json:"parse"`
		Users []string `json:"users"`
		Roles []string `json:"roles"`
	} `json:"allowed_mentions"`
	Reference *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	Choices  []struct{ Name, Value string }
	CustomID string `json:"custom_id"`
	Data     *reply
}

func decode(t testing.TB, r fakediscord.Request) reply {
	t.Helper()
	var rp reply
	if err := json.Unmarshal(r.Payload(), &rp); err != nil {
		t.Fatalf("%s %s: payload %q: %v", r.Method, r.Path, r.Payload(), err)
	}
	return rp
}

// text is everything a user reads in the reply: content and embeds.
func (r reply) text() string {
	var b strings.Builder
	b.WriteString(r.Content)
	for _, e := range r.Embeds {
		b.Write(e)
	}
	return b.String()
}

// noPings reports whether the reply forbids every ping: "parse":[] and
// no users or roles named.
func (r reply) noPings(raw []byte) bool {
	return r.AllowedMentions != nil && r.AllowedMentions.Parse != nil && len(r.AllowedMentions.Parse) == 0 &&
		len(r.AllowedMentions.Users) == 0 && len(r.AllowedMentions.Roles) == 0 &&
		bytes.Contains(raw, []byte(`"parse":[]`))
}

// logged waits up to d for the logs to contain s.
func (h *harness) logged(s string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for !strings.Contains(h.logs.String(), s) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
