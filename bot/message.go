package bot

// Message is a reply rendered for Discord but not yet in discordgo's types:
// content (at most 2,000 runes), an optional embed, files to attach when the
// full answer is longer than Discord allows, and whether only the asker
// should see it (errors to slash commands).
type Message struct {
	Content   string
	Embed     *Embed
	Files     []File
	Ephemeral bool
	// Err is true when the message is a refusal (a question the bot could
	// not answer as typed).
	Err bool
}

// Embed is a Discord embed: a title, a description (at most 4,096 runes) and
// up to 25 fields; all of it at most 6,000 runes.
type Embed struct {
	Title       string
	Description string
	Fields      []Field
	Footer      string
}

// Field is one name/value pair of an [Embed] (value at most 1,024 runes).
type Field struct {
	Name, Value string
	Inline      bool
}

// File is an attachment.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Discord's limits, in runes.
const (
	MaxContent          = 2000
	MaxEmbedDescription = 4096
	MaxEmbedTotal       = 6000
	MaxFieldValue       = 1024
	MaxFields           = 25
)
