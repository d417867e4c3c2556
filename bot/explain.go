package bot

import (
	"context"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// topic is one idea /explain explains: a few sentences, then worked
// examples answered by the engine when asked (no number in the examples'
// results is typed here).
type topic struct {
	name, title string
	text        string
	// examples are questions in the spec language, answered side by side
	// to show the idea.
	examples []string
	// facts are the quantities (as in grammar.Question.Asked) shown for
	// each example; steps are the worked steps shown, by quantity prefix.
	facts, steps []string
	// table shows a network example's compact table.
	table bool
	// picture is the example drawn and attached (its index), when it has
	// a picture.
	picture int
}

// topics are /explain's topics, in the order the command offers them.
var topics = []topic{
	{name: "padding", title: "Padding",
		text: "Padding adds p rows and columns of zeros on every side of the input, so a filter can also be centred on the border. " +
			"It changes the output size, never the parameter count. With stride 1 and an odd kernel k, p = (k − 1)/2 keeps the size (`pad same`).",
		examples: []string{"conv 3x3 1->8 input 28x28", "conv 3x3 1->8 pad 1 input 28x28"},
		facts:    []string{"output"}, steps: []string{"output height"}, picture: 1},
	{name: "stride", title: "Stride",
		text: "Stride s is how far the filter moves between two outputs: a stride of s divides each spatial size by about s. " +
			"The filter is the same whatever the stride: stride changes where it is applied, not how many parameters it has.",
		examples: []string{"conv 3x3 16->32 pad 1 input 32x32", "conv 3x3 16->32 stride 2 pad 1 input 32x32"},
		facts:    []string{"params", "output", "macs"}, steps: []string{"output height"}, picture: 1},
	{name: "dilation", title: "Dilation",
		text: "Dilation d spreads a kernel's taps d pixels apart, so a k×k kernel spans d·(k − 1) + 1 pixels a side with the same k·k weights: " +
			"a wider view at no cost in parameters, and a smaller output unless padded.",
		examples: []string{"conv 3x3 16->16 input 32x32", "conv 3x3 16->16 dilation 2 input 32x32"},
		facts:    []string{"params", "receptive field", "output"}, steps: []string{"output height"}, picture: 1},
	{name: "receptive-field", title: "Receptive field",
		text: "The receptive field of an output is the patch of the input it can see. Each layer widens it by d·(k − 1) times the product " +
			"of the strides before it (Distill, 2019), so after a stride or a pool every layer widens it faster. The RF column shows it layer by layer.",
		examples: []string{"input 32x32x3\nconv 3x3 16 pad 1\nconv 3x3 16 pad 1\nmaxpool 2\nconv 3x3 32 pad 1\nconv 3x3 32 pad 1"},
		facts:    []string{"receptive field"}, table: true},
	{name: "transposed", title: "Transposed convolution",
		text: "A transposed convolution (`deconv`, ConvTranspose2d) runs a convolution's shape arithmetic backwards, to upsample: " +
			"out = (in − 1)·s − 2p + d(k − 1) + outpad + 1. Its weights are counted as a conv's; its MACs count every input position, as fvcore does.",
		examples: []string{"deconv 4x4 64->32 stride 2 pad 1 input 16x16"},
		facts:    []string{"params", "output", "macs"}, steps: []string{"weights", "output height", "multiply-accumulates"}},
	{name: "params-vs-connections", title: "Parameters vs connections",
		text: "Parameters are what the network learns: a conv's filter weights and biases, shared by every position. " +
			"Connections count every input-to-neuron link at every position, as LeNet-5's paper does — what a layer without weight sharing would need. " +
			"Weight sharing is the gap between the two.",
		examples: []string{"conv 5x5 1->6 input 32x32"},
		facts:    []string{"params", "connections"}, steps: []string{"learnable parameters", "output neurons", "total connections"}},
	{name: "batchnorm", title: "Batch norm",
		text: "Batch norm normalises each channel over the batch, then scales and shifts it with a learned γ and β: two parameters a channel. " +
			"Its running mean and variance are saved with the model too, but not learned (PyTorch calls them buffers).",
		examples: []string{"batchnorm 64"},
		steps:    []string{"learnable parameters", "running statistics"}},
	{name: "depthwise", title: "Depthwise convolution",
		text: "A depthwise conv gives each input channel its own k×k filter (groups = channels) and mixes nothing across channels; " +
			"a 1×1 pointwise conv then mixes them. Together (a depthwise-separable conv, as in MobileNet) they need far fewer parameters and MACs " +
			"than one full conv of the same shape.",
		examples: []string{"conv 3x3 32->64 pad 1 input 56x56", "conv 3x3 32->32 depthwise pad 1 input 56x56", "conv 1x1 32->64 input 56x56"},
		facts:    []string{"params", "macs"}, steps: []string{"weights"}, picture: 1},
}

// lookupTopic finds a topic by name.
func lookupTopic(name string) (topic, bool) {
	for _, t := range topics {
		if t.name == name {
			return t, true
		}
	}
	return topic{}, false
}

// Explain renders /explain's answer for the topic called name: the idea in
// a few sentences, then its examples answered by b, with the picture of
// one example attached (and its animation, for a single layer) when it
// has one. It draws: call it on a worker. ok is false for a topic it does
// not know.
func (b *Bot) Explain(ctx context.Context, name string) (card Card, ok bool) {
	t, ok := lookupTopic(name)
	if !ok {
		return Card{}, false
	}
	var s strings.Builder
	s.WriteString("**" + t.title + ".** " + t.text + "\n")
	for i, q := range t.examples {
		r := b.Answer(ctx, q)
		if i == t.picture {
			card.Files, _ = pictureFiles(r)
		}
		label := "**Worked example:**"
		if i > 0 {
			label = "**Compare:**"
		}
		s.WriteString("\n" + label)
		writeExample(&s, r, t)
	}
	card.Content = truncateRunes(strings.TrimRight(s.String(), "\n"), MaxContent)
	return card, true
}

// writeExample writes one worked example: the question, its numbers, the
// steps (or table) that show the topic.
func writeExample(s *strings.Builder, r Reply, t topic) {
	if r.Err != nil {
		s.WriteString(" ")
		writeError(s, r, discordMarkup)
		return
	}
	if c := r.Question.Canonical; strings.Contains(c, "\n") {
		s.WriteString("\n" + discordMarkup.block(c) + "\n")
	} else {
		s.WriteString(" " + discordMarkup.code(c) + "\n")
	}
	var facts []fact
	for _, a := range t.facts {
		if f, ok := askedFact(r, a); ok {
			facts = append(facts, f)
		}
	}
	if len(facts) > 0 {
		s.WriteString("→ ")
		writeFactLine(s, facts)
		s.WriteString("\n")
	}
	if t.table && r.Summary != nil {
		table, _ := compactTableText(r)
		s.WriteString(table)
	}
	for _, rep := range r.Reports {
		writeTopicSteps(s, rep.Steps, t.steps)
	}
}

// writeTopicSteps writes the steps whose quantity starts with one of
// prefixes, in calc's order.
func writeTopicSteps(s *strings.Builder, steps []calc.Step, prefixes []string) {
	for _, st := range steps {
		for _, p := range prefixes {
			if strings.HasPrefix(st.Quantity, p) {
				writeStep(s, st, discordMarkup)
				break
			}
		}
	}
}
