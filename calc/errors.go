package calc

import "fmt"

// Error is a refusal: a layer whose settings PyTorch would refuse, an input
// that shrinks to nothing, a count that overflows. Field names the setting at
// fault ("kernel", "stride", "pad", "dilation", "groups", "in", "out",
// "outpad", "input", "p") so a parser can point at it; it is empty when no
// single setting is to blame. Msg says what is wrong, in words a student
// understands; Hint, when set, says what would work.
type Error struct {
	Field string
	Msg   string
	Hint  string
}

// Error is Msg, a sentence that names the setting itself.
func (e *Error) Error() string { return e.Msg }

func errorf(field, format string, a ...any) *Error {
	return &Error{Field: field, Msg: fmt.Sprintf(format, a...)}
}

// LayerError is a refusal inside a network: Index is the 1-based position of
// the failing layer (counting the layers after the input), Err why it failed.
type LayerError struct {
	Index int
	Name  string // the layer's kind, as in Report.Kind
	Err   error
}

func (e *LayerError) Error() string {
	return fmt.Sprintf("layer %d (%s): %v", e.Index, e.Name, e.Err)
}

func (e *LayerError) Unwrap() error { return e.Err }
