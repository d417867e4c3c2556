package picture

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cnnbot/cnnbot/grammar"
)

// TestDump writes every example picture to $PICTURE_DIR, for looking at.
func TestDump(t *testing.T) {
	dir := os.Getenv("PICTURE_DIR")
	if dir == "" {
		t.Skip("set PICTURE_DIR to write the example pictures")
	}
	for _, ex := range examples {
		q, err := grammar.Parse(ex.question)
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{".png", ".gif"} {
			if err := Save(filepath.Join(dir, ex.name+ext), q); err != nil {
				t.Errorf("%s%s: %v", ex.name, ext, err)
			}
		}
	}
}
