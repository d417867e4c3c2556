package bot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/sync/semaphore"

	"github.com/cnnbot/cnnbot/grammar"
)

// noPings is sent with every message and interaction response: it
// serialises as "parse":[], so text echoed from a question (@everyone, a
// role, a user) pings nobody, the asker included.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// commands are the slash commands, registered with one bulk overwrite
// after READY.
var commands = []*discordgo.ApplicationCommand{
	{
		Name:        "cnn",
		Description: "Parameters, output shape and MACs of a layer or network",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "question",
			Description: "e.g. conv 3x3 32->64 stride 2 pad 1 input 56x56",
			Required:    true,
			MaxLength:   4000,
		}},
	},
	{Name: "net", Description: "Size up a whole network, one layer a line"},
	{
		Name:        "preset",
		Description: "Size up a well-known network",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         "name",
			Description:  "the network's name",
			Required:     true,
			Autocomplete: true,
		}},
	},
	{Name: "help", Description: "How to ask, with examples"},
}

const (
	netModalID = "net"
	netFieldID = "network"
)

// helpText is the /help reply and the answer to an empty mention: the
// ways to ask on Discord, then the console's Help in a code block.
const helpText = "**Ask me about a CNN layer or network** — `/cnn question: conv 3x3 32->64 stride 2 pad 1 input 56x56`, " +
	"a mention (`@cnnbot nn.Conv2d(3, 64, 7, 2, 3)`) or a DM; `/net` opens a box for a whole network; " +
	"`/preset name: resnet18` sizes up a well-known one.\n```\n" + Help + "\n```"

// discord is the Discord transport: it turns gateway events into questions
// for Bot.Answer and the rendered replies into REST calls.
type discord struct {
	bot    *Bot
	log    *slog.Logger
	flood  *flood
	m      *metrics
	health *health
	guild  string
	render func(Reply) Message
	now    func() time.Time
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
	if !d.begin() {
		return
	}
	defer d.inflight.Done()
	got, err := s.ApplicationCommandBulkOverwrite(appID, d.guild, commands, discordgo.WithContext(d.ctx))
	if err != nil {
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
	send := func(msg Message) error {
		m := messageSend(msg)
		m.Reference = mc.SoftReference()
		_, err := s.ChannelMessageSendComplex(mc.ChannelID, m, discordgo.WithContext(d.ctx))
		return err
	}
	msg, now, queue := d.screen(mc.Author.ID, q, start, false)
	switch {
	case queue:
		d.inflight.Add(1)
		if d.pool.submit(func() { defer d.inflight.Done(); d.deliver(d.answer(q), send, start, log) }) {
			return
		}
		d.inflight.Done()
		msg, now = d.busy(), true
	case !now:
		return
	}
	d.deliver(msg, send, start, log)
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
		return Message{Content: helpText, Ephemeral: interaction}, true, false
	}
	return Message{}, false, true
}

// busy is the polite reply to a question that finds the queue full.
func (d *discord) busy() Message {
	d.m.busy.Inc()
	return Message{Content: "I'm busy answering a crowd of questions right now — please ask again in a moment.", Ephemeral: true}
}

// answer answers q and renders it for Discord, within answerTimeout.
func (d *discord) answer(q string) Message {
	ctx, cancel := context.WithTimeout(d.ctx, answerTimeout)
	defer cancel()
	msg := d.render(d.bot.Answer(ctx, q))
	if msg.Err {
		d.m.errors.WithLabelValues("refused").Inc()
	}
	return msg
}

// answerTimeout bounds the work of one answer (Answer checks its context
// between the layers of a network).
const answerTimeout = 10 * time.Second

