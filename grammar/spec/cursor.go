package spec

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// cursor walks the items of one line.
type cursor struct {
	line *line
	i    int
}

func (c *cursor) next() *item {
	if c.i >= len(c.line.Items) {
		return nil
	}
	it := c.line.Items[c.i]
	c.i++
	return it
}

func (c *cursor) peek() *item {
	if c.i >= len(c.line.Items) {
		return nil
	}
	return c.line.Items[c.i]
}

// unexpected says that item it has no place where it stands.
func (c *cursor) unexpected(it *item, hint string) *lang.Error {
	e := &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Hint: hint}
	switch {
	case it.num():
		e.Msg = fmt.Sprintf("I don't know what %s is for here", it.text())
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
func (c *cursor) value(word *item, name, example string) ([]int, lang.Position, error) {
	if it := c.peek(); it != nil && it.Eq {
		c.next()
	}
	it := c.peek()
	if it != nil && (it.plain() || it.Tuple != nil) {
		c.next()
		nums, err := it.size()
		return nums, pos(it.Pos), err
	}
	return nil, lang.Position{}, &lang.Error{Line: word.Pos.Line, Col: word.Pos.Column,
		Msg: fmt.Sprintf("%s needs a number", name), Hint: example}
}

// flag reads an optional true/false after a word such as bias or ceil.
func (c *cursor) flag() bool {
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

// num reports whether the item is a number (a size or a decimal).
func (it *item) num() bool { return it.Size != nil || it.Float != "" }

// plain reports whether the item is a number without an arrow.
func (it *item) plain() bool { return it.num() && it.Out == nil }

// size reads the numbers of a number or a tuple item.
func (it *item) size() ([]int, error) {
	if it.Tuple != nil {
		return it.Tuple.ints()
	}
	return it.ints()
}

// text is the number as the spec language writes it: 3x3, 0.5.
func (it *item) text() string {
	if it.Size == nil {
		return it.Float
	}
	return strings.Join(it.Size.Nums, "x")
}

// ints reads a number that must be a whole size (not 0.5).
func (it *item) ints() ([]int, error) {
	if it.Size == nil {
		return nil, &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column,
			Msg: fmt.Sprintf("%s is not a whole number: sizes and counts are", it.Float), Hint: lang.Example}
	}
	return it.Size.ints()
}

// ints reads the numbers of a size, each within calc's limits.
func (s *size) ints() ([]int, error) {
	nums := make([]int, 0, len(s.Nums))
	for _, part := range s.Nums {
		v, err := strconv.Atoi(part)
		if err != nil || v > calc.MaxSize || v < -calc.MaxSize {
			return nil, &lang.Error{Line: s.Pos.Line, Col: s.Pos.Column,
				Msg:  fmt.Sprintf("%s is larger than any real layer uses (the limit is %d)", part, calc.MaxSize),
				Hint: lang.Example}
		}
		nums = append(nums, v)
	}
	return nums, nil
}

// ints reads the sizes of a tuple as one size: (3, 3) is 3x3.
func (t *tuple) ints() ([]int, error) {
	var nums []int
	for _, s := range t.Sizes {
		n, err := s.ints()
		if err != nil {
			return nil, err
		}
		nums = append(nums, n...)
	}
	if len(nums) == 0 {
		return nil, &lang.Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: "empty brackets", Hint: "write a size such as 3x3 or (3, 3)"}
	}
	return nums, nil
}

func pos(p lexer.Position) lang.Position { return lang.Position{Line: p.Line, Col: p.Column} }
