package bot

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/calc"
)

// Discord's limits on an embed (discordgo does not check them).
const (
	maxEmbedDescription = 4096
	maxEmbedFooter      = 2048
	maxEmbedField       = 1024
	maxEmbedTotal       = 6000
)

// Card is a reply rendered natively for Discord: the answer on the first
// line of its content, the numbers as the fields of an embed with the
// question as understood under them, buttons for more, and attachments
// when the whole answer is longer than a message. It is what a message or
// an interaction response carries, before discordgo's types wrap it.
type Card struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Files      []File
	// Ephemeral is true when only the asker should see the card (a
	// refusal to a slash command).
	Ephemeral bool
	// Err is true when the card is a refusal.
	Err bool
}

// fact is one number of an answer, as an embed field shows it.
type fact struct {
	name  string // "Params"
	exact string // "18,496"
	si    string // "18.5 k", or "" when the exact form is short enough
}

// RenderCard renders r for Discord as a card. asker is the user id of
// whoever asked; it goes into the Delete button, which only they may use
// (empty leaves the button out). Refusals are ephemeral; see RenderWorking,
// RenderTable and RenderPicture for what the buttons show. The Picture
// button is on answers that have a picture (hasPicture: nothing is drawn
// until it is pressed).
func RenderCard(r Reply, asker string) Card {
	if r.Err != nil {
		return refusalCard(r, asker)
	}
	if len(r.Answers) > 0 {
		return answersCard(r, asker)
	}
	facts := answerFacts(r)
	var b strings.Builder
	writeFirstLines(&b, r, facts)
	embed := &discordgo.MessageEmbed{Color: 0x5865F2}
	for _, f := range facts {
		v := f.exact
		if f.si != "" {
			v += " (" + f.si + ")"
		}
		embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: f.name, Value: v, Inline: true})
	}
	understood, complete := understoodFooter(r)
	if understood != "" {
		embed.Footer = &discordgo.MessageEmbedFooter{Text: understood}
	}
	card := Card{}
	var desc strings.Builder
	for _, n := range r.Question.Notes {
		desc.WriteString("(" + discordMarkup.prose(n) + ")\n")
	}
	network := r.Summary != nil && len(r.Summary.Rows) > 0
	if network {
		table, folded := compactTableText(r)
		desc.WriteString(table)
		if folded {
			card.Files = append(card.Files, File{Name: "answer.txt", ContentType: "text/plain; charset=utf-8", Data: []byte(RenderText(r))})
		}
		card.Files = append(card.Files, File{Name: "layers.csv", ContentType: "text/csv; charset=utf-8", Data: rowsCSV(r)})
		if f, ok := memoryFact(r); ok && !hasFact(facts, f.name) {
			embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: f.name, Value: f.exact, Inline: true})
		}
	}
	embed.Description = truncateRunes(printable(strings.TrimSpace(desc.String())), descriptionRoom(embed))
	if strings.Count(embed.Description, "```")%2 == 1 {
		embed.Description += "\n```"
	}
	content := strings.TrimSpace(b.String())
	if len(card.Files) > 0 && hasFile(card.Files, "answer.txt") {
		content += "\n*(the whole answer is attached as answer.txt, the rows as layers.csv)*"
	}
	card.Content = truncateRunes(printable(content), MaxContent-4)
	card.Embeds = []*discordgo.MessageEmbed{embed}
	payload := questionPayload(r, complete)
	var row []discordgo.MessageComponent
	if payload.ok {
		row = append(row, button("Show working", discordgo.PrimaryButton, buttonID{Action: actWorking, Question: payload.text}))
	}
	if payload.ok && network {
		row = append(row, button("Whole table", discordgo.SecondaryButton, buttonID{Action: actTable, Question: payload.text}))
	}
	if payload.ok && hasPicture(r) {
		row = append(row, button("Picture", discordgo.SecondaryButton, buttonID{Action: actPicture, Question: payload.text}))
	}
	if asker != "" {
		row = append(row, button("Delete", discordgo.DangerButton, buttonID{Action: actDelete, Owner: asker}))
	}
	if len(row) > 0 {
		card.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
	}
	return card
}

