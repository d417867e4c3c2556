package paste

// A printed tensor shape asked about on its own: "what do i put for
// in_features, last conv gives torch.Size([64, 128, 4, 4]) (64 is batch)".
// No layer is pasted; what the Linear takes is the flattened tensor.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptFlattenAskRE are the words that ask what a flatten passes on:
// in_features, "in features", "flatten", "the linear/fc/dense layer".
var ptFlattenAskRE = regexp.MustCompile(`(?i)\bin_?features\b|\bin features\b|\bflatten|\b(?:linear|fc1?|dense)\b`)

// ptLoneTensor reads a paste that is a torch.Size and words asking what
// a Linear after it takes, as that tensor flattened; it reports whether it
// did. A batch (the first of four sizes) is left unused, with why.
func ptLoneTensor(f *ptFile, src string, q *lang.Question) bool {
	var g *ptGroup
	ptWalk(f.Nodes, func(n *ptNode) bool {
		if g == nil {
			g = ptTorchSize(n)
		}
		return g == nil
	})
	batchNamed := false
	if g == nil {
		g, batchNamed = ptBatchTuple(f.Nodes) // "conv output is (N, 128, 3, 3)"
	}
	if g == nil || !ptFlattenAskRE.MatchString(src) {
		return false
	}
	args := ptSplitArgs(g.Nodes)
	d := ptIntGroup(g)
	if len(args) == 4 && len(d) == 4 {
		b := args[0].Nodes[0]
		q.Unused = append(q.Unused, lang.Unused{Text: b.Num, Pos: ptPos(b.Pos), Why: batchUnusedWhy})
		d = d[1:]
	}
	if len(d) < 2 || len(d) > 4 {
		return false
	}
	q.Input = calc.Shape(d)
	q.Layers = []lang.Layer{{Layer: calc.Flatten{}, Pos: ptPos(g.Pos)}}
	q.Asked = []string{"output"}
	what := "torch.Size" + ptGroupText(args)
	if batchNamed {
		what = strings.Replace(strings.Replace(ptGroupText(args), "[", "(", 1), "]", ")", 1)
	}
	q.Notes = append(q.Notes, fmt.Sprintf("%s read as a batch's N×C×H×W (C×H×W without the batch): a Linear after it takes the %s flattened, with no layer between", what, ptShapeText(q.Input)))
	return true
}

// batchUnusedWhy is why a tensor's batch size is left unused.
const batchUnusedWhy = "the batch size: it changes memory, not parameters or shapes"

// ptGroupText writes a list's numbers and names back: [64, 128, 4, 4].
func ptGroupText(args []ptArg) string {
	s := "["
	for i, a := range args {
		if i > 0 {
			s += ", "
		}
		for _, n := range a.Nodes {
			s += n.Num + n.Ident + n.Punct
		}
	}
	return s + "]"
}

// ptEllipsisRE is an argument left out as `...` inside a call.
var ptEllipsisRE = regexp.MustCompile(`,\s*(?:\.\.\.|…)\s*[,)]`)

// ptEllipsisNote says that arguments written `...` are taken as the
// defaults, and doubts a reading that needs them: a stride or padding
// hidden there changes every size after it (the counts do not change).
func ptEllipsisNote(src string, q *lang.Question) {
	if !ptEllipsisRE.MatchString(src) {
		return
	}
	q.Notes = append(q.Notes, "arguments written as ... are taken as the defaults (stride 1, no padding); parameter counts do not depend on them")
	sizes := q.Input != nil && len(q.Asked) == 0
	for _, a := range q.Asked {
		sizes = sizes || a != "params" && a != "connections"
	}
	if sizes {
		q.Doubts = append(q.Doubts, "the arguments written as ... may hold a stride or padding, which would change the sizes: they are taken as the defaults here")
	}
}

// ptBatchTuple is the one tuple of sizes after a word that says a shape
// follows whose first item names the batch ("output is (N, 128, 3, 3)",
// "[B, 64, 7, 7]"): ok when found, nil otherwise or when several are.
func ptBatchTuple(nodes []*ptNode) (*ptGroup, bool) {
	var found *ptGroup
	for i, n := range nodes {
		g := n.Group
		shapeWord := ptShapeWordBefore(nodes, i)
		if g == nil && len(n.Calls) == 1 && (ptArticles[n.Ident] || ptShapeWords[strings.ToLower(n.Ident)]) {
			g = n.Calls[0] // "is (N, 128, 3, 3)", "a (N, 128, 3, 3) map": the tuple reads as the word's call
			shapeWord = shapeWord || ptShapeWords[strings.ToLower(n.Ident)]
		}
		if g == nil || !shapeWord {
			continue
		}
		args := ptSplitArgs(g.Nodes)
		if len(args) < 3 || len(args[0].Nodes) != 1 || !ptBatchNames[args[0].Nodes[0].Ident] || ptIntGroup(g) == nil {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = g
	}
	return found, found != nil
}

// ptBatchNames are the names a printed shape gives its batch.
var ptBatchNames = map[string]bool{"N": true, "B": true, "n": true, "b": true, "batch": true, "batch_size": true, "bs": true, "None": true}
