package bot

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// MaxChatLine is the longest line chat reads; a longer one is skipped
// with a polite note, not the end of the session.
const MaxChatLine = 1 << 20

// Chat runs the bot in a terminal: one question a line, or a multi-line
// network (a first line "input ...", or pasted code) ended by a blank line.
// It returns nil when in ends, when ctx is cancelled (Ctrl-C, even while
// waiting for a line) or at "quit" (even inside an unfinished network).
// prompt is printed before each question when non-empty (an interactive
// terminal).
//
// On an interactive terminal (in and out both one, and a prompt) lines are
// edited with the usual keys and history (kept in ~/.cnnbot_history), and
// a paste arrives as one question: see chatTerminal.
func Chat(ctx context.Context, b *Bot, in io.Reader, out io.Writer, prompt string) error {
	if fin, ok := in.(*os.File); ok && prompt != "" {
		if fout, ok := out.(*os.File); ok {
			if tm, err := openTerminal(fin, fout, prompt, historyPath()); err == nil {
				defer tm.close()
				return chatTerminal(ctx, b, tm, prompt)
			}
		}
	}
	lines := make(chan chatLine)
	done := make(chan struct{})
	defer close(done)
	go readLines(in, lines, done)
	c := chat{b: b, out: out, ctx: ctx}
	for {
		if prompt != "" {
			if len(c.pending) == 0 {
				fmt.Fprint(out, prompt)
			} else {
				fmt.Fprint(out, strings.Repeat(" ", len(prompt)-2)+"… ")
			}
		}
		var l chatLine
		var ok bool
		select {
		case <-ctx.Done():
			return nil
		case l, ok = <-lines:
		}
		if !ok || ctx.Err() != nil {
			break
		}
		if l.err != nil {
			c.flush()
			return l.err
		}
		if l.long > 0 {
			fmt.Fprintf(out, "That line is %s bytes long, over the %s I read; it was skipped. A question holds at most 4,000 characters.\n\n",
				group(int64(l.long)), byteSize(MaxChatLine))
			continue
		}
		if c.line(l.text) {
			return nil
		}
	}
	c.flush()
	return nil
}

// chat is a chat session's state: the lines of a question still open,
// and the last question answered, which a follow-up on a line of its own
// ("and if bias=False?") changes.
type chat struct {
	b       *Bot
	out     io.Writer
	ctx     context.Context
	pending []string
	code    bool   // the pending question is code opened by a bracket
	last    string // the last question answered, as read (see AnswerAfter)
}

// line takes one line; it reports whether the session should end.
func (c *chat) line(line string) (quit bool) {
	trimmed := strings.TrimSpace(line)
	switch strings.ToLower(trimmed) {
	case "quit", "exit", "bye", ":q":
		return true
	}
	if len(c.pending) > 0 {
		switch {
		case trimmed == "":
			c.flush()
			return false
		case !c.unfinished(line):
			c.pending = append(c.pending, line)
			return false
		}
		// Brackets left open and a line that starts afresh: the open
		// line was a question of its own (a typo), not a paste.
		c.flush()
	}
	switch strings.ToLower(trimmed) {
	case "":
		return false
	case "help", "?", "/help":
		fmt.Fprintln(c.out, Help)
		fmt.Fprintln(c.out)
		return false
	}
	if startsBlock(trimmed) {
		c.pending = append(c.pending, line)
		c.code = !strings.HasPrefix(strings.ToLower(trimmed), "input ")
		return false
	}
	c.ask(line)
	return false
}

// unfinished reports whether line starts a new question although the
// pending code still has brackets open: the last pending line looked
// complete (it did not end in an opening bracket, a comma, a colon or a
// backslash) and line is not indented and does not close a bracket.
func (c *chat) unfinished(line string) bool {
	if !c.code || balance(strings.Join(c.pending, "\n")) <= 0 {
		return false
	}
	last := strings.TrimSpace(c.pending[len(c.pending)-1])
	if last == "" || strings.ContainsAny(last[len(last)-1:], "([{,:\\") {
		return false
	}
	if line[0] == ' ' || line[0] == '\t' || strings.ContainsAny(line[:1], ")]}.#") {
		return false
	}
	return true
}

