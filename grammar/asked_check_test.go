package grammar

import (
	"slices"
	"strings"
	"testing"
)

// TestWordsAsked checks the plain reader of what a question asks: a
// quantity's name asked by a word before it or a question mark after it,
// not one stated with its value, counted, or left out ("not counting
// biases"); a later name in the clause qualifies the ask.
func TestWordsAsked(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"how many params does conv 3x3 8->16 have", []string{"the parameters"}},
		{"conv 3x3 8->16, params?", []string{"the parameters"}},
		{"my model has 1.2M parameters, what's the output size?", []string{"the output size"}},
		{"output size is 28x28, which kernel gives that?", nil},
		{"how many weights not counting biases", []string{"the weights"}},
		{"how many weights + biases in total", []string{"the weights", "the biases"}},
		{"how many bytes do I need to store the activations?", []string{"the memory"}},
		{"Conv1d(4, 8, 5) on 100 samples: output length and number of params?", []string{"the parameters", "the output size"}},
		{"whats the flatten size going into fc1", []string{"the in_features"}},
		{"Layer (type)   Output Shape   Param #", nil},
		{"what is n_H for the second test case", []string{"the output size"}},
		{"how many bias terms in the whole net", []string{"the biases"}},
		{"number of params incl. biases?", []string{"the parameters"}},
		{"what are the two param counts if we DO count biases", []string{"the parameters"}},
	} {
		var got []string
		for _, f := range wordsAsked(c.src) {
			got = append(got, f.name)
		}
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: asked %q, want %q", c.src, got, c.want)
		}
	}
}

// TestOverlappingAskNames: two names of what is asked can overlap ("input
// size" and "size" in "the Dense input size"); the second is inside the
// first and read once. It panicked (a slice from the first's end back to
// the second's start).
func TestOverlappingAskNames(t *testing.T) {
	src := "ValueError: Negative dimension size caused by subtracting 3 from 2 for 'conv2d_3'. model: 4 blocks of Conv2D 3x3 + MaxPooling2D(2) on 28x28x1, filters 16, 32, 64, 128. if i switch the convs to padding='same' whats the Dense input size after Flatten?"
	if len(wordsAsked(src)) == 0 {
		t.Errorf("%q: nothing asked", src)
	}
	if _, err := ParseAll(src); err != nil {
		t.Errorf("%q: %v", src, err)
	}
}

// TestUnansweredAsks checks that a reading whose first line would answer
// another quantity than the one asked, or cannot size what was asked, is
// doubted; and that one answering it is not.
func TestUnansweredAsks(t *testing.T) {
	for _, c := range []struct {
		src, reading string
		asked        []string
		doubt        string // "" for none
	}{
		{"how many weights and biases in conv 3x3 4->8", "conv 3x3 4->8", []string{"weights"}, "the biases"},
		{"how many weights and biases in conv 3x3 4->8", "conv 3x3 4->8", []string{"weights", "biases"}, ""},
		{"how many weights + biases in conv 3x3 4->8", "conv 3x3 4->8", []string{"params"}, ""},
		{"how many bias terms in conv 3x3 4->8 then linear(100, 2)", "conv 3x3 4->8", []string{"params"}, "the biases"},
		{"how many bytes is `out` in float32, batch 4 of 3x64x64 through Conv2d(3, 8, 3)?", "conv 3x3 3->8 input 64x64", []string{"param bytes"}, "memory of an output"},
		{"how many bytes are the weights of Conv2d(3, 8, 3) in float32?", "conv 3x3 3->8", []string{"param bytes"}, ""},
		{"what's the smallest input size that works with conv 7x7 stride 2 then avgpool 7?", "conv 7x7 1->1 stride 2 input 32x32", []string{"output"}, "the input size"},
		{"how many bytes is a 64x56x56 float32 activation", "input 56x56x64\nidentity", []string{"params"}, "the memory"},
		{"Conv1d(4, 8, 5) on a length-100 signal: output length?", "conv1d 5 4->8", []string{"output"}, "no input size"},
		{"conv 3x3 3->8 on 32x32, output size?", "conv 3x3 3->8 input 32x32", []string{"output"}, ""},
		{"conv 3x3 3->8 on 32x32, output size?", "conv 3x3 3->8 input 32x32", nil, ""}, // the headline has the output
	} {
		q, err := Parse(c.reading)
		if err != nil {
			t.Fatalf("%q: %v", c.reading, err)
		}
		q.Asked = c.asked
		got := strings.Join(unansweredAsks(c.src, q), "; ")
		if c.doubt == "" && got != "" || c.doubt != "" && !strings.Contains(got, c.doubt) {
			t.Errorf("%q read as %q asking %q: doubts %q, want %q", c.src, c.reading, c.asked, got, c.doubt)
		}
	}
}

// TestWeightsWithoutBiases: the weights asked with the biases left out are
// answered as weights, or the reply is not sure; never the parameters,
// biases included, with confidence. (3136·128 = 401,408 weights and
// 401,536 parameters; 3·3·64·128 = 73,728 and 73,856.)
func TestWeightsWithoutBiases(t *testing.T) {
	for _, text := range []string{
		"flatten gives 7*7*64 and then Dense(128). how many weights (connections) between them, not counting biases?",
		"conv 3x3 64->128, how many weights? ignore the biases",
		"fc layer 4096 -> 1000: weights not counting the bias?",
		"nn.Linear(3136, 128): how many weights excluding biases",
		"how many weights does Conv2D(128, (3, 3)) have on a 32x32x64 input, biases not counted",
		"number of weights in a dense layer from 512 to 10 units ignoring bias terms?",
	} {
		qs, err := ParseAll(text)
		if err != nil {
			continue // a refusal is not confident
		}
		for _, q := range qs {
			if !slices.Contains(q.Asked, "weights") && !slices.Contains(q.Asked, "connections") && !unsure(q) {
				t.Errorf("%q: answers %v with confidence (%s)", text, answeredFirst(q), Format(q))
			}
		}
	}
}
