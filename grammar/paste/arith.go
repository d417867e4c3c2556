package paste

// The arithmetic of layer arguments, as Python reads it: a precedence
// grammar in the shape of participle's _examples/expr, one level a rule,
// over the argument's tokens.
//
//	Expr    = Term (("+" | "-") Term)* .
//	Term    = Unary (("*" | "/" | "//" | "%") Unary)* .
//	Unary   = ("-" | "+") Unary | Power .
//	Power   = Primary ("**" Unary)? .
//	Primary = (Number | Dims | String | "?"+ | Callee Call? | Ident | "(" List ")" | "[" List "]") Index* .
//	Call    = "(" List ")" .
//	Index   = "[" Expr "]" .
//	List    = (Expr ("," Expr)*)? ","? .
//
// The condition of an `if` in a module's __init__ adds Python's
// comparisons and boolean words on top:
//
//	Cond    = And ("or" And)* .
//	And     = Not ("and" Not)* .
//	Not     = "not" Not | Compare .
//	Compare = Expr (("==" | "!=" | "<=" | ">=" | "<" | ">") Expr)? .
//
// `**` binds tighter than a sign on its left and groups to the right, as
// in Python: -2**2 is -4, 2**3**2 is 512.

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

type arExpr struct {
	Pos   lexer.Position
	First *arTerm   `parser:"@@"`
	Rest  []*arSide `parser:"@@*"`
}

type arSide struct {
	Pos  lexer.Position
	Op   string  `parser:"@( '+' | '-' )"`
	Term *arTerm `parser:"@@"`
}

type arTerm struct {
	First *arUnary    `parser:"@@"`
	Rest  []*arFactor `parser:"@@*"`
}

type arFactor struct {
	Pos   lexer.Position
	Op    string   `parser:"@( '*' | '/' | '//' | '%' )"`
	Unary *arUnary `parser:"@@"`
}

type arUnary struct {
	Pos   lexer.Position
	Sign  string   `parser:"(  @( '-' | '+' )"`
	Inner *arUnary `parser:"   @@"`
	Power *arPower `parser:" | @@ )"`
}

type arPower struct {
	Pos  lexer.Position
	Base *arPrimary `parser:"@@"`
	Exp  *arUnary   `parser:"( '**' @@ )?"`
}

type arPrimary struct {
	Pos     lexer.Position
	Num     string     `parser:"(  @Number"`
	Dims    string     `parser:" | @Dims"`
	Str     string     `parser:" | @String"`
	Unknown []string   `parser:" | @'?'+"`
	Callee  string     `parser:" | @Callee"`
	Called  bool       `parser:"   ( @'('"`
	Args    *arList    `parser:"     @@ ')' )?"`
	Name    string     `parser:" | @Ident"`
	Paren   *arList    `parser:" | '(' @@ ')'"`
	List    *arList    `parser:" | '[' @@ ']' )"`
	Index   []*arIndex `parser:"@@*"`
}

type arIndex struct {
	Pos lexer.Position
	At  *arExpr `parser:"'[' @@ ']'"`
}

type arList struct {
	Items    []*arExpr `parser:"( @@ ( ',' @@ )* )?"`
	Trailing bool      `parser:"@','?"`
}

type arCond struct {
	First *arAnd   `parser:"@@"`
	Rest  []*arAnd `parser:"( 'or' @@ )*"`
}

type arAnd struct {
	First *arNot   `parser:"@@"`
	Rest  []*arNot `parser:"( 'and' @@ )*"`
}

type arNot struct {
	Not     *arNot     `parser:"(  'not' @@"`
	Compare *arCompare `parser:" | @@ )"`
}

type arCompare struct {
	Pos   lexer.Position
	Left  *arExpr `parser:"@@"`
	Op    string  `parser:"( @( '==' | '!=' | '<=' | '>=' | '<' | '>' )"`
	Right *arExpr `parser:"  @@ )?"`
}

