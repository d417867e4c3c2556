package grammar

import (
	"strings"
	"testing"
)

// TestPlaceCountsConvs: "the third conv" is the third conv, pools not
// counted; "the third layer" counts every layer. Found in review: with a
// pool second, the third conv's dilation was given to the second conv
// (12,183,552 MACs answered; PyTorch gives 12,460,032 for the third conv
// dilated, on this net).
func TestPlaceCountsConvs(t *testing.T) {
	first := "input 32x32x3 then conv 3x3 3->16 pad 1 then maxpool 2 then conv 3x3 16->32 pad 1 then conv 3x3 32->64 pad 1 then conv 3x3 64->64 pad 1: macs?"
	for _, c := range []struct{ change, dilated string }{
		{"what if the third conv has dilation 2", "conv 3x3 32->64 pad 1 dilation 2"},
		{"what if the third layer has dilation 2", "conv 3x3 16->32 pad 1 dilation 2"},
	} {
		text, _, _, ok := atPlace(first, c.change)
		if !ok || !strings.Contains(text, c.dilated) {
			t.Errorf("%q: %q, want the layer %q", c.change, text, c.dilated)
		}
	}
}
