package grammar

import (
	"slices"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestStorageAsked reads the number format and whether the room the
// parameters take is asked, whichever front-end read the layers.
func TestStorageAsked(t *testing.T) {
	for _, c := range []struct {
		src    string
		bytes  int
		params bool // "param bytes" asked
	}{
		{"resnet50 in fp16, how many MB are the weights?", 2, true},
		{"nn.Conv2d(64, 128, 3): how many bytes do its parameters take", 0, true},
		{"memory to train vgg16 with batch 32 in half precision?", 2, false},
		{"conv 3x3 3->16 params?", 0, false},
	} {
		q, err := Parse(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Bytes != c.bytes || slices.Contains(q.Asked, "param bytes") != c.params {
			t.Errorf("%q: %d bytes a number, asked %q; want %d bytes and param bytes asked %v", c.src, q.Bytes, q.Asked, c.bytes, c.params)
		}
	}
}

// TestBiasCounted marks, for every front-end, a question that counts the
// bias among a neuron's connections.
func TestBiasCounted(t *testing.T) {
	for src, want := range map[string]bool{
		"connections per neuron of conv 3x3 16->32, counting the bias as one?":      true,
		"nn.Conv2d(16, 32, 3): how many inputs per neuron, bias included?":          true,
		"fc layer 120 -> 84, how many connections per neuron including the bias":    true,
		"connections per neuron of a conv 3x3 16->32 with bias?":                    false,
		"nn.Conv2d(16, 32, 3, bias=False): how many connections does a neuron have": false,
	} {
		q, err := Parse(src)
		if err != nil || q.BiasConnection != want {
			t.Errorf("%q: bias counted %v (%v), want %v", src, q != nil && q.BiasConnection, err, want)
		}
	}
}

// TestFlattenAsked asks a reading for its output when the words ask what
// a fully connected layer takes in.
func TestFlattenAsked(t *testing.T) {
	for _, c := range []struct {
		src   string
		asked []string
		want  bool
	}{
		{"what's in_features of the Linear?", []string{"params"}, true},
		{"fc1 in = ?", nil, true},
		{"flatten size after the last pool?", []string{"macs"}, true},
		{"params of the Linear?", []string{"params"}, false},
		{"in_features?", []string{"output"}, true},
	} {
		got := withFlattenAsked(c.src, &Question{Asked: c.asked, Layers: []Layer{{Layer: calc.Flatten{}}}})
		if has := slices.Contains(got.Asked, "output"); has != c.want {
			t.Errorf("%q asked %v: asked %v, want output: %v", c.src, c.asked, got.Asked, c.want)
		}
	}
}

// TestFlattenAnswered leaves a reading that ends in the Linear, or holds
// a fix, asking what it asked: "in_features" is then the Linear's own.
func TestFlattenAnswered(t *testing.T) {
	q := &Question{Layers: []Layer{{Layer: calc.Linear{In: 2304, Out: 10}}}}
	if got := withFlattenAsked("so in_features should be what", q); len(got.Asked) != 0 {
		t.Errorf("a Linear read: asked %v, want nothing in particular", got.Asked)
	}
}

// TestBinaryUnits marks a question that counts memory in MiB, in any of
// the ways people say it, and explains the numbers of a unit written out.
func TestBinaryUnits(t *testing.T) {
	for src, want := range map[string]bool{
		"resnet18 fp32 weights in MiB?":                                      true,
		"vgg16 weights in fp16, how many MB (the 1024*1024 kind)?":           true,
		"bs 16, conv output 64x56x56 fp32, GiB for the activations?":         true,
		"resnet50 in fp16, how many MB are the weights?":                     false,
		"memory to train vgg16 with batch 32 in half precision, in MB?":      false,
		"how many bytes is 1024 x 1024 floats? conv 3x3 3->16 params anyway": true,
	} {
		q, err := Parse(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if q.MiB != want {
			t.Errorf("%q: MiB %v, want %v", src, q.MiB, want)
		}
		for _, u := range q.Unused {
			if u.Text == "1024" && u.Why == "" {
				t.Errorf("%q: 1024 left unexplained", src)
			}
		}
	}
}
