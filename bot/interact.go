package bot

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/grammar"
)

// responder answers interactions — slash commands, the message command,
// buttons, modals, autocomplete — for the gateway and for the HTTP
// interactions endpoint alike. It does no I/O: plan says what an
// interaction calls for, and the transport sends it (a REST call, or the
// body of Discord's POST), does the work it asks for and what must follow.
type responder struct {
	bot *Bot
	// limit, when set, is asked before answering a question; a refusal
	// comes with the polite notice to send instead.
	limit func(user string, now time.Time) (ok bool, notice Message)
	now   func() time.Time
}

// outcome is what an interaction calls for: a response to send at once,
// or a question to answer (the transport decides when and where: the
// gateway defers and answers on its pool, the HTTP endpoint answers in
// the request), and what must follow the response.
type outcome struct {
	resp *discordgo.InteractionResponse
	// ask, when resp is nil, is the question to answer.
	ask *asking
	// remove asks the transport to delete the message the pressed button
	// is on, after the (deferred update) response.
	remove bool
}

// asking is work an interaction asks for — a question to answer, an idea
// to explain — which goes through the flood limit and, on the gateway,
// the pool.
type asking struct {
	user string
	// private makes the answer ephemeral whatever it is.
	private bool
	// quick work (the help) is answered at once, not deferred; anything
	// that draws a picture is not quick.
	quick bool
	// card does the work.
	card func(ctx context.Context, b *Bot) Card
}

// render does a's work.
func (a *asking) render(ctx context.Context, b *Bot) Card {
	card := a.card(ctx, b)
	card.Ephemeral = card.Ephemeral || a.private
	return card
}

// answering is the work of answering q with view; owner may delete it.
func answering(q, owner string, view func(Reply, string) Card) func(context.Context, *Bot) Card {
	return func(ctx context.Context, b *Bot) Card { return view(b.Answer(ctx, q), owner) }
}

// interactionUser is who used an interaction: the member in a server, the
// user in a DM.
func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// plan works out what i calls for, without answering any question.
func (rs *responder) plan(ctx context.Context, i *discordgo.Interaction) outcome {
	user := interactionUser(i)
	switch i.Type {
	case discordgo.InteractionPing:
		return outcome{resp: &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}}
	case discordgo.InteractionApplicationCommand:
		return rs.command(ctx, i, user)
	case discordgo.InteractionApplicationCommandAutocomplete:
		return outcome{resp: autocomplete(i.ApplicationCommandData(), grammar.Presets())}
	case discordgo.InteractionMessageComponent:
		return rs.component(ctx, i, user)
	case discordgo.InteractionModalSubmit:
		data := i.ModalSubmitData()
		switch data.CustomID {
		case netModalID:
			return rs.ask(ctx, user, modalText(data, netFieldID), false)
		case askModalID:
			return rs.ask(ctx, user, modalText(data, askFieldID), false)
		}
	}
	return outcome{}
}

// command answers a slash command or the message command.
func (rs *responder) command(ctx context.Context, i *discordgo.Interaction, user string) outcome {
	data := i.ApplicationCommandData()
	if data.CommandType == discordgo.MessageApplicationCommand {
		text := ""
		if data.Resolved != nil {
			if m := data.Resolved.Messages[data.TargetID]; m != nil {
				text = stripMentions(m.Content)
			}
		}
		return rs.ask(ctx, user, text, false)
	}
	switch data.Name {
	case "cnn":
		private, _ := optionValue(data.Options, "private").(bool)
		q, _ := optionValue(data.Options, "question").(string)
		return rs.ask(ctx, user, q, private)
	case "preset":
		return rs.ask(ctx, user, presetQuestion(rs.bot, ctx, data.Options), false)
	case "net":
		return outcome{resp: netModal()}
	case "explain":
		name, _ := optionValue(data.Options, "topic").(string)
		if _, ok := lookupTopic(name); !ok {
			return outcome{resp: cardResponse(Card{Content: "I can explain: " + topicNames() + ".", Ephemeral: true, Err: true})}
		}
		// Not quick: the answer carries a picture, drawn on a worker.
		return outcome{ask: &asking{user: user, card: func(ctx context.Context, b *Bot) Card {
			card, _ := b.Explain(ctx, name)
			return card
		}}}
	case "help":
		return rs.ask(ctx, user, "", true)
	}
	return outcome{resp: cardResponse(Card{Content: "I don't know that command; try `/help`.", Ephemeral: true, Err: true})}
}

// nativeHelp is /help: the ways to ask, the README's link, the console's
// Help in a code block.
const nativeHelp = "**Ask me about a CNN layer or network** — `/cnn question: conv 3x3 32->64 stride 2 pad 1 input 56x56`, " +
	"a mention (`@cnnbot nn.Conv2d(3, 64, 7, 2, 3)`), a DM, or right-click a message → Apps → **" + sizeThisUp + "**; " +
	"`/net` opens a box for a whole network (code and `model.summary()` pastes welcome); `/preset name: resnet18`; " +
	"`/explain topic: padding`. The whole guide: <" + readmeURL + ">\n```\n" + Help + "\n```"

func topicNames() string {
	names := make([]string, len(topics))
	for i, t := range topics {
		names[i] = t.name
	}
	return strings.Join(names, ", ")
}

