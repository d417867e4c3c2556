package grammar

import (
	"slices"
	"testing"
)

// TestSettingLayerLines: a title's last word names no setting of the next
// line's first number ("... with dilation\n3x3 kernel, dilation=4" has
// dilation 4), and a setting said twice with two values leaves the second
// for the account to name.
func TestSettingLayerLines(t *testing.T) {
	l := readSettingLayer("padding to keep size with dilation\n3x3 kernel, dilation=4, stride 1. what padding keeps H and W")
	if !slices.Equal(l.dil, []int{4}) || !slices.Equal(l.kernel, []int{3, 3}) {
		t.Errorf("title then body: dilation %v kernel %v, want [4] [3 3]", l.dil, l.kernel)
	}
	l = readSettingLayer("3x3 kernel with dilation 2, stride 1, what padding keeps the size? (dilation=4 in my other layer)")
	if !slices.Equal(l.dil, []int{2}) || len(l.clashes) != 1 {
		t.Errorf("two dilations: dilation %v clashes %v, want [2] and one clash", l.dil, l.clashes)
	}
	l = readSettingLayer("kernel 3, a 3x3 kernel with dilation 2: what padding keeps the size?")
	if len(l.clashes) != 0 {
		t.Errorf("kernel 3 and 3x3 kernel clash: %v", l.clashes)
	}
}
