package english

import (
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	src := os.Getenv("Q")
	toks, _ := enLex(src)
	for _, tk := range toks {
		t.Logf("%c %q lem=%q num=%d dims=%v idx=%d pl=%v", tk.kind, tk.raw, tk.lem, tk.num, tk.dims, tk.idx, tk.plural)
	}
	r := &enReader{src: src, toks: toks}
	r.findAnchors()
	r.asked()
	r.scan()
	for _, a := range r.anchors {
		t.Logf("anchor %+v", *a)
	}
	t.Logf("g=%+v", r.g)
}

func TestZZParse(t *testing.T) {
	q, err := ParseEnglish(os.Getenv("Q"))
	if err != nil {
		t.Logf("err %v", err)
		return
	}
	t.Logf("%s asked=%v notes=%v", q.Canonical, q.Asked, q.Notes)
}
