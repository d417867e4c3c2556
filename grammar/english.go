package grammar

// ParseEnglish reads a question in plain English. (Stub: the English
// front-end replaces this file.)
func ParseEnglish(src string) (*Question, error) {
	return nil, &Error{Msg: "plain English questions are not understood yet"}
}
