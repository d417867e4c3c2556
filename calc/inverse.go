package calc

// Solved is the answer to an inverse question — "what padding keeps 28×28
// with a 5×5 kernel?" — every value of the unknown in a sensible range that
// satisfies the question, with the steps that find them.
type Solved struct {
	// Unknown names what was solved for: "pad", "stride", "kernel", "out"
	// (filters), "dilation", "input".
	Unknown string
	// Question restates what was asked, in words.
	Question string
	// Solutions holds every value that works, smallest first; empty when
	// none does (Steps then say why).
	Solutions []int64
	Steps     []Step
}
