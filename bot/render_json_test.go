package bot

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

func TestJSONShapes(t *testing.T) {
	var b jsonShapes
	var got []jsonShape
	var want []string
	// Enough shapes to outgrow the first buffer: earlier ones must stay put.
	for i := range 300 {
		got = append(got, b.of(calc.Shape{}), b.of(calc.Shape{i, 28, 28}), b.of(calc.Shape{0, 7}), b.of(nil), b.of(calc.Shape{0}))
		want = append(want, "[]", fmt.Sprintf("[%d,28,28]", i), "[null,7]", "null", "[0]")
	}
	want[1] = "[null,28,28]" // a channel count of 0 is unknown
	for i, s := range got {
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != want[i] {
			t.Fatalf("shape %d encodes as %s, want %s", i, out, want[i])
		}
	}
}
