package picture

import (
	"fmt"
	"image/png"
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
		_, frames, err := gifFrames(filepath.Join(dir, ex.name+".gif"))
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range []int{0, 3, len(frames) - 1} {
			if i >= len(frames) {
				continue
			}
			f, _ := os.Create(filepath.Join(dir, fmt.Sprintf("%s-frame%d.png", ex.name, i)))
			png.Encode(f, frames[i])
			f.Close()
		}
	}
}
