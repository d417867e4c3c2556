package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// Chat runs the bot in a terminal: one question a line, or a multi-line
// network (a first line "input ...", or pasted code) ended by a blank line.
// It returns when in ends or ctx is cancelled. prompt is printed before each
// question when non-empty (an interactive terminal).
func Chat(ctx context.Context, b *Bot, in io.Reader, out io.Writer, prompt string) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var pending []string
	ask := func(q string) {
		reply := b.Answer(ctx, q)
		fmt.Fprintln(out, RenderText(reply))
	}
	for {
		if prompt != "" {
			if len(pending) == 0 {
				fmt.Fprint(out, prompt)
			} else {
				fmt.Fprint(out, strings.Repeat(" ", len(prompt)-2)+"… ")
			}
		}
		if !sc.Scan() || ctx.Err() != nil {
			break
		}
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if len(pending) > 0 {
			if trimmed == "" {
				ask(strings.Join(pending, "\n"))
				pending = nil
				continue
			}
			pending = append(pending, line)
			continue
		}
		switch strings.ToLower(trimmed) {
		case "":
			continue
		case "quit", "exit", "bye", ":q":
			return nil
		case "help", "?", "/help":
			fmt.Fprintln(out, Help)
			fmt.Fprintln(out)
			continue
		}
		if startsBlock(trimmed) {
			pending = append(pending, line)
			continue
		}
		ask(line)
	}
	if len(pending) > 0 {
		ask(strings.Join(pending, "\n"))
	}
	return sc.Err()
}

// startsBlock reports whether a line opens a multi-line question: a
// network's input line, or code that continues on the next lines.
func startsBlock(line string) bool {
	lower := strings.ToLower(line)
	if strings.HasPrefix(lower, "input ") && !strings.Contains(lower, ";") {
		return true
	}
	open := strings.Count(line, "(") + strings.Count(line, "[") + strings.Count(line, "{") -
		strings.Count(line, ")") - strings.Count(line, "]") - strings.Count(line, "}")
	return open > 0 || strings.HasSuffix(line, ":") || strings.HasSuffix(line, ",")
}
