package spec

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// builder accumulates one layer's settings.
type builder struct {
	kind   string
	fields map[string]lang.Position
	input  *lang.Input
}

func (b *builder) set(field string, p lang.Position) {
	if b.fields == nil {
		b.fields = make(map[string]lang.Position, 4)
	}
	b.fields[field] = p
}

// lowerLine turns one line into a calc layer, plus its input clause.
func lowerLine(l *line) (lang.Layer, *lang.Input, error) {
	kind := kindOf(l.Kind)
	at := pos(l.Pos)
	if kind == "" || kind == "input" {
		e := &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%q is not a layer I know", l.Kind)}
		if kind == "input" {
			e.Msg = "the input must be the first line of a network"
		} else if m := lang.DidYouMean(l.Kind, kindNames()); m != "" {
			e.Msg += fmt.Sprintf(" — did you mean %q?", m)
		}
		e.Hint = "layers: conv, conv1d, conv3d, deconv, maxpool, avgpool, globalavgpool, batchnorm, linear, relu (and other activations), flatten, dropout; e.g. " + lang.Example
		return lang.Layer{}, nil, e
	}
	b := &builder{kind: kind}
	c := &cursor{line: l}
	var layer calc.Layer
	var err error
	switch kind {
	case "conv", "conv1d", "conv3d", "deconv", "deconv1d", "deconv3d":
		layer, err = b.conv(c)
	case "maxpool", "maxpool1d", "maxpool3d", "avgpool", "avgpool1d", "avgpool3d":
		layer, err = b.pool(c)
	case "linear":
		layer, err = b.linear(c)
	case "batchnorm":
		layer, err = b.batchnorm(c)
	case "dropout", "stochasticdepth":
		layer, err = b.dropout(c)
	case "channelshuffle", "channelsplit":
		layer, err = b.channelOp(c)
	case "layernorm2d", "layerscale", "prelu":
		layer, err = b.perChannel(c)
	case "permute":
		layer, err = b.permute(c)
	case "adaptiveavgpool", "adaptivemaxpool":
		layer, err = b.adaptive(c)
	case "lstm", "gru", "rnn":
		layer, err = b.recurrent(c)
	case "embedding":
		layer, err = b.embedding(c)
	case "layernorm":
		layer, err = b.layernorm(c)
	case "groupnorm":
		layer, err = b.groupnorm(c)
	case "separable", "separable1d", "separable3d", "depthwise", "depthwise1d", "depthwise3d":
		layer, err = b.separable(c)
	default:
		layer, err = b.plain(c)
	}
	if err != nil {
		return lang.Layer{}, nil, err
	}
	return lang.Layer{Layer: layer, Pos: at, Fields: b.fields}, b.input, nil
}

// option reads the option word it (and its value where it takes one),
// applying it through set. It handles the shared options; it returns the
// canonical option name so the caller can refuse ones its layer lacks.
func (b *builder) word(c *cursor, it *item, takes []string) (string, []int, lang.Position, error) {
	w := strings.ToLower(it.Word)
	name := lang.Options[w]
	var inline []int
	at := pos(it.Pos)
	if name == "" {
		if m := lang.Shorthand.FindStringSubmatch(w); m != nil {
			name = lang.Options[strings.ToLower(m[1])]
			nums, err := (&size{Pos: it.Pos, Nums: strings.FieldsFunc(m[2], func(r rune) bool { return r == 'x' || r == 'X' })}).ints()
			if err != nil {
				return "", nil, at, err
			}
			inline = nums
			at.Col += len(m[1])
		}
	}
	allowed := false
	for _, t := range takes {
		if t == name {
			allowed = true
		}
	}
	if !allowed {
		e := &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%q is not an option of %s", it.Word, b.kind)}
		if name == "" {
			e.Msg = fmt.Sprintf("%q is not an option I know", it.Word)
			if m := lang.DidYouMean(w, takes); m != "" {
				e.Msg += fmt.Sprintf(" — did you mean %q?", m)
			}
		}
		e.Hint = fmt.Sprintf("%s takes: %s", b.kind, strings.Join(takes, ", "))
		return "", nil, at, e
	}
	switch name {
	case "kernel", "stride", "pad", "dilation", "groups", "outpad", "layers", "multiplier":
		if inline != nil {
			return name, inline, at, nil
		}
		if name == "pad" {
			if nx := c.peek(); nx != nil && nx.Word != "" {
				switch strings.ToLower(nx.Word) {
				case "same", "valid":
					c.next()
					return strings.ToLower(nx.Word), nil, at, nil
				}
			}
		}
		nums, _, err := c.value(it, name, optionExamples[name])
		return name, nums, at, err
	case "input":
		nums, vat, err := c.value(it, "input", "input 56x56")
		if err != nil {
			return "", nil, at, err
		}
		b.input = &lang.Input{Pos: vat, Nums: nums}
		if nx := c.peek(); nx != nil && nx.Word != "" && lang.IsLayout(nx.Word) {
			c.next()
			b.input.Layout = strings.ToLower(nx.Word)
		}
		return name, nums, vat, nil
	case "bias", "ceil", "affine":
		if !c.flag() {
			return "no" + name, nil, at, nil
		}
	}
	return name, nil, at, nil
}

