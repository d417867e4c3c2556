package paste

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasRow is one row of model.summary(): `conv2d (Conv2D)  (None, 30, 30, 32)  896`.
type kerasRow struct {
	Type   string
	Name   string // the row's layer name as printed: "conv2d_1", "Conv2d-2"
	Pos    lang.Position
	Out    []int // channels-last as printed, batch dropped; 0 for None or a ?
	Params int64 // -1 for a ? or no count
	// Blank is true when the output shape holds a ? to fill
	// ("(None, ?, ?, 32)"); NoCount when the row has no count at all
	// (cut off, or a table pasted without that column); Elided when the
	// count is written "..." (summary_elided_start.go).
	Blank, NoCount, Elided bool
}

// kerasRowRE is one row of model.summary() with its borders taken out:
// a name, the class in brackets (perhaps cut short, perhaps on the next
// line, perhaps missing), the output shape, the count (or "?").
var kerasRowRE = regexp.MustCompile(`^\s*([A-Za-z_][\w.]*)\s*(?:\(([A-Za-z][\w]*)\)?\s*)?\[?\((None(?:\s*,\s*(?:\d+|None|\?+|_{2,}))*)\s*,?\s*\)\]?(?:\s+([\d,]+|\?+|_{2,}|\.{3}|…)|\s*$)`)

// kerasBorders are the characters of the summary's table borders.
var kerasBorders = strings.NewReplacer("│", " ", "┃", " ", "|", " ", "║", " ")

// kerasSummaryRows finds the rows of a pasted model.summary(), Keras 2's,
// TF 2's (class names wrapped onto the next line) or Keras 3's (boxed),
// line by line: the table's cut class names leave brackets unbalanced.
func kerasSummaryRows(src string) []kerasRow {
	lines := strings.Split(src, "\n")
	var rows []kerasRow
	for i, raw := range lines {
		line := inlineRowLine(kerasBorders.Replace(raw), kerasRowRE)
		m := kerasRowRE.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		name, typ := line[m[2]:m[3]], ""
		if m[4] >= 0 {
			typ = line[m[4]:m[5]]
		}
		if i+1 < len(lines) && !kerasRowRE.MatchString(kerasBorders.Replace(lines[i+1])) {
			typ += kerasTypeTail(kerasBorders.Replace(lines[i+1]), typ == "")
		}
		row := kerasRow{Type: kerasTypeOf(typ, name), Name: name, Pos: lang.Position{Line: i + 1, Col: len([]rune(line[:m[2]])) + 1}, Params: -1}
		row.NoCount = m[8] < 0
		count := kerasRowCount(line, m)
		row.Elided = count != "" && strings.Trim(count, ".…") == ""
		if strings.Trim(count, "?.…_") != "" {
			p, err := strconv.ParseInt(count, 10, 64)
			if err != nil || p > ptLimit {
				continue
			}
			row.Params = p
		}
		for _, d := range strings.Split(line[m[6]:m[7]], ",")[1:] {
			v, err := strconv.Atoi(strings.TrimSpace(d))
			if err != nil || v > calc.MaxSize {
				v = 0 // None
			}
			row.Blank = row.Blank || strings.Trim(strings.TrimSpace(d), "?_") == "" && strings.TrimSpace(d) != ""
			row.Out = append(row.Out, v)
		}
		rows = append(rows, row)
	}
	return rows
}

// kerasTypeTail is the rest of a class name wrapped onto the next line:
// "2D)" after "(MaxPooling", or "(BatchNormalization)" under a long name.
func kerasTypeTail(next string, whole bool) string {
	t := strings.TrimSpace(next)
	if whole {
		if len(t) > 2 && t[0] == '(' && t[len(t)-1] == ')' {
			return t[1 : len(t)-1]
		}
		return ""
	}
	if t = strings.TrimSuffix(t, ")"); len(t) <= 4 && strings.Trim(t, "0123456789D") == "" {
		return t
	}
	return ""
}

