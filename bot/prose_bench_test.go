package bot_test

import (
	"context"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// BenchmarkAnswerProse answers prose questions through the front door: the
// router reads each with every front-end that might apply and accounts
// for every number.
func BenchmarkAnswerProse(b *testing.B) {
	questions := []string{
		"input is 64x64 with 3 channels, kernel 5, stride 2, no padding -> I get 30.5. what does pytorch actually give?",
		"input 32x32 rgb. conv1: 6 filters 5x5; pool1: 2x2 max; conv2: 16 filters 5x5; pool2: 2x2 max; fc 120; fc 84; out 10. total params?",
		"1) params of conv 3x3 3->16? 2) params of conv 3x3 16->32?",
		"first layer of AlexNet: 96 filters 11x11 stride 4 on 227x227x3. how many neurons are in the output volume?",
	}
	bt := bot.New(bot.Options{})
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if r := bt.Answer(ctx, questions[i%len(questions)]); !r.OK() {
			b.Fatal(r.Err)
		}
	}
}
