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
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptFile is a paste: nodes, and closing brackets that close nothing (a
// truncated paste), which are skipped.
//
//	File  = (Node | Close)* .
//	Node  = (Number | Dims | String | Punct | Other | Ident) | Callee Group+ | Group .
//	Group = Open Node* Close .
//
// Every token of the paste is a node or a bracket of the tree; nothing is
// folded before the parse. A Callee is a name directly followed (on its
// line) by a bracket: the lexer tells it from a plain Ident so the parser
// never tries a bracket after a name that has none.
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
		nodes, err := ptParseTokens(text, toks)
		if err != nil {
			continue
		}
		ptShiftNodes(nodes, t.Pos)
		out = append(out, nodes...)
	}
	return out
}

// ptShiftNodes moves nodes parsed from a comment's text (after its "#")
// to where the comment is, at any depth, so a layer written in a comment
// ("# Conv2d(3, 32, 5)") is positioned, and quoted, as in the paste.
func ptShiftNodes(nodes []*ptNode, at lexer.Position) {
	shift := func(p *lexer.Position) {
		if p.Line == 0 {
			return
		}
		p.Line = at.Line
		p.Column += at.Column
		p.Offset += at.Offset + 1
	}
	for _, n := range nodes {
		shift(&n.Pos)
		groups := n.Calls
		if n.Group != nil {
			groups = append(slices.Clone(groups), n.Group)
		}
		for _, g := range groups {
			shift(&g.Pos)
			shift(&g.EndPos)
			ptShiftNodes(g.Nodes, at)
		}
	}
}

// ptNode is one node of the tree: a leaf token, a name, a call (a name and
// its bracket groups) or a bracket group. A leaf is captured as Tok (one
// alternative for every kind of leaf keeps the parse short) and sorted
// into Num, Dims, Str, Punct or Ident by its token type after the parse.
type ptNode struct {
	Pos   lexer.Position
	Tok   string     `parser:"(  @( Number | Dims | String | Punct | Other | Ident )"`
	Ident string     `parser:" | @Callee"`
	Calls []*ptGroup `parser:"   @@+"`
	Group *ptGroup   `parser:" | @@ )"`
	Num   string
	Dims  string
	Str   string
	Punct string
}

// ptFinishTree sorts every leaf by its token type and gives every group
// the position of its closing bracket; closeOf maps an opening bracket's
// offset to its closing bracket's token.
func ptFinishTree(nodes []*ptNode, toks []lexer.Token, closeOf map[int]int) {
	for _, n := range nodes {
		if n.Tok != "" {
			if j, ok := ptTokenAt(toks, n.Pos.Offset); ok {
				switch toks[j].Type {
				case ptTokNumber:
					n.Num = n.Tok
				case ptTokDims:
					n.Dims = n.Tok
				case ptTokString:
					n.Str = n.Tok
				case ptTokIdent:
					n.Ident = n.Tok
				default:
					n.Punct = n.Tok
				}
			}
			n.Tok = ""
		}
		if n.Group != nil {
			ptFinishGroup(n.Group, toks, closeOf)
		}
		for _, g := range n.Calls {
			ptFinishGroup(g, toks, closeOf)
		}
	}
}

func ptFinishGroup(g *ptGroup, toks []lexer.Token, closeOf map[int]int) {
	if j, ok := closeOf[g.Pos.Offset]; ok {
		c := toks[j].Pos
		g.EndPos = lexer.Position{Offset: c.Offset + 1, Line: c.Line, Column: c.Column + 1}
	}
	ptFinishTree(g.Nodes, toks, closeOf)
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

// ptGroup is a bracket group: ( ... ), [ ... ] or { ... }.
type ptGroup struct {
	Pos    lexer.Position
	EndPos lexer.Position // just after the closing bracket
	Open   string         `parser:"@Open"`
	Nodes  []*ptNode      `parser:"@@*"`
	Close  string         `parser:"@Close"`
}

// ptParser is built on first use, so a run that reads no paste does not
// pay for it.
var ptParser = sync.OnceValue(func() *participle.Parser[ptFile] {
	return participle.MustBuild[ptFile](participle.Lexer(ptLexer), participle.UseLookahead(1))
})

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
	nodes, err := ptParseTokens(src, toks)
	if err != nil {
		return nil, err
	}
	return &ptFile{Nodes: nodes, Comments: ptParseComments(comments)}, nil
}

