package grammar

import (
	"regexp"
	"strings"
)

// Pasted code is accounted for by its own reader, which follows Python's
// arithmetic and names (img = 28). The words around it are not: "my images
// are 3x640x480", "for a batch of 32", "with 64 in and 64 out". Their
// numbers are checked like any prose's, with the code blanked out so that
// positions stay those of the message.

var (
	// codeLine matches a line that is code or a message printed by it.
	codeLine = regexp.MustCompile(`(?m)^[ \t]*(?:self\.|x\s*=|out\s*=|def\s|class\s|return\b|import\s|from\s|#|[A-Za-z_][\w.]*\s*=[^=]|Traceback|File\s|size mismatch|Expected|Given groups|Calculated|Layer\s|Total params|Trainable|Non-trainable|_{5,}|={5,}|-{5,}).*$`)
	// errorMessage matches an error message to the end of its first
	// bracket, or of its line: words after "(8x4096 and 2048x10)" on the
	// same line are the asker's ("my last conv is 64 channels").
	errorMessage = regexp.MustCompile(`(?m)^[ \t]*[A-Za-z]*Error\b[^\n]*?(?:\([^()\n]*\)|$)`)
	// codeCall matches a call with its arguments.
	codeCall = regexp.MustCompile(`[A-Za-z_][\w.]*\s*\(` + nested + `*\)|\[(?:[^\[\]]|\[[^\[\]]*\])*\]|\(` + nested + `*\)`)
	// codeName matches a name with a number in it: conv1, fc2, x3.
	codeName = regexp.MustCompile(`\b[A-Za-z_]+\d+[A-Za-z_\d]*\b`)
)

// nested matches what is inside brackets, brackets nested twice.
const nested = `(?:[^()]|\((?:[^()]|\([^()]*\))*\))`

// proseAround returns src with its code blanked out: every byte of code
// becomes a space, line breaks stay.
func proseAround(src string) string {
	b := []byte(src)
	for _, re := range []*regexp.Regexp{codeLine, errorMessage, codeCall, codeName} {
		for _, m := range re.FindAllStringIndex(string(b), -1) {
			if re == codeCall && wordsInBrackets(src[m[0]:m[1]]) {
				continue // "sensor data (12 channels, length 250)": a remark
			}
			for i := m[0]; i < m[1]; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		}
	}
	return strings.Clone(string(b))
}

// bracketWords matches a word of prose: three letters or more.
var bracketWords = regexp.MustCompile(`[A-Za-z]{3,}`)

// wordsInBrackets reports whether a bracket codeCall matched holds prose,
// not arguments: written after a space or no name at all, with two words
// or more or a word alone, and no keyword argument ("data (12 channels,
// length 250)", "(no padding)", "weights (connections)").
func wordsInBrackets(m string) bool {
	open := strings.IndexAny(m, "([")
	if open < 0 || m[open] != '(' || open > 0 && m[open-1] != ' ' {
		return false
	}
	inner := m[open+1 : len(m)-1]
	if strings.ContainsAny(inner, "=()[]") || strings.Contains(inner, "None") {
		return false
	}
	return len(bracketWords.FindAllString(inner, 3)) >= 2 || onlyWords.MatchString(inner) && bracketWords.MatchString(inner)
}

// onlyWords matches text of letters only: "(connections)", "(bn after)".
var onlyWords = regexp.MustCompile(`^[A-Za-z\s'/-]+$`)
