package english

// A setting said once with a value for each layer of a stack: "3x3
// convs with dilation 1, 2, 4, 8", "dilation 1, 2, 4, 8, all stride 1".
// listAfter (english_number.go) takes a list when its last values are
// joined by a word ("1, 2 and 4"), the setting is plural ("dilations"),
// or the layers were counted; three or more values joined by commas alone
// are a list too: "stride 2, 64 filters" has two, and a noun after the
// last value still makes it no list.

// commaList reports whether list, read with commas alone, is a list of
// per-layer values: three values or more, and no count of layers said
// that disagrees with it.
func commaList(list []int, want int) bool {
	return len(list) >= 3 && (want == 0 || want == len(list))
}
