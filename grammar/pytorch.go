package grammar

// LooksLikePyTorch reports whether src reads as pasted PyTorch code.
// (Stub: the PyTorch front-end replaces this file.)
func LooksLikePyTorch(src string) bool { return false }

// ParsePyTorch reads pasted PyTorch code. (Stub.)
func ParsePyTorch(src string) (*Question, error) {
	return nil, &Error{Msg: "PyTorch code is not understood yet"}
}
