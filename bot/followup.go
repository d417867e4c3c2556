package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/grammar"
)

// A student asks "conv 3x3 32->64 on 56x56, params?", reads the answer,
// and sends "and if bias=False?" or "what about stride 2" as a message of
// its own. Alone it names no layer; after the question it changes one
// setting of it. The console chat keeps the last question answered, and
// Discord the question a reply answered, so the follow-up is read as the
// question asked again with the change (grammar.FollowUp).

// AnswerAfter answers text, sent after the question prev was answered.
// When text cannot be answered on its own but reads as prev asked again
// with a change, the reply answers that: its Text is prev and text as one
// message, and its notes say it is a follow-up. Otherwise it is Answer's
// reply to text.
func (b *Bot) AnswerAfter(ctx context.Context, prev, text string) Reply {
	alone := b.Answer(ctx, text)
	if alone.Internal || strings.TrimSpace(prev) == "" || alone.OK() && !grammar.SaysAgain(text) {
		return alone
	}
	after := b.guarded(text, func() Reply {
		both, q, ok := grammar.FollowUp(prev, text)
		if !ok {
			return unmadeChange(alone)
		}
		return b.answer(ctx, both, q)
	})
	if after.Internal {
		return alone
	}
	return after
}

// unmadeChange is the reply to a message that starts as a follow-up ("what
// if the first pool is 4x4?") but whose change could not be made to the
// question before it, answered on its own. It may answer a question that
// was not asked, so it says so first.
func unmadeChange(alone Reply) Reply {
	if alone.OK() && alone.Question != nil {
		alone.Question.Doubts = append(alone.Question.Doubts, grammar.UnmadeChange)
	}
	return alone
}

// followed returns the question that message m follows up, as read: when
// m replies to one of the bot's answers, the question that answer
// answered. It is "" for any other message, and when that question can no
// longer be read (deleted, or not the bot's to read).
func (d *discord) followed(s *discordgo.Session, m *discordgo.Message) string {
	ref := m.ReferencedMessage
	if ref == nil || ref.Author == nil || s.State.User == nil || ref.Author.ID != s.State.User.ID || ref.MessageReference == nil {
		return ""
	}
	asked := ref.MessageReference.MessageID
	if read, ok := d.read.lookup(asked); ok {
		return read
	}
	qm, err := s.ChannelMessage(m.ChannelID, asked, discordgo.WithContext(d.ctx))
	if err != nil {
		return ""
	}
	text, _ := question(qm, s.State.User.ID)
	return text
}
