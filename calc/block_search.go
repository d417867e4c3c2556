package calc

import (
	"errors"
	"fmt"
	"strings"
)

// "How many of these conv+pool blocks can I stack on a 48×48 input before
// it breaks?": the block is applied again and again until a layer of it
// refuses what reaches it.

// BlockSearch is a block of layers stacked on an input, again and again.
type BlockSearch struct {
	Block []Layer
	// Names are how the steps call the block's layers; nil names them by
	// kind.
	Names []string
	Input Shape
}

// SolveBlocks finds how many copies of s.Block, one after another, the
// input s.Input goes through (at most [MaxBlocks]), with the sizes block by
// block and the refusal of the block after the last. It returns an
// [*Error] when the block is empty, when its first copy fails for a reason
// that is not a size, or when the block never shrinks its input (then any
// number fits).
func SolveBlocks(s BlockSearch) (*Solved, error) {
	if len(s.Block) == 0 || len(s.Input) < 2 {
		return nil, errorf("input", "a block of layers and an input size are needed to count blocks")
	}
	sv := &Solved{Unknown: "blocks", Min: 1, Max: MaxBlocks,
		Question: fmt.Sprintf("how many blocks (%s) one after another a %s input goes through", s.blockWords(), shapeText(s.Input[1:]))}
	var chain strings.Builder
	chain.WriteString(sizeWords(s.Input))
	in := s.Input
	for k := 1; k <= MaxBlocks; k++ {
		out, err := s.apply(in)
		if err != nil {
			if k == 1 && !sizeRefusal(err) {
				return nil, errorf("input", "the first block fails for a reason that is not a size: %v", err)
			}
			fmt.Fprintf(&chain, " → block %d fails: %v", k, err)
			sv.Steps = append(sv.Steps,
				Step{Quantity: "method", Formula: "the block's layers are applied in order, block after block, each with its own output-size rule, until one refuses what reaches it"},
				Step{Quantity: "sizes block by block", Formula: chain.String()})
			if k > 1 {
				sv.Solutions = []int64{int64(k - 1)}
				sv.Steps = append(sv.Steps, Step{Quantity: "blocks that fit", Result: int64(k - 1),
					Note: fmt.Sprintf("block %d is the first that does not fit", k)})
			}
			return sv, nil
		}
		fmt.Fprintf(&chain, " → %s (block %d)", sizeWords(out), k)
		if out.Equal(in) {
			return nil, errorf("input", "the block keeps a %s input at %s: any number of blocks fits", sizeWords(in), sizeWords(out))
		}
		in = out
	}
	return nil, errorf("input", "more than %d blocks fit", MaxBlocks)
}

// apply puts in through one copy of the block.
func (s BlockSearch) apply(in Shape) (Shape, error) {
	for i, l := range s.Block {
		r, err := l.Apply(in)
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				return nil, fmt.Errorf("its %s: %w", s.name(i), e)
			}
			return nil, err
		}
		in = r.Output
	}
	return in, nil
}

// name is how the steps call the block's layer i.
func (s BlockSearch) name(i int) string {
	if s.Names == nil || s.Names[i] == "" {
		return s.Block[i].Kind()
	}
	return s.Names[i]
}

// blockWords names the block's layers: "conv 3x3 pad same, maxpool 2x2".
func (s BlockSearch) blockWords() string {
	var parts []string
	for i := range s.Block {
		if s.Names == nil || s.Names[i] != "" {
			parts = append(parts, s.name(i))
		}
	}
	return strings.Join(parts, ", ")
}
