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
