package paste

// Keras's functional API with branches: `b2 = Conv2D(96, 1)(x)` reads x,
// not the line before it, and `concatenate([b1, b2, b3])` joins them. Each
// layer takes the channels of the variable it is called on; the shapes of
// a graph are not traced, so the parameters are counted layer by layer and
// the channels of each join are said.

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasStep is one functional line: out = Layer(...)(in...).
type kerasStep struct {
	out  string
	call *ptCall  // the layer's call; nil for a join
	join string   // "concat" or "add"
	ins  []string // the variables it reads
}

// kerasFunctionalSteps lists the functional lines of nodes; ok is false
// when they do not branch (each reads the line before), so the walk in
// text order reads them right.
func kerasFunctionalSteps(nodes []*ptNode) (steps []kerasStep, branched bool) {
	prev := ""
	for i := 0; i+2 < len(nodes); i++ {
		if nodes[i].Ident == "" || len(nodes[i].Calls) > 0 || nodes[i+1].Punct != "=" {
			continue
		}
		n := nodes[i+2]
		c := ptCallOf(n)
		if c == nil {
			continue
		}
		s := kerasStep{out: nodes[i].Ident}
		switch base := c.Base(); {
		case base == "concatenate" || base == "Concatenate" || base == "add" || base == "Add":
			s.join = "concat"
			if strings.EqualFold(base, "add") {
				s.join = "add"
			}
			g := n.Calls[len(n.Calls)-1]
			for _, a := range ptSplitArgs(g.Nodes) {
				ptWalk(a.Nodes, func(m *ptNode) bool {
					if m.Ident != "" && len(m.Calls) == 0 {
						s.ins = append(s.ins, m.Ident)
					}
					return true
				})
			}
			branched = true
		case kerasSpecs[base] != nil && len(n.Calls) == 2:
			s.call = c
			for _, a := range ptSplitArgs(n.Calls[1].Nodes) {
				if len(a.Nodes) == 1 && a.Nodes[0].Ident != "" {
					s.ins = append(s.ins, a.Nodes[0].Ident)
				}
			}
			if len(s.ins) != 1 {
				return nil, false
			}
			if prev != "" && s.ins[0] != prev {
				branched = true
			}
		default:
			continue
		}
		steps = append(steps, s)
		prev = s.out
	}
	return steps, branched
}

// branches reads branched functional lines with the channels of the
// variable each layer is called on, from the input's channels (inCh); it
// reports whether it read them.
func (k *kerasReader) branches(steps []kerasStep, first string, inCh int) bool {
	ch := map[string]int{first: inCh}
	var layers []lang.Layer
	var joins []string
	for _, s := range steps {
		if s.join != "" {
			sum, keep := 0, 0
			for _, v := range s.ins {
				sum += ch[v]
				keep = ch[v]
			}
			if s.join == "add" {
				sum = keep
			}
			ch[s.out] = sum
			joins = append(joins, fmt.Sprintf("%s = %s of %s: %d channels", s.out, s.join, strings.Join(s.ins, ", "), sum))
			continue
		}
		c, ok := ch[s.ins[0]]
		if !ok || c == 0 {
			return false
		}
		ls, err := kerasSpecs[s.call.Base()](k, s.call)
		if err != nil || len(ls) == 0 {
			return false
		}
		kerasChannelsOf(ls, c)
		layers = append(layers, ls...)
		ch[s.out] = kerasOutChannels(ls, c)
	}
	k.q.Layers = layers
	k.q.Input = nil
	k.q.Notes = append(k.q.Notes, "the layers branch (Keras's functional API): each takes the channels of the variable it is called on; parameters are counted layer by layer")
	k.q.Notes = append(k.q.Notes, joins...)
	return true
}

// kerasChannelsOf gives the layers of one call the channels in.
func kerasChannelsOf(ls []lang.Layer, in int) {
	q := &lang.Question{Layers: ls}
	kerasChannels(q, in)
}

// kerasOutChannels is the channels the layers of one call give.
func kerasOutChannels(ls []lang.Layer, in int) int {
	out := in
	for _, l := range ls {
		switch x := l.Layer.(type) {
		case calc.Conv:
			out = x.Out
		case calc.Separable:
			if x.Out > 0 {
				out = x.Out
			}
		case calc.Linear:
			out = x.Out
		}
	}
	return out
}

// functional reads the paste as branched functional lines when it is
// one; it reports whether it did.
func (k *kerasReader) functional(f *ptFile, prose ptProse) bool {
	steps, branched := kerasFunctionalSteps(f.Nodes)
	if !branched || len(steps) == 0 || steps[0].call == nil {
		return false
	}
	inCh := prose.channels
	if n := len(k.shape); n > 0 && k.shape[n-1].Kind == ptInt {
		inCh = int(k.shape[n-1].Int)
	} else if n := len(prose.dims); n == 3 {
		inCh = prose.dims[2]
	}
	if inCh <= 0 {
		return false
	}
	saved := k.q.Layers
	if !k.branches(steps, steps[0].ins[0], inCh) {
		k.q.Layers = saved
		return false
	}
	return true
}
