package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// forwardPaste is a 30-line paste with forward(), as students paste it:
// the class, its forward with functional calls, a pool used twice, a
// residual add and a view, and the input.
const forwardPaste = `import torch
import torch.nn as nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(64)
        self.conv3 = nn.Conv2d(64, 64, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.drop = nn.Dropout(0.25)
        self.fc1 = nn.Linear(64 * 8 * 8, 256)
        self.fc2 = nn.Linear(256, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(x))))
        x = F.relu(self.bn2(self.conv2(x)))
        x = x + F.relu(self.conv3(x))
        x = self.pool(x)
        x = x.view(x.size(0), -1)
        x = self.drop(F.relu(self.fc1(x)))
        return self.fc2(x)

model = Net()
x = torch.randn(1, 3, 32, 32)
print(model(x).shape)
# how many params and MACs?
`

// BenchmarkAnswerForwardPaste answers the 30-line paste with forward()
// through the front door (the goal: at most 2 ms).
func BenchmarkAnswerForwardPaste(b *testing.B) {
	if n := strings.Count(forwardPaste, "\n"); n < 30 {
		b.Fatalf("%d lines", n)
	}
	bt := bot.New(bot.Options{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if r := bt.Answer(ctx, forwardPaste); !r.OK() {
			b.Fatal(r.Err)
		}
	}
}

// TestForwardPasteAnswered keeps the benchmark's paste right: 896 + 64 +
// 18,496 + 128 + 36,928 + 1,048,832 + 2,570 = 1,107,914 learnable
// parameters, as PyTorch counts them (the pool halves 32 to 16, then 8:
// 64·8·8 = 4096 features reach fc1).
func TestForwardPasteAnswered(t *testing.T) {
	r := bot.New(bot.Options{}).Answer(context.Background(), forwardPaste)
	if !r.OK() {
		t.Fatal(r.Err)
	}
	if !containsNumber(bot.RenderText(r), 1107914) {
		t.Errorf("the answer lacks 1,107,914:\n%s", bot.RenderText(r))
	}
}
