package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// InteractionsOptions configure the HTTP interactions endpoint. PublicKey
// is required.
type InteractionsOptions struct {
	// PublicKey is the application's Ed25519 public key (the developer
	// portal's "Public Key"); every request's signature is checked with it.
	PublicKey ed25519.PublicKey
	// Bot answers the questions; nil means New with panics logged to the
	// service's logger (LogPanics).
	Bot *Bot
	// APIURL is where the REST calls that follow a response go (replies
	// with files, deleting a message); empty means https://discord.com.
	// They use the interaction's own token, not the bot's.
	APIURL string
	// HTTPClient carries those calls; nil means a client with a 20 s
	// timeout.
	HTTPClient *http.Client
	// FloodPerMinute and FloodBurst bound each user's questions; zero
	// means 10 a minute in bursts of 5. Each replica keeps its own count.
	FloodPerMinute float64
	FloodBurst     int
	// MaxBody bounds a request's body; zero means 64 KiB.
	MaxBody int64
	// Workers bounds the interactions answered at once; zero means four
	// a CPU. A request that waits longer than busyAfter for a worker is
	// answered with a polite "busy" (Discord wants an answer within 3 s).
	Workers int
}

// ParsePublicKey reads the developer portal's hex public key; an empty
// string is no key (nil), without an error.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("the public key must be 64 hex digits (the developer portal's General Information → Public Key)")
	}
	return ed25519.PublicKey(b), nil
}

// Interactions is Discord's HTTP interactions endpoint: slash commands,
// the message command, buttons and modals arrive as signed POSTs and are
// answered in the response body, so N stateless replicas can sit behind a
// load balancer. It is an http.Handler; create it with NewInteractions.
type Interactions struct {
	key     ed25519.PublicKey
	rs      *responder
	rest    *discordgo.Session
	maxBody int64
	log     *slog.Logger
	workers chan struct{}
	// m, when set (by Serve), counts questions, answers and refusals.
	m *metrics
}

// busyAfter is how long a request waits for a worker before the busy
// reply; deferAfter how long it waits for the answer before deferring.
// Together they stay under Discord's 3 s.
const (
	busyAfter  = time.Second
	deferAfter = 1500 * time.Millisecond
)

// NewInteractions returns the endpoint. It fails without a public key or
// with a bad APIURL.
func NewInteractions(opts InteractionsOptions, log *slog.Logger) (*Interactions, error) {
	if len(opts.PublicKey) != ed25519.PublicKeySize {
		return nil, errors.New("no Discord public key (DISCORD_PUBLIC_KEY) for the interactions endpoint")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := opts.Bot
	if b == nil {
		b = New(Options{OnPanic: LogPanics(log)})
	}
	s, err := discordgo.New("") // webhook routes take the interaction's token
	if err != nil {
		return nil, err
	}
	client := opts.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 20 * time.Second}
	}
	if opts.APIURL != "" && strings.TrimRight(opts.APIURL, "/") != "https://discord.com" {
		u, err := url.Parse(opts.APIURL)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("api url %q is not an http(s) base URL", opts.APIURL)
		}
		c := *client
		c.Transport = rewrite{base: u, next: client.Transport}
		client = &c
	}
	s.Client = client
	f := newFlood(opts.FloodPerMinute, opts.FloodBurst)
	limit := func(user string, now time.Time) (bool, Message) {
		if v, wait := f.check(user, now); v != allow {
			return false, floodNotice(wait)
		}
		return true, Message{}
	}
	rs := &responder{bot: b, limit: limit}
	return newInteractions(opts.PublicKey, rs, s, log, opts.MaxBody, opts.Workers), nil
}

// newInteractions makes the endpoint from its parts; zero maxBody and
// workers take the defaults of InteractionsOptions.
func newInteractions(key ed25519.PublicKey, rs *responder, rest *discordgo.Session, log *slog.Logger, maxBody int64, workers int) *Interactions {
	if maxBody == 0 {
		maxBody = 64 << 10
	}
	if workers <= 0 {
		workers = 4 * runtime.GOMAXPROCS(0)
	}
	return &Interactions{key: key, rs: rs, rest: rest, maxBody: maxBody, log: log, workers: make(chan struct{}, workers)}
}

