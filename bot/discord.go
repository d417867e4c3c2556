package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/sync/semaphore"
)

// noPings is sent with every message and interaction response: it
// serialises as "parse":[], so text echoed from a question (@everyone, a
// role, a user) pings nobody, the asker included.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

const (
	netModalID = "net"
	netFieldID = "network"
)

// discord is the Discord transport: it turns gateway events into questions
// for Bot.Answer and the rendered replies into REST calls.
type discord struct {
	bot    *Bot
	log    *slog.Logger
	flood  *flood
	m      *metrics
	health *health
	guild  string
	render func(Reply, string) Card // a reply, and who may delete it
	now    func() time.Time
	// rs works out what an interaction calls for; replies finds the
	// reply to an edited question; read keeps each question answered, as
	// read, by its message id, for a reply that follows it up.
	rs      *responder
	replies *replies
	read    *recent[string]
	// register is true for the process that registers the commands
	// (shard 0, unless cnnbot register does it); registered is set once
	// it has.
	register   bool
	registered atomic.Bool
	// pool answers the questions; sending bounds the bytes of replies
	// waiting for Discord.
	pool    *pool
	sending *semaphore.Weighted
	// api is where REST requests really go, for the logs.
	api *url.URL

	// ctx bounds every REST call; it is cancelled when draining times out.
	ctx context.Context

	mu       sync.Mutex
	draining bool
	inflight sync.WaitGroup
}

// begin registers one unit of work; it returns false once draining began.
func (d *discord) begin() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.draining {
		return false
	}
	d.inflight.Add(1)
	return true
}