// optionExamples show an option with its value, for hints.
var optionExamples = map[string]string{
	"kernel": "kernel 3x3", "stride": "stride 2", "pad": "pad 1", "dilation": "dilation 2",
	"groups": "groups 4", "outpad": "outpad 1", "layers": "layers 2", "multiplier": "multiplier 2"}

func (b *builder) conv(c *cursor) (calc.Layer, error) {
	conv := calc.Conv{Dims: 2}
	switch b.kind {
	case "conv1d", "deconv1d":
		conv.Dims = 1
	case "conv3d", "deconv3d":
		conv.Dims = 3
	}
	conv.Transposed = strings.HasPrefix(b.kind, "deconv")
	takes := lang.Takes["conv"]
	if conv.Transposed {
		takes = lang.Takes["deconv"]
	}
	example := lang.Example
	if conv.Transposed {
		example = "deconv 4x4 64->32 stride 2 pad 1 input 16x16"
	}
	err := b.args(c, takes, example, argHandlers{
		// The first size is the kernel; a second, alone, the output
		// channels (conv 3x3 64, inside a network).
		size: func(n []int, it *item) error {
			switch {
			case conv.Kernel == nil:
				conv.Kernel = n
				b.set("kernel", pos(it.Pos))
			case conv.Out == 0 && conv.In == 0:
				out, err := b.outCount(c, it, n, example)
				conv.Out = out
				return err
			default:
				return c.unexpected(it, example)
			}
			return nil
		},
		pair: func(in, out []int, it *item) error {
			if conv.In != 0 || conv.Out != 0 {
				return &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: "the channels are given twice", Hint: example}
			}
			var err error
			conv.In, conv.Out, err = channelPair(in, out, it, example)
			return err
		},
		word: func(name string, nums []int, at lang.Position) error { return b.convOption(&conv, name, nums, at) },
	})
	if err != nil {
		return nil, err
	}
	at := pos(c.line.Pos)
	if conv.Kernel == nil {
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the kernel size is missing", Hint: example}
	}
	if conv.Out == 0 {
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the number of output channels (filters) is missing",
			Hint: "give channels as IN->OUT: " + example}
	}
	conv.Kernel = fullKernel(conv.Kernel, conv.Dims)
	if conv.Depthwise && conv.Groups != 0 {
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "depthwise and groups both given", Hint: "depthwise means groups = input channels: write one of them"}
	}
	if err := conv.Validate(); err != nil {
		return nil, b.calcError(at, err)
	}
	return conv, nil
}

// convOption applies one option word of a conv line to c.
func (b *builder) convOption(c *calc.Conv, name string, nums []int, at lang.Position) error {
	switch name {
	case "kernel":
		c.Kernel = nums
	case "stride":
		c.Stride = nums
	case "pad":
		c.Pad, c.PadMode = nums, calc.PadExplicit
	case "same":
		c.PadMode, c.Pad = calc.PadSame, nil
		b.set("pad", at)
	case "valid":
		c.PadMode, c.Pad = calc.PadValid, nil
		b.set("pad", at)
	case "dilation":
		c.Dilation = nums
	case "groups":
		if len(nums) != 1 {
			return &lang.Error{Line: at.Line, Col: at.Col, Msg: "groups is a single number", Hint: "groups 4"}
		}
		c.Groups = nums[0]
	case "depthwise":
		c.Depthwise = true
		b.set("groups", at)
	case "bias":
		c.NoBias = false
	case "nobias":
		c.NoBias = true
	case "outpad":
		c.OutPad = nums
	}
	return nil
}

// argHandlers say what a layer does with each kind of argument; a nil
// handler makes that kind an error ("I don't know what 64 is for here").
type argHandlers struct {
	size func(n []int, it *item) error                         // 3x3, 64, (3, 3)
	pair func(in, out []int, it *item) error                   // 32->64; where each was written is recorded
	word func(name string, nums []int, at lang.Position) error // an option the layer takes, with its value
}

