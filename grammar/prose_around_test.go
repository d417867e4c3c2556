package grammar

import (
	"strings"
	"testing"
)

// TestProseAround blanks the code of a paste and keeps its words, at the
// same positions.
func TestProseAround(t *testing.T) {
	src := "my images are 3x640x480\nself.conv1 = nn.Conv2d(3, 8, 5)\nx = F.relu(self.conv1(x))\nwhat goes in fc1 for a batch of 32?"
	got := proseAround(src)
	if len(got) != len(src) {
		t.Fatalf("%d bytes, want %d", len(got), len(src))
	}
	for _, kept := range []string{"3x640x480", "batch of 32", "what goes in"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q lost from %q", kept, got)
		}
	}
	for _, gone := range []string{"Conv2d", "(3, 8, 5)", "fc1", "relu"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q kept in %q", gone, got)
		}
	}
}

// TestProseAfterMessage keeps the words written after an error message on
// its own line, and blanks the message.
func TestProseAfterMessage(t *testing.T) {
	got := proseAround("RuntimeError: mat1 and mat2 shapes cannot be multiplied (8x4096 and 2048x10) my last conv is 64 channels")
	if !strings.Contains(got, "my last conv is 64 channels") || strings.Contains(got, "mat1") || strings.Contains(got, "2048x10") {
		t.Errorf("got %q", got)
	}
}

// TestPasteProseAccounted names a number of the words around pasted code
// that the reading does not use, and not the asker's own guesses.
func TestPasteProseAccounted(t *testing.T) {
	q, err := Parse("nn.Conv2d(3, 16, 3, padding=1) on 64x64 images, my batch is 32 and the fc has 5000 inputs, is the output 64 or 65?")
	if err != nil {
		t.Fatal(err)
	}
	var unexplained []string
	for _, u := range q.Unused {
		if u.Why == "" {
			unexplained = append(unexplained, u.Text)
		}
	}
	if strings.Join(unexplained, " ") != "5000" {
		t.Errorf("unexplained %q, want 5000 alone (32 is the batch, 65 a guess)", unexplained)
	}
}