// arCondParser is built on first use, so a run that reads no paste does
// not pay for it.
var arCondParser = sync.OnceValue(func() *participle.Parser[arCond] {
	return participle.MustBuild[arCond](participle.Lexer(ptLexer), participle.UseLookahead(2))
})

// ptCondition evaluates the condition of an `if` (its nodes, without the
// colon); ok is false when it cannot be worked out from the paste.
func ptCondition(nodes []*ptNode, env map[string]ptValue) (value, ok bool) {
	if len(nodes) == 0 {
		return false, false
	}
	toks := ptNodeTokens(nil, nodes)
	last := toks[len(toks)-1].Pos
	toks = append(toks, lexer.EOFToken(lexer.Position{Offset: last.Offset + 1, Line: last.Line, Column: last.Column + 1}))
	lx, err := lexer.Upgrade(&ptSliceLexer{toks: toks})
	if err != nil {
		return false, false
	}
	c, err := arCondParser().ParseFromLexer(lx)
	if err != nil {
		return false, false
	}
	return arEval{env: env}.cond(c)
}

func (e arEval) cond(c *arCond) (bool, bool) {
	v, ok := e.and(c.First)
	for _, a := range c.Rest {
		w, ok2 := e.and(a)
		v, ok = v || w, ok && ok2
	}
	return v, ok
}

func (e arEval) and(a *arAnd) (bool, bool) {
	v, ok := e.not(a.First)
	for _, n := range a.Rest {
		w, ok2 := e.not(n)
		v, ok = v && w, ok && ok2
	}
	return v, ok
}

func (e arEval) not(n *arNot) (bool, bool) {
	if n.Not != nil {
		v, ok := e.not(n.Not)
		return !v, ok
	}
	return e.compare(n.Compare)
}

// arStringsEqual compares two values when one is a string: equal when
// both are the same string; ok is false when neither is a string, or the
// other is a value the paste does not give.
func arStringsEqual(l, r ptValue) (eq, ok bool) {
	if l.Kind != ptStr && r.Kind != ptStr {
		return false, false
	}
	known := func(v ptValue) bool {
		return v.Kind == ptStr || v.Kind == ptInt || v.Kind == ptFloat || v.Kind == ptBool
	}
	if !known(l) || !known(r) {
		return false, false
	}
	return l.Kind == ptStr && r.Kind == ptStr && l.Str == r.Str, true
}

// compare compares two numbers, or reads one value as Python's truth.
func (e arEval) compare(c *arCompare) (bool, bool) {
	l, err := e.expr(c.Left)
	if err != nil {
		return false, false
	}
	lf, lok := ptOneNumber([]ptValue{l})
	if c.Right == nil {
		return lf != 0, lok
	}
	r, err := e.expr(c.Right)
	if err != nil {
		return false, false
	}
	if eq, ok := arStringsEqual(l, r); ok && (c.Op == "==" || c.Op == "!=") {
		return eq == (c.Op == "=="), true // VGG's cfg: `if v == 'M':`
	}
	rf, rok := ptOneNumber([]ptValue{r})
	if !lok || !rok {
		return false, false
	}
	switch c.Op {
	case "==":
		return lf == rf, true
	case "!=":
		return lf != rf, true
	case "<":
		return lf < rf, true
	case ">":
		return lf > rf, true
	case "<=":
		return lf <= rf, true
	}
	return lf >= rf, true
}

// arParser is built on first use.
var arParser = sync.OnceValue(func() *participle.Parser[arExpr] {
	return participle.MustBuild[arExpr](participle.Lexer(ptLexer), participle.UseLookahead(2))
})

