package bot

import "fmt"

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

// size is about how many bytes msg holds.
func (msg Message) size() int {
	n := len(msg.Content)
	for _, f := range msg.Files {
		n += len(f.Data)
	}
	return n
}

// File is an attachment.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// MaxContent is Discord's limit on a message's content, in runes.
const MaxContent = 2000

// MaxAnswerBytes bounds a whole answer, in bytes: the attachment on
// Discord (well under the upload limit of a server without boosts, which
// has been 8 MB and then 10 MB) and the terminal's full table. Rows past it
// are cut, and the answer says how many.
const MaxAnswerBytes = 1 << 20

// byteSize writes n bytes for people: 1 MB, 512 KB, 900 bytes (binary
// units, as MaxAnswerBytes is set).
func byteSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
