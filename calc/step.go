package calc

// A Step is one line of a worked explanation: a quantity, its formula, the
// values put into it and the result. Formula uses the names of Values as
// identifiers ("KH·KW·Cin/G"), so a renderer can print the formula and then
// the same formula with the numbers substituted. Note, when set, is the idea
// that trips people up at this step.
type Step struct {
	Quantity string    // "connections per neuron"
	Formula  string    // "KH·KW·Cin/G"
	Values   []Binding // in formula order
	Result   int64
	Note     string
}

// A Binding is one named value in a [Step]'s formula.
type Binding struct {
	Name  string
	Value int64
}
