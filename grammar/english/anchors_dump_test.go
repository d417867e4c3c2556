package english

import (
	"fmt"
	"os"
	"testing"
)

// TestDumpReading prints the anchors a question leaves after reading, for
// debugging a misreading: EN_Q="..." go test -run TestDumpReading -v.
func TestDumpReading(t *testing.T) {
	src := os.Getenv("EN_Q")
	if src == "" {
		t.Skip("set EN_Q to a question to print its reading")
	}
	toks, err := enLex(countTimes(src))
	if err != nil {
		t.Fatal(err)
	}
	r := &enReader{src: src, toks: toks}
	for i, tk := range r.toks {
		fmt.Printf("%d:%q/%s/%c ", i, tk.raw, tk.lem, tk.kind)
	}
	fmt.Println()
	r.findAnchors()
	r.asked()
	r.scan()
	r.indexedContext()
	r.shareSettings()
	r.afterRef()
	for _, a := range r.anchors {
		fmt.Printf("anchor %s tok=%d k=%v s=%v rep=%d counts=%v lists=%v bare=%v\n", a.kind, a.tok, a.kernel, a.stride, a.repeat, a.counts, a.lists, a.bare)
	}
	r.dropEmpty()
	fmt.Println("after dropEmpty:", len(r.anchors))
	for _, a := range r.anchors {
		fmt.Printf("anchor %s tok=%d k=%v rep=%d\n", a.kind, a.tok, a.kernel, a.repeat)
	}
	s, ok := r.ssWalk()
	fmt.Printf("asked %v\nsize stack ok=%v %+v\n", r.g.asked, ok, s)
}