// drain stops taking new work and waits for work in flight, at most until
// ctx is done; it reports whether everything finished.
func (d *discord) drain(ctx context.Context) bool {
	d.mu.Lock()
	d.draining = true
	d.mu.Unlock()
	done := make(chan struct{})
	go func() { d.inflight.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}

// guard recovers a panic in a handler, logs it with its stack and counts it:
// discordgo runs handlers in bare goroutines, so a panic would end the
// process.
func (d *discord) guard(event string) {
	if v := recover(); v != nil {
		d.m.errors.WithLabelValues("panic").Inc()
		d.log.Error("handler panicked", "event", event, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	}
}

func (d *discord) onReady(s *discordgo.Session, r *discordgo.Ready) {
	defer d.guard("READY")
	d.health.setConnected(true)
	appID := ""
	if r.User != nil {
		appID = r.User.ID // an application's id is its bot user's id
	}
	if r.Application != nil && r.Application.ID != "" {
		appID = r.Application.ID
	}
	d.log.Info("gateway ready", "app_id", appID, "guilds", len(r.Guilds), "shard", s.ShardID, "shards", s.ShardCount)
	if !d.register || !d.registered.CompareAndSwap(false, true) || !d.begin() {
		return // not this process's job, or done on an earlier READY
	}
	defer d.inflight.Done()
	got, err := s.ApplicationCommandBulkOverwrite(appID, d.guild, nativeCommands(), discordgo.WithContext(d.ctx))
	if err != nil {
		d.registered.Store(false) // try again on the next READY
		d.m.errors.WithLabelValues("rest").Inc()
		d.log.Error("registering slash commands", "err", d.restErr(err), "guild", d.guild)
		return
	}
	d.log.Info("slash commands registered", "count", len(got), "guild", d.guild)
}

func (d *discord) onConnect(*discordgo.Session, *discordgo.Connect) { d.health.setConnected(true) }

func (d *discord) onDisconnect(*discordgo.Session, *discordgo.Disconnect) {
	d.health.setConnected(false)
	d.log.Warn("gateway disconnected; discordgo reconnects")
}

func (d *discord) onResumed(*discordgo.Session, *discordgo.Resumed) {
	d.health.setConnected(true)
	d.log.Info("gateway resumed")
}

// question extracts the question from a message addressed to the bot: a DM,
// or a message mentioning it (the mention stripped). ok is false for
// anything else, for bots' messages and for the bot's own.
func question(m *discordgo.Message, self string) (q string, ok bool) {
	if m.Author == nil || m.Author.Bot || m.Author.ID == self {
		return "", false
	}
	text := m.Content
	mentioned := false
	for _, tag := range []string{"<@" + self + ">", "<@!" + self + ">"} {
		if strings.Contains(text, tag) {
			mentioned = true
			text = strings.ReplaceAll(text, tag, " ")
		}
	}
	if !mentioned && m.GuildID != "" {
		return "", false
	}
	return strings.TrimSpace(text), true
}

func (d *discord) onMessageCreate(s *discordgo.Session, mc *discordgo.MessageCreate) {
	defer d.guard("MESSAGE_CREATE")
	start := d.now()
	if s.State.User == nil { // no READY yet: we do not know who we are
		return
	}
	q, ok := question(mc.Message, s.State.User.ID)
	if !ok || !d.begin() {
		return
	}
	defer d.inflight.Done()
	d.m.questions.Inc()
	log := d.log.With("channel", mc.ChannelID, "message", mc.ID, "user", mc.Author.ID)
	send := func(c Card) error {
		m := cardSend(c)
		m.Reference = mc.SoftReference()
		sent, err := s.ChannelMessageSendComplex(mc.ChannelID, m, discordgo.WithContext(d.ctx))
		if err == nil && sent != nil {
			d.replies.remember(mc.ID, replyRef{mc.ChannelID, sent.ID})
		}
		return err
	}
	d.queue(s, mc.Message, q, start, send, log)
}

// queue answers the question q of message m on the pool and sends the
// card with send; the flood notice, the help and the busy reply go at
// once (a repeat flooder's message is skipped).
func (d *discord) queue(s *discordgo.Session, m *discordgo.Message, q string, start time.Time, send func(Card) error, log *slog.Logger) {
	user := m.Author.ID
	msg, now, queue := d.screen(user, q, start, false)
	switch {
	case queue:
		d.inflight.Add(1)
		if d.pool.submit(func() {
			defer d.inflight.Done()
			d.deliver(d.answer(d.followed(s, m), q, user, m.ID), send, start, log)
		}) {
			return
		}
		d.inflight.Done()
		msg, now = d.busy(), true
	case !now:
		return
	}
	d.deliver(cardOf(msg), send, start, log)
}

// onMessageUpdate answers an edited question again: the asker fixed a
// typo, so the reply is edited to match rather than a second one sent.
// Updates that are not edits (Discord adding a link preview) and messages
// the bot did not answer are left alone.
func (d *discord) onMessageUpdate(s *discordgo.Session, mu *discordgo.MessageUpdate) {
	defer d.guard("MESSAGE_UPDATE")
	start := d.now()
	m := mu.Message
	if s.State.User == nil || m == nil || m.EditedTimestamp == nil {
		return
	}
	if mu.BeforeUpdate != nil && mu.BeforeUpdate.Content == m.Content {
		return
	}
	q, ok := question(m, s.State.User.ID)
	if !ok || strings.TrimSpace(q) == "" || !d.begin() {
		return
	}
	defer d.inflight.Done()
	ref, ok := d.replies.lookup(m.ID)
	if !ok {
		if ref, ok = findReply(d.ctx, s, m.ChannelID, m.ID, s.State.User.ID); !ok {
			return
		}
	}
	d.m.questions.Inc()
	log := d.log.With("channel", m.ChannelID, "message", m.ID, "user", m.Author.ID, "edit", true)
	edit := func(c Card) error {
		_, err := s.ChannelMessageEditComplex(cardEdit(ref, c), discordgo.WithContext(d.ctx))
		return err
	}
	if _, _, queue := d.screen(m.Author.ID, q, start, false); !queue {
		d.m.limited.Inc()
		return // an answer is not replaced by a notice
	}
	d.inflight.Add(1)
	if !d.pool.submit(func() {
		defer d.inflight.Done()
		d.deliver(d.answer(d.followed(s, m), q, m.Author.ID, m.ID), edit, start, log)
	}) {
		d.inflight.Done()
	}
}

// screen decides, before any work, what becomes of a question: every reply
// path goes through the flood limiter first, bare mentions and /help
// included. It returns a message to send now (a flood notice, the help),
// or queue true to answer the question on the pool, or neither: a
// repeat flooder's message is skipped (an interaction, which must be
// answered, gets the notice again).
func (d *discord) screen(user, q string, at time.Time, interaction bool) (msg Message, now, queue bool) {
	v, wait := d.flood.check(user, at)
	switch {
	case v == drop && !interaction:
		d.m.limited.Inc()
		return Message{}, false, false
	case v != allow:
		d.m.limited.Inc()
		return floodNotice(wait), true, false
	case strings.TrimSpace(q) == "":
		return Message{Content: nativeHelp, Ephemeral: interaction}, true, false
	}
	return Message{}, false, true
}

// busy is the polite reply to a question that finds the queue full.
func (d *discord) busy() Message {
	d.m.busy.Inc()
	return Message{Content: "I'm busy answering a crowd of questions right now — please ask again in a moment.", Ephemeral: true}
}

// answer answers q, the question of message id sent after the question
// prev ("" for none: see AnswerAfter), and renders it as a card that
// asker may delete, within answerTimeout. The question as read is kept
// for a reply that follows it up.
func (d *discord) answer(prev, q, asker, id string) Card {
	ctx, cancel := context.WithTimeout(d.ctx, answerTimeout)
	defer cancel()
	r := d.bot.AnswerAfter(ctx, prev, q)
	if r.OK() {
		d.read.remember(id, r.Text)
	}
	c := d.render(r, asker)
	if c.Err {
		d.m.errors.WithLabelValues("refused").Inc()
	}
	return c
}

// answerTimeout bounds the work of one answer (Answer checks its context
// between the layers of a network).
const answerTimeout = 10 * time.Second

// deliver sends c with send, off the worker: a send can wait on
// Discord's rate limits for seconds, and the workers must go on answering.
// What waits to be sent is bounded in bytes (sendBudget): when it is
// spent, deliver waits, so the queue fills and new questions get the busy
// reply. Attachments Discord refuses (too large, or any failure) are
// followed by the card without them, saying so: never silence.
func (d *discord) deliver(c Card, send func(Card) error, start time.Time, log *slog.Logger) {
	weight := min(int64(c.size()), sendBudget)
	if err := d.sending.Acquire(d.ctx, weight); err != nil {
		log.Warn("reply dropped: shutting down", "err", err)
		return
	}
	d.inflight.Add(1)
	go func() {
		defer d.inflight.Done()
		defer d.sending.Release(weight)
		err := send(c)
		if err != nil && len(c.Files) > 0 {
			d.m.errors.WithLabelValues("rest").Inc()
			log.Warn("sending the reply with its attachments failed; sending it without", "err", d.restErr(err))
			err = send(cardWithoutFiles(c))
		}
		if err != nil {
			d.m.errors.WithLabelValues("rest").Inc()
			log.Error("sending reply", "err", d.restErr(err))
			return
		}
		d.m.answers.Inc()
		d.m.latency.Observe(d.now().Sub(start).Seconds())
	}()
}

// sendBudget bounds the bytes of replies rendered but not yet accepted by
// Discord.
const sendBudget = 16 << 20

// floodNotice is the polite reply to a user who asks too fast.
func floodNotice(wait time.Duration) Message {
	secs := int(wait.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return Message{
		Content:   fmt.Sprintf("You're asking faster than I can keep up with — please wait %d s and ask again. (Questions sent meanwhile are skipped.)", secs),
		Ephemeral: true,
	}
}

// onInteractionCreate answers an interaction as the responder plans it: a
// response at once (a modal, autocomplete, Delete), or work deferred first
// and done on the pool.
func (d *discord) onInteractionCreate(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	defer d.guard("INTERACTION_CREATE")
	start := d.now()
	if !d.begin() {
		return
	}
	defer d.inflight.Done()
	i := ic.Interaction
	log := d.log.With("interaction", i.ID, "user", interactionUser(i))
	out := d.rs.plan(d.ctx, i)
	switch {
	case out.ask != nil:
		d.askInteraction(s, i, out.ask, start, log)
	case out.resp != nil:
		if err := s.InteractionRespond(i, out.resp, discordgo.WithContext(d.ctx)); err != nil {
			d.m.errors.WithLabelValues("rest").Inc()
			log.Error("responding to interaction", "err", d.restErr(err))
			return
		}
		if out.remove {
			if err := s.InteractionResponseDelete(i, discordgo.WithContext(d.ctx)); err != nil {
				d.m.errors.WithLabelValues("rest").Inc()
				log.Error("deleting a reply", "err", d.restErr(err))
			}
		}
	}
}

// askInteraction does the work a asks for. The flood notice and the busy
// reply go at once; otherwise the interaction is deferred first (Discord
// wants an acknowledgement within 3 s; ephemeral when the answer will
// be), the work done on the pool, and the deferred response edited to it.
func (d *discord) askInteraction(s *discordgo.Session, i *discordgo.Interaction, a *asking, start time.Time, log *slog.Logger) {
	d.m.questions.Inc()
	respond := func(c Card) {
		if err := s.InteractionRespond(i, cardResponse(c), discordgo.WithContext(d.ctx)); err != nil {
			d.m.errors.WithLabelValues("rest").Inc()
			log.Error("responding to interaction", "err", d.restErr(err))
		}
	}
	if msg, now, _ := d.screen(a.user, "-", start, true); now {
		respond(cardOf(msg))
		return
	}
	if a.quick {
		respond(a.render(d.ctx, d.bot))
		return
	}
	deferred := make(chan bool, 1)
	d.inflight.Add(1)
	job := func() {
		defer d.inflight.Done()
		ctx, cancel := context.WithTimeout(d.ctx, answerTimeout)
		c := a.render(ctx, d.bot)
		cancel()
		if c.Err {
			d.m.errors.WithLabelValues("refused").Inc()
		}
		if <-deferred {
			d.deliver(c, func(c Card) error { return editDeferred(d.ctx, s, i, c, a.private) }, start, log)
		}
	}
	if !d.pool.submit(job) {
		d.inflight.Done()
		respond(cardOf(d.busy()))
		return
	}
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if a.private {
		resp.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	err := s.InteractionRespond(i, resp, discordgo.WithContext(d.ctx))
	if err != nil {
		d.m.errors.WithLabelValues("rest").Inc()
		log.Error("deferring the interaction", "err", d.restErr(err))
	}
	deferred <- err == nil
}

// editDeferred puts c in place of a deferred response: an edit, or for an
// ephemeral card (a refusal) behind a public deferral, the deferred
// response deleted and c sent as an ephemeral follow-up, since a deferral
// cannot become ephemeral.
func editDeferred(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, c Card, deferredEphemeral bool) error {
	opt := discordgo.WithContext(ctx)
	if c.Ephemeral && !deferredEphemeral {
		if err := s.InteractionResponseDelete(i, opt); err != nil {
			return err
		}
		_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content: c.Content, Embeds: c.Embeds, Components: wire(c.Components), Files: cardFiles(c.Files),
			AllowedMentions: noPings(), Flags: discordgo.MessageFlagsEphemeral,
		}, opt)
		return err
	}
	_, err := s.InteractionResponseEdit(i, webhookEdit(c), opt)
	return err
}

// webhookEdit converts a card for editing an interaction's response.
func webhookEdit(c Card) *discordgo.WebhookEdit {
	content, embeds, comps := c.Content, c.Embeds, wire(c.Components)
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps,
		Files: cardFiles(c.Files), AllowedMentions: noPings()}
}

func netModal() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: netModalID,
			Title:    "Size up a network",
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.TextInput{
					CustomID:    netFieldID,
					Label:       "Layers, PyTorch/Keras code or model.summary()", // Discord allows 45 characters
					Style:       discordgo.TextInputParagraph,
					Placeholder: "input 32x32x3\nconv 3x3 16 pad 1\nrelu\nmaxpool 2\nflatten\nlinear 10",
					Required:    true,
					MaxLength:   4000,
				},
			}}},
		},
	}
}

// modalText returns the value of the text input id in a modal submission.
func modalText(data discordgo.ModalSubmitInteractionData, id string) string {
	for _, c := range data.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range row.Components {
			if t, ok := c.(*discordgo.TextInput); ok && t.CustomID == id {
				return t.Value
			}
		}
	}
	return ""
}

// autocomplete offers the names (the presets) matching what was typed so far, prefix
// matches first, at most 25 (Discord's limit).
func autocomplete(data discordgo.ApplicationCommandInteractionData, names []string) *discordgo.InteractionResponse {
	typed := ""
	for _, o := range data.Options {
		if o.Focused {
			typed = strings.ToLower(strings.TrimSpace(fmt.Sprint(o.Value)))
		}
	}
	var first, rest []*discordgo.ApplicationCommandOptionChoice
	for _, name := range names {
		c := &discordgo.ApplicationCommandOptionChoice{Name: name, Value: name}
		switch {
		case strings.HasPrefix(name, typed):
			first = append(first, c)
		case strings.Contains(name, typed):
			rest = append(rest, c)
		}
	}
	choices := append(first, rest...)
	if len(choices) > 25 {
		choices = choices[:25]
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}
