package bot

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// A panic while answering reaches OnPanic with the question and its stack,
// and the asker gets the apology, not the panic.
func TestGuardedReportsPanic(t *testing.T) {
	var logged bytes.Buffer
	b := New(Options{OnPanic: LogPanics(slog.New(slog.NewTextHandler(&logged, nil)))})
	reply := b.guarded("conv 3x3 1->1", func() Reply { panic("index out of range [0] with length 0") })
	if !reply.Internal || reply.Err == nil || !strings.Contains(reply.Err.Msg, "has been logged") {
		t.Fatalf("reply = %+v, want the internal apology", reply)
	}
	for _, want := range []string{"answer panicked", "question=\"conv 3x3 1->1\"", "index out of range", "TestGuardedReportsPanic"} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logged.String())
		}
	}
}