// kerasClasses are the classes a summary row may name, for names cut
// short ("MaxPooling2", "BatchNo") or missing (read from the layer's name).
var kerasClasses = []string{"InputLayer", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
	"SeparableConv1D", "SeparableConv2D", "DepthwiseConv2D", "Dense", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
	"AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
	"GlobalMaxPooling1D", "GlobalMaxPooling2D", "BatchNormalization", "LayerNormalization", "Flatten", "Dropout",
	"SpatialDropout2D", "Activation", "ReLU", "LeakyReLU", "LSTM", "GRU", "SimpleRNN", "Embedding", "Reshape", "Permute",
	"ZeroPadding2D", "Cropping2D", "UpSampling2D", "Bidirectional", "Add", "Concatenate", "Rescaling"}

// kerasTypeOf completes a class name cut short, or reads it from the
// layer's name (max_pooling2d_1 → MaxPooling2D); "" when neither says.
func kerasTypeOf(typ, name string) string {
	if typ != "" {
		var found string
		for _, c := range kerasClasses {
			if c == typ {
				return c
			}
			if strings.HasPrefix(c, typ) && (found == "" || len(c) < len(found)) {
				found = c
			}
		}
		if found != "" {
			return found
		}
		return typ
	}
	key := strings.ToLower(strings.ReplaceAll(strings.TrimRight(name, "_0123456789"), "_", ""))
	if key == "input" || key == "inputlayer" {
		return "InputLayer"
	}
	for _, c := range kerasClasses {
		if strings.ToLower(c) == key {
			return c
		}
	}
	return ""
}

// summaryRebuild rebuilds layers that give each row's shape and count.
// A row does not say the kernel or the input, so they are worked out from
// the count and the row before, and the reading is named in the notes.
// words are the text around the table (they may give a blank row's
// settings), framework the one that printed it; a blank in the table
// becomes what is asked (askBlanks).
func summaryRebuild(rows []kerasRow, q *lang.Question, words, framework string) error {
	rows = startAfterElided(rows, q) // summary_elided_start.go: a first row "(None, 31, 31, 64)  ..."
	rb := &kerasRebuild{q: q, prev: q.Input, rows: len(rows), allRows: rows, words: words, framework: framework, blankConvs: blankConvRows(rows)}
	for ri, r := range rows {
		rb.ri, rb.r, rb.out = ri, r, kerasChannelsFirst(r.Out)
		if r.Blank && r.Type != "Flatten" {
			l, ok := rb.fillBlankShape()
			if !ok {
				return rb.fail("I cannot fill the ? of this row's output shape: say the layer's settings (e.g. \"pool 2x2, stride 2\") or paste the row before it")
			}
			if err := rb.check(l); err != nil {
				return err
			}
			rb.blankRow(true)
			continue
		}
		flatBlank := false
		if rb.out == nil && r.Type == "Flatten" && rb.prev != nil {
			// "flatten (Flatten) (None, ???) 0": what the row before flattens to
			if n, err := rb.prev.Elements(); err == nil && n <= calc.MaxSize {
				rb.out = calc.Shape{int(n)}
				rb.note("row %d: the ? in the output shape is %s", ri+1, lang.Group(int(n)))
				flatBlank = true
			}
		}
		if rb.out == nil && r.Type != "InputLayer" {
			return rb.fail("I cannot read this row's output shape")
		}
		l, done, err := rb.layer()
		if err != nil {
			return err
		}
		if done {
			continue
		}
		if err := rb.check(l); err != nil {
			return err
		}
		if flatBlank {
			rb.blankRow(true)
		}
	}
	if len(q.Layers) == 0 {
		return &lang.Error{Line: rows[0].Pos.Line, Col: rows[0].Pos.Col, Msg: "the summary has no layer to explain", Hint: "paste a row such as: conv2d (Conv2D)  (None, 30, 30, 32)  896"}
	}
	q.Notes = append(q.Notes, "rebuilt from model.summary() rows (channels-last shapes, read as channels-first)")
	askBlanks(q, rb.blanks, words)
	return nil
}

// kerasRebuild holds the rebuilding of a summary: the question, the row
// at hand (ri, r, out channels-first) and the output of the row before.
type kerasRebuild struct {
	q       *lang.Question
	prev    calc.Shape
	ri      int
	r       kerasRow
	out     calc.Shape
	rows    int        // how many rows the summary has
	allRows []kerasRow // the summary's rows
	// words are the text around the table, framework "keras" or
	// "pytorch"; blanks the rows whose ? is asked; blankHow how the
	// last blank shape was filled.
	words, framework, blankHow string
	blanks                     []lang.At
	blankConvs                 int // conv rows whose count is blank
}

