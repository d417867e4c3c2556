package grammar

import (
	"slices"

	"github.com/cnnbot/cnnbot/grammar/english"
)

// Numbers written as words count as the asker's numbers too: a reading
// that leaves "sixty four filters" out has left a number out, as one that
// leaves out 64 has. The English reader finds them (english.WordNumbers).
// Only numbers from ten up are counted: "one", "two" and "three" name
// layers and filters in ways ("the two", "one of them") no reading need
// explain.

// withWordNumbers adds the numbers of src written as words, from ten up,
// to nums, in text order.
func withWordNumbers(src string, nums []written) []written {
	all := nums
	for _, w := range english.WordNumbers(src) {
		if w.Value >= 10 {
			all = append(slices.Clip(all), written{text: src[w.Off:w.End], off: w.Off, end: w.End, val: float64(w.Value)})
		}
	}
	if len(all) == len(nums) {
		return nums
	}
	slices.SortFunc(all, func(a, b written) int { return a.off - b.off })
	return all
}