// ptEvalGrammar evaluates an argument's nodes with the arithmetic grammar.
func ptEvalGrammar(nodes []*ptNode, env map[string]ptValue) (ptValue, error) {
	toks := ptNodeTokens(nil, nodes)
	last := toks[len(toks)-1].Pos
	toks = append(toks, lexer.EOFToken(lexer.Position{Offset: last.Offset + 1, Line: last.Line, Column: last.Column + 1}))
	lx, err := lexer.Upgrade(&ptSliceLexer{toks: toks})
	if err != nil {
		return ptValue{}, err
	}
	x, err := arParser().ParseFromLexer(lx)
	if err != nil {
		n := nodes[0]
		msg := fmt.Sprintf("cannot read %s in this argument", ptNodeText(n))
		if pe, ok := err.(participle.Error); ok {
			p := pe.Position()
			return ptValue{}, &lang.Error{Line: p.Line, Col: p.Column, Msg: msg, Hint: "write the argument as a number or a tuple, e.g. kernel_size=(3, 3) or 64*8*8"}
		}
		return ptValue{}, &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column, Msg: msg}
	}
	return arEval{env: env}.expr(x)
}

// ptNodeTokens appends the tokens of nodes, as the lexer made them.
func ptNodeTokens(out []lexer.Token, nodes []*ptNode) []lexer.Token {
	for _, n := range nodes {
		switch {
		case n.Num != "":
			out = append(out, lexer.Token{Type: ptTokNumber, Value: n.Num, Pos: n.Pos})
		case n.Dims != "":
			out = append(out, lexer.Token{Type: ptTokDims, Value: n.Dims, Pos: n.Pos})
		case n.Str != "":
			out = append(out, lexer.Token{Type: ptTokString, Value: n.Str, Pos: n.Pos})
		case n.Punct != "":
			out = append(out, lexer.Token{Type: ptTokPunct, Value: n.Punct, Pos: n.Pos})
		case n.Ident != "" && len(n.Calls) > 0:
			out = append(out, lexer.Token{Type: ptTokCallee, Value: n.Ident, Pos: n.Pos})
			for _, g := range n.Calls {
				out = ptGroupTokens(out, g)
			}
		case n.Ident != "":
			out = append(out, lexer.Token{Type: ptTokIdent, Value: n.Ident, Pos: n.Pos})
		case n.Group != nil:
			out = ptGroupTokens(out, n.Group)
		}
	}
	return out
}

func ptGroupTokens(out []lexer.Token, g *ptGroup) []lexer.Token {
	out = append(out, lexer.Token{Type: ptTokOpen, Value: g.Open, Pos: g.Pos})
	out = ptNodeTokens(out, g.Nodes)
	end := g.EndPos
	end.Offset--
	end.Column--
	return append(out, lexer.Token{Type: ptTokClose, Value: g.Close, Pos: end})
}

// arEval evaluates the grammar's tree.
type arEval struct{ env map[string]ptValue }

func (e arEval) expr(x *arExpr) (ptValue, error) {
	v, err := e.term(x.First)
	for _, s := range x.Rest {
		if err != nil {
			return v, err
		}
		var r ptValue
		if r, err = e.term(s.Term); err == nil {
			v, err = ptArith(s.Op, v, r, s.Pos)
		}
	}
	return v, err
}

func (e arEval) term(t *arTerm) (ptValue, error) {
	v, err := e.unary(t.First)
	for _, f := range t.Rest {
		if err != nil {
			return v, err
		}
		var r ptValue
		if r, err = e.unary(f.Unary); err == nil {
			v, err = ptArith(f.Op, v, r, f.Pos)
		}
	}
	return v, err
}

func (e arEval) unary(u *arUnary) (ptValue, error) {
	if u.Power != nil {
		b, err := e.primary(u.Power.Base)
		if err != nil || u.Power.Exp == nil {
			return b, err
		}
		x, err := e.unary(u.Power.Exp)
		if err != nil {
			return x, err
		}
		return ptArith("**", b, x, u.Power.Pos)
	}
	v, err := e.unary(u.Inner)
	if err != nil || u.Sign == "+" {
		return v, err
	}
	return ptArith("-", ptValue{Kind: ptInt, Pos: ptPos(u.Pos)}, v, u.Pos)
}

