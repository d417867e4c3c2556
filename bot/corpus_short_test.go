package bot_test

import "testing"

// skipCorpusWhenShort skips a test that answers a whole question corpus on one
// goroutine when -short is set. CI's race run sets -short: such a test has no
// concurrency for the race detector to watch, and CI's plain run (go test ./...)
// answers the whole corpus first.
func skipCorpusWhenShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("answers a whole question corpus on one goroutine; run without -short")
	}
}
