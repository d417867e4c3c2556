package bot

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/term"
)

// terminal is chat's line source on an interactive terminal: line editing
// (arrows, Home/End, Ctrl-A/E/K/U/W, Alt-←/→) and history (↑/↓) from
// golang.org/x/term, with bracketed paste on so that the lines of a paste
// arrive marked as pasted and a pasted network is read as one question.
// Ctrl-D on an empty line and Ctrl-C end the input (io.EOF).
type terminal struct {
	t       *term.Terminal
	restore func()
}

// newTerminal runs a line editor over rw (the terminal, already in raw
// mode) with history hist (nil keeps it in memory only).
func newTerminal(rw io.ReadWriter, prompt string, hist term.History) *terminal {
	t := term.NewTerminal(rw, prompt)
	t.SetBracketedPasteMode(true)
	if hist != nil {
		t.History = hist
	}
	return &terminal{t: t, restore: func() { t.SetBracketedPasteMode(false) }}
}

// openTerminal puts the terminal in, with its output out, in raw mode
// and runs a line editor on it; close restores the terminal. The history
// is kept in histPath ("" keeps it in memory only).
func openTerminal(in, out *os.File, prompt, histPath string) (*terminal, error) {
	fd := int(in.Fd())
	if !term.IsTerminal(fd) {
		return nil, errors.New("not a terminal")
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	var hist term.History
	if histPath != "" {
		hist = openHistory(histPath, 1000)
	}
	tm := newTerminal(struct {
		io.Reader
		io.Writer
	}{in, out}, prompt, hist)
	if w, h, err := term.GetSize(int(out.Fd())); err == nil && w > 0 && h > 0 {
		_ = tm.t.SetSize(w, h)
	}
	off := tm.restore
	tm.restore = func() { off(); _ = term.Restore(fd, old) }
	return tm, nil
}

// readLine returns the next line and whether it came in a paste.
func (tm *terminal) readLine() (line string, pasted bool, err error) {
	line, err = tm.t.ReadLine()
	if errors.Is(err, term.ErrPasteIndicator) {
		return line, true, nil
	}
	return line, false, err
}

// setPrompt changes the prompt shown before the next line.
func (tm *terminal) setPrompt(p string) { tm.t.SetPrompt(p) }

// Write writes to the terminal above the line being edited, with the line
// endings a raw terminal needs.
func (tm *terminal) Write(p []byte) (int, error) { return tm.t.Write(p) }

// close restores the terminal as it was.
func (tm *terminal) close() { tm.restore() }

// historyPath is where chat keeps its history, ~/.cnnbot_history (as
// Python keeps ~/.python_history), or "" without a home directory.
func historyPath() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".cnnbot_history")
}

// fileHistory is a term.History kept in a file, one entry a line, the
// newest last; it holds at most max entries and skips blank lines and
// repeats of the newest. A file that cannot be written leaves the history
// in memory.
type fileHistory struct {
	mu      sync.Mutex
	path    string
	max     int
	entries []string // oldest first
}

// openHistory loads the history in path (missing is empty).
func openHistory(path string, max int) *fileHistory {
	h := &fileHistory{path: path, max: max}
	f, err := os.Open(path)
	if err != nil {
		return h
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		h.push(sc.Text())
	}
	return h
}

func (h *fileHistory) push(entry string) bool {
	if strings.TrimSpace(entry) == "" || (len(h.entries) > 0 && h.entries[len(h.entries)-1] == entry) {
		return false
	}
	h.entries = append(h.entries, entry)
	if len(h.entries) > h.max {
		h.entries = append(h.entries[:0], h.entries[len(h.entries)-h.max:]...)
	}
	return true
}

// Add records entry as the newest, in memory and in the file.
func (h *fileHistory) Add(entry string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.push(entry) || h.path == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o700); err != nil {
		return
	}
	f, err := os.OpenFile(h.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.WriteString(entry + "\n")
}

// Len is the number of entries.
func (h *fileHistory) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.entries)
}

// At returns an entry, 0 the newest.
func (h *fileHistory) At(i int) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.entries[len(h.entries)-1-i]
}