// optionValue is the value of the option called name, or nil.
func optionValue(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) any {
	for _, o := range opts {
		if o.Name == name {
			return o.Value
		}
	}
	return nil
}

// ask is a question to answer as a card: refusals ephemeral, answers
// too when private. An empty question gets the help.
func (rs *responder) ask(_ context.Context, user, q string, private bool) outcome {
	if strings.TrimSpace(q) == "" {
		return outcome{ask: &asking{user: user, private: true, quick: true, card: helpCard}}
	}
	owner := user
	if private {
		owner = "" // an ephemeral message is dismissed, not deleted
	}
	return outcome{ask: &asking{user: user, private: private, card: answering(q, owner, RenderCard)}}
}

// helpCard is /help's answer.
func helpCard(context.Context, *Bot) Card {
	return Card{Content: nativeHelp, Ephemeral: true}
}

// component answers a button press.
func (rs *responder) component(_ context.Context, i *discordgo.Interaction, user string) outcome {
	id, err := parseButtonID(i.MessageComponentData().CustomID)
	if err != nil {
		return outcome{}
	}
	if id.Action == actDelete {
		if user == "" || user != id.Owner {
			return outcome{resp: cardResponse(Card{Content: "Only <@" + id.Owner + ">, who asked, can delete this answer.", Ephemeral: true, Err: true})}
		}
		return outcome{resp: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}, remove: true}
	}
	q := id.Question
	if q == "" {
		var ok bool
		if q, ok = cardQuestionOf(i.Message); !ok {
			return outcome{resp: cardResponse(Card{Content: "I can't find the question this button belongs to any more; please ask again.", Ephemeral: true, Err: true})}
		}
	}
	view := func(r Reply, _ string) Card { return RenderWorking(r) }
	switch id.Action {
	case actEdit:
		return outcome{resp: askModal(q)}
	case actTable:
		view = func(r Reply, _ string) Card { return RenderTable(r) }
	case actPicture:
		view = func(r Reply, _ string) Card { return RenderPicture(r) }
	}
	return outcome{ask: &asking{user: user, private: true, card: answering(q, "", view)}}
}

// askModal is Edit & ask again's modal, pre-filled with q.
func askModal(q string) *discordgo.InteractionResponse {
	if r := []rune(q); len(r) > 4000 {
		q = string(r[:4000])
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: askModalID,
			Title:    "Edit and ask again",
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.TextInput{CustomID: askFieldID, Label: "Question: layers, code or model.summary()",
					Style: discordgo.TextInputParagraph, Value: q, Required: true, MaxLength: 4000},
			}}},
		},
	}
}

// presetQuestion writes /preset's options as a question: the preset by
// name with its batch and depth, or, for another input size, the preset's
// layers with the input line replaced.
func presetQuestion(b *Bot, ctx context.Context, opts []*discordgo.ApplicationCommandInteractionDataOption) string {
	name, _ := optionValue(opts, "name").(string)
	name = strings.TrimSpace(name)
	var extra strings.Builder
	for _, o := range []string{"batch", "depth"} {
		if v, ok := optionValue(opts, o).(float64); ok && v >= 1 {
			fmt.Fprintf(&extra, " %s %d", o, int64(v))
		}
	}
	input, _ := optionValue(opts, "input").(string)
	input = strings.TrimSpace(input)
	if input == "" || name == "" {
		return name + extra.String()
	}
	shown := b.Answer(ctx, "show "+name)
	if shown.Err != nil || shown.Question == nil || !shown.Question.Network {
		return name + " input " + input // refused, with the reason
	}
	// The comments go: the front door reads a network whose comment
	// names a preset ("# LeNet-5 ...") as that preset, at its own input.
	var lines []string
	for _, l := range strings.Split(shown.Question.Canonical, "\n") {
		l, _, _ = strings.Cut(l, "#")
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if strings.HasPrefix(l, "input ") {
			l = "input " + input
		}
		lines = append(lines, l)
	}
	text := strings.Join(lines, "\n")
	if extra.Len() > 0 {
		text += "\n" + strings.TrimSpace(extra.String())
	}
	return text
}

var mentionRE = regexp.MustCompile(`<@!?\d+>`)

// stripMentions removes user mentions from a message used with Size this
// up (a question addressed to the bot).
func stripMentions(s string) string {
	return strings.TrimSpace(mentionRE.ReplaceAllString(s, " "))
}

// cardResponse converts a card for an interaction response (type 4).
func cardResponse(c Card) *discordgo.InteractionResponse {
	data := &discordgo.InteractionResponseData{
		Content:         c.Content,
		Embeds:          c.Embeds,
		Components:      wire(c.Components),
		Files:           cardFiles(c.Files),
		AllowedMentions: noPings(),
	}
	if c.Ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

// cardSend converts a card for a channel message.
func cardSend(c Card) *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Content:         c.Content,
		Embeds:          c.Embeds,
		Components:      wire(c.Components),
		Files:           cardFiles(c.Files),
		AllowedMentions: noPings(),
	}
}

func cardFiles(fs []File) []*discordgo.File {
	var out []*discordgo.File
	for _, f := range fs {
		out = append(out, &discordgo.File{Name: f.Name, ContentType: f.ContentType, Reader: bytes.NewReader(f.Data)})
	}
	return out
}
