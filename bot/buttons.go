package bot

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// A button carries what pressing it needs in its custom_id, or points at
// the message it is attached to, never at one process's memory: any
// replica answers it, after any restart.

// Button actions, the second part of a custom_id.
const (
	actWorking = "w" // Show working: the whole working, ephemeral
	actTable   = "t" // Whole table: a network's every row, ephemeral
	actEdit    = "e" // Edit & ask again: a modal pre-filled with the question
	actDelete  = "d" // Delete: the asker's only
)

// buttonPrefix starts every custom_id the bot makes, with a version, so a
// later format can still read the buttons of old messages.
const buttonPrefix = "cb1"

// maxCustomID is Discord's limit on a custom_id, in characters.
const maxCustomID = 100

// buttonID is what a button needs, as its custom_id carries it:
// "cb1|action|owner|question".
type buttonID struct {
	Action string
	// Owner is the asker's user id (Delete); "" for buttons anyone may use.
	Owner string
	// Question is the question to answer again; "" means it is read back
	// from the message the button is attached to.
	Question string
}

// String encodes b as a custom_id.
func (b buttonID) String() string {
	return buttonPrefix + "|" + b.Action + "|" + b.Owner + "|" + b.Question
}

// errNotOurs is returned for a custom_id the bot did not make.
var errNotOurs = errors.New("not a cnnbot button")

// parseButtonID decodes a custom_id made by buttonID.String.
func parseButtonID(s string) (buttonID, error) {
	parts := strings.SplitN(s, "|", 4)
	if len(parts) != 4 || parts[0] != buttonPrefix {
		return buttonID{}, errNotOurs
	}
	b := buttonID{Action: parts[1], Owner: parts[2], Question: parts[3]}
	switch b.Action {
	case actWorking, actTable, actEdit, actDelete:
		return b, nil
	}
	return buttonID{}, errNotOurs
}

// button makes a button whose custom_id is id.
func button(label string, style discordgo.ButtonStyle, id buttonID) discordgo.Button {
	return discordgo.Button{Label: label, Style: style, CustomID: id.String()}
}

// payload is the question a card's buttons carry: in the custom_id when
// it fits (text), or "" to be read back from the card's footer. ok is
// false when neither can hold it: the buttons are then left out (the
// attachment holds the whole answer).
type payload struct {
	text string
	ok   bool
}

// questionPayload picks the payload for r's buttons: the question as
// typed, or as understood, when it fits a custom_id; else the footer, when
// it echoes the question whole (complete).
func questionPayload(r Reply, complete bool) payload {
	room := maxCustomID - utf8.RuneCountInString(buttonID{Action: actWorking}.String())
	for _, text := range []string{strings.TrimSpace(r.Text), r.Question.Canonical} {
		if text != "" && utf8.RuneCountInString(text) <= room {
			return payload{text: text, ok: true}
		}
	}
	return payload{ok: complete}
}

// cardQuestionOf reads the question back from a message the bot sent: the
// "Understood as" footer of an answer, or the fenced question of a
// refusal.
func cardQuestionOf(m *discordgo.Message) (string, bool) {
	if m == nil {
		return "", false
	}
	for _, e := range m.Embeds {
		if e == nil {
			continue
		}
		if e.Footer != nil && strings.HasPrefix(e.Footer.Text, understoodPrefix) {
			text := strings.TrimPrefix(e.Footer.Text, understoodPrefix)
			if strings.Contains(text, "\n… (") {
				return "", false // echoed in part only
			}
			return strings.TrimLeft(text, " \n"), true
		}
		if e.Title == "Your question" {
			return unfenceQuestion(e.Description)
		}
	}
	return "", false
}
