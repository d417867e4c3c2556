package calc

import (
	"fmt"
	"strings"
)

// "I stack blocks of Conv2D(3x3, valid) + MaxPooling2D(2) on 48x48: what
// is the size after the 4th block?", "what size reaches the conv that
// crashes?", "the size after the third of these convs?": a block stacked
// again and again, and the size at one place of the stack asked.

// BlockPlace is a place in a stack of copies of one block. Exactly one of
// its fields is set.
type BlockPlace struct {
	// AfterBlock, above 0, is the place after that many whole blocks.
	AfterBlock int
	// Nth, above 0, is the place after the Nth layer of kind Kind,
	// counted across blocks: Kind "conv" is any convolution, "pool" any
	// pooling, "" any layer.
	Nth  int
	Kind string
	// Failing is the place just before the first layer that refuses what
	// reaches it: the size that layer is given.
	Failing bool
}

// SolveBlockPlace puts s.Input through copies of s.Block, layer by
// layer (at most [MaxBlocks] copies), and returns the spatial size at the
// place p: the side when the map is square, else the height with the
// width as Second. Its steps give the sizes block by block. It returns an
// [*Error] when the block or the input is missing, when a layer refuses
// before the place is reached or for a reason that is not a size, or
// when p.Failing is asked of a block that never refuses.
func SolveBlockPlace(s BlockSearch, p BlockPlace) (*Solved, error) {
	if len(s.Block) == 0 || len(s.Input) < 2 {
		return nil, errorf("input", "a block of layers and an input size are needed to follow a stack")
	}
	in := s.Input
	var chain strings.Builder
	chain.WriteString(sizeWords(in))
	seen := 0
	for k := 1; k <= MaxBlocks; k++ {
		start := in
		for i, l := range s.Block {
			r, err := l.Apply(in)
			if err != nil {
				if !sizeRefusal(err) {
					return nil, errorf("input", "block %d's %s fails for a reason that is not a size: %v", k, s.name(i), err)
				}
				fmt.Fprintf(&chain, " → block %d's %s fails: %v", k, s.name(i), err)
				if !p.Failing {
					return nil, errorf("input", "block %d's %s fails before the place asked: %v", k, s.name(i), err)
				}
				return placeSolved(fmt.Sprintf("size reaching block %d's %s (the first layer that fails)", k, s.name(i)), in, chain.String())
			}
			in = r.Output
			if p.Nth > 0 && layerKindIs(l, p.Kind) {
				if seen++; seen == p.Nth {
					fmt.Fprintf(&chain, " → %s (after block %d's %s)", sizeWords(in), k, s.name(i))
					return placeSolved(fmt.Sprintf("size after %s %d of the stack", kindWord(p.Kind), p.Nth), in, chain.String())
				}
			}
		}
		fmt.Fprintf(&chain, " → %s (block %d)", sizeWords(in), k)
		if p.AfterBlock == k {
			return placeSolved(fmt.Sprintf("size after block %d", k), in, chain.String())
		}
		if in.Equal(start) {
			return nil, errorf("input", "the block keeps a %s input at %s: no layer of it ever fails", sizeWords(start), sizeWords(in))
		}
	}
	return nil, errorf("input", "more than %d blocks fit before the place asked", MaxBlocks)
}

// layerKindIs reports whether l is of kind: "conv", "pool", or "" (any).
func layerKindIs(l Layer, kind string) bool {
	k := l.Kind()
	switch kind {
	case "":
		return true
	case "conv":
		return strings.HasPrefix(k, "conv")
	case "pool":
		return strings.Contains(k, "pool")
	}
	return k == kind
}

// kindWord names a kind of layer in an answer.
func kindWord(kind string) string {
	if kind == "" {
		return "layer"
	}
	return kind
}

// placeSolved is the size sh answered as unknown, with the chain of
// sizes that led to it.
func placeSolved(unknown string, sh Shape, chain string) (*Solved, error) {
	sp := sh.Spatial()
	if len(sp) == 0 {
		return nil, errorf("input", "the place asked has no spatial size")
	}
	sv := &Solved{Unknown: unknown, Solutions: []int64{int64(sp[0])}, Min: int64(sp[0]), Max: int64(sp[0]),
		Question: unknown + ", following the stack layer by layer"}
	if len(sp) == 2 && sp[1] != sp[0] {
		sv.Unknown = strings.Replace(unknown, "size", "height", 1)
		sv.Second, sv.Seconds = "width", [][]int64{{int64(sp[1])}}
	}
	sv.Steps = []Step{
		{Quantity: "method", Formula: "the block's layers are applied in order, block after block, each with its own output-size rule"},
		{Quantity: "sizes block by block", Formula: chain},
		{Quantity: unknown, Result: int64(sp[0])},
	}
	return sv, nil
}
