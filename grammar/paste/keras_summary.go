package paste

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasRow is one row of model.summary(): `conv2d (Conv2D)  (None, 30, 30, 32)  896`.
type kerasRow struct {
	Type   string
	Pos    lang.Position
	Out    []int // channels-last as printed, batch dropped; 0 for None
	Params int64
}

// kerasSummaryRows finds summary rows in the token tree: a name with its
// class in brackets, an output shape starting with None, a count.
func kerasSummaryRows(f *ptFile) []kerasRow {
	var rows []kerasRow
	nodes := f.Nodes
	for i := 0; i+1 < len(nodes); i++ {
		n := nodes[i]
		if n.Ident == "" {
			continue
		}
		var typ string
		var seq []*ptNode // the shape group, then the count
		if len(n.Calls) == 0 {
			// Keras 3 wraps a long name: "batch_normalization │ (None, …) │ 256 │"
			// with "(BatchNormalization)" on the next line.
			typ = kerasWrappedType(nodes[i+1:], n.Pos.Line)
			if typ == "" {
				continue
			}
			seq = nodes[i+1:]
		} else if len(n.Calls[0].Nodes) == 0 || n.Calls[0].Nodes[0].Ident == "" {
			continue
		} else {
			typ = n.Calls[0].Nodes[0].Ident
			if len(n.Calls) >= 2 {
				// "conv2d (Conv2D)  (None, 30, 30, 32)  896": the shape is a
				// second bracket after the name.
				seq = []*ptNode{{Pos: n.Calls[1].Pos, Group: n.Calls[1]}}
				seq = append(seq, nodes[i+1:]...)
			}
		}
		if seq == nil {
			inner := n.Calls[0].Nodes
			if len(inner[0].Calls) > 0 {
				// "(MaxPooling2D  (None, 13, 13, 32)  0 )": the class name
				// reads as a call of the shape.
				flat := []*ptNode{{Ident: inner[0].Ident, Pos: inner[0].Pos}}
				for _, g := range inner[0].Calls {
					flat = append(flat, &ptNode{Pos: g.Pos, Group: g})
				}
				inner = append(flat, inner[1:]...)
			}
			switch {
			case len(inner) >= 3 && inner[1].Group != nil:
				// TF 2's summary wraps a long class name: "max_pooling2d (MaxPooling
				// (None, 5, 5, 64)  0  \n 2D)" — the shape and count fall inside.
				seq = inner[1:]
				for _, m := range inner[3:] {
					typ += strings.TrimSpace(ptNodeText(m))
				}
			case len(inner) == 1:
				seq = nodes[i+1:]
			default:
				continue
			}
		}
		k := 0
		for k < len(seq) && seq[k].Group == nil && seq[k].Punct != "" && seq[k].Pos.Line == n.Pos.Line {
			k++ // │ separators of Keras 3's table
		}
		if k >= len(seq) {
			continue
		}
		shape := seq[k]
		if shape.Group == nil || shape.Group.Open != "(" || len(shape.Group.Nodes) == 0 || shape.Group.Nodes[0].Ident != "None" {
			continue
		}
		j := k + 1
		for j < len(seq) && seq[j].Num == "" && seq[j].Pos.Line == shape.Pos.Line && seq[j].Punct != "" {
			j++
		}
		if j >= len(seq) || seq[j].Num == "" {
			continue
		}
		count := seq[j].Num
		for j+2 < len(seq) && seq[j+1].Punct == "," && len(seq[j+2].Num) == 3 && seq[j+2].Pos.Line == seq[j].Pos.Line {
			count += seq[j+2].Num
			j += 2
		}
		p, err := strconv.ParseInt(count, 10, 64)
		if err != nil || p > ptLimit {
			continue
		}
		row := kerasRow{Type: typ, Pos: ptPos(n.Pos), Params: p}
		for _, a := range ptSplitArgs(shape.Group.Nodes)[1:] {
			v, err := ptEval(a.Nodes, nil)
			if err != nil || (v.Kind != ptInt && v.Kind != ptNone) || v.Int > calc.MaxSize {
				row.Out = nil
				break
			}
			row.Out = append(row.Out, int(v.Int))
		}
		rows = append(rows, row)
	}
	return rows
}

