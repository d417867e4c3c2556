package paste

// The words after "forward" tell forward only up to where code starts
// again: "forward does pool(2) after each conv.\nself.conv1 =
// nn.Conv2d(...)" has one sentence of forward, then __init__'s lines,
// which apply nothing.

// fwProseEnd is the nodes after nodes[start] (the word "forward") up to
// the first assignment on a later line: a line of code such as
// "self.conv1 = nn.Conv2d(1, 10, 5)" is not part of the words.
func fwProseEnd(nodes []*ptNode, start int) []*ptNode {
	line := nodes[start].Pos.Line
	for j := start + 1; j+1 < len(nodes); j++ {
		if nodes[j].Pos.Line != line && nodes[j].Ident != "" && nodes[j+1].Punct == "=" &&
			(j == 0 || nodes[j-1].Pos.Line != nodes[j].Pos.Line) {
			return nodes[start+1 : j]
		}
	}
	return nodes[start+1:]
}
