package picture

import (
	"sync"
	"testing"

	"github.com/cnnbot/cnnbot/grammar"
)

// FuzzPictures: whatever the question, drawing it neither panics (For
// turns a panic into an error, so an error here is a bug) nor writes text
// off the picture.
func FuzzPictures(f *testing.F) {
	for _, ex := range examples {
		f.Add(ex.question)
	}
	f.Add("conv 3x3 3->8 same stride 2 input 7x7")
	f.Add("maxpool 3 stride 2 pad 1 ceil input 6x6x4")
	f.Add("deconv 3x3 4->4 stride 2 pad 1 outpad 1 input 4x4")
	f.Add("conv3d 3 3->8 input 8x16x16")
	f.Fuzz(func(t *testing.T, question string) {
		q, err := grammar.Parse(question)
		if err != nil {
			return
		}
		if _, _, _, err := For(q); err != nil {
			t.Fatalf("%q: %v", question, err)
		}
		if _, _, _, err := Animation(q); err != nil {
			t.Fatalf("%q animation: %v", question, err)
		}
		if c, _, ok := still(q); ok {
			textsInside(t, question, c.texts, c.img.Bounds())
			c.close()
		}
	})
}

// TestConcurrent draws from several goroutines at once, as a chat
// front-end answering several people does (run it with -race).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for _, ex := range examples[:4] {
		q := parse(t, ex.question)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, ok, err := For(q); !ok || err != nil {
				t.Errorf("%s: ok %v, err %v", ex.name, ok, err)
			}
			if _, _, _, err := Animation(q); err != nil {
				t.Errorf("%s: %v", ex.name, err)
			}
		}()
	}
	wg.Wait()
}
