package calc

import (
	"fmt"
	"strings"
)

// "Starting from 100x100, how many MaxPool2d(2) in a row before the output
// is 6x6?": the count asked is of the blocks that bring the input down to
// the size said (100 → 50 → 25 → 12 → 6: 4), not of the blocks that fit
// before one breaks; and when the size said is never reached (64 → 32 →
// 16 → 8 → 4 never is 6) no count is right.

// SolveBlocksTo finds how many copies of s.Block, one after another, bring
// s.Input to the spatial size target (its last two numbers, height and
// width). Solutions is empty when no count does: the sizes pass it by, or
// the block breaks first; the steps then say so. It returns an [*Error] as
// [SolveBlocks] does.
func SolveBlocksTo(s BlockSearch, target Shape) (*Solved, error) {
	if len(s.Block) == 0 || len(s.Input) < 2 || len(target) < 2 {
		return nil, errorf("input", "a block of layers, an input size and a target size are needed to count blocks")
	}
	want := target[len(target)-2:]
	sv := &Solved{Unknown: "blocks", Min: 1, Max: MaxBlocks,
		Question: fmt.Sprintf("how many blocks (%s) one after another bring a %s input to %s", s.blockWords(), shapeText(s.Input[1:]), shapeText(want))}
	var chain strings.Builder
	chain.WriteString(sizeWords(s.Input))
	method := Step{Quantity: "method", Formula: "the block's layers are applied in order, block after block, each with its own output-size rule, until the size reaches the one asked"}
	in := s.Input
	for k := 1; k <= MaxBlocks; k++ {
		out, err := s.apply(in)
		if err != nil {
			if k == 1 && !sizeRefusal(err) {
				return nil, errorf("input", "the first block fails for a reason that is not a size: %v", err)
			}
			fmt.Fprintf(&chain, " → block %d fails: %v", k, err)
			sv.Steps = append(sv.Steps, method, Step{Quantity: "sizes block by block", Formula: chain.String()},
				Step{Quantity: "blocks to " + shapeText(want), Formula: "none: the sizes never reach it"})
			return sv, nil
		}
		fmt.Fprintf(&chain, " → %s (block %d)", sizeWords(out), k)
		got := out[len(out)-2:]
		if got.Equal(want) {
			sv.Solutions = []int64{int64(k)}
			sv.Steps = append(sv.Steps, method, Step{Quantity: "sizes block by block", Formula: chain.String()},
				Step{Quantity: "blocks", Result: int64(k), Note: fmt.Sprintf("block %d gives %s", k, shapeText(want))})
			return sv, nil
		}
		if got[0] < want[0] || got[1] < want[1] {
			sv.Steps = append(sv.Steps, method, Step{Quantity: "sizes block by block", Formula: chain.String()},
				Step{Quantity: "blocks to " + shapeText(want), Formula: fmt.Sprintf("none: block %d already goes below it", k)})
			return sv, nil
		}
		if out.Equal(in) {
			return nil, errorf("input", "the block keeps a %s input at %s: it never reaches %s", sizeWords(in), sizeWords(out), shapeText(want))
		}
		in = out
	}
	return nil, errorf("input", "more than %d blocks", MaxBlocks)
}
