package paste

// The channels that reach an adaptive pool told in words, when the convs
// before it are not pasted: "the last conv before the pool has 96 output
// channels", "96 feature maps go into the pool".

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// awChannelsRE is a count of channels in the words.
var awChannelsRE = regexp.MustCompile(`(?i)\b(\d{1,5})\s+(?:output\s+|out\s+)?(?:channels|filters|feature[\s-]+maps)\b|\bout_channels\s*=\s*(\d{1,5})\b`)

// ptWordsChannels is the one count of channels the words of src give, or
// 0 when they give none or several different ones.
func ptWordsChannels(src string) int {
	ch := 0
	for _, m := range awChannelsRE.FindAllStringSubmatch(ptCodeless(src), -1) {
		v := rwFirstInt(m)
		if v < 1 || ch != 0 && v != ch {
			return 0
		}
		ch = v
	}
	return ch
}

// ptCodelessRE is a line of pasted code: an assignment, a call, a comment.
var ptCodelessRE = regexp.MustCompile(`(?m)^.*(?:=|\bnn\.|#|\(.*\)).*$`)

// ptCodeless is src with its lines of code blanked.
func ptCodeless(src string) string {
	return ptCodelessRE.ReplaceAllStringFunc(src, func(s string) string { return "" })
}

// ptAdaptiveInput takes, for a reading that starts with its adaptive pool,
// the channels the words give as its input, traced at the pool's own size
// (its output does not depend on H and W).
func ptAdaptiveInput(q *lang.Question, ch int) {
	if ch < 1 || len(q.Layers) == 0 {
		return
	}
	a, ok := q.Layers[0].Layer.(calc.AdaptivePool)
	if !ok || len(a.Output) == 0 {
		return
	}
	o := slices.Max(a.Output)
	in := calc.Shape{ch}
	for range max(len(a.Output), 2) {
		in = append(in, o)
	}
	q.Input = in
	q.Notes = append(q.Notes, fmt.Sprintf("the %d channels the words give reach the adaptive pool; H and W are not given, and it gives %s whatever they are (traced from %dx%d)", ch, ptJoin(a.Output), o, o))
}

// ptAssignedNameRE is the name a line assigns its layer to: "self.fc =".
var ptAssignedNameRE = regexp.MustCompile(`^\s*(?:self\.)?([A-Za-z_]\w*)\s*=`)

// ptBlankAsked makes the filled ??? of layer i's in_features what the
// first line answers: "in_features of fc = 1,536".
func ptBlankAsked(q *lang.Question, src string, i int) {
	name := "the Linear"
	if i < len(q.Layers) {
		lines := strings.Split(src, "\n")
		if l := q.Layers[i].Pos.Line; l >= 1 && l <= len(lines) {
			if m := ptAssignedNameRE.FindStringSubmatch(lines[l-1]); m != nil {
				name = m[1]
			}
		}
	}
	q.At = []lang.At{{Layer: i, What: lang.AtInFeatures, Name: name}}
}