func (rb *kerasRebuild) fail(msg string) error {
	return &lang.Error{Line: rb.r.Pos.Line, Col: rb.r.Pos.Col, Msg: msg,
		Hint: "paste the layer's code instead, e.g. Conv2D(32, (3, 3), input_shape=(32, 32, 3)), or the whole summary from its first row"}
}

func (rb *kerasRebuild) note(format string, args ...any) {
	rb.q.Notes = append(rb.q.Notes, fmt.Sprintf(format, args...))
}

// layer rebuilds the row's layer; done means the row was taken care of
// (an input row, a first recurrent row) and is not to be checked.
func (rb *kerasRebuild) layer() (l calc.Layer, done bool, err error) {
	r, out, t := rb.r, rb.out, rb.r.Type
	switch {
	case t == "InputLayer":
		rb.prev, rb.q.Input = out, out
		return nil, true, nil
	case strings.HasPrefix(t, "Conv") && strings.HasSuffix(t, "DTranspose"):
		if rb.prev == nil || r.Params < 0 {
			return nil, false, rb.fail("a transposed conv row needs the row before it and its count")
		}
		l, err = kerasTransposedFromRow(r, out, rb.prev)
	case rb.prev == nil && rb.ri+1 < rb.rows && len(out) >= 2 && (strings.HasPrefix(t, "Conv") && strings.HasSuffix(t, "D") && r.Params < 0 ||
		strings.Contains(t, "Pool") && !strings.HasPrefix(t, "Global")):
		// "conv2d_1 (Conv2D) (None, 60, 60, 12) ...": the row above the one
		// asked about says what reaches it, not its own kernel
		rb.note("row %d: no count and no row before it: read only for what it gives the next row, (None, %s)", rb.ri+1, kerasLastText(out))
		rb.prev = out
		if rb.q.Input == nil {
			rb.q.Input = out
		}
		return nil, true, nil
	case t == "DepthwiseConv2D" && len(out) >= 2:
		l, err = rb.depthwise()
	case strings.HasPrefix(t, "Conv") && strings.HasSuffix(t, "D") && len(out) >= 2:
		l, err = rb.conv()
	case t == "Dense":
		l, err = rb.dense()
	case t == "BatchNormalization":
		if rb.prev == nil {
			rb.q.Input = out
		}
		if rb.framework == "pytorch" {
			rb.note("a BatchNorm2d row counts 2·%d: a scale γ and a shift β per channel (its running mean and variance are buffers, not counted)", out[0])
			return calc.BatchNorm{C: out[0]}, false, nil
		}
		rb.note("Keras's %s = 4·%d: γ and β (trainable) plus the moving mean and variance (non-trainable); PyTorch counts 2·%d parameters and 2·%d buffers", lang.Group(int(r.Params)), out[0], out[0], out[0])
		return calc.BatchNorm{C: out[0]}, false, nil
	case strings.Contains(t, "Pooling") || strings.Contains(t, "Pool"):
		l, err = rb.pool()
	case t == "LSTM" || t == "GRU" || t == "SimpleRNN":
		return rb.recurrent()
	case t == "Embedding":
		l, err = rb.embedding()
	default:
		l, err = rb.reshaping()
	}
	if err != nil {
		return nil, false, rb.fail(err.Error())
	}
	return l, false, nil
}

// reshaping rebuilds the rows that learn nothing.
func (rb *kerasRebuild) reshaping() (calc.Layer, error) {
	switch t := rb.r.Type; {
	case t == "Reshape":
		return reshapeLayer{Shape: rb.out}, nil
	case t == "ZeroPadding2D" || t == "Cropping2D" || t == "UpSampling2D":
		if rb.prev == nil || len(rb.prev) != len(rb.out) {
			return nil, fmt.Errorf("this row does not say its input size: paste the row before it too")
		}
		return kerasResizeFromRows(t, rb.prev, rb.out), nil
	case t == "Flatten":
		return calc.Flatten{}, nil
	case t == "Dropout" || strings.HasPrefix(t, "SpatialDropout"):
		return calc.Dropout{P: 0.5}, nil
	case t == "Activation" || t == "ReLU" || t == "LeakyReLU" || t == "Rescaling":
		return calc.Activation{}, nil
	default:
		return nil, fmt.Errorf("a %s layer cannot be rebuilt from its summary row", t)
	}
}

