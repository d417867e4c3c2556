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

// replies remembers which reply answers which question (by the
// question's message id). A forgotten question (or one answered by
// another process) is found by reading the channel after it (findReply),
// so the memory is a shortcut, not the truth.
type replies = recent[replyRef]

// newReplies remembers up to n replies.
func newReplies(n int) *replies { return newRecent[replyRef](n) }

// recent remembers up to n values by key, the oldest forgotten first past
// its capacity.
type recent[V any] struct {
	mu    sync.Mutex
	byKey map[string]V
	order []string // a ring of keys, oldest at next
	next  int
}

// newRecent remembers up to n values.
func newRecent[V any](n int) *recent[V] {
	return &recent[V]{byKey: make(map[string]V, n), order: make([]string, n)}
}

// remember records v for key; a key remembered again takes no new room.
func (r *recent[V]) remember(key string, v V) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.byKey[key]; !ok {
		if old := r.order[r.next]; old != "" {
			delete(r.byKey, old)
		}
		r.order[r.next] = key
		r.next = (r.next + 1) % len(r.order)
	}
	r.byKey[key] = v
}

// lookup returns the value remembered for key.
func (r *recent[V]) lookup(key string) (V, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.byKey[key]
	return v, ok
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
