package english

// enSideComma reports whether in[j] is the comma of "150 pixels high, 200
// wide": the two sides of a size said apart, joined by a comma as well as
// by "and" or "by" (enTallWide, enWideTall).
func enSideComma(in []enTok, j int) bool {
	return j < len(in) && in[j].kind == 'p' && in[j].raw == ","
}