// check adds l, sizes it on the row before and compares its count with
// the row's (or names the ? it fills).
func (rb *kerasRebuild) check(l calc.Layer) error {
	q, r := rb.q, rb.r
	q.Layers = append(q.Layers, lang.Layer{Layer: l, Pos: r.Pos})
	if rb.prev == nil && q.Input == nil {
		rb.prev = rb.out // nothing to check this row against; the next row reads from it
		return nil
	}
	if rb.prev == nil {
		rb.prev = q.Input
	}
	rep, err := l.Apply(rb.prev)
	if err != nil {
		return rb.fail(err.Error())
	}
	if _, ok := l.(calc.BatchNorm); ok && rb.framework != "pytorch" {
		rep.Params += rep.Buffers // Keras's row counts the moving mean and variance
	}
	if r.Params < 0 && rb.countBlank() {
		rb.note("row %d: the ? is %s", rb.ri+1, lang.Group(int(rep.Params)))
		if !r.Blank || !r.NoCount {
			rb.blankRow(false) // a "???" count is asked, its shape's ? or not
		}
	} else if r.Params >= 0 && rep.Params != r.Params {
		rb.note("row %d: the summary says %s parameters but this reading gives %s", rb.ri+1, lang.Group(int(r.Params)), lang.Group(int(rep.Params)))
	}
	rb.prev = rb.out
	return nil
}

// conv rebuilds a conv row from its count (kerasConvFromRow).
func (rb *kerasRebuild) conv() (calc.Layer, error) {
	if rb.r.Params < 0 {
		if l, ok := rb.callConv(); ok {
			return l, nil
		}
		if c, ok := rb.wordsConv(); ok {
			return c, nil
		}
		if c, ok := kerasConvFromSizes(rb.out, rb.prev); ok {
			rb.note("row %d: no count given: the kernel %s read from the sizes (%d → %d), stride 1 and no padding assumed", rb.ri+1,
				ptJoin(c.Kernel), rb.prev[1], rb.out[1])
			return c, nil
		}
		return nil, fmt.Errorf("the row's count is not given, and a conv's kernel is read from it")
	}
	conv, in, note, err := kerasConvFromRow(rb.r, rb.out, rb.prev)
	if err != nil {
		return nil, err
	}
	if note != "" {
		rb.note("%s", note)
	}
	if rb.ri == 0 || rb.prev == nil {
		rb.q.Input = in
	}
	return conv, nil
}

// kerasConvFromSizes reads a conv from the sizes of the row before (prev)
// and its own (out), both channels-first, when they shrink as a stride-1
// valid conv does (13 → 11: a 3-wide kernel); ok is false otherwise.
func kerasConvFromSizes(out, prev calc.Shape) (calc.Conv, bool) {
	d := len(out) - 1
	if d < 1 || len(prev) != len(out) || prev[0] < 1 {
		return calc.Conv{}, false
	}
	k := make([]int, d)
	for i := 1; i <= d; i++ {
		k[i-1] = prev[i] - out[i] + 1
		if k[i-1] < 2 || k[i-1] > 11 {
			return calc.Conv{}, false // same padding or a stride: the kernel is not known
		}
	}
	if slices.Max(k) == slices.Min(k) {
		k = k[:1]
	}
	return calc.Conv{Dims: d, In: prev[0], Out: out[0], Kernel: k, PadMode: calc.PadValid}, true
}

