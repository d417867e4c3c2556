package paste

import (
	"regexp"
	"strings"
)

// ptCodeLineRE starts a line of code: an assignment, a def or class, a
// return, a comment, model.add(...).
var ptCodeLineRE = regexp.MustCompile(`^\s*(?:self\.\w+\s*=|[A-Za-z_]\w*\s*=[^=]|def\s|class\s|return\b|#|model\.|x\s*=|\)|\]|@)`)

// InCode reports whether byte offset off of src lies on a line of pasted
// code or of a pasted table (a layer call, an assignment, a comment, a
// model.summary() or torchsummary row, a line inside an open bracket), so
// a caller splitting a message into questions at its "?"s can leave the
// code whole: "# -> ?" and a summary row's "???" end no question.
func InCode(src string, off int) bool {
	if off < 0 || off > len(src) {
		return false
	}
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := strings.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	line := src[start:end]
	if allOpen(src[:start]) {
		return true // inside a call or a list that spans lines
	}
	return ptCodeLineRE.MatchString(line) || allLayerRE.MatchString(line) || kerasRowRE.MatchString(kerasBorders.Replace(line)) ||
		tsRowRE.MatchString(line) || messageBeforeCode(line, src[end:])
}

// messageBeforeCode reports whether line holds an error message and the
// code below it follows: the words on the message's line ("... instead.
// what should the first conv be?") ask about that code, not on their own.
func messageBeforeCode(line, after string) bool {
	return errLineRE.MatchString(line) && (ptLayerRE.MatchString(after) || kerasScore(after) > 0)
}
