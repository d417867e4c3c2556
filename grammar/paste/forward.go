package paste

// Tracing forward(): the body is run symbolically, statement by statement.
// Every tensor is the chain of layers applied to forward's input to make
// it, so `out + self.shortcut(x)` is a residual block (the two chains share
// x's prefix; what follows it is the body and the shortcut) and
// torch.cat([...], 1) a concatenation of the chains' remainders.

import (
	"maps"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// fwMaxSteps bounds the work of one trace (loops unrolled, calls made).
const fwMaxSteps = 5000

// fwStep is one layer applied while tracing; chains share steps, so two
// tensors made from the same one share a prefix of pointers.
type fwStep struct{ l lang.Layer }

type fwKind int

const (
	fwOther  fwKind = iota // a number, a string, anything not traced
	fwTensor               // chain
	fwModule               // mod, name; items when it is a list of modules
	fwList                 // list: a Python list or tuple of values
	fwNumber               // num
)

// fwVal is the value of a Python expression in forward.
type fwVal struct {
	kind  fwKind
	chain []*fwStep
	mod   []lang.Layer
	name  string
	items [][]lang.Layer
	list  []fwVal
	num   int64
}

// fwTracer holds a trace's state.
type fwTracer struct {
	m     *ptModuleSet
	env   map[string]ptValue
	q     *lang.Question
	vars  map[string]fwVal
	used  map[string]bool
	steps int
	out   *fwVal // what forward returns
	notes []string
	// bare is set for a forward described in words ("forward:
	// max_pool2d(relu(conv1(x)), 2) then flatten then fc"): modules are
	// named without self., functions without F.
	bare bool
	// applied are the modules forward has applied, by their first layer:
	// applied again, they share its weights (sharedApply)
	applied map[*lang.Layer]bool
}

// fwStmt is one statement of forward's body: its nodes, and the statements
// of its block when it ends with ":" (for, if, with).
type fwStmt struct {
	nodes []*ptNode
	col   int
	body  []*fwStmt
}

// ptForward traces forward() and returns its layers in the order applied,
// or nil when forward is not pasted or uses no module of the paste.
func ptForward(f *ptFile, m *ptModuleSet, env map[string]ptValue, q *lang.Question) []lang.Layer {
	if m.fwd == nil {
		return nil
	}
	t := &fwTracer{m: m, env: env, q: q, vars: map[string]fwVal{}, used: map[string]bool{}}
	params := fwParams(m.fwd)
	if len(params) == 0 {
		return nil
	}
	t.vars[params[0]] = fwVal{kind: fwTensor}
	t.run(fwStatements(fwSkipHeader(m.body)))
	res := t.out
	if res == nil {
		if v, ok := t.vars[params[0]]; ok {
			res = &v
		}
	}
	if res != nil && res.kind == fwList && len(res.list) > 0 {
		res = &res.list[0] // return out, x: the first is the model's output
	}
	if len(t.used) == 0 || res == nil || res.kind != fwTensor {
		return nil
	}
	out := make([]lang.Layer, len(res.chain))
	for i, s := range res.chain {
		out[i] = s.l
	}
	q.Notes = append(q.Notes, "layers taken in the order forward applies them")
	q.Notes = append(q.Notes, t.notes...)
	if _, flat := ptLastLayer(out).(calc.Flatten); flat {
		// forward pasted up to x.view(...): the Linear defined next follows
		out = append(out, fwUnnamedTail(m, out, q)...)
		for _, l := range out {
			for name, ls := range m.byName {
				if len(ls) > 0 && ls[0].Pos == l.Pos {
					t.used[name] = true
				}
			}
		}
	}
	var unused []string
	for name := range m.byName {
		if !t.used[name] && !fwInside(name, t.used, m) {
			unused = append(unused, name)
		}
	}
	if len(unused) > 0 {
		slices.Sort(unused)
		q.Notes = append(q.Notes, "defined but not used in forward, so left out: "+strings.Join(unused, ", "))
	}
	return out
}

// ptLastLayer is the last of ls, nil for none.
func ptLastLayer(ls []lang.Layer) calc.Layer {
	if len(ls) == 0 {
		return nil
	}
	return ls[len(ls)-1].Layer
}

// fwInside reports whether the module name is part of a container forward
// used (a layer of self.features when self.features was called).
func fwInside(name string, used map[string]bool, m *ptModuleSet) bool {
	ls := m.byName[name]
	for u := range used {
		for _, l := range m.byName[u] {
			for _, x := range ls {
				if l.Pos == x.Pos {
					return true
				}
			}
		}
	}
	return false
}

// fwParams are forward's parameter names after self.
func fwParams(fwd *ptNode) []string {
	if len(fwd.Calls) == 0 {
		return nil
	}
	var names []string
	for _, a := range ptSplitArgs(fwd.Calls[0].Nodes) {
		if len(a.Nodes) > 0 && a.Nodes[0].Ident != "" && a.Nodes[0].Ident != "self" {
			names = append(names, a.Nodes[0].Ident)
		}
	}
	return names
}

// fwSkipHeader drops the rest of the def line: "-> Tensor:".
func fwSkipHeader(body []*ptNode) []*ptNode {
	for i, n := range body {
		if n.Punct == ":" {
			return body[i+1:]
		}
		if i > 3 {
			break
		}
	}
	return body
}

// ptNodeEndLine is the line a node's text ends on.
func ptNodeEndLine(n *ptNode) int {
	g := ptLastGroup(n)
	if g == nil {
		return n.Pos.Line
	}
	if len(g.Nodes) == 0 {
		return g.Pos.Line
	}
	return ptNodeEndLine(g.Nodes[len(g.Nodes)-1])
}

// fwStatements splits nodes into statements (one a line, a bracket
// spanning lines kept whole) and nests the blocks of for/if/with by
// indentation.
func fwStatements(nodes []*ptNode) []*fwStmt {
	var flat []*fwStmt
	end := -1
	for _, n := range nodes {
		if len(flat) == 0 || n.Pos.Line > end {
			flat = append(flat, &fwStmt{col: n.Pos.Column})
		}
		s := flat[len(flat)-1]
		s.nodes = append(s.nodes, n)
		end = max(end, ptNodeEndLine(n))
	}
	var nest func(i, col int) ([]*fwStmt, int)
	nest = func(i, col int) ([]*fwStmt, int) {
		var out []*fwStmt
		for i < len(flat) && flat[i].col > col {
			s := flat[i]
			out = append(out, s)
			i++
			if last := s.nodes[len(s.nodes)-1]; last.Punct == ":" && fwOpensBlock(s.nodes[0]) {
				s.body, i = nest(i, s.col)
			}
		}
		return out, i
	}
	out, _ := nest(0, -1)
	return out
}

// fwOpensBlock reports whether a line ending in ':' that starts with
// first is Python's (for, if, def, ...): the asker's own 'images are 64x64
// rgb:' before the pasted lines is not, and the lines are not its body.
func fwOpensBlock(first *ptNode) bool {
	switch first.Ident {
	case "for", "if", "elif", "else", "with", "try", "except", "finally", "while", "def", "class", "async":
		return true
	}
	return false
}

// run executes statements until a return.
func (t *fwTracer) run(stmts []*fwStmt) {
	for _, s := range stmts {
		if t.out != nil || t.steps > fwMaxSteps {
			return
		}
		t.steps++
		t.stmt(s)
	}
}

// stmt executes one statement.
func (t *fwTracer) stmt(s *fwStmt) {
	n := s.nodes
	switch first := n[0].Ident; {
	case first == "return":
		v := t.expr(n[1:])
		t.out = &v
	case first == "for":
		t.loop(s)
	case first == "if" || first == "with" || first == "try":
		t.run(s.body)
	case first == "elif" || first == "else" || first == "except" || first == "finally":
		// one branch of an if is taken: the first
	case len(n) >= 3 && n[0].Ident != "" && len(n[0].Calls) == 0 && (n[1].Punct == "=" || n[1].Punct == "+=" || n[1].Punct == "*="):
		v := t.expr(n[2:])
		if n[1].Punct != "=" {
			v = t.combine(n[1].Punct[:1], []fwVal{t.lookup(n[0]), v})
		}
		t.vars[n[0].Ident] = v
	case len(n) >= 4 && n[1].Punct == "," && n[0].Ident != "":
		t.unpack(n)
	}
}

// unpack runs `a, b = f(x), g(x)`.
func (t *fwTracer) unpack(n []*ptNode) {
	eq := slices.IndexFunc(n, func(x *ptNode) bool { return x.Punct == "=" })
	if eq < 0 {
		return
	}
	names := ptSplitArgs(n[:eq])
	vals := ptSplitArgs(n[eq+1:])
	for i, a := range names {
		if i < len(vals) && len(a.Nodes) == 1 && a.Nodes[0].Ident != "" {
			t.vars[a.Nodes[0].Ident] = t.expr(vals[i].Nodes)
		}
	}
}

// loop unrolls `for name in self.blocks:`, `for i in range(3):` and
// `for i, blk in enumerate(self.blocks):`.
func (t *fwTracer) loop(s *fwStmt) {
	n := s.nodes
	in := slices.IndexFunc(n, func(x *ptNode) bool { return x.Ident == "in" })
	if in < 2 || n[len(n)-1].Punct != ":" {
		return
	}
	var names []string
	for _, a := range ptSplitArgs(n[1:in]) {
		if len(a.Nodes) == 1 {
			names = append(names, a.Nodes[0].Ident)
		}
	}
	it := n[in+1 : len(n)-1]
	enumerate := len(it) == 1 && it[0].Ident == "enumerate" && len(it[0].Calls) == 1
	if enumerate {
		it = it[0].Calls[0].Nodes
	}
	v := t.expr(it)
	var items []fwVal
	switch {
	case v.kind == fwModule && v.items != nil:
		for _, ls := range v.items {
			items = append(items, fwVal{kind: fwModule, mod: ls, name: v.name})
		}
	case v.kind == fwList:
		items = v.list
	}
	for i, item := range items {
		if t.steps > fwMaxSteps || t.out != nil {
			return
		}
		if enumerate && len(names) == 2 {
			t.vars[names[0]] = fwVal{kind: fwNumber, num: int64(i)}
			t.vars[names[1]] = item
		} else if len(names) == 1 {
			t.vars[names[0]] = item
		}
		t.run(s.body)
	}
}

// lookup is the value of a name node: a variable, or a module of the paste.
func (t *fwTracer) lookup(n *ptNode) fwVal {
	if v, ok := t.vars[n.Ident]; ok {
		return v
	}
	if name, ok := strings.CutPrefix(n.Ident, "self."); ok {
		if items, ok := t.m.items[name]; ok {
			return fwVal{kind: fwModule, mod: t.m.byName[name], items: items, name: name}
		}
		if ls, ok := t.m.byName[name]; ok {
			return fwVal{kind: fwModule, mod: ls, name: name}
		}
	}
	if ls, ok := t.m.byName[n.Ident]; ok && t.bare {
		return fwVal{kind: fwModule, mod: ls, name: n.Ident}
	}
	if v, ok := t.env[n.Ident]; ok && v.Kind == ptInt {
		return fwVal{kind: fwNumber, num: v.Int}
	}
	return fwVal{}
}

// ptProseForward reads a forward written in words after the word
// "forward": each call is applied to what the one before gave, as are a
// module named alone ("then fc") and "flatten". It returns nil when the
// words name no module of the paste.
func ptProseForward(f *ptFile, m *ptModuleSet, env map[string]ptValue, q *lang.Question) []lang.Layer {
	if m.fwd != nil {
		return nil
	}
	isForward := func(n *ptNode) bool { return strings.EqualFold(n.Ident, "forward") && len(n.Calls) == 0 }
	nodes := f.Nodes
	start := slices.IndexFunc(nodes, isForward)
	if start < 0 {
		nodes = fwCommentForward(f.Comments, isForward) // "# forward: pool(relu(conv1)) -> pool(relu(conv2)) -> fc"
		start = min(len(nodes)-1, 0)
	}
	if start < 0 {
		return nil
	}
	t := &fwTracer{m: m, env: env, q: q, vars: map[string]fwVal{}, used: map[string]bool{}, bare: true}
	cur := t.proseSteps(fwProseEnd(nodes, start), fwVal{kind: fwTensor})
	if len(t.used) == 0 {
		return nil
	}
	out := make([]lang.Layer, len(cur.chain))
	for i, s := range cur.chain {
		out[i] = s.l
	}
	q.Notes = append(q.Notes, "layers taken in the order the words after \"forward\" apply them")
	q.Notes = append(q.Notes, t.notes...)
	return append(out, fwUnnamedTail(m, out, q)...)
}

// fwCommentForward is the nodes of a comment that tells forward in words,
// from its "forward" on, all on that comment's line; nil for none.
func fwCommentForward(comments []*ptNode, isForward func(*ptNode) bool) []*ptNode {
	i := slices.IndexFunc(comments, isForward)
	if i < 0 {
		return nil
	}
	end := i + 1
	for end < len(comments) && comments[end].Pos.Line == comments[i].Pos.Line {
		end++
	}
	return comments[i:end]
}

// proseSteps applies the words of a forward told in words to cur, in
// order: calls, a module named alone, "flatten", "then same for conv2".
func (t *fwTracer) proseSteps(nodes []*ptNode, cur fwVal) fwVal {
	m := t.m
	var last fwSame // the layers the last call added, for "then same for conv2"
	asking := false // the question has begun: a module it names is not applied again
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		t.vars["x"] = cur
		switch w := strings.ToLower(n.Ident); {
		case w == "same" && last.steps != nil:
			if name, j := fwSameFor(nodes, i, m); name != "" {
				t.used[name] = true
				cur = t.push(cur, last.with(name, m)...)
				i = j
			}
		case len(n.Calls) > 0:
			before := len(cur.chain)
			if v := t.primary(n); v.kind == fwTensor {
				if len(v.chain) > before {
					last = fwSame{steps: fwStepLayers(v.chain[before:]), used: maps.Clone(t.used)}
				}
				cur = v
			}
		case w == "flatten" || w == "flattens" || w == "view" || w == "reshape":
			cur = t.push(cur, lang.Layer{Layer: calc.Flatten{}, Pos: ptPos(n.Pos)})
		case fwAskWords[w] && len(t.used) > 0: // "what happens: conv1, pool, conv2, pool" asks before any step: the pool is applied twice
			asking = true
		case m.byName[n.Ident] != nil && !(t.used[n.Ident] && (asking || ptHoldsLinear(m.byName[n.Ident]))): // a Linear named again ("once I fix fc1's in_features"), or any module the question names again ("params including conv?"), is applied once
			t.used[n.Ident] = true
			cur = t.push(cur, m.byName[n.Ident]...)
		}
	}
	return cur
}

