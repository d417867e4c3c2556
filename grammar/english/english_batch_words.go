package english

import "strings"

// batchSaid is the batch size the words give, in digits or in words:
// "batch size 32", "batch of thirty two", "bs=64", "a batch size of
// sixteen"; 0 when none is said.
func (r *enReader) batchSaid() int {
	for i, t := range r.toks {
		low := strings.ToLower(t.raw)
		if t.kind != 'w' || t.lem == "bn" || low != "batch" && low != "bs" && low != "batch_size" && low != "batchsize" {
			continue
		}
		j := i + 1
		for j < len(r.toks) && enBatchFill[strings.ToLower(r.toks[j].raw)] {
			j++
		}
		if j < len(r.toks) && r.toks[j].kind == 'n' && !r.toks[j].isFrac && r.toks[j].num >= 1 && r.toks[j].num <= 1<<20 {
			return int(r.toks[j].num)
		}
	}
	return 0
}

// enBatchFill are the words between "batch" and its size.
var enBatchFill = map[string]bool{"-": true, "size": true, "of": true, "is": true, "=": true, ":": true, "a": true, "the": true, "sz": true}
