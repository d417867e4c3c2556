package spec

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// channelOp reads channelshuffle G (ShuffleNet's shuffle in G groups) and
// channelsplit N (one of N equal slices of the channels): one count each.
func (b *builder) channelOp(c *cursor) (calc.Layer, error) {
	example := map[string]string{"channelshuffle": "channelshuffle 2", "channelsplit": "channelsplit 2"}[b.kind]
	it := c.next()
	if it == nil || !it.plain() {
		at := pos(c.line.Pos)
		if it != nil {
			return nil, c.unexpected(it, example)
		}
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s needs a count", b.kind), Hint: example}
	}
	n, err := it.ints()
	if err != nil {
		return nil, err
	}
	if len(n) != 1 || n[0] < 1 || n[0] > calc.MaxSize {
		return nil, &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("%s takes one count of at least 1", b.kind), Hint: example}
	}
	b.set(map[string]string{"channelshuffle": "groups", "channelsplit": "parts"}[b.kind], pos(it.Pos))
	if extra := c.next(); extra != nil {
		return nil, c.unexpected(extra, example)
	}
	if b.kind == "channelshuffle" {
		return calc.ChannelShuffle{Groups: n[0]}, nil
	}
	return calc.ChannelSplit{Parts: n[0]}, nil
}

// perChannel reads layernorm2d [C] and layerscale [C]: C may be left to
// the layer before.
func (b *builder) perChannel(c *cursor) (calc.Layer, error) {
	example := b.kind + " 96"
	n := 0
	if it := c.next(); it != nil {
		if !it.plain() {
			return nil, c.unexpected(it, example)
		}
		v, err := it.ints()
		if err != nil {
			return nil, err
		}
		if len(v) != 1 || v[0] < 1 || v[0] > calc.MaxSize {
			return nil, &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("%s takes one channel count of at least 1", b.kind), Hint: example}
		}
		n = v[0]
		b.set("in", pos(it.Pos))
		if extra := c.next(); extra != nil {
			return nil, c.unexpected(extra, example)
		}
	}
	if b.kind == "prelu" {
		return calc.PReLU{N: n}, nil // no count: PyTorch's one shared slope
	}
	if b.kind == "layerscale" {
		return calc.LayerScale{C: n}, nil
	}
	return calc.LayerNorm2d{C: n}, nil
}

// permute reads permute 0 2 3 1 (or (0, 2, 3, 1)): PyTorch's order of the
// dimensions, the batch included.
func (b *builder) permute(c *cursor) (calc.Layer, error) {
	example := "permute 0 2 3 1"
	var order []int
	for it := c.next(); it != nil; it = c.next() {
		if (!it.num() && it.Tuple == nil) || it.Out != nil {
			return nil, c.unexpected(it, example)
		}
		if len(order) == 0 {
			b.set("order", pos(it.Pos))
		}
		v, err := it.size()
		if err != nil {
			return nil, err
		}
		order = append(order, v...)
	}
	if len(order) < 2 || len(order) > 5 {
		at := pos(c.line.Pos)
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "permute takes the order of the dimensions, the batch first: 2 to 5 numbers", Hint: example}
	}
	return calc.Permute{Order: order}, nil
}
