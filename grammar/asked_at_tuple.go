package grammar

// Modules assigned in one line to several names:
//
//	self.fc1, self.fc2 = nn.Linear(512, 256), nn.Linear(256, 10)
//
// Each value is named by the name in its place on the left: fc2 is the
// second Linear, not the first (the name right before "=").

import "regexp"

// tupleNamesRE is the left side of a tuple assignment, at a line's start:
// group 1 the names, group 2 where the values start.
var tupleNamesRE = regexp.MustCompile(`^\s*((?:self\.)?[A-Za-z_]\w*(?:\s*,\s*(?:self\.)?[A-Za-z_]\w*)+)\s*=\s*()`)

// tupleNameRE is one name of the left side.
var tupleNameRE = regexp.MustCompile(`(?:self\.)?([A-Za-z_]\w*)`)

// tupleName is the span of the name a tuple assignment on the line that
// starts at line gives the value written at o; ok is false when the line
// is no tuple assignment or o is no value of it.
func tupleName(src string, line, o int) (start, end int, ok bool) {
	m := tupleNamesRE.FindStringSubmatchIndex(src[line:o])
	if m == nil {
		return 0, 0, false
	}
	k, depth := 0, 0
	for _, c := range src[line+m[4] : o] {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				k++
			}
		}
	}
	names := tupleNameRE.FindAllStringSubmatchIndex(src[line+m[2]:line+m[3]], -1)
	if depth != 0 || k >= len(names) {
		return 0, 0, false
	}
	at := line + m[2]
	return at + names[k][2], at + names[k][3], true
}
