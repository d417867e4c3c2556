package english

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// A PReLU in prose learns its negative slope: one shared by every channel
// (nn.PReLU()'s default), or one per channel when the words say so ("a
// channel-wise PReLU", "PReLU with a slope per channel") and the channels
// arriving are known. It is never a ReLU's zero parameters.

// preluPerChannel matches words that give a PReLU one slope per channel.
var preluPerChannel = regexp.MustCompile(`(?i)\b(?:per[- ]channel|channel[- ]?wise|each channel|every channel|one (?:slope|parameter|alpha) per channel)\b`)

// preluLayer is the PReLU of anchor b: per channel when the words say so
// and the channels are known, else one shared slope, said in a note.
func (r *enReader) preluLayer(b *enBuild) calc.Layer {
	ch := b.prevOut
	if ch == 0 {
		ch = b.inCh
	}
	if preluPerChannel.MatchString(r.src) && ch > 0 {
		r.notes = append(r.notes, fmt.Sprintf("PReLU with one slope per channel: nn.PReLU(%d)", ch))
		return calc.PReLU{N: ch}
	}
	r.notes = append(r.notes, "PReLU read as nn.PReLU(): one slope shared by every channel (1 parameter); with one per channel it learns C")
	return calc.PReLU{}
}
