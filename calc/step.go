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

func bind(pairs ...any) []Binding {
	bs := make([]Binding, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		var v int64
		switch x := pairs[i+1].(type) {
		case int:
			v = int64(x)
		case int64:
			v = x
		}
		bs = append(bs, Binding{Name: pairs[i].(string), Value: v})
	}
	return bs
}
