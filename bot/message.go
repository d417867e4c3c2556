package bot

// Message is a reply rendered for Discord but not yet in discordgo's types:
// markdown content (at most 2,000 runes), files to attach when the full
// answer is longer than Discord allows, and whether only the asker should
// see it (errors to slash commands).
type Message struct {
	Content   string
	Files     []File
	Ephemeral bool
	// Err is true when the message is a refusal (a question the bot could
	// not answer as typed).
	Err bool
}

// File is an attachment.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// MaxContent is Discord's limit on a message's content, in runes.
const MaxContent = 2000
