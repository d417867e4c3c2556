package calc

import "fmt"

// Activation is an element-wise function: relu, sigmoid, tanh, gelu, ... .
// Name is its JSON type ("relu"); the zero value is relu.
type Activation struct{ Name string }

// Kind is the activation's name.
func (a Activation) Kind() string {
	if a.Name == "" {
		return "relu"
	}
	return a.Name
}

// Apply passes the shape through.
func (a Activation) Apply(in Shape) (Report, error) {
	return explained(passThrough(a.Kind(), in), a.Kind()+" has no parameters: it acts on each value on its own"), nil
}

// Dropout zeroes values at random while training. P is the drop
// probability, in [0, 1]; the zero value is PyTorch's default 0.5 only when
// the grammar fills it in.
type Dropout struct{ P float64 }

// Kind is "dropout".
func (Dropout) Kind() string { return "dropout" }

// Apply passes the shape through.
func (d Dropout) Apply(in Shape) (Report, error) {
	if d.P < 0 || d.P > 1 {
		return Report{}, &Error{Field: "p", Msg: fmt.Sprintf("a dropout probability is between 0 and 1, not %g", d.P), Hint: "write dropout 0.5"}
	}
	return explained(passThrough("dropout", in), "dropout has no parameters and does not change the shape"), nil
}

// passThrough is the report of a layer that keeps its input's shape and
// learns nothing.
func passThrough(kind string, in Shape) Report {
	r := Report{Kind: kind, Input: in, Output: in, MACsKnown: in != nil}
	if len(in) > 1 {
		r.Window = identityWindows(len(in) - 1)
	}
	return r
}

// explained gives a layer without parameters its one step, with note.
func explained(r Report, note string) Report {
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "0", Note: note}}
	return r
}

// Flatten turns [C, H, W] (or any shape) into one vector of all its values.
type Flatten struct{}

// Kind is "flatten".
func (Flatten) Kind() string { return "flatten" }

// Apply flattens in.
func (f Flatten) Apply(in Shape) (Report, error) {
	r := Report{Kind: "flatten", Input: in}
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "0", Note: "flatten only reshapes"}}
	if in == nil {
		return r, nil
	}
	n, err := in.Elements()
	if err != nil {
		return Report{}, err
	}
	vals := make([]Binding, len(in))
	for i, d := range in {
		vals[i] = Binding{Name: []string{"C", "H", "W", "X", "Y"}[min(i, 4)], Value: int64(d)}
	}
	formula := ""
	for i, v := range vals {
		if i > 0 {
			formula += "·"
		}
		formula += v.Name
	}
	if len(in) == 4 {
		vals[1].Name, vals[2].Name, vals[3].Name = "D", "H", "W"
		formula = "C·D·H·W"
	} else if len(in) == 2 {
		vals[1].Name = "L"
		formula = "C·L"
	}
	r.Steps = append(r.Steps, Step{Quantity: "output size", Formula: formula, Values: vals, Result: n})
	if n > MaxSize*64 {
		return Report{}, errorf("input", "flattening gives %d values, more than any real layer takes", n)
	}
	r.Output = Shape{int(n)}
	r.MACsKnown = true
	return r, nil
}
