package paste

// Layers pasted side by side, each assigned to its own name and none fed
// by the one before:
//
//	a = nn.Conv2d(3, 64, 3, stride=1, padding=1, bias=False)
//	b = nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False)
//	x = torch.randn(1, 3, 64, 64)
//	how many MACs does a do on x, and b?
//
// b takes the 3 channels a takes, not the 64 it gives: they are two
// designs for one input, each answered on it, not a chain.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// sbsLineRE is a line that assigns one layer to a name.
var sbsLineRE = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:torch\.)?nn\.(?:Conv[123]d|ConvTranspose[123]d|Linear)\(.*\)[ \t]*(?:#.*)?$`)

// sbsModuleRE is code that chains layers itself.
var sbsModuleRE = regexp.MustCompile(`\bdef\s+forward\b|\bclass\s|\bSequential\(|\bModuleList\(`)

// allSideBySide reads the layers of src pasted side by side as one
// question each, on the input tensor src builds; nil when src builds none
// (their parameters read as they are, one table), has fewer than two such
// layers, chains them, or a layer does not read.
func allSideBySide(src string) []*lang.Question {
	locs := sbsLineRE.FindAllStringSubmatchIndex(src, -1)
	if len(locs) < 2 || len(locs) > 4 || sbsModuleRE.MatchString(src) || !ciInputSetRE.MatchString(src) {
		return nil
	}
	var out []*lang.Question
	var ins, outs []int
	for k := range locs {
		text := []byte(src)
		for j, m := range locs {
			if j != k {
				copy(text[m[0]:m[1]], strings.Repeat(" ", m[1]-m[0])) // the others blanked, positions kept
			}
		}
		q, err := parseOne(string(text))
		if err != nil || len(q.Layers) != 1 {
			return nil
		}
		in, o := sbsChannels(q.Layers[0].Layer)
		ins, outs = append(ins, in), append(outs, o)
		out = append(out, q)
	}
	for k := 1; k < len(ins); k++ {
		if ins[k] == 0 || ins[k] != ins[0] || ins[k] == outs[k-1] {
			return nil // a chain, or channels not known
		}
	}
	for k, q := range out {
		q.Notes = append(q.Notes, fmt.Sprintf("%s is read on its own, on the input: the layers are side by side (each takes %d channels), not one after the other",
			src[locs[k][2]:locs[k][3]], ins[k]))
	}
	return out
}

// sbsChannels are a conv's or a linear layer's input and output channels;
// zeros for any other layer.
func sbsChannels(l calc.Layer) (int, int) {
	switch l := l.(type) {
	case calc.Conv:
		return l.In, l.Out
	case calc.Linear:
		return l.In, l.Out
	}
	return 0, 0
}
