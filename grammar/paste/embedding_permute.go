package paste

import "github.com/cnnbot/cnnbot/calc"

// ptEmbeddingToChannels reports whether a permute (or transpose) of the
// tensor x with dims (batch included) is the one every text CNN writes
// after its embedding: x = self.emb(x).permute(0, 2, 1) turns PyTorch's
// (B, L, E) into the (B, E, L) a Conv1d takes. calc's embedding already
// gives its output as [E, L], channels first, so that permute is where
// the values already are: the trace takes the tensor through unchanged.
func ptEmbeddingToChannels(x fwVal, dims []int) bool {
	if len(x.chain) == 0 {
		return false
	}
	if _, ok := x.chain[len(x.chain)-1].l.Layer.(calc.Embedding); !ok {
		return false
	}
	switch len(dims) {
	case 3: // permute(0, 2, 1)
		return dims[0] == 0 && dims[1] == 2 && dims[2] == 1
	case 2: // transpose(1, 2)
		return dims[0]+dims[1] == 3 && dims[0]*dims[1] == 2
	}
	return false
}
