package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestProductToCheck: a product the words ask to check ("is 4*4*50 right
// for 28x28") is the asker's figure, not the input; the size after it is
// the input (torch 1.13: the MNIST net flattens 50×4×4 = 800 values).
func TestProductToCheck(t *testing.T) {
	src := "self.conv1 = nn.Conv2d(1, 20, 5, 1)\nself.conv2 = nn.Conv2d(20, 50, 5, 1)\nself.fc1 = nn.Linear(4*4*50, 500)\n...\n" +
		"x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)\nx = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)\nx = x.view(-1, 4*4*50)\n\n"
	for _, words := range []string{
		"is 4*4*50 right for 28x28, i.e. what is the flattened size",
		"is 4*4*50 correct for 28x28 mnist?",
	} {
		q, err := ParsePyTorch(src + words)
		if err != nil {
			t.Errorf("%q: %v", words, err)
			continue
		}
		if !q.Input.Equal(calc.Shape{1, 28, 28}) {
			t.Errorf("%q: input %v, want [1 28 28]", words, q.Input)
		}
	}
}
