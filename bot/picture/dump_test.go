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
	more := []struct{ name, question string }{{"same", "conv 3x3 3->8 same stride 2 input 7x7"},
		{"ceil", "maxpool 3 stride 2 pad 1 ceil input 6x6x4"}, {"outpad", "deconv 3x3 4->4 stride 2 pad 1 outpad 1 input 4x4"},
		{"wide", "conv 1x31 2->2 input 4x40"}, {"dilated", "conv 3x3 1->1 dilation 2 input 7x7"},
		{"resnet50", "resnet50"}, {"densenet121", "densenet121"}, {"long", longStack}, {"nets", "linear 10->20\nlinear 20->5"}}
	for _, ex := range append(examples, more...) {
		q, err := grammar.Parse(ex.question)
		if err != nil {
			t.Fatal(err)
		}
		if ex.question == longStack {
			q.Asked = []string{"receptive field"}
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
