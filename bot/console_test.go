package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot"
)

// replies counts the answers and refusals in a chat transcript.
func replies(out string) int {
	return strings.Count(out, "Understood as") + strings.Count(out, "I can't answer")
}

// TestChatBounded: the terminal chat of issue 9, item 8 — Ctrl-C ends it
// while it waits for a line, a line over 1 MiB is skipped politely, a line
// with an unclosed ( does not swallow the questions after it, and quit
// ends the session even inside an unfinished network.
func TestChatBounded(t *testing.T) {
	t.Run("Ctrl-C while waiting for a line", func(t *testing.T) {
		in, w := io.Pipe() // a terminal nobody types in
		defer w.Close()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- bot.Chat(ctx, bot.New(bot.Options{}), in, io.Discard, "cnnbot> ") }()
		time.Sleep(20 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Chat returned %v after Ctrl-C, want nil", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Chat still waits for a line after Ctrl-C")
		}
	})
	t.Run("a line over 1 MiB", func(t *testing.T) {
		in := strings.Repeat("a", bot.MaxChatLine+10) + "\nconv 3x3 3->8\n"
		var out bytes.Buffer
		if err := bot.Chat(context.Background(), bot.New(bot.Options{}), strings.NewReader(in), &out, ""); err != nil {
			t.Fatalf("Chat returned %v, want nil", err)
		}
		// 3·3·3·8 + 8 = 224 parameters: the session went on.
		if !strings.Contains(out.String(), "skipped") || !strings.Contains(out.String(), "224") {
			t.Errorf("want a note on the long line, then the next answer:\n%.2000s", out.String())
		}
	})
	t.Run("an unclosed ( swallows nothing", func(t *testing.T) {
		in := "nn.Conv2d(3, 8, 3\nconv 3x3 3->8\nconv 3x3 3->16\nlinear 10->5\nconv 1x1 3->4\n"
		var out bytes.Buffer
		if err := bot.Chat(context.Background(), bot.New(bot.Options{}), strings.NewReader(in), &out, ""); err != nil {
			t.Fatal(err)
		}
		if n := replies(out.String()); n != 5 {
			t.Errorf("%d replies to 5 questions:\n%s", n, out.String())
		}
	})
	t.Run("a paste still reads as one question", func(t *testing.T) {
		in := "model = nn.Sequential(\n    nn.Conv2d(3, 8, 3),\n    nn.ReLU(),\n)\n\nconv 3x3 3->8\n"
		var out bytes.Buffer
		if err := bot.Chat(context.Background(), bot.New(bot.Options{}), strings.NewReader(in), &out, ""); err != nil {
			t.Fatal(err)
		}
		if n := replies(out.String()); n != 2 {
			t.Errorf("%d replies to 2 questions:\n%s", n, out.String())
		}
	})
	t.Run("quit inside an unfinished network", func(t *testing.T) {
		in := "input 8x8x3\nconv 3x3 8\nquit\nrelu\n\nconv 3x3 3->8\n"
		var out bytes.Buffer
		if err := bot.Chat(context.Background(), bot.New(bot.Options{}), strings.NewReader(in), &out, ""); err != nil {
			t.Fatal(err)
		}
		if n := replies(out.String()); n != 0 {
			t.Errorf("quit did not end the session:\n%s", out.String())
		}
	})
}

// lockedBuffer is a bytes.Buffer safe to read while Chat writes to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestChatInputLine: a line starting with "input" opens a network only
// when it is a network's bare first line; prose that starts with "input"
// is answered at once, not held until a blank line (issue 12, item 9).
func TestChatInputLine(t *testing.T) {
	for _, tc := range []struct {
		name, line, want string
		now              bool // answered before another line is typed
	}{
		// floor((64 − 5)/2) + 1 = 30
		{"prose starting with input", "input is 64x64 with 3 channels, kernel 5, stride 2: output size?", "1×30×30", true},
		// floor((7 − 3)/3) + 1 = 2
		{"prose with a filter", "input 7x7, filter 3x3, stride 3: output size?", "×2×2", true},
		{"a network's first line waits", "input 32x32x3", "Understood", false},
		{"with a comment it waits too", "input 32x32x3 # CIFAR", "Understood", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, w := io.Pipe()
			var out lockedBuffer
			done := make(chan error, 1)
			go func() { done <- bot.Chat(context.Background(), bot.New(bot.Options{}), in, &out, "") }()
			fmt.Fprintln(w, tc.line)
			// Ample time for an answer that comes (milliseconds), less for
			// one that must not: a slow machine cannot fake either.
			wait := 300 * time.Millisecond
			if tc.now {
				wait = 5 * time.Second
			}
			answered := false
			for deadline := time.Now().Add(wait); time.Now().Before(deadline) && !answered; time.Sleep(10 * time.Millisecond) {
				answered = strings.Contains(out.String(), tc.want)
			}
			w.Close()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if answered != tc.now {
				t.Errorf("answered before the next line: %v, want %v; transcript:\n%s", answered, tc.now, out.String())
			}
		})
	}
}
