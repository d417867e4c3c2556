package paste

// A printed tensor shape asked about on its own: "what do i put for
// in_features, last conv gives torch.Size([64, 128, 4, 4]) (64 is batch)".
// No layer is pasted; what the Linear takes is the flattened tensor.

import (
	"fmt"
	"regexp"

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
	q.Notes = append(q.Notes, fmt.Sprintf("torch.Size(%s) read as a batch's N×C×H×W (C×H×W without the batch): a Linear after it takes the %s flattened, with no layer between", ptGroupText(args), ptShapeText(q.Input)))
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
