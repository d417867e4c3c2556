package paste

// An option written as a word and its number inside a shorthand call, as
// chat types it: "conv(1, 8, 3, stride 2, pad 1)", "conv(3,16,5, padding 2)".

import "strings"

// ptWordKey reads a shorthand argument of two nodes, an option's word and
// a whole number ("stride 2"), as that keyword; ok is false for any other.
func ptWordKey(a ptArg) (ptArg, bool) {
	if a.Key != "" || len(a.Nodes) != 2 || len(a.Nodes[0].Calls) > 0 || a.Nodes[1].Num == "" {
		return a, false
	}
	key, ok := ptLetterKeys[strings.ToLower(a.Nodes[0].Ident)]
	if !ok || len(a.Nodes[0].Ident) < 3 || strings.ContainsAny(a.Nodes[1].Num, ".eE") {
		return a, false // the single letters are read when joined to their number (s2)
	}
	return ptArg{Key: key, Pos: a.Pos, Nodes: []*ptNode{a.Nodes[1]}}, true
}
