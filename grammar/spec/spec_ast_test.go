package spec

import (
	"reflect"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// FuzzSpecStructure checks specStructure's shortcut: where it skips
// participle (a question without blocks), participle's own parse of the
// folded tokens is the same.
func FuzzSpecStructure(f *testing.F) {
	for _, s := range specSeeds {
		f.Add(s)
	}
	for _, s := range []string{"conv 3x3 32->64", "relu\n\n# note\nflatten; linear 10", "input 8x8x3\nconv 3x3 8\n", " ;;\n\tmaxpool 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks, _ := specFold(specTokenize(src))
		got, err := specStructure(toks)
		plex, perr := lexer.Upgrade(&sliceLexer{toks: toks})
		if perr != nil {
			t.Fatal(perr)
		}
		file, perr := specParser.ParseFromLexer(plex)
		if (err == nil) != (perr == nil) {
			t.Fatalf("%q: specStructure says %v, participle %v", src, err, perr)
		}
		if err == nil && !reflect.DeepEqual(got, file.Nodes) {
			t.Fatalf("%q: specStructure gives %#v, participle %#v", src, got, file.Nodes)
		}
	})
}

// TestSpecStructureShortcut pins which questions take the shortcut, so
// FuzzSpecStructure compares something.
func TestSpecStructureShortcut(t *testing.T) {
	for src, want := range map[string]bool{
		"conv 3x3 32->64 stride 2 pad 1 input 56x56": true,
		"input 8x8x3\nconv 3x3 8\nrelu\n":            true,
		"repeat 2 { relu }":                          false,
		"3x3 conv":                                   false,
	} {
		toks, _ := specFold(specTokenize(src))
		if got := specSingleRun(toks); got != want {
			t.Errorf("%q folds to %d tokens; shortcut %v, want %v", src, len(toks), got, want)
		}
	}
}

// TestSpecBraceOnNextLine: a block's { may open on the line after its
// header, as it could before lines were folded.
func TestSpecBraceOnNextLine(t *testing.T) {
	for _, c := range []struct{ split, joined string }{
		{"repeat 2\n{ relu }", "repeat 2 { relu }"},
		{"input 8x8x3\nresidual {\nconv 3x3 3 pad 1\n}\nshortcut\n\n{ conv 1x1 3 }", "input 8x8x3\nresidual { conv 3x3 3 pad 1 } shortcut { conv 1x1 3 }"},
		{"input 8x8x3\nblock stem\n{\nconv 3x3 3 pad 1; relu\n}", "input 8x8x3\nblock stem { conv 3x3 3 pad 1; relu }"},
	} {
		want, err := Parse(c.joined)
		if err != nil {
			t.Fatalf("%q: %v", c.joined, err)
		}
		got, err := Parse(c.split)
		if err != nil {
			t.Errorf("%q: %v", c.split, err)
			continue
		}
		if lang.Format(got) != lang.Format(want) {
			t.Errorf("%q reads as\n%s\nwant\n%s", c.split, lang.Format(got), lang.Format(want))
		}
	}
}