// dense rebuilds a Dense row: its inputs from the row before, or from the
// count (units·(in + 1)).
func (rb *kerasRebuild) dense() (calc.Layer, error) {
	if len(rb.out) > 1 {
		return rb.denseND()
	}
	r, units := rb.r, rb.out[len(rb.out)-1]
	var in int64
	switch {
	case len(rb.prev) == 1:
		in = int64(rb.prev[0])
	case r.Params < 0:
		return nil, fmt.Errorf("the row's count is not given and the row before is not flat: paste the row before it")
	case units > 0 && (r.Params-int64(units))%int64(units) == 0:
		in = (r.Params - int64(units)) / int64(units)
		if rb.ri == 0 || rb.prev == nil {
			rb.q.Input = calc.Shape{int(in)}
		}
		rb.note("%s = %d·(%d + 1): read as a Dense layer from %d inputs to %d units, each with one bias", lang.Group(int(r.Params)), units, in, in, units)
	default:
		return nil, fmt.Errorf("%d parameters is not a whole number of inputs for %d units", r.Params, units)
	}
	if in < 1 || in > calc.MaxSize {
		return nil, fmt.Errorf("this Dense layer's inputs cannot be worked out from its row")
	}
	return calc.Linear{In: int(in), Out: units}, nil
}

// pool rebuilds a pooling row from the sizes before and after it (a global
// pool is followed by the flatten Keras's does).
func (rb *kerasRebuild) pool() (calc.Layer, error) {
	t, out, prev := rb.r.Type, rb.out, rb.prev
	if strings.HasPrefix(t, "Global") {
		if prev == nil {
			return nil, fmt.Errorf("a global pooling row does not say its input size")
		}
		rb.q.Layers = append(rb.q.Layers, lang.Layer{Layer: calc.GlobalAvgPool{}, Pos: rb.r.Pos})
		return calc.Flatten{}, nil
	}
	if prev == nil || len(prev) != len(out) {
		return nil, fmt.Errorf("a pooling row does not say its input size: paste the row before it too")
	}
	var ks []int
	for i := 1; i < len(out); i++ {
		k := prev[i] / max(out[i], 1)
		if k < 1 || prev[i]/k != out[i] {
			return nil, fmt.Errorf("no pool size takes %d to %d", prev[i], out[i])
		}
		ks = append(ks, k)
	}
	p := calc.Pool{Dims: len(out) - 1, Kernel: ks}
	if strings.Contains(t, "Average") || strings.Contains(t, "Avg") {
		p.Op = calc.AvgPool
	}
	return p, nil
}

// recurrent rebuilds an LSTM, GRU or SimpleRNN row from its count. Keras:
// P = G·u·(I + u) + B·G·u, one bias vector per gate (two for GRU's
// reset_after=True, the TF2 default).
func (rb *kerasRebuild) recurrent() (calc.Layer, bool, error) {
	r, out, t := rb.r, rb.out, rb.r.Type
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
		return nil, false, rb.fail(fmt.Sprintf("%s is not the count of a %s with %d units", lang.Group(int(r.Params)), t, u))
	}
	in := rem/(g*u) - u
	if len(rb.prev) >= 1 && int64(rb.prev[0]) != in {
		rb.note("row %d: the count gives %d input features, the row before %d", rb.ri+1, in, rb.prev[0])
	}
	rb.note("%s = %d·%d·(%d + %d) + %d·%d·%d: a %s with %d units on %d input features, %d bias vector(s) per gate (Keras)",
		lang.Group(int(r.Params)), g, u, in, u, bv, g, u, t, u, in, bv)
	l := calc.Recurrent{Cell: cell, In: int(in), Hidden: int(u), BiasVectors: int(bv), LastOnly: len(r.Out) == 1}
	if rb.prev == nil {
		rb.q.Layers = append(rb.q.Layers, lang.Layer{Layer: l, Pos: r.Pos})
		rb.prev = out
		return nil, true, nil
	}
	return l, false, nil
}

