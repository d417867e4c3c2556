package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestComparedFirst answers a comparison on the first line, with the
// difference the asker asked for, before each side's working.
func TestComparedFirst(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct{ text, first string }{
		{"if i use 2 3x3 conv layers instead of one 5x5, how many params do i save with 64 channels in and out?",
			"Answer: two 3x3 convs 73,856 (73.9 k) vs one 5x5 conv 102,464 (102 k) learnable parameters: two 3x3 convs have 28,608 (28.6 k) fewer (72% of one 5x5 conv)"},
		// 2·9·48·48 = 41,472; 25·48·48 = 57,600: the saving asked, 16,128.
		{"how many fewer weights does a pair of 3x3 convs need than a single 5x5 conv, 48 channels in and out in both, bias=False",
			"Answer: two 3x3 convs 41,472 (41.5 k) vs one 5x5 conv 57,600 (57.6 k) learnable parameters: two 3x3 convs have 16,128 (16.1 k) fewer"},
		// No word of comparison but "cheaper": 25·96·96 = 230,400; 2·9·96·96 = 165,888.
		{"is one 5x5 conv or two 3x3 convs cheaper? 96 channels in and out everywhere, no bias",
			"Answer: one 5x5 conv 230,400 (230 k) vs two 3x3 convs 165,888 (166 k) learnable parameters: one 5x5 conv has 64,512 (64.5 k) more"},
		// A bottleneck "directly, and if we first ...", MACs (torch hooks):
		// 16·16·128·25·256 = 209,715,200; 16·16·32·256 + 16·16·128·25·32 =
		// 2,097,152 + 26,214,400 = 28,311,552.
		{"what's the cost of a 5x5 same conv from 256 to 128 channels on a 16x16 map, straight, and with a 1x1 bottleneck conv to 32 channels first? count MACs, ignore bias",
			"Answer: 209,715,200 (210 M) vs 28,311,552 (28.3 M) multiply-accumulates: the first has 181,403,648 (181 M) more (7.41× the second)"},
	} {
		text := bot.RenderText(b.Answer(context.Background(), c.text))
		if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, c.first) {
			t.Errorf("%q:\nfirst line %q\nwant       %q…", c.text, first, c.first)
		}
	}
	// Two questions that compare nothing are answered side by side.
	text := bot.RenderText(b.Answer(context.Background(), "1) params of conv 3x3 3->16? 2) params of conv 5x5 16->32?"))
	if first, _, _ := strings.Cut(text, "\n"); first != "Answer: (1) learnable parameters = 448 — (2) learnable parameters = 12,832 (12.8 k)" {
		t.Errorf("two separate questions: first line %q, want each answered after its number", first)
	}
}

// TestComparedNumbersFirst answers a comparison on the first line with
// both sides and their difference, whichever reader split it.
func TestComparedNumbersFirst(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct {
		text string
		want []string
	}{
		// 49·64·64 = 200,704; 3·9·64·64 = 110,592; 90,112 more.
		{"one 7x7 conv vs three 3x3 convs, 64 channels in and out, no bias", []string{"200,704", "110,592", "90,112 (90.1 k) more"}},
		// 2·(9·16·16+16) = 4,640; 25·16·16+16 = 6,416; 1,776 fewer.
		{"two 3x3 convs vs one 5x5, 16 channels in and out, each conv with a bias: params?", []string{"4,640", "6,416", "1,776 fewer"}},
	} {
		text := bot.RenderText(b.Answer(context.Background(), c.text))
		first, _, _ := strings.Cut(text, "\n")
		for _, w := range c.want {
			if !strings.HasPrefix(first, "Answer: ") || !strings.Contains(first, w) {
				t.Errorf("%q:\nfirst line %q\nwant an answer with %q", c.text, first, w)
			}
		}
	}
}

// TestAnswersCard renders a message of several questions as one Discord
// card: the comparison first, a line for each question, within Discord's
// limits (it panicked before: a card read the first question's notes).
func TestAnswersCard(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct{ text, first string }{
		{"1) params of conv 3x3 3->16? 2) params of conv 5x5 16->32?", "**Q1** "},
		{"two 3x3 convs instead of a 5x5, 64 channels in and out: params saved?", "**Answer:** two 3x3 convs 73,856 (73.9 k) vs one 5x5 conv 102,464 (102 k)"},
	} {
		card := bot.RenderCard(b.Answer(context.Background(), c.text), "42")
		if !strings.HasPrefix(card.Content, c.first) || !strings.Contains(card.Content, "**Q2** ") {
			t.Errorf("%q: card content\n%s", c.text, card.Content)
		}
		if n := len([]rune(card.Content)); n > bot.MaxContent || len(card.Embeds) != 1 || len([]rune(card.Embeds[0].Description)) > 4096 {
			t.Errorf("%q: %d runes of content, %d embeds: over Discord's limits", c.text, n, len(card.Embeds))
		}
	}
}

// TestComparedAlike says a comparison whose sides come out alike is likely
// misread, first, instead of answering "the same".
func TestComparedAlike(t *testing.T) {
	b := bot.New(bot.Options{})
	side := b.Answer(context.Background(), "conv 3x3 64->64 bias")
	text := bot.RenderText(bot.Reply{Text: "this conv vs that conv", Answers: []bot.Reply{side, side}})
	if !strings.HasPrefix(text, "Not sure I read this right: both sides come out with 36,928") {
		t.Errorf("two sides alike answered as a comparison:\n%s", text)
	}
}

