package grammar

import (
	"strings"

	"github.com/cnnbot/cnnbot/grammar/english"
)

// "RuntimeError: Calculated padded input size per channel: (4 x 4).
// Kernel size: (5 x 5) ...\nnet on 28x28: conv5 -> pool2 -> conv5 ...":
// the error message is what the asker's run printed, not their question;
// its words ("padded input size") must not be read as asking for a
// padding. When English refuses the whole text, it reads the text again
// with the error lines blanked (every position kept), and the numbers of
// those lines are named as the run's.

// readEnglish reads src in English, and again without its error lines
// when the first reading refuses.
func readEnglish(src string) (*Question, error) {
	q, err := english.ParseEnglish(courseNames(askedApart(src)))
	if err == nil {
		return q, nil
	}
	bare := withoutErrorLines(src)
	if bare == src || strings.TrimSpace(bare) == "" {
		return nil, err
	}
	if q2, err2 := english.ParseEnglish(courseNames(askedApart(bare))); err2 == nil {
		for i, u := range q2.Unused {
			if u.Why == "" && onErrorLine(src, u.Pos) {
				q2.Unused[i].Why = "from the error message: what your run printed"
			}
		}
		return q2, nil
	}
	return nil, err
}
