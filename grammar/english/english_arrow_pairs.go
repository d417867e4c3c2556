package english

// A chain of fully connected layers may be written pair by pair, each
// layer's "in->out" tight and the pairs joined by a spaced arrow: "fc
// 400->120 -> 120->84 -> 84->10" is three layers, not five (a 120->120
// and an 84->84 between). The spacing tells the pairs from a chain of
// sizes ("256 -> 256 -> 10" is two layers).

// pairedSizes returns the sizes of the arrow chain at the number tokens
// nums with the pairs written apart joined: [400 120 120 84 84 10] read
// from "400->120 -> 120->84 -> 84->10" becomes [400 120 84 10]; sizes as
// they are when the chain is not written pair by pair.
func (r *enReader) pairedSizes(nums []int, sizes []int) []int {
	if len(nums) < 4 || len(nums)%2 != 0 {
		return sizes
	}
	for k := 1; k < len(nums); k++ {
		tight := r.toks[nums[k]].glued && r.toks[nums[k]-1].glued
		if tight != (k%2 == 1) || k%2 == 0 && sizes[k] != sizes[k-1] {
			return sizes // not pair by pair, or a pair that does not continue the one before
		}
	}
	out := []int{sizes[0]}
	for k := 1; k < len(sizes); k += 2 {
		out = append(out, sizes[k])
	}
	return out
}