// deliver sends msg with send, off the worker: a send can wait on
// Discord's rate limits for seconds, and the workers must go on answering.
// What waits to be sent is bounded in bytes (sendBudget): when it is
// spent, deliver waits, so the queue fills and new questions get the busy
// reply. An attachment Discord refuses (too large, or any failure) is
// followed by the message without it, saying so: never silence.
func (d *discord) deliver(msg Message, send func(Message) error, start time.Time, log *slog.Logger) {
	weight := min(int64(msg.size()), sendBudget)
	if err := d.sending.Acquire(d.ctx, weight); err != nil {
		log.Warn("reply dropped: shutting down", "err", err)
		return
	}
	d.inflight.Add(1)
	go func() {
		defer d.inflight.Done()
		defer d.sending.Release(weight)
		err := send(msg)
		if err != nil && len(msg.Files) > 0 {
			d.m.errors.WithLabelValues("rest").Inc()
			log.Warn("sending the reply with its attachment failed; sending it without", "err", d.restErr(err))
			err = send(withoutFiles(msg))
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

func (d *discord) onInteractionCreate(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	defer d.guard("INTERACTION_CREATE")
	start := d.now()
	if !d.begin() {
		return
	}
	defer d.inflight.Done()
	i := ic.Interaction
	user := ""
	if i.Member != nil && i.Member.User != nil {
		user = i.Member.User.ID
	} else if i.User != nil {
		user = i.User.ID
	}
	log := d.log.With("interaction", i.ID, "user", user)

	var resp *discordgo.InteractionResponse
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		switch data.Name {
		case "cnn", "preset":
			q := ""
			for _, o := range data.Options {
				if o.Type == discordgo.ApplicationCommandOptionString {
					q = o.StringValue()
				}
			}
			d.askInteraction(s, i, user, q, start, log)
			return
		case "net":
			resp = netModal()
		case "help":
			msg, _, _ := d.screen(user, "", start, true)
			resp = messageResponse(msg)
		default:
			resp = messageResponse(Message{Content: "I don't know that command; try `/help`.", Ephemeral: true, Err: true})
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		resp = autocomplete(i.ApplicationCommandData(), grammar.Presets())
	case discordgo.InteractionModalSubmit:
		data := i.ModalSubmitData()
		if data.CustomID != netModalID {
			return
		}
		d.askInteraction(s, i, user, modalText(data, netFieldID), start, log)
		return
	default:
		return
	}
	if err := s.InteractionRespond(i, resp, discordgo.WithContext(d.ctx)); err != nil {
		d.m.errors.WithLabelValues("rest").Inc()
		log.Error("responding to interaction", "err", d.restErr(err))
	}
}

// askInteraction answers q for a slash command or modal. Flood notices,
// the help and the busy reply go at once; a question is deferred first
// (Discord wants an acknowledgement within 3 s), answered on the pool, and
// the deferred response edited to the answer. A refusal replaces it with
// one seen by the asker only.
func (d *discord) askInteraction(s *discordgo.Session, i *discordgo.Interaction, user, q string, start time.Time, log *slog.Logger) {
	d.m.questions.Inc()
	respond := func(msg Message) {
		if err := s.InteractionRespond(i, messageResponse(msg), discordgo.WithContext(d.ctx)); err != nil {
			d.m.errors.WithLabelValues("rest").Inc()
			log.Error("responding to interaction", "err", d.restErr(err))
		}
	}
	msg, now, _ := d.screen(user, q, start, true)
	if now {
		respond(msg)
		return
	}
	deferred := make(chan bool, 1)
	d.inflight.Add(1)
	job := func() {
		defer d.inflight.Done()
		msg := d.answer(q)
		if <-deferred {
			d.deliver(msg, func(msg Message) error { return d.editDeferred(s, i, msg) }, start, log)
		}
	}
	if !d.pool.submit(job) {
		d.inflight.Done()
		respond(d.busy())
		return
	}
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource},
		discordgo.WithContext(d.ctx))
	if err != nil {
		d.m.errors.WithLabelValues("rest").Inc()
		log.Error("deferring the interaction", "err", d.restErr(err))
	}
	deferred <- err == nil
}

// editDeferred puts msg in place of a deferred response: an edit, or for
// an ephemeral message (a refusal) the deferred response deleted and msg
// sent as an ephemeral follow-up, since a deferral cannot become
// ephemeral.
func (d *discord) editDeferred(s *discordgo.Session, i *discordgo.Interaction, msg Message) error {
	ctx := discordgo.WithContext(d.ctx)
	if msg.Ephemeral {
		if err := s.InteractionResponseDelete(i, ctx); err != nil {
			return err
		}
		_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content: msg.Content, Files: files(msg.Files), AllowedMentions: noPings(), Flags: discordgo.MessageFlagsEphemeral,
		}, ctx)
		return err
	}
	content := msg.Content
	_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content, Files: files(msg.Files), AllowedMentions: noPings()}, ctx)
	return err
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
					Label:       "One layer a line, after the input size",
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

// messageSend converts msg for a channel message.
func messageSend(msg Message) *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Content:         msg.Content,
		Files:           files(msg.Files),
		AllowedMentions: noPings(),
	}
}

// messageResponse converts msg for an interaction response.
func messageResponse(msg Message) *discordgo.InteractionResponse {
	data := &discordgo.InteractionResponseData{
		Content:         msg.Content,
		Files:           files(msg.Files),
		AllowedMentions: noPings(),
	}
	if msg.Ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

func files(fs []File) []*discordgo.File {
	var out []*discordgo.File
	for _, f := range fs {
		out = append(out, &discordgo.File{Name: f.Name, ContentType: f.ContentType, Reader: bytes.NewReader(f.Data)})
	}
	return out
}
