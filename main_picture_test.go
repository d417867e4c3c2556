package main

import (
	"bytes"
	"context"
	"errors"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAskPicture runs `cnnbot ask --picture FILE` as a user would: a PNG
// and a GIF that decode, a refused file name, and an answer without a
// picture, which is still answered.
func TestAskPicture(t *testing.T) {
	dir := t.TempDir()
	seed := "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"
	for _, tc := range []struct {
		name     string
		args     []string
		code     int // exit status
		file     string
		decode   func([]byte) error
		stderrIs string
	}{
		{name: "png", args: []string{"--picture", filepath.Join(dir, "a.png"), seed}, file: "a.png",
			decode: func(b []byte) error { _, err := png.Decode(bytes.NewReader(b)); return err }},
		{name: "gif", args: []string{"--picture", filepath.Join(dir, "b.gif"), seed}, file: "b.gif",
			decode: func(b []byte) error { _, err := gif.DecodeAll(bytes.NewReader(b)); return err }},
		{name: "bad extension", args: []string{"--picture", filepath.Join(dir, "a.jpg"), seed}, code: 2, stderrIs: ".png or .gif"},
		{name: "no picture", args: []string{"--picture", filepath.Join(dir, "c.png"), "linear 10->20"}, stderrIs: "has no picture"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), append([]string{"ask"}, tc.args...), func(string) string { return "" },
				strings.NewReader(""), &stdout, &stderr)
			code := 0
			var ec exitCode
			if errors.As(err, &ec) {
				code = int(ec)
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, stderr.String())
			}
			if tc.stderrIs != "" && !strings.Contains(stderr.String(), tc.stderrIs) {
				t.Errorf("stderr %q, want it to say %q", stderr.String(), tc.stderrIs)
			}
			if tc.file == "" {
				return
			}
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.decode(data); err != nil {
				t.Errorf("%s does not decode: %v", tc.file, err)
			}
			if !strings.Contains(stdout.String(), "18,496") {
				t.Errorf("the answer is missing from stdout: %q", stdout.String())
			}
		})
	}
}
