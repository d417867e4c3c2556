package bot

import (
	"encoding/json"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

func TestJSONShapes(t *testing.T) {
	for _, c := range []struct {
		shape calc.Shape
		want  string
	}{
		{nil, "null"}, {calc.Shape{}, "[]"}, {calc.Shape{64, 28, 28}, "[64,28,28]"},
		{calc.Shape{0, 28, 28}, "[null,28,28]"}, // a channel count of 0 is unknown
		{calc.Shape{0, 7}, "[null,7]"}, {calc.Shape{0}, "[0]"},
	} {
		out, err := json.Marshal(shapeJSON(c.shape))
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != c.want {
			t.Errorf("%v encodes as %s, want %s", c.shape, out, c.want)
		}
	}
}
