package bot_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/cnnbot/cnnbot/bot"
)

var update = flag.Bool("update", false, "rewrite the golden replies in testdata/golden")

// TestGolden answers the question in each testdata/golden/*.txtar and
// compares every medium's rendering with the file: the terminal (text),
// Discord (discord: the message content, then any attachment's name) and
// ask --json (json). A Discord message over 2,000 characters fails,
// whatever the file says. go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	goldens(t, "../testdata/golden/*.txtar", []string{"text", "discord", "json"}, func(t *testing.T, reply bot.Reply) map[string][]byte {
		msg := bot.RenderMarkdown(reply)
		if n := utf8.RuneCountInString(msg.Content); n > bot.MaxContent {
			t.Errorf("the Discord message is %d characters, over Discord's %d", n, bot.MaxContent)
		}
		return map[string][]byte{
			"text":    []byte(bot.RenderText(reply)),
			"discord": []byte(discordSection(msg)),
			"json":    bot.RenderJSON(reply),
		}
	})
}

// goldens answers the -- input -- of each txtar file matching glob and
// compares render's sections (one per medium) with the file's; -update
// rewrites the files instead.
func goldens(t *testing.T, glob string, media []string, render func(*testing.T, bot.Reply) map[string][]byte) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	b := bot.New(bot.Options{})
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			input := section(ar, "input")
			if input == nil {
				t.Fatalf("%s has no -- input -- section", path)
			}
			got := render(t, b.Answer(context.Background(), strings.TrimSuffix(string(input), "\n")))
			if *update {
				ar.Files = []txtar.File{{Name: "input", Data: input}}
				for _, medium := range media {
					ar.Files = append(ar.Files, txtar.File{Name: medium, Data: got[medium]})
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, medium := range media {
				want := section(ar, medium)
				if want == nil {
					t.Errorf("%s has no -- %s -- section (run with -update)", path, medium)
					continue
				}
				if !bytes.Equal(got[medium], want) {
					t.Errorf("%s differs from %s (run with -update to accept):\n--- got ---\n%s\n--- want ---\n%s", medium, path, got[medium], want)
				}
			}
		})
	}
}

func section(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func discordSection(m bot.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	b.WriteString("\n")
	if m.Ephemeral {
		b.WriteString("[ephemeral]\n")
	}
	for _, f := range m.Files {
		fmt.Fprintf(&b, "[attachment %s, %d bytes]\n", f.Name, len(f.Data))
	}
	return b.String()
}