// embedding rebuilds an Embedding row: the vocabulary from the count.
func (rb *kerasRebuild) embedding() (calc.Layer, error) {
	r, dim := rb.r, int64(rb.out[0])
	if dim < 1 || r.Params%dim != 0 {
		return nil, fmt.Errorf("%s is not a whole number of %d-wide vectors", lang.Group(int(r.Params)), dim)
	}
	rb.note("%s = %d·%d: a vocabulary of %d tokens, one %d-wide vector each", lang.Group(int(r.Params)), r.Params/dim, dim, r.Params/dim, dim)
	if len(r.Out) == 2 {
		rb.q.Input = calc.Shape{r.Out[0]}
		rb.prev = nil
	}
	return calc.Embedding{Vocab: int(r.Params / dim), Dim: int(dim)}, nil
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
	var note string
	perFilter := r.Params / f
	if r.Params%f != 0 || perFilter < 2 {
		return c, nil, "", fmt.Errorf("%d parameters is not a whole number of %d filters with biases", r.Params, f)
	}
	kc := perFilter - 1 // k^d·Cin
	var k, cin int64
	if prev != nil {
		cin = int64(prev[0])
		// PyTorch's convs before a batch norm have no bias (ResNet's 9,408)
		if sv, err := calc.SolveKernel(calc.Conv{Dims: d, In: int(cin), Out: int(f)}, r.Params); err == nil && sv.Layer != nil {
			k, c.NoBias = sv.Solutions[0], sv.Layer.(calc.Conv).NoBias
		}
		if k == 0 {
			return c, nil, "", fmt.Errorf("%d = %d·(k·k·%d + 1) has no whole kernel size", r.Params, f, cin)
		}
		if c.NoBias {
			note = fmt.Sprintf("%s = %d·%d·%d·%d: read as %d filters of %d×%d on %d input channels with no bias", lang.Group(int(r.Params)), f, k, k, cin, f, k, k, cin)
		}
	} else {
		k, cin, note = kerasGuessKernel(r.Params, f, kc, d)
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

// kerasTransposedFromRow finds the kernel, stride and padding of a
// Conv2DTranspose row: params = k^d·Cin·F (+ F with a bias).
func kerasTransposedFromRow(r kerasRow, out, prev calc.Shape) (calc.Conv, error) {
	d := len(out) - 1
	sv, err := calc.SolveKernel(calc.Conv{Dims: d, Transposed: true, In: prev[0], Out: out[0]}, r.Params)
	if err == nil && sv.Layer != nil {
		c := sv.Layer.(calc.Conv)
		for _, s := range []int{1, 2, 3, 4} {
			for _, mode := range []calc.Padding{calc.PadSame, calc.PadValid} {
				c.Stride, c.PadMode = []int{s}, mode
				if rep, err := c.Apply(prev); err == nil && rep.Output.Equal(out) {
					return c, nil
				}
			}
		}
	}
	return calc.Conv{}, fmt.Errorf("%s is not the count of a transposed conv from %v to %v", lang.Group(int(r.Params)), []int(prev), []int(out))
}

// kerasResizeFromRows rebuilds ZeroPadding2D, Cropping2D or UpSampling2D
// from the shapes before and after it.
func kerasResizeFromRows(t string, prev, out calc.Shape) calc.Layer {
	per := make([]int, len(out)-1)
	for i := range per {
		switch t {
		case "UpSampling2D":
			per[i] = out[i+1] / max(prev[i+1], 1)
		default:
			per[i] = out[i+1] - prev[i+1]
		}
	}
	if t == "UpSampling2D" {
		return upsampleLayer{Scale: per}
	}
	return padLayer{Add: per, Crop: t == "Cropping2D"}
}

// kerasGuessKernel finds, for a first row (no row before it), the likely
// kernel and input channels that give k^d·Cin = kc: RGB or grey input
// first, the usual kernel sizes first; note names the reading and the
// others that fit.
func kerasGuessKernel(params, f, kc int64, d int) (k, cin int64, note string) {
	pow := func(k int64) int64 {
		p := int64(1)
		for i := 0; i < d; i++ {
			p *= k
		}
		return p
	}
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
		note = fmt.Sprintf("%s = %d·(%d·%d·%d + 1): read as %d filters of %d×%d on %d input channel(s), each with one bias", lang.Group(int(params)), f, k, k, cin, f, k, k, cin)
		if d != 2 {
			note = fmt.Sprintf("%s = %d·(%d^%d·%d + 1): read as %d filters of size %d on %d input channel(s), each with one bias", lang.Group(int(params)), f, k, d, cin, f, k, cin)
		}
		if len(others) > 0 {
			note += " (" + strings.Join(others, ", ") + " channels would also fit)"
		}
	}
	return k, cin, note
}