// ServeHTTP answers one interaction: 401 when the signature does not
// verify, 400 when the body is not an interaction, else the response as
// JSON. An answer with files (which the body of an HTTP response cannot
// carry: a network's table, a picture) or one not ready in time is
// deferred and sent by editing the deferred response, without the files
// when Discord refuses them; a Delete press is acknowledged and the message
// deleted after the response is written.
func (h *Interactions) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.maxBody)
	if !discordgo.VerifyInteraction(r, h.key) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil || i.Type == 0 {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	// What follows the response (an edit, a delete) must outlive the
	// request; answerTimeout bounds it all.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), answerTimeout)
	defer cancel()
	out := h.plan(ctx, &i)
	switch {
	case out.ask != nil:
		h.ask(ctx, w, &i, out.ask)
	case out.resp == nil:
		http.Error(w, "not an interaction this bot handles", http.StatusBadRequest)
	case writeResponse(w, out.resp) && out.remove:
		if err := h.rest.InteractionResponseDelete(&i, discordgo.WithContext(ctx)); err != nil {
			h.log.Error("deleting a message", "interaction", i.ID, "err", redactPaths(err.Error()))
		}
	}
}

// plan runs the responder's plan, recovering a panic into an apology:
// one bad interaction must not end a replica.
func (h *Interactions) plan(ctx context.Context, i *discordgo.Interaction) (out outcome) {
	defer func() {
		if v := recover(); v != nil {
			h.log.Error("interaction panicked", "interaction", i.ID, "panic", fmt.Sprint(v))
			out = outcome{resp: cardResponse(apology)}
		}
	}()
	return h.rs.plan(ctx, i)
}

// apology is the reply to an interaction that hit a bug.
var apology = Card{Content: "Sorry — something went wrong on my side; it has been logged.", Ephemeral: true, Err: true}

// ask does a's work on a worker and answers with it: in the response when
// it is ready within deferAfter (and has no files), else by deferring and
// then editing the deferred response. A user over the flood limit gets
// the notice, and a request that finds every worker busy for busyAfter
// the busy reply.
func (h *Interactions) ask(ctx context.Context, w http.ResponseWriter, i *discordgo.Interaction, a *asking) {
	start := time.Now()
	if h.m != nil {
		h.m.questions.Inc()
		defer func() { h.m.latency.Observe(time.Since(start).Seconds()) }()
	}
	if h.rs.limit != nil {
		if ok, notice := h.rs.limit(a.user, time.Now()); !ok {
			writeResponse(w, cardResponse(Card{Content: notice.Content, Ephemeral: true}))
			return
		}
	}
	select {
	case h.workers <- struct{}{}:
	case <-time.After(busyAfter):
		writeResponse(w, cardResponse(Card{Content: "I'm busy answering a crowd of questions right now — please ask again in a moment.", Ephemeral: true}))
		return
	}
	done := make(chan Card, 1)
	go func() {
		defer func() { <-h.workers }()
		defer func() {
			if v := recover(); v != nil {
				h.log.Error("interaction panicked", "interaction", i.ID, "panic", fmt.Sprint(v))
				done <- apology
			}
		}()
		c := a.render(ctx, h.rs.bot)
		if h.m != nil {
			h.m.answers.Inc()
			if c.Err {
				h.m.errors.WithLabelValues("refused").Inc()
			}
		}
		done <- c
	}()
	var c Card
	ready := false
	select {
	case c = <-done:
		if len(c.Files) == 0 {
			writeResponse(w, cardResponse(c))
			return
		}
		ready = true
	case <-time.After(deferAfter):
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if a.private || (ready && c.Ephemeral) {
		deferred.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	if !writeResponse(w, deferred) {
		return
	}
	if !ready {
		c = <-done
	}
	err := editDeferred(ctx, h.rest, i, c, deferred.Data != nil)
	if err != nil && len(c.Files) > 0 {
		// Never leave the deferral thinking: send the card without them.
		h.log.Warn("sending the deferred answer with its attachments failed; sending it without", "interaction", i.ID, "err", redactPaths(err.Error()))
		err = editDeferred(ctx, h.rest, i, cardWithoutFiles(c), deferred.Data != nil)
	}
	if err != nil {
		h.log.Error("sending the deferred answer", "interaction", i.ID, "err", redactPaths(err.Error()))
	}
}

// writeResponse writes resp as the JSON body and flushes it, so Discord
// has it before any follow-up call; it reports whether that worked.
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) bool {
	b, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, "encoding the response", http.StatusInternalServerError)
		return false
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	if _, err := w.Write(b); err != nil {
		return false
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return true
}
