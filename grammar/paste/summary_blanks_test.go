package paste

import (
	"strings"
	"testing"
)

// TestSummaryBlanks fills the blanks of pasted summary tables: a Keras
// conv row's ??? count (its kernel read from the sizes), a Flatten row's
// ??? size, and torchsummary's rows. (Through the front door the router
// splits such a table at its "?"s today; the reading itself is checked
// here.)
func TestSummaryBlanks(t *testing.T) {
	keras := ` Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 62, 62, 16)        448
 max_pooling2d (MaxPooling2D) (None, 31, 31, 16)       0
 conv2d_1 (Conv2D)           (None, 29, 29, 24)        ???
 flatten (Flatten)           (None, ???)               0
=================================================================
fill the two ??? pls`
	q, err := ParseKeras(keras)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(q.Notes, "\n")
	// 3·3·16·24 + 24 = 3,480; 29·29·24 = 20,184
	for _, want := range []string{"the ? is 3,480", "the ? in the output shape is 20,184", "kernel 3 read from the sizes (31 → 29)"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	ts := `        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1            [-1, 8, 24, 24]             208
         MaxPool2d-2            [-1, 8, 12, 12]               0
              ReLU-3            [-1, 8, 12, 12]               0
            Conv2d-4             [-1, 16, 8, 8]           3,216
         MaxPool2d-5             [-1, 16, 4, 4]               0
            Linear-6                   [-1, 32]           8,224
================================================================`
	if !LooksLikePyTorch(ts) {
		t.Error("a torchsummary table does not look like PyTorch")
	}
	q, err = ParsePyTorch(ts)
	if err != nil {
		t.Fatal(err)
	}
	// 8·1·25 + 8 = 208 on 1×28×28; 16·4·4 = 256 reach the Linear: 32·257 = 8,224
	if got := strings.TrimSpace(q.Canonical); !strings.Contains(got, "input 28x28") || !strings.Contains(got, "linear 256->32") {
		t.Errorf("read as\n%s", got)
	}
}
