package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestAskFlagsAnywhere: design.md §2 lets flags come before or after the
// question's words, and a negative number in a question is a word, not a
// flag.
func TestAskFlagsAnywhere(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		json bool   // the answer must be JSON
		code int    // exit status
		has  string // stdout must contain this
	}{
		{"json first", []string{"--json", "conv", "3x3", "32->64"}, true, 0, `"params":18496`},
		{"json last", []string{"conv", "3x3", "32->64", "--json"}, true, 0, `"params":18496`},
		{"json in one word", []string{"conv 3x3 32->64", "-json"}, true, 0, `"params":18496`},
		{"negative number is a word", []string{"conv", "3x3", "32->64", "pad", "-1"}, false, 1, "cannot be negative"},
		{"after -- all words", []string{"--", "conv 3x3 32->64", "--json"}, false, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), append([]string{"ask"}, tc.args...), func(string) string { return "" },
				strings.NewReader(""), &stdout, &stderr)
			code := 0
			if e, ok := err.(exitCode); ok {
				code = int(e)
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, tc.code, stdout.String(), stderr.String())
			}
			if tc.json != json.Valid(stdout.Bytes()) {
				t.Errorf("JSON %v, want %v: %q", !tc.json, tc.json, stdout.String())
			}
			if !strings.Contains(stdout.String(), tc.has) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tc.has)
			}
		})
	}
}