// descriptionRoom is how many runes e's description may take: Discord's
// 4,096, less what keeps all of e within 6,000, less room to close a
// fence.
func descriptionRoom(e *discordgo.MessageEmbed) int {
	used := 0
	if e.Footer != nil {
		used += utf8.RuneCountInString(e.Footer.Text)
	}
	for _, f := range e.Fields {
		used += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	return min(maxEmbedDescription, maxEmbedTotal-used) - 8
}

// hasFile reports whether fs holds a file called name.
func hasFile(fs []File, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// compactTableText is a network's compact table as the card shows it,
// without the totals (the fields hold them); folded is true when it leaves
// rows out that the whole table has.
func compactTableText(r Reply) (text string, folded bool) {
	var b strings.Builder
	writeSummary(&b, r, discordMarkup, false)
	text = b.String()
	if i := strings.Index(text, "**Totals"); i >= 0 {
		text = text[:i]
	}
	shown := 0
	if open := strings.Index(text, "```\n"); open >= 0 {
		if end := strings.Index(text[open+4:], "\n```"); end >= 0 {
			shown = strings.Count(text[open+4:open+4+end], "\n") // rows below the header
		}
	}
	return text, shown < rowsAbove(r.Summary, r.Summary.MaxDepth()) || strings.Contains(text, "\n…")
}

func hasFact(facts []fact, name string) bool {
	for _, f := range facts {
		if f.name == name {
			return true
		}
	}
	return false
}

// writeFactLine writes the answer's first line: each fact bold, with its
// SI form.
func writeFactLine(b *strings.Builder, facts []fact) {
	for i, f := range facts {
		if i > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(f.name)
		b.WriteString(" **")
		b.WriteString(f.exact)
		b.WriteString("**")
		if f.si != "" {
			b.WriteString(" (" + f.si + ")")
		}
	}
	if len(facts) == 0 {
		b.WriteString("**Answered** — press Show working for the numbers")
	}
}

// writeFirstLines writes the card's message text as the console's reply
// begins (design.md §4), with the same functions: a doubt about the
// reading, the fix to the asker's code, then the answer to what was
// asked. Discord never shows with confidence what the console doubts, nor
// answers a different quantity. The facts, which the embed shows as
// fields, stand in when the reply has no answer line.
func writeFirstLines(b *strings.Builder, r Reply, facts []fact) {
	writeUnsure(b, r.Question, discordMarkup)
	writeFix(b, r.Question, discordMarkup)
	start := b.Len()
	writeAsked(b, r, discordMarkup)
	if b.Len() == start {
		writeFactLine(b, facts)
	}
}

// understoodFooter is the "Understood as" line for an embed's footer,
// which Discord shows as plain text under the fields; complete is false
// when the question was too long to echo whole.
func understoodFooter(r Reply) (text string, complete bool) {
	c := printable(r.Question.Canonical)
	if c == "" {
		return "", false
	}
	sep := " "
	if strings.Contains(c, "\n") {
		sep = "\n"
	}
	text = understoodPrefix + sep + c
	if utf8.RuneCountInString(text) <= maxEmbedFooter {
		return text, true
	}
	echo, more := echoed(r.Question)
	text = understoodPrefix + "\n" + printable(echo) + "\n… (" + strconv.Itoa(more) + " more lines)"
	return truncateRunes(text, maxEmbedFooter-10), false
}

const understoodPrefix = "Understood as:"

// answerFacts picks the numbers the card shows: those asked for, or the
// headline numbers when nothing in particular was asked. Every number is
// read from what calc computed.
func answerFacts(r Reply) []fact {
	q := r.Question
	if q.Solve != nil && len(r.Reports) == 0 && r.Summary == nil {
		return solvedFacts(q.Solve)
	}
	var out []fact
	seen := map[string]bool{}
	add := func(f fact, ok bool) {
		if ok && !seen[f.name] {
			seen[f.name] = true
			out = append(out, f)
		}
	}
	for _, a := range q.Asked {
		add(askedFact(r, a))
	}
	if len(out) > 0 {
		return out
	}
	headline := []string{"params", "output", "macs", "receptive field"}
	if r.Summary == nil {
		headline = []string{"connections", "params", "output", "macs"}
	}
	for _, a := range headline {
		add(askedFact(r, a))
	}
	return out
}

// askedFact is the fact for one asked quantity (grammar.Question.Asked),
// and whether the reply has it.
func askedFact(r Reply, asked string) (fact, bool) {
	rep, ok := lastReport(r)
	single := ok && r.Summary == nil && len(r.Reports) == 1
	switch asked {
	case "params":
		if r.Summary != nil {
			return siFact("Params", r.Summary.Params), true
		}
		return siFact("Params", sumParams(r.Reports)), ok
	case "weights":
		return siFact("Weights", rep.Weights), single
	case "biases":
		return siFact("Biases", rep.Biases), single
	case "connections":
		if r.Question.BiasConnection {
			return consoleFact(r, asked)
		}
		return siFact("Connections per neuron", rep.Connections), single && rep.Connections > 0
	case "total connections":
		if n, found := totalConnections(rep); single && found {
			return siFact("Total connections", n), true
		}
		return siFact("Connections per neuron", rep.Connections), single && rep.Connections > 0
	case "neurons":
		if out := outputShape(r); out != nil {
			if n, err := out.Elements(); err == nil {
				return siFact("Output neurons", n), true
			}
		}
	case "output":
		out := rep.Output
		if r.Summary != nil {
			out = r.Summary.Output
		}
		return fact{name: "Output", exact: shapeText(out)}, out != nil && (r.Summary == nil || r.Summary.Input != nil)
	case "macs", "flops":
		return macsFact(r, asked)
	case "memory":
		return memoryFact(r)
	case "receptive field":
		return fieldFact(r, rep, single)
	}
	return consoleFact(r, asked)
}

// consoleFact is a quantity the card has no short form for (the bytes of
// an fp16 checkpoint, connections with the bias counted) in the console's
// words, so the card answers what was asked rather than falling back to
// the headline numbers.
func consoleFact(r Reply, asked string) (fact, bool) {
	s := askedValue(r, asked)
	if s == "" {
		return fact{}, false
	}
	name, value, found := strings.Cut(s, " = ")
	if !found {
		return fact{}, false
	}
	return fact{name: capitalize(name), exact: value}, true
}

func macsFact(r Reply, asked string) (fact, bool) {
	macs, known := totalMACs(r)
	if !known {
		return fact{}, false
	}
	if asked == "flops" {
		flops, err := calc.FLOPs(macs)
		return siFact("FLOPs", flops), err == nil
	}
	return siFact("MACs", macs), true
}

func memoryFact(r Reply) (fact, bool) {
	if r.Summary == nil || r.Summary.Input == nil {
		return fact{}, false
	}
	mem, err := r.Summary.Memory(int64(r.Question.Batch), bytesOf(r.Question))
	if err != nil {
		return fact{}, false
	}
	return fact{name: "Memory to train (batch " + strconv.FormatInt(mem.Batch, 10) + ")", exact: mb(mem.Total) + " MB"}, true
}

// fieldFact is the receptive field: of the network's last row that has
// one, or of a single layer (its dilated kernel).
func fieldFact(r Reply, rep calc.Report, single bool) (fact, bool) {
	if r.Summary != nil {
		rows := r.Summary.Rows
		for i := len(rows) - 1; i >= 0; i-- {
			if rows[i].Field != nil {
				size, _, _ := windowText(rows[i].Field)
				return fact{name: "Receptive field", exact: size}, true
			}
		}
		return fact{}, false
	}
	if !single || len(rep.Window) == 0 {
		return fact{}, false
	}
	size, _, _ := windowText(rep.Window)
	return fact{name: "Receptive field", exact: size}, true
}

// solvedFacts is the answer to an inverse question: the unknown's values.
func solvedFacts(s *calc.Solved) []fact {
	if len(s.Solutions) == 0 {
		return []fact{{name: capitalize(s.Unknown), exact: "none from " + group(s.Min) + " to " + group(s.Max)}}
	}
	values := make([]string, len(s.Solutions))
	for i, v := range s.Solutions {
		values[i] = group(v)
	}
	return []fact{{name: capitalize(s.Unknown), exact: strings.Join(values, ", ")}}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// siFact is a count with its SI form when it has five digits or more.
func siFact(name string, n int64) fact {
	return fact{name: name, exact: group(n), si: si(n)}
}

// si writes n with three significant digits and an SI prefix (18.5 k,
// 11.7 M, 1.82 G), or "" below 10,000, where the exact number reads as
// easily.
func si(n int64) string {
	if n < 10_000 && n > -10_000 {
		return ""
	}
	sign := ""
	v := float64(n)
	if n < 0 {
		sign, v = "−", -v
	}
	units := []string{"", "k", "M", "G", "T", "P", "E"}
	u := 0
	for v >= 999.5 && u < len(units)-1 {
		v /= 1000
		u++
	}
	decimals := 0
	switch {
	case v < 9.995:
		decimals = 2
	case v < 99.95:
		decimals = 1
	}
	return sign + strconv.FormatFloat(v, 'f', decimals, 64) + " " + units[u]
}

// refusalCard renders a refusal: the error first (what, where, a caret,
// something to try), then the question as typed in an embed, which the
// Edit & ask again button reads back to pre-fill its modal.
func refusalCard(r Reply, asker string) Card {
	var b strings.Builder
	writeCardError(&b, r)
	card := Card{Err: true, Ephemeral: r.Summary == nil && len(r.Reports) == 0}
	card.Content = truncateRunes(strings.TrimRight(b.String(), "\n"), MaxContent-4) // writeCardError made it printable
	if strings.Count(card.Content, "```")%2 == 1 {
		card.Content += "\n```"
	}
	var row []discordgo.MessageComponent
	if r.Text != "" && !r.Internal {
		if desc, ok := fenceQuestion(r.Text); ok {
			card.Embeds = []*discordgo.MessageEmbed{{Title: "Your question", Description: desc, Color: 0xED4245}}
			row = append(row, button("Edit & ask again", discordgo.PrimaryButton, buttonID{Action: actEdit}))
		}
	}
	if asker != "" && !card.Ephemeral {
		row = append(row, button("Delete", discordgo.DangerButton, buttonID{Action: actDelete, Owner: asker}))
	}
	if len(row) > 0 {
		card.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
	}
	return card
}

// writeCardError writes a refusal as writeError does, but with the caret
// under the error in an ansi block, red, where Discord colours it.
func writeCardError(b *strings.Builder, r Reply) {
	e := r.Err
	snip := ""
	if !r.Internal {
		snip = e.Snippet(r.Text)
	}
	if snip == "" {
		var e strings.Builder
		writeError(&e, r, discordMarkup)
		b.WriteString(printable(e.String()))
		return
	}
	// writeError with the snippet left out, then the snippet put back in
	// after the headline.
	plainErr := *e
	plainErr.Line = 0
	r2 := r
	r2.Err = &plainErr
	var rest strings.Builder
	writeError(&rest, r2, discordMarkup)
	text := printable(rest.String())
	head, tail, _ := strings.Cut(text, "\n")
	at := " (line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Col) + "):**"
	head = strings.Replace(head, ":**", at, 1)
	b.WriteString(head)
	b.WriteString("\n```ansi\n")
	line, caret, _ := strings.Cut(snip, "\n")
	b.WriteString(strings.ReplaceAll(printable(line), "```", "'''"))
	b.WriteString("\n\x1b[1;31m")
	b.WriteString(caret)
	b.WriteString("\x1b[0m\n```\n")
	b.WriteString(tail)
}

// fenceQuestion puts text in a code block for an embed's description,
// tagged py when it is PyTorch code; backticks are kept apart with a
// zero-width space so the block stays closed, and unfenceQuestion undoes
// it exactly. ok is false when the text is too long for an embed.
func fenceQuestion(text string) (string, bool) {
	tag := ""
	if looksLikePyTorch(text) {
		tag = "py"
	}
	s := "```" + tag + "\n" + strings.ReplaceAll(printable(text), "`", "`\u200b") + "\n```"
	return s, utf8.RuneCountInString(s) <= maxEmbedDescription
}

// unfenceQuestion is the text fenceQuestion fenced.
func unfenceQuestion(s string) (string, bool) {
	if !strings.HasPrefix(s, "```") || !strings.HasSuffix(s, "\n```") {
		return "", false
	}
	_, body, ok := strings.Cut(s, "\n")
	if !ok {
		return "", false
	}
	body = strings.TrimSuffix(body, "\n```")
	return strings.ReplaceAll(body, "`\u200b", "`"), true
}

// looksLikePyTorch reports whether text is a PyTorch paste, to tag its
// code block.
func looksLikePyTorch(text string) bool {
	return strings.Contains(text, "nn.") || strings.Contains(text, "torch") ||
		strings.HasPrefix(strings.TrimSpace(text), "import ") || strings.HasPrefix(strings.TrimSpace(text), "class ")
}

// RenderWorking renders the whole working behind a card, for the Show
// working button (ephemeral): in the message when it fits, else a short
// answer with the whole one attached as plain text.
func RenderWorking(r Reply) Card {
	card := Card{Ephemeral: true, Err: !r.OK()}
	whole := printable(explain(r, discordMarkup, true))
	if fitsRunes(whole, MaxContent) {
		card.Content = whole
		return card
	}
	const attached = "\n*(the whole working is attached: working.txt)*"
	compact := printable(explain(r, discordMarkup, false))
	compact = truncateRunes(compact, MaxContent-utf8.RuneCountInString(attached)-10)
	if strings.Count(compact, "```")%2 == 1 {
		compact += "\n```"
	}
	card.Content = compact + attached
	card.Files = []File{{Name: "working.txt", ContentType: "text/plain; charset=utf-8", Data: []byte(RenderText(r))}}
	return card
}

// RenderTable renders a network's whole table, every row at every depth,
// for the Whole table button (ephemeral): in the message when it fits,
// else attached as table.txt with the rows as layers.csv.
func RenderTable(r Reply) Card {
	if r.Summary == nil || len(r.Summary.Rows) == 0 {
		return RenderWorking(r)
	}
	r2 := r
	q := *r.Question
	q.Depth = r.Summary.MaxDepth()
	r2.Question = &q
	var b strings.Builder
	writeSummary(&b, r2, plain, true)
	text := printable(strings.TrimRight(capAnswer(b.String()), "\n"))
	card := Card{Ephemeral: true}
	if block := "```\n" + text + "\n```"; fitsRunes(block, MaxContent) && !strings.Contains(text, "```") {
		card.Content = block
		return card
	}
	card.Content = "**The whole table** (" + strconv.Itoa(len(r.Summary.Rows)) + " rows) is attached: table.txt, and the rows as layers.csv."
	card.Files = []File{
		{Name: "table.txt", ContentType: "text/plain; charset=utf-8", Data: []byte(text + "\n")},
		{Name: "layers.csv", ContentType: "text/csv; charset=utf-8", Data: rowsCSV(r)},
	}
	return card
}

// size is about how many bytes c holds (for the send budget).
func (c Card) size() int {
	n := Message{Content: c.Content, Files: c.Files}.size()
	for _, e := range c.Embeds {
		n += len(e.Description) + 512
	}
	return n
}

// cardOf is a plain message (a notice, the help) as a card.
func cardOf(m Message) Card {
	return Card{Content: m.Content, Files: m.Files, Ephemeral: m.Ephemeral, Err: m.Err}
}

// cardWithoutFiles is c for when its attachments could not be uploaded:
// the card as it is, saying the files are missing.
func cardWithoutFiles(c Card) Card {
	if len(c.Files) > 0 && onlyPictures(c.Files) {
		const note = "\n*(the picture could not be attached; `cnnbot ask --picture FILE` draws it in a terminal)*"
		c.Content = truncateRunes(c.Content, MaxContent-utf8.RuneCountInString(note)-4) + note
		c.Files = nil
		return c
	}
	if len(c.Embeds) == 0 { // a plain message, as RenderMarkdown makes them
		m := withoutFiles(Message{Content: c.Content, Files: c.Files})
		c.Content, c.Files = m.Content, m.Files
		return c
	}
	const note = "\n*(the attachments could not be attached; `cnnbot ask` in a terminal prints the whole answer)*"
	c.Content = truncateRunes(c.Content, MaxContent-utf8.RuneCountInString(note)-4) + note
	c.Files = nil
	return c
}

// onlyPictures reports whether every file of fs is an image.
func onlyPictures(fs []File) bool {
	for _, f := range fs {
		if !strings.HasPrefix(f.ContentType, "image/") {
			return false
		}
	}
	return true
}
