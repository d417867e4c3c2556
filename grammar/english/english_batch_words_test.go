package english

import "testing"

// TestBatchSaid: a batch size in digits or in words.
func TestBatchSaid(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"conv output 64 ch 112x112 float32 batch of thirty two, memory in MiB?", 32},
		{"a batch of sixteen 224x224 RGB images in float32: how many MB?", 16},
		{"feature map 128x56x56, fp16, batch size sixty four, memory?", 64},
		{"feature map 128x56x56, bs=8, fp32: bytes?", 8},
		{"conv then batch norm 64, memory of the output 64x56x56?", 0},
	} {
		toks, err := enLex(c.src)
		if err != nil {
			t.Fatal(err)
		}
		r := &enReader{src: c.src, toks: toks}
		if got := r.batchSaid(); got != c.want {
			t.Errorf("%q: batch %d, want %d", c.src, got, c.want)
		}
	}
}