// ptParseTokens parses toks, the tokens of src with balanced brackets and
// no comments, into the tree's top-level nodes.
func ptParseTokens(src string, toks []lexer.Token) ([]*ptNode, error) {
	lx, err := lexer.Upgrade(&ptSliceLexer{toks: toks})
	if err != nil {
		return nil, &lang.Error{Line: 1, Col: 1, Msg: err.Error()}
	}
	f, err := ptParser().ParseFromLexer(lx)
	if err != nil {
		e := &lang.Error{Line: 1, Col: 1, Msg: err.Error()}
		if pe, ok := err.(participle.Error); ok {
			e.Line, e.Col, e.Msg = pe.Position().Line, pe.Position().Column, pe.Message()
		}
		return nil, e
	}
	closeOf := map[int]int{}
	var stack []int
	for j, t := range toks {
		switch t.Type {
		case ptTokOpen:
			stack = append(stack, j)
		case ptTokClose:
			if len(stack) > 0 {
				closeOf[toks[stack[len(stack)-1]].Pos.Offset] = j
				stack = stack[:len(stack)-1]
			}
		}
	}
	ptFinishTree(f.Nodes, toks, closeOf)
	return f.Nodes, nil
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
		} else if k, ok := ptLooseKey(cur); ok && len(args) > 0 && args[0].Key == "" {
			a.Key, a.Nodes = k, cur[1:]
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
	return ptWithoutEllipsis(args)
}

// ptWithoutEllipsis drops an argument written `...` ("Conv2D(32, (3, 3),
// ...)": the rest left out) when no positional argument follows it, so
// the arguments given keep their places; a layer that needs one left out
// is refused for that argument.
func ptWithoutEllipsis(args []ptArg) []ptArg {
	for i := len(args) - 1; i >= 0; i-- {
		if !ptIsEllipsis(args[i]) {
			continue
		}
		for _, a := range args[i+1:] {
			if a.Key == "" {
				return args
			}
		}
		args = slices.Delete(args, i, i+1)
	}
	return args
}

// ptIsEllipsis reports whether a is `...` or `…` alone.
func ptIsEllipsis(a ptArg) bool {
	if a.Key != "" || len(a.Nodes) == 0 {
		return false
	}
	text := ""
	for _, n := range a.Nodes {
		if n.Group != nil || len(n.Calls) > 0 {
			return false
		}
		text += n.Tok + n.Punct + n.Num + n.Ident + n.Str
	}
	return text == "..." || text == "…"
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
	ptUnknown // `???` written where a number goes: the question itself
)

// ptLimit bounds every number: larger values are refused before they can
// overflow the arithmetic of the evaluator or of calc.
const ptLimit = 1 << 40

// ptEval evaluates an argument: numbers with + - * / // % ** and
// parentheses, int() and the other builtins, tuples and lists, strings,
// True/False/None, ??? (the number asked for), calls of layers (kept
// unevaluated) and names bound earlier. A lone number, name, string, call
// or tuple of them is read directly; anything with an operator goes
// through the arithmetic grammar (arith.go).
func ptEval(nodes []*ptNode, env map[string]ptValue) (ptValue, error) {
	if len(nodes) == 0 {
		return ptValue{}, nil
	}
	if len(nodes) == 1 {
		if v, ok, err := ptEvalSimple(nodes[0], env); ok {
			return v, err
		}
	}
	return ptEvalGrammar(nodes, env)
}

// ptEvalSimple evaluates a node that needs no grammar; ok is false for
// one that does (a builtin call, an index, a lone operator).
func ptEvalSimple(n *ptNode, env map[string]ptValue) (v ptValue, ok bool, err error) {
	pos := ptPos(n.Pos)
	switch {
	case n.Num != "":
		v, err = ptNumber(n.Num, pos)
		return v, true, err
	case n.Dims != "":
		v = ptValue{Kind: ptTuple, Pos: pos}
		for _, d := range ptDimsOf(n.Dims) {
			v.Items = append(v.Items, ptValue{Kind: ptInt, Int: int64(d), Pos: pos})
		}
		return v, true, nil
	case n.Str != "":
		return ptStringValue(n.Str, pos), true, nil
	case n.Ident != "" && len(n.Calls) == 0:
		v = ptLookup(env, n.Ident)
		v.Pos = pos
		return v, true, nil
	case n.Ident != "" && ptBuiltins[n.Ident] == nil && len(n.Calls) == 1:
		if c := ptCallOf(n); c != nil {
			return ptValue{Kind: ptCallV, Call: c, Pos: pos}, true, nil
		}
	case n.Group != nil:
		return ptEvalGroup(n.Group, env, pos)
	}
	return ptValue{}, false, nil
}

