package spec

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// specSeeds are valid and invalid questions; FuzzSpec starts from them and
// go test runs them as plain tests.
var specSeeds = []string{
	"conv 3x3 32->64 stride 2 pad 1 bias input 56x56",
	"conv 3x3 32->64 stride 2 pad 1 bias",
	"deconv 4x4 64->32 stride 2 pad 1 outpad 1 input 16x16",
	"conv1d 5 12->24 stride 2 input 100",
	"conv3d 3x3x3 3->16 pad 1x0x0 input 16x112x112x3",
	"conv 3x5 16->33 stride 2x1 pad 4x2 dilation 3x1 input 50x100",
	"CONV k3 32 → 64 s2 p1",
	"conv 3x3 32->32 depthwise",
	"conv 3 32 -> 64 stride=2 padding=same",
	"conv 3x3 64->64 pad valid groups 4 nobias",
	"maxpool 3 stride 2 pad 1 ceil input 112x112x64",
	"avgpool 2 input 15x15",
	"maxpool 2 input 3x224x224",
	"linear 4096->1000 nobias",
	"batchnorm 256", "dropout 0.25", "relu", "flatten", "globalavgpool", "adaptiveavgpool 7x7",
	"input 224x224x3\nconv 7x7 64 stride 2 pad 3 nobias\nbatchnorm\nrelu\nmaxpool 3 stride 2 pad 1\nglobalavgpool\nflatten\nlinear 1000",
	"input 3x224x224; conv 3x3 16; relu",
	"input 28x28\nconv 5 6\nmaxpool 2",
	"input 100x12\nconv1d 3 24\nrelu",
	"input 8x2x2 hwc\nrelu",
	"# a comment\nconv 3x3 3->8 # trailing\n",
	"covn 3x3 32->64", "conv 3x3 32->64 strid 2", "conv 3x3 32->64 stride", "conv 3x3 ->64",
	"conv 3x3 32->64 groups 3", "conv 5x5 3->8 input 3x3", "conv 3x3 32->64 pad -1",
	"conv 99999999999999999999x3 3->4", "input 224x224x3", "input\nconv 3x3 3->4",
	"linear 7x7x64->10", "dropout 2", "maxpool", "conv 3x3", "conv 3x3 3->4 input 1x2x3x4x5",
	"conv (3, 3) 3->4 stride (2, 2)", "conv 3x3 3->4 )", "→", "input 32x32x3\nconv 3x3 4->8",
	"relu input 5x5x3", "conv 3x3 3->8 input 32x32x3\nrelu input 3x3x3",
	strings.Repeat("conv 3x3 3->3;", 50),
	"lstm 128->256 layers 2 bidirectional nobias last", "gru 50->100 keras input 20", "rnn 20",
	"embedding 10000->300 input 100", "layernorm 64x32x32 nobias", "groupnorm 8 64 noaffine",
	"separable 3x3 32->64 stride 2 pad same multiplier 2 nobias", "depthwise3d 3 16 input 8x8x8",
	"adaptivemaxpool 2x2 input 7x7x8", "input 100x128\nlstm 256 last\nlinear 10",
}

// FuzzSpec checks, for any text: Parse does not panic; an error is
// positioned inside the text; and what parses formats back to the same
// layers (Parse(lang.Format(q)) == q).
func FuzzSpec(f *testing.F) {
	for _, s := range specSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if utf8.RuneCountInString(src) > maxChars {
			return
		}
		checkRoundTrip(t, src)
	})
}

// checkRoundTrip holds FuzzSpec's promises for src: an error is positioned
// inside it, and what parses formats back to the same question.
func checkRoundTrip(t *testing.T, src string) {
	t.Helper()
	q, err := Parse(src)
	if err != nil {
		checkPositioned(t, src, err)
		return
	}
	text := lang.Format(q)
	back, err := Parse(text)
	if err != nil {
		t.Fatalf("lang.Format(Parse(%q)) = %q does not parse: %v", src, text, err)
	}
	if !sameQuestion(q, back) || q.Batch != back.Batch || q.Depth != back.Depth {
		t.Fatalf("round trip changed the question:\nsource %q\nformat %q\n got %#v %#v\nwant %#v %#v", src, text, back.Input, layersOf(back), q.Input, layersOf(q))
	}
}

// checkPositioned fails unless err is an *lang.Error whose position is inside
// src (a column may sit one past a line's end, where something is missing).
func checkPositioned(t *testing.T, src string, err error) {
	t.Helper()
	e, ok := err.(*lang.Error)
	if !ok {
		t.Fatalf("%q: error %T is not a *grammar.Error: %v", src, err, err)
	}
	if e.Msg == "" {
		t.Fatalf("%q: an error with no message", src)
	}
	if e.Line == 0 {
		if strings.TrimSpace(src) != "" {
			t.Fatalf("%q: error without a position: %v", src, e)
		}
		return
	}
	lines := strings.Split(src, "\n")
	if e.Line < 1 || e.Line > len(lines) {
		t.Fatalf("%q: error at line %d, but the text has %d lines: %v", src, e.Line, len(lines), e)
	}
	if n := utf8.RuneCountInString(lines[e.Line-1]); e.Col < 1 || e.Col > n+1 {
		t.Fatalf("%q: error at column %d, but line %d has %d characters: %v", src, e.Col, e.Line, n, e)
	}
}

func sameQuestion(a, b *lang.Question) bool {
	return a.Network == b.Network && a.Input.Equal(b.Input) && reflect.DeepEqual(layersOf(a), layersOf(b))
}

func layersOf(q *lang.Question) []any {
	out := make([]any, len(q.Layers))
	for i, l := range q.Layers {
		out[i] = l.Layer
	}
	return out
}