// args walks a line's arguments in any order, handing each to h; "=" is
// skipped (stride=2), and option words are checked against takes.
func (b *builder) args(c *cursor, takes []string, example string, h argHandlers) error {
	for it := c.next(); it != nil; it = c.next() {
		switch {
		case it.Eq:
		case it.Out != nil:
			if h.pair == nil {
				return c.unexpected(it, example)
			}
			in, err := it.ints()
			if err != nil {
				return err
			}
			out, err := it.Out.ints()
			if err != nil {
				return err
			}
			b.set("in", pos(it.Pos))
			b.set("out", pos(it.Out.Pos))
			if err := h.pair(in, out, it); err != nil {
				return err
			}
		case it.num() || it.Tuple != nil:
			if h.size == nil {
				return c.unexpected(it, example)
			}
			n, err := it.size()
			if err != nil {
				return err
			}
			if err := h.size(n, it); err != nil {
				return err
			}
		case it.Word != "":
			name, nums, at, err := b.word(c, it, takes)
			if err != nil {
				return err
			}
			b.set(name, at)
			if h.word != nil {
				if err := h.word(name, nums, at); err != nil {
					return err
				}
			}
		default:
			return c.unexpected(it, example)
		}
	}
	return nil
}

// channelPair checks IN->OUT channel counts: single numbers, at least 1.
func channelPair(in, out []int, it *item, example string) (int, int, error) {
	if len(in) != 1 || len(out) != 1 {
		return 0, 0, &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: "channels are single numbers, as in 32->64", Hint: example}
	}
	if in[0] < 1 || out[0] < 1 {
		return 0, 0, channelsError(it, in[0], out[0])
	}
	return in[0], out[0], nil
}

// fullKernel writes a kernel given as one size (3) for every dimension (3x3).
func fullKernel(k []int, dims int) []int {
	if len(k) != 1 || dims < 2 {
		return k
	}
	full := make([]int, dims)
	for i := range full {
		full[i] = k[0]
	}
	return full
}

// outCount checks a bare number that gives a layer's outputs (conv 3x3 64,
// linear 10): one whole number, at least 1.
func (b *builder) outCount(c *cursor, it *item, out []int, example string) (int, error) {
	if len(out) != 1 || !it.num() {
		return 0, c.unexpected(it, example)
	}
	if out[0] < 1 {
		return 0, channelsError(it, 1, out[0])
	}
	b.set("out", pos(it.Pos))
	return out[0], nil
}

func channelsError(it *item, in, out int) *lang.Error {
	bad := in
	if in >= 1 {
		bad = out
	}
	return &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("a channel count must be at least 1 (got %d)", bad), Hint: lang.Example}
}

// calcError positions a calc validation error at the field it names.
func (b *builder) calcError(at lang.Position, err error) error {
	q := lang.Question{Layers: []lang.Layer{{Pos: at, Fields: b.fields}}}
	return q.Locate(0, err)
}

