package grammar

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/paste"
)

// A question posted as on a Q&A site has a title, then a body that asks it
// again with the details: "Output width after convolution with stride
// 3?\n\n100x100 image, one conv layer with a 7x7 kernel, stride 3 ...".
// Read as one text, the title's "convolution" is a layer of its own that
// has no kernel, and the message is refused. So with a label that opens a
// message: "1x1 convolution lecture: input 17x17x160, a 1x1 conv ...". When the whole message is not
// read with confidence, the body is read alone, the title blanked, and
// kept when it is: every number of the title is one the body gives again,
// and the whole message's words (title too) raise no doubt about it.

// numberText matches a number as written, for comparing a title's with
// its body's.
var numberText = regexp.MustCompile(`\d+(?:\.\d+)?`)

// titleNote and labelNote say how a message with a title was read.
const (
	titleNote = "the first line read as the title of the question below it: the body gives its numbers again"
	labelNote = "the words before the colon read as a label: what follows gives the question's numbers"
)

// label matches a few words before a colon that open a message and name
// where it comes from: "1x1 convolution lecture: input 17x17x160, ...",
// "hw3 q2: ...".
var label = regexp.MustCompile(`^\s*[\w'-]+(?:\s+[\w'-]+){0,5}:\s+\S`)

// titleSpan returns where a message's title ends, and whether it has one:
// a short first line of words (14 at most), not code, with a body on the
// lines after it; or a few words before a colon that open the message.
func titleSpan(src string) (end int, note string, ok bool) {
	end = strings.IndexByte(src, '\n')
	if m := label.FindStringIndex(src); m != nil && (end < 0 || m[1] < end) {
		return strings.IndexByte(src, ':') + 1, labelNote, true
	}
	if end < 0 {
		return 0, "", false
	}
	title, rest := strings.TrimSpace(src[:end]), src[end+1:]
	if title == "" || len(title) > 150 || strings.TrimSpace(rest) == "" || paste.InCode(src, strings.Index(src, title)) {
		return 0, "", false
	}
	if len(strings.Fields(title)) > 14 || paste.InCode(src, strings.Index(src, title)+len(title)-1) {
		return 0, "", false
	}
	return end, titleNote, true
}

// withoutTitle returns src with its first end bytes blanked: positions in
// the body stay where they were.
func withoutTitle(src string, end int) string {
	return strings.Repeat(" ", end) + src[end:]
}

// titleRepeated reports whether every number of the title is one the body
// gives too: the title then only names the question.
func titleRepeated(title, body string) bool {
	in := numberText.FindAllString(body, -1)
	for _, n := range numberText.FindAllString(title, -1) {
		if !slices.Contains(in, n) {
			return false
		}
	}
	return true
}

// confident reports whether every question of qs is read without a doubt
// and with every number explained.
func confident(qs []*Question) bool {
	for _, q := range qs {
		if inDoubt(q) {
			return false
		}
	}
	return len(qs) > 0
}

// titledBody reads a message with a title by its body, when the whole
// message (whole, err) is not read with confidence and the body is; nil
// otherwise.
func titledBody(src string, whole []*Question, err error) []*Question {
	end, note, ok := titleSpan(src)
	if !ok || err == nil && confident(whole) {
		return nil
	}
	body := withoutTitle(src, end)
	if !titleRepeated(src[:end], body) {
		return nil
	}
	qs, berr := parseAll(body)
	if berr != nil {
		return nil
	}
	out := make([]*Question, len(qs))
	for i, q := range qs {
		cp := *q
		if len(doubts(src, q)) > 0 || inDoubt(withChannelsDoubted(src, withEachDoubted(src, q))) {
			return nil // the title says what the body's reading does not have
		}
		cp.Notes = append(slices.Clip(q.Notes), note)
		out[i] = &cp
	}
	if !confident(out) {
		return nil
	}
	return out
}
