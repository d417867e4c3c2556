package bot

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// keys is a terminal: what the user types, and what the program wrote.
type keys struct {
	in  *strings.Reader
	out bytes.Buffer
}

func (k *keys) Read(p []byte) (int, error)  { return k.in.Read(p) }
func (k *keys) Write(p []byte) (int, error) { return k.out.Write(p) }

func TestTerminalPasteAndHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cnnbot", "history")
	k := &keys{in: strings.NewReader(
		"\x1b[200~input 32x32x3\rconv 3x3 8\r\x1b[201~" + // a paste of two lines
			"linear 10\r" + // typed
			"\x1b[A\x1b[A\x01# \r" + // ↑↑, Ctrl-A, edit: the second-newest line commented
			"\x04")} // Ctrl-D
	tm := newTerminal(k, "> ", openHistory(path, 10))
	type line struct {
		text   string
		pasted bool
	}
	var got []line
	for {
		text, pasted, err := tm.readLine()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, line{text, pasted})
	}
	want := []line{{"input 32x32x3", true}, {"conv 3x3 8", true}, {"linear 10", false}, {"# conv 3x3 8", false}}
	if len(got) != len(want) {
		t.Fatalf("lines %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if !bytes.Contains(k.out.Bytes(), []byte("\x1b[?2004h")) {
		t.Error("bracketed paste was not turned on")
	}
	again := openHistory(path, 10)
	if again.Len() != 4 || again.At(0) != "# conv 3x3 8" || again.At(3) != "input 32x32x3" {
		t.Errorf("the history read back holds %d entries, newest %q", again.Len(), again.At(0))
	}
}

func TestHistoryBounded(t *testing.T) {
	h := openHistory("", 3)
	for _, e := range []string{"a", "b", "b", " ", "c", "d"} {
		h.Add(e)
	}
	if h.Len() != 3 || h.At(0) != "d" || h.At(2) != "b" {
		t.Errorf("%d entries, newest %q, oldest %q; want 3, d, b", h.Len(), h.At(0), h.At(h.Len()-1))
	}
	t.Setenv("HOME", "/h")
	if p := historyPath(); p != "/h/.cnnbot_history" {
		t.Errorf("historyPath = %q", p)
	}
}

// TestChatTerminal drives chat through the line editor: a pasted network
// (its last line unfinished) is one question, Enter asks it; an import
// line opens a code block that a blank line ends; Ctrl-D ends the chat.
func TestChatTerminal(t *testing.T) {
	k := &keys{in: strings.NewReader(
		"\x1b[200~input 32x32x3\rconv 3x3 8 pad 1\rflatten\rlinear 10\x1b[201~\r" +
			"import torch.nn as nn\rnn.Conv2d(3, 64, 7, stride=2, padding=3)\r\r" +
			"\x04")}
	tm := newTerminal(k, "cnnbot> ", nil)
	if err := chatTerminal(t.Context(), New(Options{}), tm, "cnnbot> "); err != nil {
		t.Fatal(err)
	}
	out := k.out.String()
	if n := strings.Count(out, "Understood as:"); n != 2 {
		t.Errorf("%d answers, want 2 (the paste as one, the import block as one):\n%s", n, out)
	}
	if !strings.Contains(out, "81,930") { // the linear layer: 8·32·32·10 + 10
		t.Errorf("the pasted network's parameters are missing:\n%s", out)
	}
	if !strings.Contains(out, "9,472") { // 7·7·3·64 + 64
		t.Errorf("the pasted conv's parameters are missing:\n%s", out)
	}
	if strings.Contains(out, "\n") && !strings.Contains(out, "\r\n") {
		t.Error("a raw terminal needs \\r\\n line endings")
	}
}
