package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// answersCard is the card of a message that held several questions ("1)
// ... 2) ...", "two 3x3 convs instead of a 5x5"): a comparison's answer
// first, then each question's numbers on a line of its own, and the whole
// answer in the embed, attached when it does not fit.
func answersCard(r Reply, asker string) Card {
	var b strings.Builder
	writeAnswersUnsure(&b, r, discordMarkup)
	writeCompared(&b, r, discordMarkup)
	for i, a := range r.Answers {
		fmt.Fprintf(&b, "**Q%d** ", i+1)
		if a.Err != nil {
			b.WriteString("I can't answer this one as written: " + discordMarkup.prose(a.Err.Msg))
		} else {
			writeAnswerParts(&b, a)
			if a.Question != nil && a.Question.Canonical != "" && !strings.Contains(a.Question.Canonical, "\n") {
				b.WriteString(" — `" + a.Question.Canonical + "`")
			}
		}
		b.WriteString("\n")
	}
	card := Card{Content: truncateRunes(printable(strings.TrimSpace(b.String())), MaxContent-4)}
	full := RenderMarkdown(r)
	embed := &discordgo.MessageEmbed{Color: 0x5865F2, Title: fmt.Sprintf("%d questions", len(r.Answers))}
	embed.Description = truncateRunes(printable(full.Content), descriptionRoom(embed))
	if strings.Count(embed.Description, "```")%2 == 1 {
		embed.Description += "\n```"
	}
	if embed.Description != full.Content || len(full.Files) > 0 {
		card.Files = append(card.Files, File{Name: "answer.txt", ContentType: "text/plain; charset=utf-8", Data: []byte(RenderText(r))})
	}
	card.Embeds = []*discordgo.MessageEmbed{embed}
	if asker != "" {
		card.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			button("Delete", discordgo.DangerButton, buttonID{Action: actDelete, Owner: asker})}}}
	}
	return card
}

// writeAnswerParts writes one question's numbers as the console's first
// line gives them, or its card facts when that line has none (an inverse
// question's setting).
func writeAnswerParts(b *strings.Builder, a Reply) {
	parts := askedParts(a)
	if len(parts) == 0 || a.Question.Solve != nil {
		writeFactLine(b, answerFacts(a))
		return
	}
	for i, p := range parts {
		parts[i] = boldValue(p, discordMarkup)
	}
	b.WriteString(strings.Join(parts, " · "))
}
