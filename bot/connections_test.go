package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestConnectionsAsked: "connections" asks one of two counts, and the first
// line answers the one asked. What one neuron reads is KH·KW·Cin; every
// link of the layer, as LeNet-5's paper counts them, is
// (KH·KW·Cin + 1)·Cout·Ho·Wo.
func TestConnectionsAsked(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, tc := range []struct{ q, first string }{
		// LeNet-5 C1: (5·5·1 + 1)·6·28·28 = 122,304, the paper's figure.
		{"conv layer 5x5, 6 filters, input 32x32x1, stride 1 no padding - how many connections does lenet c1 have",
			"total connections = 122,304"},
		{"how many total connections in a conv layer with 6 5x5 filters on a 32x32 grayscale input",
			"total connections = 122,304"},
		// 3·3·32 = 288.
		{"conv layer with 64 feature maps, 3x3 filters, previous layer has 32 maps — how many neurons of the previous layer does each neuron connect to?",
			"connections per neuron = 288"},
		// No input size: the total is unknown, so what one neuron reads, 3·3·16 = 144.
		{"how many connections does a 3x3 conv from 16 to 32 channels have", "connections per neuron = 144"},
	} {
		first, _, _ := strings.Cut(bot.RenderText(b.Answer(context.Background(), tc.q)), "\n")
		if !strings.Contains(first, tc.first) {
			t.Errorf("%q\nfirst line %q, want %q", tc.q, first, tc.first)
		}
	}
}