// fwAskWords begin the question after a forward told in words: a module
// named after them ("how many params in total including conv?") is asked
// about, not applied again.
var fwAskWords = map[string]bool{"how": true, "what": true, "which": true, "why": true, "including": true, "include": true, "includes": true, "params": true, "parameters": true}

// fwSame is what a call of a forward in words added, so "then same for
// conv2" can add it again with conv2 in place of the module it used.
type fwSame struct {
	steps []lang.Layer
	used  map[string]bool
}

// with is s's layers with the module it used replaced by the module name.
func (s fwSame) with(name string, m *ptModuleSet) []lang.Layer {
	var out []lang.Layer
	replaced := false
	for _, l := range s.steps {
		mod := ""
		for u := range s.used {
			if slices.ContainsFunc(m.byName[u], func(x lang.Layer) bool { return x.Pos == l.Pos }) && !fwStateless(l) {
				mod = u
			}
		}
		if mod != "" && !replaced {
			out = append(out, m.byName[name]...)
			replaced = true
			continue
		}
		if mod == "" {
			out = append(out, l)
		}
	}
	return out
}

// fwStateless reports whether l is a pool or an activation (shared, not
// the module "same for" replaces).
func fwStateless(l lang.Layer) bool {
	switch l.Layer.(type) {
	case calc.Pool, calc.Activation, calc.Dropout:
		return true
	}
	return false
}

