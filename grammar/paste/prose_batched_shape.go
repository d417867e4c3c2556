package paste

import "strings"

// ptBatchFirst reports whether the bracketed group g is a shape written
// with its batch first, by name: "(B, 4, 200)", "(None, 10, 32)". Such a
// tuple is a tensor's shape whatever word comes before it ("sensor data
// (B, 4, 200)", "my ecg batch (N, 12, 5000)"), so no shape word is needed.
func ptBatchFirst(g *ptGroup) bool {
	args := ptSplitArgs(g.Nodes)
	if len(args) < 2 || len(args[0].Nodes) != 1 {
		return false
	}
	return ptBatchNames[args[0].Nodes[0].Ident] && ptIntGroup(g) != nil
}

// ptDataNounShape is the batched shape a data noun is followed by:
// "sensor data (B, 4, 200)", "signals (N, 12, 5000)"; nil when the noun
// has no call or the call is not a shape with its batch first.
func ptDataNounShape(n *ptNode) *ptGroup {
	w := strings.ToLower(n.Ident)
	if len(n.Calls) != 1 || !ptDataNouns[w] && !ptSignalNouns[w] {
		return nil
	}
	if !ptBatchFirst(n.Calls[0]) {
		return nil
	}
	return n.Calls[0]
}

// ptSignalNouns name the data of a 1-D network, which students write a
// shape after without "input" or "shape": "ecg (B, 12, 5000)".
var ptSignalNouns = map[string]bool{"signals": true, "readings": true, "sequences": true, "sequence": true, "series": true,
	"ecg": true, "eeg": true, "emg": true, "audio": true, "samples": true, "windows": true, "recordings": true, "inputs": true,
	"features": true, "embeddings": true, "frames": true, "imgs": true, "batches": true}