// TestAnswersUnsureFirst says first when one question of several is not
// read with confidence.
func TestAnswersUnsureFirst(t *testing.T) {
	b := bot.New(bot.Options{})
	sure := b.Answer(context.Background(), "conv 3x3 3->16 bias")
	doubted := b.Answer(context.Background(), "conv 3x3 3->16 bias")
	q := *doubted.Question
	q.Doubts = []string{"the question asks for the receptive field, and this reading does not answer it"}
	doubted.Question = &q
	text := bot.RenderText(bot.Reply{Text: "1) ... 2) ...", Answers: []bot.Reply{sure, doubted}})
	if !strings.HasPrefix(text, "Not sure I read this right: question 2 of 2") {
		t.Errorf("first line %q, want the doubt about question 2", strings.SplitN(text, "\n", 2)[0])
	}
}

// TestComparedBiasesAsSaid answers a comparison with the biases its words
// give every side: a depthwise separable side is not left with Keras's one
// bias when the asker gave each conv its own, nor with biases when the
// asker left them all out. A reading below with other biases is said
// first ("Not sure").
func TestComparedBiasesAsSaid(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct{ text, answer string }{
		// torch: Conv2d(32,32,3,groups=32) + Conv2d(32,64,1) = 320 + 2,112 =
		// 2,432 (Keras's one bias: 2,400); Conv2d(32,64,3) = 18,496.
		{"depthwise separable vs standard 3x3 conv from 32 to 64 channels, every conv has its own bias. params each?",
			"Answer: 2,432 vs 18,496 (18.5 k) learnable parameters"},
		// torch, bias=False everywhere: 5·5·32 + 32·64 = 2,848; 5·5·32·64 = 51,200.
		{"depthwise separable vs normal conv: 32 in, 64 out, 5x5, bias off everywhere. params each?",
			"Answer: 2,848 vs 51,200 (51.2 k) learnable parameters"},
	} {
		text := bot.RenderText(b.Answer(context.Background(), c.text))
		answer := ""
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "Answer: ") {
				answer = line
				break
			}
		}
		if !strings.HasPrefix(answer, c.answer) {
			t.Errorf("%q:\n%s\nwant the first answer %q…", c.text, firstLines(text, 6), c.answer)
		}
		if !strings.HasPrefix(text, "Answer: ") && !strings.HasPrefix(text, "Not sure I read this right") {
			t.Errorf("%q: the first line answers nothing:\n%s", c.text, firstLines(text, 4))
		}
	}
	// Keras's SeparableConv2D has one bias: its count is the one meant.
	text := bot.RenderText(b.Answer(context.Background(), "keras SeparableConv2D vs Conv2D, 3x3, 32 in 64 out, biases in every layer: params?"))
	if strings.Contains(text, "the question gives every conv a bias") {
		t.Errorf("Keras named, and the count was changed:\n%s", firstLines(text, 4))
	}
}

// TestComparedAskedApart says first when the two sides were read as asking
// different things: one of them is misread ("if a 1x1 conv first reduces
// to 32 channels" read as the 1x1 conv alone, its output size).
func TestComparedAskedApart(t *testing.T) {
	b := bot.New(bot.Options{})
	one := b.Answer(context.Background(), "a 3x3 same conv from 256 to 64 channels on a 32x32 input: MACs?")
	two := b.Answer(context.Background(), "a 1x1 conv from 256 to 32 channels on a 32x32 input: output size?")
	text := bot.RenderText(bot.Reply{Text: "MACs if done directly vs. if a 1x1 conv first reduces to 32 channels?", Answers: []bot.Reply{one, two}})
	if !strings.HasPrefix(text, "Not sure I read this right: the first side was read as asking for the multiply-accumulates and the second for the output size") {
		t.Errorf("sides asked apart answered with confidence:\n%s", firstLines(text, 4))
	}
	// Through the front door: never the 1x1 conv alone with confidence.
	// MACs: 32·32·64·9·256 = 150,994,944 vs 32·32·32·256 + 32·32·64·9·32 =
	// 27,262,976 (torch forward hooks).
	text = bot.RenderText(b.Answer(context.Background(), "32x32x256 input and a 3x3 same conv to 64 channels. MACs if done directly vs. if a 1x1 conv first reduces to 32 channels?"))
	if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, "Not sure") && !strings.Contains(first, "27,262,976") {
		t.Errorf("answered with confidence, without the bottleneck's 27,262,976:\n%s", firstLines(text, 4))
	}
}

// firstLines is the first n lines of text.
func firstLines(text string, n int) string {
	lines := strings.SplitN(text, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestComparedDesigns answers two designs of the same layers on the first
// line, each named, with "has" for one design and a side with nothing
// (a pool's parameters) said as such, not as a ratio.
func TestComparedDesigns(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct{ text, first string }{
		// torch: Linear(7*7*2048, 10) = 1,003,530; Linear(2048, 10) = 20,490.
		{"params of the classifier with Flatten vs with GAP on a 7x7x2048 map, 10 classes?",
			"Answer: Flatten + FC 1,003,530 (1.00 M) vs global average pooling + FC 20,490 (20.5 k) learnable parameters: Flatten + FC has 983,040 (983 k) more (49× global average pooling + FC)"},
		// torch: MaxPool2d has none; Conv2d(64, 64, 2, stride=2) = 16,448.
		{"nn.MaxPool2d(2) and nn.Conv2d(64, 64, 2, stride=2) both halve a 32x32 map. params each?",
			"Answer: maxpool 2x2 0 vs conv 2x2 64->64 stride 2 bias 16,448 (16.4 k) learnable parameters: maxpool 2x2 has 16,448 (16.4 k) fewer (it has none)"},
	} {
		text := bot.RenderText(b.Answer(context.Background(), c.text))
		if first, _, _ := strings.Cut(text, "\n"); first != c.first {
			t.Errorf("%q:\nfirst line %q\nwant       %q", c.text, first, c.first)
		}
	}
}
