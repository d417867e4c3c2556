package grammar

import (
	"slices"
	"testing"
)

// Phrasings of fine-tuning questions, after the transfer-learning threads
// and tutorials (torchvision's "model.fc = nn.Linear(num_ftrs, 2)", "how
// many trainable parameters after freezing"). Counts: a Linear is In·Out +
// Out (checked with nn.Linear in torch 1.13: Linear(2048, 37) = 75,813);
// the presets' totals are torchvision's published ones (resnet18
// 11,689,512, resnet50 25,557,032, vgg16 138,357,544, mobilenet_v2
// 3,504,872, densenet121 7,978,856), less their 1,000-class heads
// (513,000; 2,049,000; 4,097,000; 1,281,000; 1,025,000).
func TestReplacedHead(t *testing.T) {
	tests := []struct {
		src   string
		want  int64
		doubt bool
	}{
		// The new head only.
		{"transfer learning with resnet50: I freeze everything and swap the fc for 37 pet breeds classes. how many parameters will actually be trained?", 75813, false},
		{"I'm fine-tuning a ViT whose CLS embedding is 768-d, new linear head for 100 classes. how many new params?", 76900, false},
		{"mobilenet_v2 fine-tune, replaced classifier with a Linear to 3 outputs, backbone frozen - trainable param count?", 3843, false},
		{"vgg16 transfer learning: the last linear layer replaced with 4096 -> 2, how many params does the new layer add?", 8194, false},
		{"efficientnet_b0 with a new 7-way classifier on its 1280 features; how many trainable params if the backbone is frozen?", 8967, false},
		{"densenet121 fine-tuned for 2 classes: how many params are in the new classifier?", 2050, false},
		// A stage said unfrozen trains with the head (torch 1.13, layer4
		// built of its blocks with batch norms: resnet50's 14,964,736,
		// resnet34's 13,114,368); any other part said trained leaves the
		// head alone, in doubt.
		{"resnet50 fine-tuned for 5 classes with the fc and layer4 unfrozen, trainable params?", 14974981, false},
		{"resnet34 fine-tuned, fc 100 classes, also unfreeze layer4, how many trainable params?", 13165668, false},
		{"resnet101 fine-tuned for 3 classes, freeze all but the last block and the fc, trainable params?", 6147, true},
		{"resnet50 fine-tuned for 5 classes, freeze layer4 too, trainable params?", 10245, true},
		// The rest of the network.
		{"resnet50 fine-tuned for 10 classes, how many params are frozen if I only train the fc?", 23508032, false},
		{"resnet18 changed to 10 classes for fine-tuning: how many parameters does the backbone have (everything but the fc)?", 11176512, false},
		{"vgg16 where I replaced the last fc with 4096->5: params excluding the new head?", 134260544, false},
		{"mobilenet_v2 fine-tune for 4 classes; how many weights does the feature extractor have?", 2223872, false},
		{"swapped resnet50's fc for 2048 -> 3. not counting the new head, how many params?", 23508032, false},
		{"densenet121 finetuned to 6 classes, what's the param count of the rest of the model?", 6953856, false},
		// What the swap removed: the net change, in doubt.
		{"resnet50 fc changed to 2048 -> 10: how many fewer parameters than the original?", 2028510, true},
		{"vgg16 fine-tuned for 2 classes, by how much did the parameter count drop?", 4088806, true},
		{"I replaced mobilenet_v2's classifier with 10 outputs. how many params did that save?", 1268190, true},
		{"I set resnet18's fc to 512 -> 37, how many parameters did we lose?", 494019, true},
		{"densenet121 with its classifier swapped for 5 classes, how many params were removed?", 1019875, true},
		{"fine-tuned resnet18 to 2 classes, by how many params is it smaller?", 511974, true},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			var got int64
			switch {
			case q.Solve != nil:
				got = q.Solve.Solutions[0]
			default:
				s, err := summarize(q)
				if err != nil {
					t.Fatal(err)
				}
				got = s.Params
			}
			if got != tt.want || !slices.Equal(q.Asked, []string{"params"}) {
				t.Errorf("got %d asked %v, want %d params (%s)", got, q.Asked, tt.want, q.Notes)
			}
			if d := len(q.Doubts) > 0 || unexplained(q.Unused) > 0; d != tt.doubt {
				t.Errorf("in doubt %v (%q, %v), want %v", d, q.Doubts, q.Unused, tt.doubt)
			}
		})
	}
}

// A preset asked about whole, or a head of several layers, is left to
// the other readers.
func TestReplacedHeadLeftAlone(t *testing.T) {
	for _, src := range []string{
		"how many params does resnet18 have?",
		"resnet18 with 10 classes: total params?",
		"fine-tuning resnet50 with a new head: Linear(2048, 256), ReLU, Linear(256, 10). how many new params?",
		"I added a hidden layer of 512 then 10 outputs on top of resnet18's features. trainable params?",
	} {
		if qs := replacedHeadAsked(src); qs != nil {
			t.Errorf("%q read as a part of a fine-tuned network: %s", src, qs[0].Canonical)
		}
	}
}

// A conv replaced in a preset is not its head replaced.
func TestReplacedHeadNotAConv(t *testing.T) {
	for _, src := range []string{
		"I replaced the first layer of resnet18 with 32 filters of 5x5, how many new params?",
		"I replaced the 7x7 conv in resnet18 with three 3x3 convs. how many params did I save?",
		"replaced the 5x5 conv with two 3x3 convs, how many params did I save? 64 channels",
	} {
		if qs := replacedHeadAsked(src); qs != nil {
			t.Errorf("%q read as a head replaced: %s", src, qs[0].Canonical)
		}
	}
}

// The new head's count and the total asked together: two answers, the
// total the preset with its head swapped (torchvision resnet50 25,557,032
// less its 2,049,000 fc, plus Linear(2048, 2) = 4,098: 23,512,130).
func TestReplacedHeadAndTotal(t *testing.T) {
	qs, err := ParseAll("resnet50 fine tune, new fc for 2 classes, how many params are in the new fc and how many total?")
	if err != nil || len(qs) != 2 {
		t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
	}
	for i, want := range []int64{4098, 23512130} {
		s, err := summarize(qs[i])
		if err != nil || s.Params != want {
			t.Errorf("question %d: %d params, %v; want %d (%s)", i+1, s.Params, err, want, qs[i].Canonical)
		}
	}
}
