package bot

import (
	"encoding/json"
	"errors"
	"strconv"
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
	actPicture = "p" // Picture: the answer drawn, ephemeral
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
	case actWorking, actTable, actEdit, actDelete, actPicture:
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

// wireRow is an action row already in JSON: discordgo marshals a row and
// each button through reflection, twice over (its MarshalJSON methods call
// json.Marshal), and every reply carries buttons.
type wireRow []byte

// Type is the row's component type.
func (wireRow) Type() discordgo.ComponentType { return discordgo.ActionsRowComponent }

// MarshalJSON returns the row's JSON.
func (r wireRow) MarshalJSON() ([]byte, error) { return r, nil }

// wire writes rows of buttons as JSON once, for sending; anything else is
// left to discordgo.
func wire(cs []discordgo.MessageComponent) []discordgo.MessageComponent {
	out := make([]discordgo.MessageComponent, len(cs))
	for i, c := range cs {
		out[i] = c
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		b := append(make([]byte, 0, 256), `{"type":1,"components":[`...)
		for k, bc := range row.Components {
			btn, ok := bc.(discordgo.Button)
			if !ok || btn.URL != "" || btn.Emoji != nil {
				b = nil
				break
			}
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"type":2,"style":`...)
			b = strconv.AppendInt(b, int64(btn.Style), 10)
			b = append(b, `,"label":`...)
			b = appendJSONString(b, btn.Label)
			b = append(b, `,"custom_id":`...)
			b = appendJSONString(b, btn.CustomID)
			b = append(b, '}')
		}
		if b != nil {
			out[i] = wireRow(append(b, "]}"...))
		}
	}
	return out
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}
