package calc

// Totals are the counts of several layers added up.
type Totals struct {
	Params  int64 // learnable parameters
	Buffers int64 // batch norm running statistics
	// MACs are the multiply-accumulates, known only when every layer's are.
	MACs      int64
	MACsKnown bool
}

// Sum adds up reports, checked: an overflow is an error, not a wrapped
// total.
func Sum(reports []Report) (Totals, error) {
	t := Totals{MACsKnown: len(reports) > 0}
	var a acc
	for _, r := range reports {
		t.Params = a.add(t.Params, r.Params)
		t.Buffers = a.add(t.Buffers, r.Buffers)
		t.MACs = a.add(t.MACs, r.MACs)
		t.MACsKnown = t.MACsKnown && r.MACsKnown
	}
	return t, a.err
}

// FLOPs are twice the MACs (one multiply and one add each), checked.
func (t Totals) FLOPs() (int64, error) { return FLOPs(t.MACs) }

// FLOPs are twice macs — one multiply and one add each — checked.
func FLOPs(macs int64) (int64, error) { return mul(2, macs) }

// BatchMACs is the multiply-accumulates of a batch of samples: each sample
// costs the same, so batch · macs (thop and fvcore report this when given a
// batch of inputs).
func BatchMACs(macs, batch int64) (int64, error) { return mul(batch, macs) }
