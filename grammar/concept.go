package grammar

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Students also ask about the rules themselves, with no layer to work them
// on: "whats the formula for output size of conv", "does stride change the
// number of parameters?". Nothing can be sized, so the reply is a refusal,
// but one that teaches: the rule asked about, and a question with numbers
// that the bot answers with the rule worked out. Before, these were told
// "I could not find the kernel size", which answers nothing.

// concept is one rule a number-free question may ask about.
type concept struct {
	asks *regexp.Regexp // the words that ask about it
	rule string         // the rule, as the reply states it
	try  string         // a question with numbers that works it out
}

// concepts are tried in order; the first whose words match is the one
// asked about. The rules follow ../shared/notes/formulas.md.
var concepts = []concept{
	{regexp.MustCompile(`\b(?:do(?:es)?|will|would|can)\b.*\b(?:stride|padding|pad|input size|image size|resolution)\b.*\b(?:change|affect|increase|decrease|reduce|lower|impact|influence|matter|alter)\b.*\b(?:param|parameters|weights)\b`),
		"Stride, padding and the input size never change a layer's parameters. A filter's weights are k·k·Cin, one filter per output channel, plus one bias each: params = k·k·Cin·Cout + Cout. Stride and padding change where the filters are applied, and so the output size and the multiply-accumulates (and through the output size, the weights of a Dense after a Flatten)",
		"conv 3x3 32->64 stride 2 pad 1 on 56x56: params and output size?"},
	{regexp.MustCompile(`\b(?:do(?:es)?|will|would|can)\b.*\b(?:stride|padding|pad|kernel|filter)\b.*\b(?:change|affect|increase|decrease|reduce|lower|impact|influence|matter|alter)\b.*\b(?:output|size|shape|dimension|dimensions)\b`),
		"They change the output size: floor((H + 2·pad − dilation·(k − 1) − 1) / stride) + 1 per side (PyTorch's rule); a larger stride or kernel shrinks it, padding grows it, and the number of filters sets the output channels",
		"conv 3x3 stride 2 pad 1 on 56x56: output size?"},
	{regexp.MustCompile(`\b(?:receptive field|rf)\b`),
		"The receptive field grows layer by layer: rf += (k − 1)·jump, then jump ×= stride, starting from rf = 1 and jump = 1 (a dilated kernel counts as dilation·(k − 1) + 1 wide)",
		"conv 3x3, conv 3x3, maxpool 2, conv 3x3: receptive field?"},
	{regexp.MustCompile(`\b(?:same)\b.*\bpad|\bpad\w*\b.*\b(?:same|keep|preserve|unchanged)\b`),
		"With stride 1, pad = dilation·(k − 1) / 2 keeps the size (an odd kernel: 1 for 3x3, 2 for 5x5); with stride s, Keras's 'same' gives ceil(H / s) and pads max((out − 1)·s + k − H, 0) in total",
		"what padding keeps 56x56 the same with a 5x5 kernel, stride 1?"},
	{regexp.MustCompile(`\b(?:macs?|flops|multipl\w*|multiply[- ]adds?|mult[- ]adds?|operations|compute)\b`),
		"A conv's multiply-accumulates are Hout·Wout·Cout·k·k·Cin (divided by the groups), bias excluded; FLOPs are usually 2 × MACs. A fully connected layer does in·out",
		"conv 3x3 64->128 pad 1 on 56x56: macs?"},
	{regexp.MustCompile(`\b(?:param\w*|weights|biases|connections)\b`),
		"A conv layer has k·k·Cin weights per filter and one filter per output channel, plus one bias each: params = k·k·Cin·Cout + Cout (a filter spans all input channels). A fully connected layer has in·out + out",
		"conv 3x3 32->64: params?"},
	{regexp.MustCompile(`\b(?:output|size|shape|dimension|dimensions|dims)\b`),
		"The output size is floor((H + 2·pad − dilation·(k − 1) − 1) / stride) + 1 per side (PyTorch's rule, for convs and pools), with the number of filters as the output channels",
		"conv 3x3 stride 2 pad 1 on 56x56: output size?"},
}

// ruleWords say a question asks about a rule, not a layer: "formula",
// "how do you calculate", "does stride change".
var ruleWords = regexp.MustCompile(`\b(?:formula|equation|rule|how (?:do|does|to|can|should) (?:i |you |we |one )?(?:calc\w*|comput\w*|work\w* out|get|find|count|figure)|(?:calc\w*|comput\w*)\b.*\b(?:in general|generally)|do(?:es)?|will|would|explain|why)\b`)

// conceptAsked returns the teaching refusal for src when it asks about a
// rule and writes no number at all (a number means a layer to size, and
// its reader's refusal says what is missing); nil otherwise.
func conceptAsked(src string) *Error {
	if strings.IndexFunc(src, unicode.IsDigit) >= 0 || strings.ContainsAny(src, "()[]{}") {
		return nil
	}
	s := strings.ToLower(src)
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if _, ok := lang.NumberWords[w]; ok {
			return nil // "sixty four filters": a layer after all
		}
	}
	if !ruleWords.MatchString(s) {
		return nil
	}
	for _, c := range concepts {
		if c.asks.MatchString(s) {
			return &Error{Msg: "this asks about a rule, with no layer to work it on. " + c.rule,
				Hint: c.try + " (with your own numbers: I work them out step by step)"}
		}
	}
	return nil
}
