package paste

// The token tree shared by the PyTorch and Keras front-ends.
//
// Pasted code is never a whole, valid program: it is a notebook cell with a
// comment, a repr with a question under it, a summary table. So the grammar
// does not try to parse Python. It parses the one thing every paste has,
// balanced brackets, into a tree of tokens (as Rust macros see their input),
// and the front-ends read layer calls out of that tree. Every alternative is
// chosen by its first token, so parsing is linear in the input.

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptFile is a paste: nodes, and closing brackets that close nothing (a
// truncated paste), which are skipped.
//
//	File  = (Node | Close)* .
//	Node  = Tok | Callee Group+ | Ident | Group .
//	Group = Flat | "(" Node* ")" | "[" Node* "]" | "{" Node* "}" .
//	Tok   = Number | Dims | String | Punct | Other | Leaves .
//
// A Flat is a whole bracket group without a bracket or call inside, and
// Leaves a run of leaf tokens (Tok or Ident); both are folded into one
// token before the parse and unfolded after it (ptFold, ptSortLeaves): the
// parser's cost is per token, and most of a paste is such groups and runs.
// A Callee is a name directly followed (on its line) by a bracket: the
// lexer tells it from a plain Ident so the parser never tries a bracket
// after a name that has none.
type ptFile struct {
	Nodes []*ptNode `parser:"( @@ | Close )*"`
	// Comments holds the top-level nodes of the paste's comments, where
	// people write the input size ("# x is (None, 14, 14, 64)"); prose only.
	Comments []*ptNode `parser:""`
}

// ptParseComments parses each comment's text into nodes positioned in the
// paste; a comment with unbalanced brackets is skipped.
func ptParseComments(toks []lexer.Token) []*ptNode {
	var out []*ptNode
	for _, t := range toks {
		text := strings.TrimPrefix(t.Value, "#")
		toks := ptTokenize(text, false)
		if !ptBalanced(toks) {
			continue
		}
		nodes, err := ptParseTokens(text, toks, ptFold)
		if err != nil {
			continue
		}
		for _, n := range nodes {
			n.Pos.Line = t.Pos.Line
			n.Pos.Column += t.Pos.Column
			out = append(out, n)
		}
	}
	return out
}

type ptNode struct {
	Pos lexer.Position
	// Tok is a leaf token, captured first (most tokens are leaves) and
	// sorted into Num, Dims, Str or Punct after the parse.
	Tok   string     `parser:"(  @( Number | Dims | String | Punct | Other | Leaves )"`
	Name  string     `parser:" | @Ident"`
	Ident string     `parser:" | @Callee"`
	Calls []*ptGroup `parser:"   @@+"`
	Group *ptGroup   `parser:" | @@ )"`
	Num   string
	Dims  string
	Str   string
	Punct string
}

// ptSortLeaves moves each leaf token to the field of its kind (Num, Dims,
// Str or Punct), as the lexer typed it, and unfolds Flat groups and Leaves
// runs; toks are the paste's tokens before folding.
func ptSortLeaves(nodes []*ptNode, toks []lexer.Token) []*ptNode {
	var out []*ptNode // made when a run of leaves is unfolded
	for i, n := range nodes {
		if n.Tok != "" {
			if j, ok := ptTokenAt(toks, n.Pos.Offset); ok && toks[j].Value != n.Tok {
				if out == nil {
					out = append(make([]*ptNode, 0, len(nodes)+8), nodes[:i]...)
				}
				out = ptLeafNodes(out, toks, j, n.Pos.Offset+len(n.Tok))
				continue
			}
		}
		if out != nil {
			out = append(out, n)
		}
		if n.Name != "" {
			n.Ident = n.Name
		}
		switch {
		case n.Tok != "":
			if j, ok := ptTokenAt(toks, n.Pos.Offset); ok {
				ptSetLeaf(n, toks[j])
			}
		case n.Group != nil:
			ptSortGroup(n.Group, toks)
		}
		for _, g := range n.Calls {
			ptSortGroup(g, toks)
		}
	}
	if out == nil {
		return nodes
	}
	return out
}

// ptLeafNodes appends a node for each token from toks[j] up to byte offset
// end (a run of leaves), as the parser makes them.
func ptLeafNodes(out []*ptNode, toks []lexer.Token, j, end int) []*ptNode {
	k := j
	for k < len(toks) && toks[k].Pos.Offset < end {
		k++
	}
	store := make([]ptNode, k-j)
	for i, t := range toks[j:k] {
		n := &store[i]
		n.Pos = t.Pos
		if t.Type == ptTokIdent {
			n.Name, n.Ident = t.Value, t.Value
		} else {
			n.Tok = t.Value
			ptSetLeaf(n, t)
		}
		out = append(out, n)
	}
	return out
}

func ptSortGroup(g *ptGroup, toks []lexer.Token) {
	if g.Flat == "" {
		g.Nodes = ptSortLeaves(g.Nodes, toks)
		return
	}
	j, ok := ptTokenAt(toks, g.Pos.Offset)
	if !ok {
		return
	}
	g.Open = toks[j].Value
	for j++; j < len(toks) && toks[j].Type != ptTokClose; j++ {
		t := toks[j]
		n := &ptNode{Pos: t.Pos}
		if t.Type == ptTokIdent {
			n.Ident = t.Value
		} else {
			ptSetLeaf(n, t)
		}
		g.Nodes = append(g.Nodes, n)
	}
	if j < len(toks) {
		c := toks[j]
		g.Close = c.Value
		g.EndPos = lexer.Position{Offset: c.Pos.Offset + 1, Line: c.Pos.Line, Column: c.Pos.Column + 1}
	}
	g.Flat = ""
}

// ptTokenAt finds the token that starts at byte offset off.
func ptTokenAt(toks []lexer.Token, off int) (int, bool) {
	return slices.BinarySearchFunc(toks, off, func(t lexer.Token, off int) int { return t.Pos.Offset - off })
}

// ptBalanced reports whether toks' brackets match.
func ptBalanced(toks []lexer.Token) bool {
	var stack []byte
	for _, t := range toks {
		switch t.Type {
		case ptTokOpen:
			stack = append(stack, map[string]byte{"(": ')', "[": ']', "{": '}'}[t.Value])
		case ptTokClose:
			if len(stack) == 0 || stack[len(stack)-1] != t.Value[0] {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

func ptSetLeaf(n *ptNode, t lexer.Token) {
	switch t.Type {
	case ptTokNumber:
		n.Num = t.Value
	case ptTokDims:
		n.Dims = t.Value
	case ptTokString:
		n.Str = t.Value
	default:
		n.Punct = t.Value
	}
}

type ptGroup struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Flat   string    `parser:"(  @Flat"`
	Open   string    `parser:" | @Open"`
	Nodes  []*ptNode `parser:"   @@*"`
	Close  string    `parser:"   @Close )"`
}

var ptParser = participle.MustBuild[ptFile](
	participle.Lexer(ptLexer),
	participle.UseLookahead(1),
)

// ptParseTree checks the brackets (so an unclosed one is reported where it
// opens, not at the end of the text) and parses src into its token tree.
// src is lexed once; comments are set aside for the prose.
func ptParseTree(src string) (*ptFile, error) {
	all := ptTokenize(src, true)
	type open struct {
		r   string
		pos lexer.Position
	}
	var stack []open
	closer := map[string]string{"(": ")", "[": "]", "{": "}"}
	var comments []lexer.Token
	toks := make([]lexer.Token, 0, len(all))
	for _, t := range all {
		switch t.Type {
		case ptTokComment:
			if len(comments) < 200 {
				comments = append(comments, t)
			}
			continue
		case ptTokOpen:
			stack = append(stack, open{t.Value, t.Pos})
		case ptTokClose:
			if len(stack) == 0 {
				break // a stray closer at the top level is skipped by the grammar
			}
			top := stack[len(stack)-1]
			if closer[top.r] != t.Value {
				return nil, &lang.Error{Line: t.Pos.Line, Col: t.Pos.Column,
					Msg:  fmt.Sprintf("this %q does not close the %q opened at %d:%d", t.Value, top.r, top.pos.Line, top.pos.Column),
					Hint: "check the brackets of this call, e.g. nn.Conv2d(3, 64, kernel_size=(3, 3))"}
			}
			stack = stack[:len(stack)-1]
		}
		toks = append(toks, t)
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, &lang.Error{Line: top.pos.Line, Col: top.pos.Column,
			Msg:  fmt.Sprintf("this %q is never closed", top.r),
			Hint: "paste the whole call, e.g. nn.Conv2d(3, 64, 3, padding=1)"}
	}
	nodes, err := ptParseTokens(src, toks, ptFold)
	if err != nil {
		return nil, err
	}
	return &ptFile{Nodes: nodes, Comments: ptParseComments(comments)}, nil
}

// ptParseTokens parses toks, the tokens of src with balanced brackets and
// no comments, folded by fold, into the tree's top-level nodes.
func ptParseTokens(src string, toks []lexer.Token, fold func(string, []lexer.Token) []lexer.Token) ([]*ptNode, error) {
	lx, err := lexer.Upgrade(&ptSliceLexer{toks: fold(src, toks)})
	if err != nil {
		return nil, &lang.Error{Line: 1, Col: 1, Msg: err.Error()}
	}
	f, err := ptParser.ParseFromLexer(lx)
	if err != nil {
		e := &lang.Error{Line: 1, Col: 1, Msg: err.Error()}
		if pe, ok := err.(participle.Error); ok {
			e.Line, e.Col, e.Msg = pe.Position().Line, pe.Position().Column, pe.Message()
		}
		return nil, e
	}
	return ptSortLeaves(f.Nodes, toks), nil
}

// ptPos converts a participle position.
func ptPos(p lexer.Position) lang.Position { return lang.Position{Line: p.Line, Col: p.Column} }

// ptCall is a call read from the tree: `nn.Conv2d(3, 64, 3)`.
type ptCall struct {
	Name  string // the dotted name as written: "nn.Conv2d"
	Pos   lang.Position
	Args  []ptArg
	Close lang.Position // the closing bracket, for "missing argument" errors
	Node  *ptNode
}

// Base is the last part of the dotted name: "Conv2d".
func (c *ptCall) Base() string {
	if i := strings.LastIndexByte(c.Name, '.'); i >= 0 {
		return c.Name[i+1:]
	}
	return c.Name
}

// ptArg is one argument: `kernel_size=(3, 3)` or `64`.
type ptArg struct {
	Key   string
	Pos   lang.Position // of the key when there is one, else of the value
	Nodes []*ptNode
}

// ptCallOf reads the call at n, or nil when n is not a call.
func ptCallOf(n *ptNode) *ptCall {
	if n.Ident == "" || len(n.Calls) == 0 || n.Calls[0].Open != "(" {
		return nil
	}
	g := n.Calls[0]
	c := &ptCall{Name: n.Ident, Pos: ptPos(n.Pos), Args: ptSplitArgs(g.Nodes), Node: n}
	c.Close = ptGroupEnd(g)
	return c
}

// ptGroupEnd is the position of a group's closing bracket (EndPos is just
// past it).
func ptGroupEnd(g *ptGroup) lang.Position {
	if g.EndPos.Line > 0 && g.EndPos.Column > 1 {
		return lang.Position{Line: g.EndPos.Line, Col: g.EndPos.Column - 1}
	}
	return ptPos(g.Pos)
}

// ptSplitArgs splits a group's nodes at its top-level commas.
func ptSplitArgs(nodes []*ptNode) []ptArg {
	var args []ptArg
	var cur []*ptNode
	flush := func() {
		if len(cur) == 0 {
			return
		}
		a := ptArg{Nodes: cur, Pos: ptPos(cur[0].Pos)}
		if len(cur) >= 2 && cur[0].Ident != "" && len(cur[0].Calls) == 0 && !strings.Contains(cur[0].Ident, ".") && cur[1].Punct == "=" {
			a.Key, a.Nodes = cur[0].Ident, cur[2:]
		}
		args = append(args, a)
		cur = nil
	}
	for _, n := range nodes {
		if n.Punct == "," {
			flush()
			continue
		}
		cur = append(cur, n)
	}
	flush()
	return args
}

// ptValue is a Python value as far as layer arguments need one.
type ptValue struct {
	Kind  ptKind
	Int   int64
	Float float64
	Str   string
	Items []ptValue
	Call  *ptCall
	Pos   lang.Position
}

type ptKind int

const (
	ptNone ptKind = iota // None, or a value the evaluator cannot know
	ptInt
	ptFloat
	ptStr
	ptBool // Int is 0 or 1
	ptTuple
	ptName // a variable: Str is its name
	ptCallV
)

// ptLimit bounds every number: larger values are refused before they can
// overflow the arithmetic of the evaluator or of calc.
const ptLimit = 1 << 40

// ptEval evaluates an argument: numbers with + - * / // % ** and
// parentheses, tuples and lists, strings, True/False/None, calls (kept
// unevaluated) and names.
func ptEval(nodes []*ptNode, env map[string]ptValue) (ptValue, error) {
	if len(nodes) == 0 {
		return ptValue{}, nil
	}
	e := ptEvaluator{nodes: nodes, env: env}
	v, err := e.sum()
	if err != nil {
		return v, err
	}
	if e.i < len(nodes) {
		n := nodes[e.i]
		return ptValue{}, &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column, Msg: fmt.Sprintf("cannot read %s in this argument", ptNodeText(n)),
			Hint: "write the argument as a number or a tuple, e.g. kernel_size=(3, 3)"}
	}
	return v, nil
}

type ptEvaluator struct {
	nodes []*ptNode
	env   map[string]ptValue // numbers assigned earlier in the paste
	i     int
}

func (e *ptEvaluator) peek() string {
	if e.i < len(e.nodes) {
		return e.nodes[e.i].Punct
	}
	return ""
}

func (e *ptEvaluator) sum() (ptValue, error) {
	l, err := e.product()
	if err != nil {
		return l, err
	}
	for op := e.peek(); op == "+" || op == "-"; op = e.peek() {
		pos := e.nodes[e.i].Pos
		e.i++
		r, err := e.product()
		if err != nil {
			return r, err
		}
		if l, err = ptArith(op, l, r, pos); err != nil {
			return l, err
		}
	}
	return l, nil
}

func (e *ptEvaluator) product() (ptValue, error) {
	l, err := e.unary()
	if err != nil {
		return l, err
	}
	for op := e.peek(); op == "*" || op == "/" || op == "//" || op == "%"; op = e.peek() {
		pos := e.nodes[e.i].Pos
		e.i++
		r, err := e.unary()
		if err != nil {
			return r, err
		}
		if l, err = ptArith(op, l, r, pos); err != nil {
			return l, err
		}
	}
	return l, nil
}

func (e *ptEvaluator) unary() (ptValue, error) {
	switch e.peek() {
	case "-", "+":
		op, pos := e.peek(), e.nodes[e.i].Pos
		e.i++
		v, err := e.unary()
		if err != nil || op == "+" {
			return v, err
		}
		return ptArith("-", ptValue{Kind: ptInt, Pos: ptPos(pos)}, v, pos)
	}
	b, err := e.atom()
	if err != nil {
		return b, err
	}
	if e.peek() == "**" {
		pos := e.nodes[e.i].Pos
		e.i++
		x, err := e.unary()
		if err != nil {
			return x, err
		}
		return ptArith("**", b, x, pos)
	}
	return b, nil
}

func (e *ptEvaluator) atom() (ptValue, error) {
	if e.i >= len(e.nodes) {
		n := e.nodes[len(e.nodes)-1]
		return ptValue{}, &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column, Msg: "a value is missing after " + ptNodeText(n),
			Hint: "e.g. 64*8*8"}
	}
	n := e.nodes[e.i]
	e.i++
	pos := ptPos(n.Pos)
	switch {
	case n.Num != "":
		if !strings.ContainsAny(n.Num, ".eE") {
			v, err := strconv.ParseInt(n.Num, 10, 64)
			if err != nil || v > ptLimit {
				return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: n.Num + " is too large", Hint: "use sizes a real network could have"}
			}
			return ptValue{Kind: ptInt, Int: v, Pos: pos}, nil
		}
		f, err := strconv.ParseFloat(n.Num, 64)
		if err != nil {
			return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: "cannot read the number " + n.Num}
		}
		return ptValue{Kind: ptFloat, Float: f, Pos: pos}, nil
	case n.Dims != "":
		v := ptValue{Kind: ptTuple, Pos: pos}
		for _, d := range ptDimsOf(n.Dims) {
			v.Items = append(v.Items, ptValue{Kind: ptInt, Int: int64(d), Pos: pos})
		}
		return v, nil
	case n.Str != "":
		s := n.Str
		s = strings.TrimLeft(s, "rRbBfF")
		if len(s) >= 6 && (strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, `'''`)) {
			s = s[3 : len(s)-3]
		} else if len(s) >= 2 {
			s = s[1 : len(s)-1]
		}
		return ptValue{Kind: ptStr, Str: s, Pos: pos}, nil
	case n.Group != nil:
		args := ptSplitArgs(n.Group.Nodes)
		commas := 0
		for _, m := range n.Group.Nodes {
			if m.Punct == "," {
				commas++
			}
		}
		if n.Group.Open == "(" && commas == 0 && len(args) == 1 {
			return ptEval(args[0].Nodes, e.env)
		}
		v := ptValue{Kind: ptTuple, Pos: pos}
		for _, a := range args {
			x, err := ptEval(a.Nodes, e.env)
			if err != nil {
				return x, err
			}
			v.Items = append(v.Items, x)
		}
		return v, nil
	case n.Ident != "":
		if c := ptCallOf(n); c != nil {
			return ptValue{Kind: ptCallV, Call: c, Pos: pos}, nil
		}
		switch n.Ident {
		case "True", "true":
			return ptValue{Kind: ptBool, Int: 1, Pos: pos}, nil
		case "False", "false":
			return ptValue{Kind: ptBool, Pos: pos}, nil
		case "None":
			return ptValue{Kind: ptNone, Pos: pos}, nil
		}
		if v, ok := e.env[n.Ident]; ok {
			v.Pos = pos
			return v, nil
		}
		return ptValue{Kind: ptName, Str: n.Ident, Pos: pos}, nil
	}
	return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf("cannot read %q here", n.Punct),
		Hint: "write the argument as a number or a tuple, e.g. stride=(2, 2)"}
}