// ptEvalGroup evaluates (x), a tuple (3, 3) or a list [32, 64].
func ptEvalGroup(g *ptGroup, env map[string]ptValue, pos lang.Position) (ptValue, bool, error) {
	if g.Open == "{" {
		return ptValue{}, false, nil
	}
	args := ptSplitArgs(g.Nodes)
	commas := 0
	for _, m := range g.Nodes {
		if m.Punct == "," {
			commas++
		}
	}
	if g.Open == "(" && commas == 0 && len(args) == 1 {
		v, err := ptEval(args[0].Nodes, env)
		return v, true, err
	}
	v := ptValue{Kind: ptTuple, Pos: pos}
	for _, a := range args {
		if a.Key != "" {
			return ptValue{}, false, nil
		}
		x, err := ptEval(a.Nodes, env)
		if err != nil {
			return x, true, err
		}
		v.Items = append(v.Items, x)
	}
	return v, true, nil
}

// ptLookup is the value of a plain name: True, False, None, a number
// bound earlier in the paste, or a name whose value is not known.
func ptLookup(env map[string]ptValue, name string) ptValue {
	switch name {
	case "True", "true":
		return ptValue{Kind: ptBool, Int: 1}
	case "False", "false":
		return ptValue{Kind: ptBool}
	case "None":
		return ptValue{Kind: ptNone}
	}
	if v, ok := env[name]; ok {
		return v
	}
	return ptValue{Kind: ptName, Str: name}
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

// ptBuiltins are the Python functions people write inside layer arguments.
var ptBuiltins = map[string]func([]ptValue) (ptValue, bool){
	"int":        func(a []ptValue) (ptValue, bool) { return ptRound(a, math.Trunc) },
	"round":      func(a []ptValue) (ptValue, bool) { return ptRound(a, math.RoundToEven) },
	"math.floor": func(a []ptValue) (ptValue, bool) { return ptRound(a, math.Floor) },
	"math.ceil":  func(a []ptValue) (ptValue, bool) { return ptRound(a, math.Ceil) },
	"float": func(a []ptValue) (ptValue, bool) {
		f, ok := ptOneNumber(a)
		return ptValue{Kind: ptFloat, Float: f}, ok
	},
	"abs": func(a []ptValue) (ptValue, bool) {
		if len(a) == 1 && a[0].Kind == ptInt {
			return ptValue{Kind: ptInt, Int: max(a[0].Int, -a[0].Int)}, true
		}
		return ptValue{}, false
	},
	"len": func(a []ptValue) (ptValue, bool) {
		if len(a) == 1 && a[0].Kind == ptTuple {
			return ptValue{Kind: ptInt, Int: int64(len(a[0].Items))}, true
		}
		return ptValue{}, false
	},
	"max":       func(a []ptValue) (ptValue, bool) { return ptPick(a, func(x, y int64) bool { return x > y }) },
	"min":       func(a []ptValue) (ptValue, bool) { return ptPick(a, func(x, y int64) bool { return x < y }) },
	"math.prod": ptProd,
	"np.prod":   ptProd,
}

func ptOneNumber(a []ptValue) (float64, bool) {
	if len(a) != 1 {
		return 0, false
	}
	switch a[0].Kind {
	case ptInt, ptBool:
		return float64(a[0].Int), true
	case ptFloat:
		return a[0].Float, true
	}
	return 0, false
}

func ptRound(a []ptValue, f func(float64) float64) (ptValue, bool) {
	x, ok := ptOneNumber(a)
	if !ok || math.Abs(x) > ptLimit {
		return ptValue{}, false
	}
	return ptValue{Kind: ptInt, Int: int64(f(x))}, true
}

func ptPick(a []ptValue, better func(x, y int64) bool) (ptValue, bool) {
	if len(a) == 1 && a[0].Kind == ptTuple {
		a = a[0].Items
	}
	if len(a) == 0 {
		return ptValue{}, false
	}
	best := a[0]
	for _, x := range a {
		if x.Kind != ptInt {
			return ptValue{}, false
		}
		if better(x.Int, best.Int) {
			best = x
		}
	}
	return best, best.Kind == ptInt
}

func ptProd(a []ptValue) (ptValue, bool) {
	if len(a) != 1 || a[0].Kind != ptTuple {
		return ptValue{}, false
	}
	p := int64(1)
	for _, x := range a[0].Items {
		if x.Kind != ptInt || x.Int < 0 || (x.Int > 0 && p > ptLimit/x.Int) {
			return ptValue{}, false
		}
		p *= x.Int
	}
	return ptValue{Kind: ptInt, Int: p}, true
}
