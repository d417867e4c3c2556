package grammar

import (
	"strings"
	"testing"
)

// TestConceptAsked: a question about a rule, with no number, is told the
// rule and a question with numbers that works it out; a question with a
// number, or with a number in words, is left to the readers, whose
// refusal says what is missing.
func TestConceptAsked(t *testing.T) {
	for _, c := range []struct{ text, rule string }{
		// how students ask it on forums (the Packt cookbook even claims a
		// larger stride reduces the trainable parameters)
		{"does stride change the number of parameters?", "never change a layer's parameters"},
		{"Does increasing the stride reduce the number of trainable parameters in a CNN?", "never change"},
		{"will padding affect how many weights my conv layer has", "never change"},
		{"does padding affect the output size", "They change the output size"},
		{"whats the formula for output size of conv", "floor((H + 2·pad"},
		{"how do you calculate the output dimensions of a convolutional layer?", "floor((H + 2·pad"},
		{"how do you calculate the number of parameters in a conv layer", "k·k·Cin·Cout + Cout"},
		{"how to calculate receptive field", "rf += (k − 1)·jump"},
		{"how do i compute flops of a conv layer", "Hout·Wout·Cout·k·k·Cin"},
	} {
		_, err := choose(c.text)
		if err == nil || !strings.Contains(err.Error(), c.rule) {
			t.Errorf("%q: %v, want the rule %q", c.text, err, c.rule)
			continue
		}
		if e, ok := err.(*Error); !ok || !strings.Contains(e.Hint, "?") {
			t.Errorf("%q: hint %q gives no question with numbers", c.text, e.Hint)
		}
	}
	for _, src := range []string{
		"does stride 2 change the number of parameters of a 3x3 conv 32->64?",
		"how do you calculate the params of a conv with sixty four filters",
		"nn.Conv2d(a, b, k): formula for params?",
	} {
		if e := conceptAsked(src); e != nil {
			t.Errorf("%q: %q, want it left to the readers", src, e.Msg)
		}
	}
	// Every question the rules suggest is one the bot reads.
	for _, c := range concepts {
		if _, err := ParseAll(c.try); err != nil {
			t.Errorf("the suggestion %q does not read: %v", c.try, err)
		}
	}
}