// ptArith applies a binary operator to two numbers.
func ptArith(op string, l, r ptValue, at lexer.Position) (ptValue, error) {
	pos := ptPos(at)
	bad := func(msg string) (ptValue, error) {
		return ptValue{}, &lang.Error{Line: pos.Line, Col: pos.Col, Msg: msg, Hint: "e.g. nn.Linear(64*8*8, 10)"}
	}
	num := func(v ptValue) (float64, bool) {
		switch v.Kind {
		case ptInt, ptBool:
			return float64(v.Int), true
		case ptFloat:
			return v.Float, true
		}
		return 0, false
	}
	lf, ok1 := num(l)
	rf, ok2 := num(r)
	if !ok1 || !ok2 {
		if l.Kind == ptName || r.Kind == ptName {
			name := l.Str
			if r.Kind == ptName {
				name = r.Str
			}
			return bad(fmt.Sprintf("the value of %s is not in the paste", name))
		}
		return bad(fmt.Sprintf("%q needs numbers on both sides", op))
	}
	var f float64
	switch op {
	case "+":
		f = lf + rf
	case "-":
		f = lf - rf
	case "*":
		f = lf * rf
	case "**":
		f = math.Pow(lf, rf)
	case "/", "//", "%":
		if rf == 0 {
			return bad("division by zero")
		}
		switch op {
		case "/":
			f = lf / rf
		case "//":
			f = math.Floor(lf / rf)
		default:
			f = lf - rf*math.Floor(lf/rf)
		}
	}
	if math.Abs(f) > ptLimit || math.IsNaN(f) {
		return bad("the result is too large")
	}
	isInt := (l.Kind != ptFloat && r.Kind != ptFloat && op != "/") || (op == "//" && f == math.Trunc(f))
	if isInt {
		return ptValue{Kind: ptInt, Int: int64(f), Pos: l.Pos}, nil
	}
	return ptValue{Kind: ptFloat, Float: f, Pos: l.Pos}, nil
}

// ptDimsOf splits "3x224x224" into its numbers (0 for one that overflows).
func ptDimsOf(s string) []int {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == 'x' || r == 'X' || r == '×' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	out := make([]int, 0, len(f))
	for _, x := range f {
		v, err := strconv.Atoi(x)
		if err != nil || v > ptLimit {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

// ptNodeText is a short rendering of a node for messages.
func ptNodeText(n *ptNode) string {
	switch {
	case n.Ident != "":
		if len(n.Calls) > 0 {
			return n.Ident + "(...)"
		}
		return n.Ident
	case n.Group != nil:
		return n.Group.Open + "..."
	case n.Num != "":
		return n.Num
	case n.Dims != "":
		return n.Dims
	case n.Str != "":
		return n.Str
	}
	return fmt.Sprintf("%q", n.Punct)
}

// ptWalk visits every node of the tree in text order (pre-order); visit
// returns false to skip a node's children.
func ptWalk(nodes []*ptNode, visit func(n *ptNode) bool) {
	for _, n := range nodes {
		if !visit(n) {
			continue
		}
		for _, g := range n.Calls {
			ptWalk(g.Nodes, visit)
		}
		if n.Group != nil {
			ptWalk(n.Group.Nodes, visit)
		}
	}
}