// fwSameFor is the module named after "same" ("same for conv2", "same
// with conv2") and its index, or "".
func fwSameFor(nodes []*ptNode, i int, m *ptModuleSet) (string, int) {
	for j := i + 1; j < len(nodes) && j <= i+3; j++ {
		name := strings.TrimPrefix(nodes[j].Ident, "self.")
		if m.byName[name] != nil {
			return name, j
		}
	}
	return "", i
}

// fwStepLayers is the layers of chain steps.
func fwStepLayers(steps []*fwStep) []lang.Layer {
	out := make([]lang.Layer, len(steps))
	for i, s := range steps {
		out[i] = s.l
	}
	return out
}

// fwUnnamedTail is the modules defined after the last one a forward in
// words names ("-> flatten. what goes in ???" leaves fc1 unnamed): they
// are taken last, in the order written, and a note says so.
func fwUnnamedTail(m *ptModuleSet, chain []lang.Layer, q *lang.Question) []lang.Layer {
	inChain := func(l lang.Layer) bool {
		return slices.ContainsFunc(chain, func(c lang.Layer) bool { return c.Pos == l.Pos })
	}
	last := -1
	for i, l := range m.order {
		switch l.Layer.(type) {
		case calc.Pool, calc.Activation, calc.Dropout:
			continue // a shared pool may be defined anywhere
		}
		if inChain(l) {
			last = i
		}
	}
	if last < 0 || last+1 >= len(m.order) {
		return nil
	}
	tail := slices.DeleteFunc(slices.Clone(m.order[last+1:]), inChain)
	if len(tail) == 0 {
		return nil
	}
	var names []string
	for name, ls := range m.byName {
		if len(ls) > 0 && slices.ContainsFunc(tail, func(l lang.Layer) bool { return l.Pos == ls[0].Pos }) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	what := "the modules defined after them"
	if len(names) > 0 {
		what = strings.Join(names, ", ")
	}
	q.Notes = append(q.Notes, what+": not named in the words after \"forward\", so taken last, in the order written")
	return tail
}