func (b *builder) pool(c *cursor) (calc.Layer, error) {
	p := calc.Pool{Dims: 2}
	if strings.HasPrefix(b.kind, "avg") {
		p.Op = calc.AvgPool
	}
	switch {
	case strings.HasSuffix(b.kind, "1d"):
		p.Dims = 1
	case strings.HasSuffix(b.kind, "3d"):
		p.Dims = 3
	}
	takes := lang.Takes["maxpool"]
	if p.Op == calc.AvgPool {
		takes = lang.Takes["avgpool"]
	}
	example := "maxpool 2x2 stride 2 input 56x56x64"
	err := b.args(c, takes, example, argHandlers{
		size: func(n []int, it *item) error {
			if p.Kernel != nil {
				return c.unexpected(it, example)
			}
			p.Kernel = n
			b.set("kernel", pos(it.Pos))
			return nil
		},
		word: func(name string, nums []int, _ lang.Position) error {
			switch name {
			case "kernel":
				p.Kernel = nums
			case "stride":
				p.Stride = nums
			case "pad":
				p.Pad = nums
			case "dilation":
				p.Dilation = nums
			case "ceil":
				p.Ceil = true
			case "noceil":
				p.Ceil = false
			}
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	at := pos(c.line.Pos)
	if p.Kernel == nil {
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the pooling window size is missing", Hint: example}
	}
	p.Kernel = fullKernel(p.Kernel, p.Dims)
	if err := p.Validate(); err != nil {
		return nil, b.calcError(at, err)
	}
	return p, nil
}

func (b *builder) linear(c *cursor) (calc.Layer, error) {
	var l calc.Linear
	example := "linear 4096->1000"
	err := b.args(c, lang.Takes["linear"], example, argHandlers{
		size: func(n []int, it *item) error {
			if l.Out != 0 {
				return c.unexpected(it, example)
			}
			out, err := b.outCount(c, it, n, example)
			l.Out = out
			return err
		},
		pair: func(in, out []int, it *item) error {
			if l.Out != 0 {
				return c.unexpected(it, example)
			}
			if len(in) > 1 && len(out) == 1 {
				// linear 7x7x64->10: the student means the flattened volume.
				total := 1
				for _, x := range in {
					total *= x
				}
				return &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column,
					Msg:  fmt.Sprintf("a linear layer's input is a flat vector: %s flattens to %d values", it.text(), total),
					Hint: fmt.Sprintf("linear %d->%d", total, out[0])}
			}
			var err error
			l.In, l.Out, err = channelPair(in, out, it, example)
			return err
		},
		word: func(name string, _ []int, _ lang.Position) error {
			l.NoBias = name == "nobias"
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	if l.Out == 0 {
		at := pos(c.line.Pos)
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the number of outputs is missing", Hint: example}
	}
	return l, nil
}

func (b *builder) batchnorm(c *cursor) (calc.Layer, error) {
	var bn calc.BatchNorm
	err := b.args(c, lang.Takes["batch"], "batchnorm 64", argHandlers{
		size: func(n []int, it *item) error {
			if bn.C != 0 || !it.num() || len(n) != 1 || n[0] < 1 {
				return &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: "batch norm takes one channel count, at least 1", Hint: "batchnorm 64"}
			}
			bn.C = n[0]
			b.set("in", pos(it.Pos))
			return nil
		},
		word: func(name string, _ []int, _ lang.Position) error {
			bn.NoAffine = name == "noaffine"
			return nil
		},
	})
	return bn, err
}

func (b *builder) dropout(c *cursor) (calc.Layer, error) {
	example := b.kind + " 0.5"
	p := 0.5
	if b.kind == "stochasticdepth" {
		example, p = "stochasticdepth 0.2", 0
	}
	seen := false
	for it := c.next(); it != nil; it = c.next() {
		switch {
		case it.plain() && !seen:
			v, err := strconv.ParseFloat(it.text(), 64)
			if err != nil {
				return nil, c.unexpected(it, example)
			}
			if v < 0 || v > 1 {
				return nil, &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("a drop probability is between 0 and 1, not %s", it.text()), Hint: example}
			}
			p, seen = v, true
			b.set("p", pos(it.Pos))
		case it.Eq:
		case it.Word != "" && strings.EqualFold(it.Word, "p"):
		case it.Word != "" && lang.Options[strings.ToLower(it.Word)] == "input":
			if _, _, _, err := b.word(c, it, lang.Takes["plain"]); err != nil {
				return nil, err
			}
		default:
			return nil, c.unexpected(it, example)
		}
	}
	if b.kind == "stochasticdepth" {
		return calc.StochasticDepth{P: p}, nil
	}
	return calc.Dropout{P: p}, nil
}

func (b *builder) adaptive(c *cursor) (calc.Layer, error) {
	a := calc.AdaptivePool{Op: calc.AvgPool}
	if b.kind == "adaptivemaxpool" {
		a.Op = calc.MaxPool
	}
	example := "adaptiveavgpool 7x7"
	err := b.args(c, lang.Takes["plain"], example, argHandlers{
		size: func(n []int, it *item) error {
			if a.Output != nil {
				return c.unexpected(it, example)
			}
			for _, x := range n {
				if x < 1 {
					return &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: "an output size must be at least 1", Hint: example}
				}
			}
			a.Output = n
			b.set("output", pos(it.Pos))
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	if a.Output == nil {
		at := pos(c.line.Pos)
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "adaptive pooling needs the output size", Hint: "adaptiveavgpool 7x7 (or globalavgpool for 1x1)"}
	}
	return a, nil
}

func (b *builder) plain(c *cursor) (calc.Layer, error) {
	for it := c.next(); it != nil; it = c.next() {
		if it.Word != "" && lang.Options[strings.ToLower(it.Word)] == "input" {
			if _, _, _, err := b.word(c, it, lang.Takes["plain"]); err != nil {
				return nil, err
			}
			continue
		}
		if it.Eq {
			continue
		}
		return nil, c.unexpected(it, fmt.Sprintf("%s takes no settings: write just %q", b.kind, b.kind))
	}
	switch b.kind {
	case "flatten":
		return calc.Flatten{}, nil
	case "globalavgpool":
		return calc.GlobalAvgPool{}, nil
	}
	if a, ok := lang.Activation(b.kind); ok {
		return a, nil
	}
	return calc.Activation{Name: b.kind}, nil
}
