package bot

import (
	"context"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// An edited question gets an edited answer: when the asker edits a message
// the bot answered, the bot edits its reply (MESSAGE_UPDATE), so a fixed
// typo gets a fixed answer rather than a second message.

// replyRef is where a reply is.
type replyRef struct{ channel, message string }

// replies remembers which reply answers which question, the oldest
// forgotten first past its capacity. A forgotten question (or one answered
// by another process) is found by reading the channel after it
// (findReply), so the map is a shortcut, not the truth.
type replies struct {
	mu    sync.Mutex
	byQ   map[string]replyRef
	order []string // a ring of question ids, oldest at next
	next  int
}

// newReplies remembers up to n replies.
func newReplies(n int) *replies {
	return &replies{byQ: make(map[string]replyRef, n), order: make([]string, n)}
}

// remember records that message in channel answers question.
func (r *replies) remember(question, channel, message string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.byQ[question]; !ok {
		if old := r.order[r.next]; old != "" {
			delete(r.byQ, old)
		}
		r.order[r.next] = question
		r.next = (r.next + 1) % len(r.order)
	}
	r.byQ[question] = replyRef{channel, message}
}

// lookup returns the reply remembered for question.
func (r *replies) lookup(question string) (replyRef, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ref, ok := r.byQ[question]
	return ref, ok
}

// findReply looks for the bot's (self's) reply to question among the
// messages after it in channel: the one whose reference points at it.
func findReply(ctx context.Context, s *discordgo.Session, channel, question, self string) (replyRef, bool) {
	msgs, err := s.ChannelMessages(channel, 50, "", question, "", discordgo.WithContext(ctx))
	if err != nil {
		return replyRef{}, false
	}
	for _, m := range msgs {
		if m.Author != nil && m.Author.ID == self && m.MessageReference != nil && m.MessageReference.MessageID == question {
			return replyRef{channel, m.ID}, true
		}
	}
	return replyRef{}, false
}

// cardEdit converts a card for editing a message in place: the content,
// embeds and buttons replaced, the old attachments replaced by the card's.
func cardEdit(ref replyRef, c Card) *discordgo.MessageEdit {
	content := c.Content
	embeds := c.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	comps := wire(c.Components)
	keep := []*discordgo.MessageAttachment{}
	return &discordgo.MessageEdit{
		ID: ref.message, Channel: ref.channel,
		Content: &content, Embeds: &embeds, Components: &comps,
		Files: cardFiles(c.Files), Attachments: &keep,
		AllowedMentions: noPings(),
	}
}