// kerasWrappedType finds "(Type)" on the line after a row whose name
// stands alone.
func kerasWrappedType(rest []*ptNode, line int) string {
	for _, m := range rest {
		if m.Pos.Line > line+1 {
			return ""
		}
		if m.Pos.Line == line+1 && m.Group != nil && len(m.Group.Nodes) == 1 && ptIsModuleName(m.Group.Nodes[0].Ident) {
			return m.Group.Nodes[0].Ident
		}
	}
	return ""
}

// kerasFromSummary rebuilds layers that give each row's shape and count.
// A row does not say the kernel or the input, so they are worked out from
// the count and the row before, and the reading is named in the notes.
func kerasFromSummary(rows []kerasRow, q *lang.Question) error {
	var prev calc.Shape // channels-first output of the row before
	for ri, r := range rows {
		out := kerasChannelsFirst(r.Out)
		fail := func(msg string) error {
			return &lang.Error{Line: r.Pos.Line, Col: r.Pos.Col, Msg: msg,
				Hint: "paste the layer's code instead, e.g. Conv2D(32, (3, 3), input_shape=(32, 32, 3)), or the whole summary from its first row"}
		}
		if out == nil && r.Type != "InputLayer" {
			return fail("I cannot read this row's output shape")
		}
		var l calc.Layer
		switch t := r.Type; {
		case t == "InputLayer":
			prev = out
			q.Input = out
			continue
		case strings.HasPrefix(t, "Conv") && strings.HasSuffix(t, "D") && len(out) >= 2:
			conv, in, note, err := kerasConvFromRow(r, out, prev)
			if err != nil {
				return fail(err.Error())
			}
			if note != "" {
				q.Notes = append(q.Notes, note)
			}
			if ri == 0 || prev == nil {
				q.Input = in
			}
			l = conv
		case t == "Dense":
			units := out[len(out)-1]
			var in int64
			switch {
			case len(prev) == 1:
				in = int64(prev[0])
			case units > 0 && (r.Params-int64(units))%int64(units) == 0:
				in = (r.Params - int64(units)) / int64(units)
				if ri == 0 || prev == nil {
					q.Input = calc.Shape{int(in)}
				}
				q.Notes = append(q.Notes, fmt.Sprintf("%s = %d·(%d + 1): read as a Dense layer from %d inputs to %d units, each with one bias", lang.Group(int(r.Params)), units, in, in, units))
			default:
				return fail(fmt.Sprintf("%d parameters is not a whole number of inputs for %d units", r.Params, units))
			}
			if in < 1 || in > calc.MaxSize {
				return fail("I cannot work out this Dense layer's inputs")
			}
			l = calc.Linear{In: int(in), Out: units}
		case t == "BatchNormalization":
			l = calc.BatchNorm{C: out[0]}
			if prev == nil {
				q.Input = out
			}
			q.Notes = append(q.Notes, fmt.Sprintf("Keras's %s = 4·%d: γ and β (trainable) plus the moving mean and variance (non-trainable); PyTorch counts 2·%d parameters and 2·%d buffers", lang.Group(int(r.Params)), out[0], out[0], out[0]))
		case strings.Contains(t, "Pooling") || strings.Contains(t, "Pool"):
			if strings.HasPrefix(t, "Global") {
				l = calc.GlobalAvgPool{}
				if prev == nil {
					return fail("a global pooling row does not say its input size")
				}
				q.Layers = append(q.Layers, lang.Layer{Layer: l, Pos: r.Pos})
				l = calc.Flatten{}
				break
			}
			if prev == nil || len(prev) != len(out) {
				return fail("a pooling row does not say its input size: paste the row before it too")
			}
			var ks []int
			for i := 1; i < len(out); i++ {
				k := prev[i] / max(out[i], 1)
				if k < 1 || prev[i]/k != out[i] {
					return fail(fmt.Sprintf("I cannot find a pool size that takes %d to %d", prev[i], out[i]))
				}
				ks = append(ks, k)
			}
			p := calc.Pool{Dims: len(out) - 1, Kernel: ks}
			if strings.Contains(t, "Average") || strings.Contains(t, "Avg") {
				p.Op = calc.AvgPool
			}
			l = p
		case t == "LSTM" || t == "GRU" || t == "SimpleRNN":
			// Keras: P = dirs·(G·u·(I + u) + B·G·u), one bias vector per gate
			// (two for GRU's reset_after=True, the TF2 default).
			cell, g, bv := calc.LSTMCell, int64(4), int64(1)
			switch t {
			case "GRU":
				cell, g, bv = calc.GRUCell, 3, 2
			case "SimpleRNN":
				cell, g = calc.RNNCell, 1
			}
			u := int64(out[0])
			rem := r.Params - bv*g*u
			if u < 1 || rem <= 0 || rem%(g*u) != 0 || rem/(g*u)-u < 1 {
				return fail(fmt.Sprintf("%s is not the count of a %s with %d units", lang.Group(int(r.Params)), t, u))
			}
			in := rem/(g*u) - u
			if len(prev) >= 1 && int64(prev[0]) != in {
				q.Notes = append(q.Notes, fmt.Sprintf("row %d: the count gives %d input features, the row before %d", ri+1, in, prev[0]))
			}
			q.Notes = append(q.Notes, fmt.Sprintf("%s = %d·%d·(%d + %d) + %d·%d·%d: a %s with %d units on %d input features, %d bias vector(s) per gate (Keras)",
				lang.Group(int(r.Params)), g, u, in, u, bv, g, u, t, u, in, bv))
			l = calc.Recurrent{Cell: cell, In: int(in), Hidden: int(u), BiasVectors: int(bv), LastOnly: len(r.Out) == 1}
			if prev == nil {
				q.Layers = append(q.Layers, lang.Layer{Layer: l, Pos: r.Pos})
				prev = out
				continue
			}
		case t == "Embedding":
			dim := int64(out[0])
			if dim < 1 || r.Params%dim != 0 {
				return fail(fmt.Sprintf("%s is not a whole number of %d-wide vectors", lang.Group(int(r.Params)), dim))
			}
			l = calc.Embedding{Vocab: int(r.Params / dim), Dim: int(dim)}
			q.Notes = append(q.Notes, fmt.Sprintf("%s = %d·%d: a vocabulary of %d tokens, one %d-wide vector each", lang.Group(int(r.Params)), r.Params/dim, dim, r.Params/dim, dim))
			if len(r.Out) == 2 {
				q.Input = calc.Shape{r.Out[0]}
				prev = nil
			}
		case t == "Flatten":
			l = calc.Flatten{}
		case t == "Dropout" || strings.HasPrefix(t, "SpatialDropout"):
			l = calc.Dropout{P: 0.5}
		case t == "Activation" || t == "ReLU":
			l = calc.Activation{}
		default:
			return fail(fmt.Sprintf("I cannot rebuild a %s layer from its summary row", t))
		}
		q.Layers = append(q.Layers, lang.Layer{Layer: l, Pos: r.Pos})
		if prev == nil && q.Input == nil {
			prev = out // nothing to check this row against; the next row reads from it
			continue
		}
		if prev == nil {
			prev = q.Input
		}
		rep, err := l.Apply(prev)
		if err != nil {
			return fail(err.Error())
		}
		if _, ok := l.(calc.BatchNorm); ok {
			rep.Params += rep.Buffers
		}
		if rep.Params != r.Params {
			q.Notes = append(q.Notes, fmt.Sprintf("row %d: the summary says %s parameters but this reading gives %s", ri+1, lang.Group(int(r.Params)), lang.Group(int(rep.Params))))
		}
		prev = out
	}
	if len(q.Layers) == 0 {
		return &lang.Error{Line: rows[0].Pos.Line, Col: rows[0].Pos.Col, Msg: "the summary has no layer to explain", Hint: "paste a row such as: conv2d (Conv2D)  (None, 30, 30, 32)  896"}
	}
	q.Notes = append(q.Notes, "rebuilt from model.summary() rows (channels-last shapes, read as channels-first)")
	return nil
}

