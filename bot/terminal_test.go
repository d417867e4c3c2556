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
	if p := historyPath(func(k string) string { return map[string]string{"XDG_STATE_HOME": "/s"}[k] }); p != "/s/cnnbot/history" {
		t.Errorf("historyPath = %q", p)
	}
}
