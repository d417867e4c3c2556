package calc

import (
	"math"
	"testing"
)

// TestStored counts a tensor's values for a batch and their bytes, and
// refuses a count that overflows.
func TestStored(t *testing.T) {
	values, bytes, err := Stored(64*112*112, 32, 2)
	if err != nil || values != 25690112 || bytes != 51380224 {
		t.Errorf("Stored = %d values, %d bytes (%v), want 25,690,112 and 51,380,224", values, bytes, err)
	}
	if _, _, err := Stored(math.MaxInt64/4, 1, 8); err == nil {
		t.Error("an overflowing byte count was not refused")
	}
}
