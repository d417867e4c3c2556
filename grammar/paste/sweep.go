package paste

// One layer asked for several values of a name: "Conv1d(300, 100, k) for
// k = 3,4,5 -> output lengths?", "nn.Conv2d(16, 16, k, padding=1) with k
// in (1, 3, 5)". Each value is one question.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// allSweepRE is a name given several values: "k = 3,4,5", "for k in (3,
// 5, 7)", "k in [1, 2]".
var allSweepRE = regexp.MustCompile(`\b([A-Za-z_]\w{0,11})\s*(?:=|\bin\b)\s*[\[(]?\s*(\d{1,4}(?:\s*(?:,|,?\s+and|,?\s+or)\s*\d{1,4}){1,7})\s*[\])]?`)

// allProseParenRE is the words that open a parenthesis of prose around a
// sweep: "(for k in 3, 5 and 7)", not a comprehension's brackets.
var allProseParenRE = regexp.MustCompile(`(?i)(?:^|\s)\(\s*(?:for|with|where|when)?\s*$`)

// allSweepArgRE is built per name: the name as a whole argument of a call.
func allSweepArg(name string) *regexp.Regexp {
	return regexp.MustCompile(`[(,]\s*(?:\w+\s*=\s*)?` + regexp.QuoteMeta(name) + `\s*[,)]`)
}

// allStackRE says the values belong to layers one after the other ("four
// blocks of Conv2D(k, 3) with k = 32, 64, 128, 256"), not to questions.
var allStackRE = regexp.MustCompile(`(?i)\b(?:blocks?|layers|stages|stacked|one after)\b`)

// allEachRE asks about each of several modules; allJoinRE is code that
// joins a comprehension's modules (a forward, a Linear taking them all).
var (
	allEachRE = regexp.MustCompile(`(?i)\beach\b`)
	allJoinRE = regexp.MustCompile(`\bdef\s+forward\b|\bnn\.Linear\b|\btorch\.cat\b`)
)

// allEachAlone reports whether a comprehension's modules are asked about
// each on its own ("ModuleList of Conv1d(300, 100, k) for k in (3,4,5)
// ... output length of each conv?") with nothing in the code joining them:
// one question a value, as a text CNN applies each conv to the input.
func allEachAlone(src string) bool {
	return allEachRE.MatchString(src) && !allJoinRE.MatchString(src)
}

// allSweepAt finds the sweep of src: the name, and the span from just
// after it to the end of its values, or ok false.
func allSweepAt(src string) (name string, from, to int, values []string, ok bool) {
	m := allSweepRE.FindStringSubmatchIndex(src)
	if m == nil || allStackRE.MatchString(src) || bracketDepth(src[:m[0]]) > 0 && !allProseParenRE.MatchString(src[:m[0]]) && !allEachAlone(src) {
		// inside brackets the loop is a comprehension that builds one
		// module a value (comprehension_values.go), not a question a value
		return "", 0, 0, nil, false
	}
	name = src[m[2]:m[3]]
	if !allSweepArg(name).MatchString(src) {
		return "", 0, 0, nil, false
	}
	values = regexp.MustCompile(`\d+`).FindAllString(src[m[4]:m[5]], -1) // "3, 5 and 7"
	to = m[1]
	if c := src[to-1]; (c == ')' || c == ']') && !strings.ContainsAny(src[m[3]:m[4]], "([") {
		to-- // "(for k in 3, 5 and 7)": the bracket closes the prose, not the values
	}
	return name, m[3], to, values, true
}

// allSweep reads a message that gives a name of a layer's arguments
// several values as one question a value, each read from src with the
// list written as that one value (padded, so positions hold); nil when src
// has no such sweep or a value cannot be read.
func allSweep(src string) []*lang.Question {
	name, from, to, values, ok := allSweepAt(src)
	if !ok {
		return nil
	}
	var out []*lang.Question
	for _, v := range values {
		set := "=" + v + "," // "k in (1, 3, 5)" read as "k=1,": its value ends at the comma; padded
		text := src[:from] + set + strings.Repeat(" ", max(to-from-len(set), 0)) + src[to:]
		q, err := parseOne(text)
		if err != nil {
			return nil
		}
		q.Notes = append(q.Notes, fmt.Sprintf("%s = %s, the %s of the values asked (%s)", name, v, ptOrdinal(len(out)+1), strings.Join(values, ", ")))
		out = append(out, q)
	}
	return out
}

// ptOrdinal writes 1 as "first", 2 as "second" and so on (up to 8).
func ptOrdinal(n int) string {
	words := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"}
	if n >= 1 && n <= len(words) {
		return words[n-1]
	}
	return fmt.Sprintf("%dth", n)
}
