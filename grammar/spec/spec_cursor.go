package spec

import (
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// specCursor walks the items of one line.
type specCursor struct {
	line *specLine
	i    int
	ints []int // the numbers of the sizes read, for size
}

// size reads "3", "3x3" or "56 x 56 x 3" (see parseSize). The numbers of
// the sizes of a run of lines share one buffer, their arena's.
func (c *specCursor) size(s string, at lexer.Position) ([]int, error) {
	buf := &c.ints
	if c.line.arena != nil {
		buf = &c.line.arena.ints
	}
	start := len(*buf) // appendSize may move the buffer: what was handed out stays valid
	ints, err := appendSize(*buf, s, at)
	if err != nil {
		return nil, err
	}
	*buf = ints
	return ints[start:len(ints):len(ints)], nil
}

func (c *specCursor) next() *specItem {
	if c.i >= len(c.line.Items) {
		return nil
	}
	it := c.line.Items[c.i]
	c.i++
	return it
}

func (c *specCursor) peek() *specItem {
	if c.i >= len(c.line.Items) {
		return nil
	}
	return c.line.Items[c.i]
}

func (c *specCursor) unexpected(it *specItem, hint string) *lang.Error {
	e := &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Hint: hint}
	switch {
	case it.num != nil:
		e.Msg = fmt.Sprintf("I don't know what %s is for here", it.num.Value)
	case it.Tuple != nil:
		e.Msg = "I don't know what these numbers are for here"
	case it.Eq:
		e.Msg = "\"=\" must follow an option's name, as in stride=2"
	default:
		e.Msg = fmt.Sprintf("%q is not an option here", it.Word)
	}
	return e
}

// value reads the number(s) after an option word, skipping "=" or ":".
func (c *specCursor) value(word *specItem, name, example string) ([]int, lang.Position, error) {
	if it := c.peek(); it != nil && it.Eq {
		c.next()
	}
	it := c.peek()
	switch {
	case it != nil && it.num != nil && !it.num.Arrow:
		c.next()
		nums, err := c.size(it.num.Value, it.num.Pos)
		return nums, pos(it.num.Pos), err
	case it != nil && it.Tuple != nil:
		c.next()
		nums, err := parseTuple(it.Tuple)
		return nums, pos(it.Tuple.Pos), err
	}
	return nil, lang.Position{}, &lang.Error{Line: word.Pos.Line, Col: word.Pos.Column,
		Msg: fmt.Sprintf("%s needs a number", name), Hint: example}
}

// flag reads an optional true/false after a word such as bias or ceil.
func (c *specCursor) flag() bool {
	save := c.i
	if it := c.peek(); it != nil && it.Eq {
		c.next()
	}
	if it := c.peek(); it != nil && it.Word != "" {
		switch strings.ToLower(it.Word) {
		case "true", "on", "yes":
			c.next()
			return true
		case "false", "off", "no", "none":
			c.next()
			return false
		}
	}
	c.i = save
	return true
}