// flush asks the pending question, if any.
func (c *chat) flush() {
	if len(c.pending) > 0 {
		c.ask(strings.Join(c.pending, "\n"))
		c.pending, c.code = nil, false
	}
}

// ask answers q, read after the last question answered.
func (c *chat) ask(q string) {
	r := c.b.AnswerAfter(c.ctx, c.last, q)
	if r.OK() {
		c.last = r.Text
	}
	fmt.Fprintln(c.out, RenderText(r))
}

// chatTerminal runs chat on a line editor. The lines of a paste (marked
// by bracketed paste) are held, whatever they hold, until a line typed:
// Enter on a blank line asks them as one question, and a typed line
// (the paste's last, unfinished one) is added to them first.
func chatTerminal(ctx context.Context, b *Bot, tm *terminal, prompt string) error {
	type termLine struct {
		text   string
		pasted bool
		err    error
	}
	lines := make(chan termLine)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			text, pasted, err := tm.readLine()
			select {
			case lines <- termLine{text, pasted, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	c := chat{b: b, out: tm, ctx: ctx}
	more := strings.Repeat(" ", max(len(prompt)-2, 0)) + "… "
	pasted := false
	for {
		tm.setPrompt(map[bool]string{true: prompt, false: more}[len(c.pending) == 0])
		var l termLine
		select {
		case <-ctx.Done():
			return nil
		case l = <-lines:
		}
		switch {
		case l.err != nil:
			c.flush()
			return nil // Ctrl-D, Ctrl-C, or the terminal gone
		case l.pasted:
			c.pending, pasted = append(c.pending, l.text), true
		case pasted:
			if strings.TrimSpace(l.text) != "" {
				c.pending = append(c.pending, l.text)
			}
			c.flush()
			pasted = false
		case c.line(l.text):
			return nil
		}
	}
}

// chatLine is one line read, or how long a skipped line was, or the
// error that ended the input.
type chatLine struct {
	text string
	long int
	err  error
}

// readLines reads in a line at a time into lines until in ends (then it
// closes lines) or done is closed. A line longer than MaxChatLine is read
// to its end but not kept.
func readLines(in io.Reader, lines chan<- chatLine, done <-chan struct{}) {
	defer close(lines)
	br := bufio.NewReaderSize(in, 64<<10)
	for {
		text, long, err := readLine(br, MaxChatLine)
		if err == io.EOF && text == "" && long == 0 {
			return
		}
		l := chatLine{text: text, long: long}
		if err != nil && err != io.EOF {
			l = chatLine{err: err}
		}
		select {
		case lines <- l:
		case <-done:
			return
		}
		if err != nil {
			return
		}
	}
}

// readLine reads one line without its line ending. A line over limit
// bytes is consumed and dropped: long is then its length.
func readLine(br *bufio.Reader, limit int) (text string, long int, err error) {
	var line []byte
	n := 0
	for {
		frag, err := br.ReadSlice('\n')
		n += len(frag)
		if n <= limit {
			line = append(line, frag...)
		} else {
			line = nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n > limit {
			return "", n, err
		}
		return strings.TrimRight(string(line), "\r\n"), 0, err
	}
}

// bareInput is a network's first line and nothing more ("input 32x32x3",
// "input 3x224x224 hwc # CIFAR"): "input is 64x64, kernel 5 — output?" is
// a question of its own.
var bareInput = regexp.MustCompile(`(?i)^\s*input\s+\d+(\s*[x×]\s*\d+)*(\s+(hwc|chw))?\s*(#.*)?$`)

// startsBlock reports whether a line opens a multi-line question: a
// network's bare input line, or code that continues on the next lines (import,
// from, class, def and decorators start Python that goes on).
func startsBlock(line string) bool {
	if bareInput.MatchString(line) {
		return true
	}
	for _, p := range []string{"import ", "from ", "class ", "def ", "@"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return balance(line) > 0 || strings.HasSuffix(line, ":") || strings.HasSuffix(line, ",")
}

// balance is how many more brackets s opens than it closes.
func balance(s string) int {
	return strings.Count(s, "(") + strings.Count(s, "[") + strings.Count(s, "{") -
		strings.Count(s, ")") - strings.Count(s, "]") - strings.Count(s, "}")
}