// kerasChannelsFirst turns (H, W, C) into [C, H, W]; nil when a size is None.
func kerasChannelsFirst(s []int) calc.Shape {
	if len(s) == 0 {
		return nil
	}
	for _, d := range s {
		if d < 1 {
			return nil
		}
	}
	if len(s) == 1 {
		return calc.Shape{s[0]}
	}
	return append(calc.Shape{s[len(s)-1]}, s[:len(s)-1]...)
}

// kerasConvFromRow finds the kernel (and, for a first row, the input
// channels and size) that give a conv row its count: params = F·(k^d·Cin + 1).
func kerasConvFromRow(r kerasRow, out, prev calc.Shape) (calc.Conv, calc.Shape, string, error) {
	d := len(out) - 1
	f := int64(out[0])
	c := calc.Conv{Dims: d, Out: out[0], PadMode: calc.PadValid}
	pow := func(k int64) int64 {
		p := int64(1)
		for i := 0; i < d; i++ {
			p *= k
		}
		return p
	}
	var note string
	perFilter := r.Params / f
	if r.Params%f != 0 || perFilter < 2 {
		return c, nil, "", fmt.Errorf("%d parameters is not a whole number of %d filters with biases", r.Params, f)
	}
	kc := perFilter - 1 // k^d·Cin
	var k, cin int64
	if prev != nil {
		cin = int64(prev[0])
		if kc%cin != 0 {
			return c, nil, "", fmt.Errorf("%d = %d·(k·k·%d + 1) has no whole kernel size", r.Params, f, cin)
		}
		for kk := int64(1); kk <= 31; kk++ {
			if pow(kk) == kc/cin {
				k = kk
			}
		}
	} else {
		var others []string
		for _, cc := range []int64{3, 1} {
			for _, kk := range []int64{3, 5, 7, 1, 11, 2, 4, 9} {
				if kc%cc == 0 && pow(kk) == kc/cc {
					if k == 0 {
						k, cin = kk, cc
					} else {
						others = append(others, fmt.Sprintf("%d×%d on %d", kk, kk, cc))
					}
				}
			}
		}
		if k == 0 {
			for _, kk := range []int64{3, 5, 7, 1} {
				if kc%pow(kk) == 0 {
					k, cin = kk, kc/pow(kk)
					break
				}
			}
		}
		if k != 0 {
			note = fmt.Sprintf("%s = %d·(%d·%d·%d + 1): read as %d filters of %d×%d on %d input channel(s), each with one bias", lang.Group(int(r.Params)), f, k, k, cin, f, k, k, cin)
			if d != 2 {
				note = fmt.Sprintf("%s = %d·(%d^%d·%d + 1): read as %d filters of size %d on %d input channel(s), each with one bias", lang.Group(int(r.Params)), f, k, d, cin, f, k, cin)
			}
			if len(others) > 0 {
				note += " (" + strings.Join(others, ", ") + " channels would also fit)"
			}
		}
	}
	if k == 0 {
		return c, nil, "", fmt.Errorf("%d = %d·(k^%d·Cin + 1) has no likely kernel size", r.Params, f, d)
	}
	c.Kernel, c.In = []int{int(k)}, int(cin)
	in := prev
	if in == nil {
		// Assume padding 'valid', stride 1, as the default Conv2D has.
		in = calc.Shape{int(cin)}
		for i := 1; i < len(out); i++ {
			in = append(in, out[i]+int(k)-1)
		}
		note += fmt.Sprintf("; input taken as %s (padding='valid', stride 1, Keras's defaults; with padding='same' it would be %s)",
			ptJoin(append(append([]int{}, in[1:]...), in[0])), ptJoin(append(append([]int{}, out[1:]...), int(cin))))
		return c, in, note, nil
	}
	// Pick the padding and stride that give the row's output.
	for _, s := range []int{1, 2, 3, 4} {
		for _, mode := range []calc.Padding{calc.PadValid, calc.PadSame} {
			c.PadMode = mode
			c.Stride = nil
			if s > 1 {
				c.Stride = []int{s}
			}
			if rep, err := c.Apply(in); err == nil && rep.Output.Equal(out) {
				return c, in, note, nil
			}
		}
	}
	c.PadMode, c.Stride = calc.PadValid, nil
	return c, in, note + "; no stride and padding give the printed output from the row before", nil
}
