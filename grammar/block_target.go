package grammar

import (
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// "Starting from 100x100, how many nn.MaxPool2d(2) in a row before the
// output is 6x6?": a size the output must come to is a target, solved for
// (calc.SolveBlocksTo), never a number the count happens to explain.

// blockTargetRE is a target size: "before the output is 6x6", "until it
// gets down to 7x7", "to reach 4x4".
var blockTargetRE = regexp.MustCompile(`(?i)\b(?:outputs?|it|size|result|maps?|feature\s+maps?|spatial\s+size|resolution|image)\s+(?:is|are|becomes?|gets?\s+(?:down\s+)?to|reach(?:es)?|hits?|shrinks?\s+to|goes\s+(?:down\s+)?to|comes?\s+(?:down\s+)?to|=)\s+(?:exactly\s+|only\s+)?(\d+)\s*[x×]\s*(\d+)\b` +
	`|\b(?:down\s+to|reach(?:es|ing)?|get\s+to|to\s+get|until|till|before|end\s+up\s+(?:at|with)|left\s+with)\s+(?:an?\s+|the\s+)?(?:output\s+of\s+|size\s+of\s+)?(\d+)\s*[x×]\s*(\d+)\b`)

// blockTarget reads the target size text says, not the input's: [H, W], or
// nil.
func blockTarget(text string, in calc.Shape) calc.Shape {
	for _, m := range blockTargetRE.FindAllStringSubmatch(text, -1) {
		var nums []int
		for _, g := range m[1:] {
			if g != "" {
				n, _ := strconv.Atoi(g)
				nums = append(nums, n)
			}
		}
		if len(nums) != 2 || nums[0] < 1 || nums[1] < 1 {
			continue
		}
		if len(in) >= 2 && nums[0] == in[len(in)-2] && nums[1] == in[len(in)-1] {
			continue
		}
		return calc.Shape{nums[0], nums[1]}
	}
	return nil
}

// blockSizeWritten reports whether v is written as a size in text ("6x6"): then a
// count equal to it is no explanation of it.
func blockSizeWritten(text string, v int64) bool {
	s := strconv.FormatInt(v, 10)
	return regexp.MustCompile(`(?i)\b` + s + `\s*[x×]\s*\d+\b|\b\d+\s*[x×]\s*` + s + `\b`).MatchString(text)
}
