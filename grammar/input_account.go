package grammar

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Every number of a question solved for its input is accounted for (see
// input_solve.go): used by the search's steps or by the network at the
// answer, or named as not used; a number of an error message is what the
// asker's run printed.

// accountedInput is the reading's unused numbers that the solved question
// still leaves unused: a number of the steps (a size tried, the sizes
// layer by layer) or of the network at the answer is used; a number of an
// error message is what the asker's run printed.
func accountedInput(src string, q *Question, sv *calc.Solved, shown *Question) []Unused {
	reports, _ := computed(shown)
	used := readingValues(shown, reports)
	var text strings.Builder
	text.WriteString(sv.Question)
	for _, st := range sv.Steps {
		text.WriteString(" " + st.Quantity + " " + st.Formula + " " + st.Note + " " + strconv.FormatInt(st.Result, 10))
	}
	nums, _ := writtenNumbers(text.String())
	for _, w := range nums {
		used[w.val] = true
	}
	for _, v := range sv.Solutions {
		used[float64(v)] = true
	}
	used[float64(sv.Min)] = true
	if sv.Min > 1 {
		used[float64(sv.Min-1)] = true // "bigger than 4000": the search starts at 4,001
	}
	var out []Unused
	for _, u := range q.Unused {
		switch {
		case allUsed(u.Text, used):
			continue
		case u.Why != "":
		case onErrorLine(src, u.Pos):
			u.Why = "from the error message: what your run printed"
		}
		out = append(out, u)
	}
	return out
}

// allUsed reports whether every number of text is among used.
func allUsed(text string, used map[float64]bool) bool {
	nums, _ := writtenNumbers(text)
	for _, w := range nums {
		if !used[w.val] {
			return false
		}
	}
	return len(nums) > 0
}

// errorLine matches a line of an error message or traceback.
var errorLine = regexp.MustCompile(`^\s*(?:[A-Za-z.]*(?:Error|Exception)\b|Traceback|File\s)`)

// onErrorLine reports whether position p of src is on a line of an error
// message.
func onErrorLine(src string, p Position) bool {
	lines := strings.Split(src, "\n")
	return p.Line >= 1 && p.Line <= len(lines) && errorLine.MatchString(lines[p.Line-1])
}