// primary evaluates a number, a name, a call, a tuple or list, and its
// indexes.
func (e arEval) primary(p *arPrimary) (ptValue, error) {
	pos := ptPos(p.Pos)
	v, err := e.atom(p, pos)
	if err != nil {
		return v, err
	}
	for _, ix := range p.Index {
		i, err := e.expr(ix.At)
		if err != nil {
			return i, err
		}
		if v.Kind != ptTuple || i.Kind != ptInt {
			return ptValue{Kind: ptName, Str: "an index", Pos: pos}, nil
		}
		k := int(i.Int)
		if k < 0 {
			k += len(v.Items)
		}
		if k < 0 || k >= len(v.Items) {
			return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf("index %d is past the end of a tuple of %d", i.Int, len(v.Items))}
		}
		v = v.Items[k]
	}
	v.Pos = pos
	return v, nil
}

func (e arEval) atom(p *arPrimary, pos lang.Position) (ptValue, error) {
	switch {
	case p.Num != "":
		return ptNumber(p.Num, pos)
	case p.Dims != "":
		v := ptValue{Kind: ptTuple, Pos: pos}
		for _, d := range ptDimsOf(p.Dims) {
			v.Items = append(v.Items, ptValue{Kind: ptInt, Int: int64(d), Pos: pos})
		}
		return v, nil
	case p.Str != "":
		return ptStringValue(p.Str, pos), nil
	case len(p.Unknown) > 0:
		return ptValue{Kind: ptUnknown, Pos: pos}, nil
	case p.Callee != "":
		return e.call(p, pos)
	case p.Name != "":
		return ptLookup(e.env, p.Name), nil
	case p.Paren != nil && len(p.Paren.Items) == 1 && !p.Paren.Trailing:
		return e.expr(p.Paren.Items[0])
	}
	l := p.List
	if p.Paren != nil {
		l = p.Paren
	}
	v := ptValue{Kind: ptTuple, Pos: pos}
	for _, x := range l.Items {
		it, err := e.expr(x)
		if err != nil {
			return it, err
		}
		v.Items = append(v.Items, it)
	}
	return v, nil
}

// call evaluates int(...), len(...) and the other builtins; any other call
// is a value the arithmetic cannot know.
func (e arEval) call(p *arPrimary, pos lang.Position) (ptValue, error) {
	if !p.Called {
		return ptLookup(e.env, p.Callee), nil // a name before its index: sizes[0]
	}
	f, ok := ptBuiltins[p.Callee]
	if !ok {
		return ptValue{Kind: ptName, Str: p.Callee + "(...)", Pos: pos}, nil
	}
	var args []ptValue
	for _, x := range p.Args.Items {
		v, err := e.expr(x)
		if err != nil {
			return v, err
		}
		args = append(args, v)
	}
	r, ok := f(args)
	if !ok {
		return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf("cannot work out %s(...) here", p.Callee),
			Hint: "write the number, e.g. nn.Linear(256, 10)"}
	}
	return r, nil
}

// ptNumber reads a Python number literal.
func ptNumber(s string, pos lang.Position) (ptValue, error) {
	if !strings.ContainsAny(s, ".eE") {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v > ptLimit {
			return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: s + " is too large", Hint: "use sizes a real network could have"}
		}
		return ptValue{Kind: ptInt, Int: v, Pos: pos}, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: "cannot read the number " + s}
	}
	return ptValue{Kind: ptFloat, Float: f, Pos: pos}, nil
}

// ptStringValue reads a Python string literal's text.
func ptStringValue(s string, pos lang.Position) ptValue {
	s = strings.TrimLeft(s, "rRbBfFuU")
	if len(s) >= 6 && (strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, `'''`)) {
		s = s[3 : len(s)-3]
	} else if len(s) >= 2 {
		s = s[1 : len(s)-1]
	}
	return ptValue{Kind: ptStr, Str: s, Pos: pos}
}
