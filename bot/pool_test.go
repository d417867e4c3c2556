package bot

import (
	"sync"
	"testing"
)

// TestPoolSurvivesPanic reports a job that panics and goes on with the
// next: one bad answer must not end the bot.
func TestPoolSurvivesPanic(t *testing.T) {
	p := newPool(1, 4)
	defer p.stop()
	var mu sync.Mutex
	var panics []any
	p.onPanic = func(v any, _ []byte) {
		mu.Lock()
		defer mu.Unlock()
		panics = append(panics, v)
	}
	done := make(chan struct{})
	p.submit(func() { panic("boom") })
	p.submit(func() { close(done) })
	<-done
	mu.Lock()
	defer mu.Unlock()
	if len(panics) != 1 || panics[0] != "boom" {
		t.Errorf("panics reported: %v, want [boom]", panics)
	}
}
