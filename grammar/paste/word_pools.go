package paste

// "conv1 = nn.Conv2d(1, 6, 5), pool 2, conv2 = nn.Conv2d(6, 16, 5), pool
// 2, then x = x.view(-1, 16*4*4)": a pool told in words between the
// pasted layers. Without forward() the layers run in the order written, so
// the pool goes where the words put it; leaving it out would size every
// later layer on a map twice too large.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptWordPoolRE is a pool said in words: "pool", "maxpool", "max_pool",
// "pooling", or with its size joined on ("maxpool2").
var ptWordPoolRE = regexp.MustCompile(`(?i)^(?:max_?)?pool(?:ing)?(\d?)$`)

// ptWordPools puts each pool told in words between the layers of a paste
// without forward() after the layer written before it: "pool 2",
// "maxpool2", "max pool 2x2". A word that names a module, or whose size is
// not given ("a pool"), is left alone.
func ptWordPools(f *ptFile, mods *ptModuleSet, q *lang.Question) {
	if mods.fwd != nil || len(mods.order) == 0 {
		return
	}
	nodes := f.Nodes
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		k, pos, skip := ptWordPoolAt(nodes, i, mods)
		if k == 0 {
			continue
		}
		if slices.ContainsFunc(mods.order, func(l lang.Layer) bool { return l.Pos == ptPos(pos) }) {
			i += skip
			continue // read already (shorthand.go's "conv(1, 6, 5), pool2")
		}
		after := ptLayerBefore(mods.order, ptPos(pos))
		if after < 0 {
			continue // a pool before every layer is words about something else
		}
		pool := lang.Layer{Layer: calc.Pool{Kernel: []int{k}}, Pos: ptPos(n.Pos)}
		mods.order = slices.Insert(mods.order, after+1, pool)
		q.Notes = append(q.Notes, fmt.Sprintf("%q (line %d) read as nn.MaxPool2d(%d) after layer %d, where the words put it",
			ptWordText(nodes[i:i+skip+1]), n.Pos.Line, k, after+1))
		i += skip
	}
}

// ptWordPoolAt reads a pool said in words at nodes[i]: its size, where it
// is and how many nodes after i it takes; k is 0 when there is none.
func ptWordPoolAt(nodes []*ptNode, i int, mods *ptModuleSet) (k int, pos lexer.Position, skip int) {
	n := nodes[i]
	if n.Ident == "" || len(n.Calls) > 0 || mods.byName[n.Ident] != nil || mods.byName[strings.TrimPrefix(n.Ident, "self.")] != nil {
		return 0, pos, 0
	}
	word := n.Ident
	if strings.EqualFold(word, "max") && i+1 < len(nodes) && nodes[i+1].Pos.Line == n.Pos.Line {
		word, skip = "max"+nodes[i+1].Ident, 1 // "max pool 2"
	}
	m := ptWordPoolRE.FindStringSubmatch(word)
	if m == nil {
		return 0, pos, 0
	}
	if i > 0 && nodes[i-1].Punct == "=" {
		return 0, pos, 0 // pool = ..., a name being assigned
	}
	if m[1] != "" {
		k, _ = strconv.Atoi(m[1])
		return k, n.Pos, skip
	}
	j := i + skip + 1
	if j >= len(nodes) || nodes[j].Pos.Line != n.Pos.Line {
		return 0, pos, 0
	}
	switch next := nodes[j]; {
	case next.Num != "":
		k, _ = strconv.Atoi(next.Num)
	case next.Dims != "":
		if d := ptDimsOf(next.Dims); len(d) == 2 && d[0] == d[1] {
			k = d[0]
		}
	}
	if k < 1 || k > 8 {
		return 0, pos, 0
	}
	return k, n.Pos, skip + 1
}

// ptLayerBefore is the index of the last layer written before p, or -1.
func ptLayerBefore(order []lang.Layer, p lang.Position) int {
	at := -1
	for i, l := range order {
		if l.Pos.Line < p.Line || l.Pos.Line == p.Line && l.Pos.Col < p.Col {
			at = i
		}
	}
	return at
}

// ptWordText writes nodes' tokens as the words were: "pool 2".
func ptWordText(nodes []*ptNode) string {
	var parts []string
	for _, n := range nodes {
		parts = append(parts, n.Ident+n.Num+n.Dims)
	}
	return strings.Join(parts, " ")
}
