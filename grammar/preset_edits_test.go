package grammar

import "testing"

// A torchvision network changed as code writes it is answered for the
// part asked, on the changed network. Counts from torch 1.13 on the
// networks built as torchvision builds them (testdata/questions/
// arch12_cases.py): Linear(512, 5) = 2,565; vgg16 with a 10-way last
// Linear 134,301,514; vgg16 on 32×32 without its avgpool flattens 512
// values; resnet18 on 64×64 ends in 512×2×2.
func TestEditedPreset(t *testing.T) {
	tests := []struct {
		src  string
		want []int64
	}{
		{"model = torchvision.models.resnet18(pretrained=True)\nfor p in model.parameters():\n    p.requires_grad = False\nmodel.fc = nn.Linear(model.fc.in_features, 5)\nn = sum(p.numel() for p in model.parameters() if p.requires_grad)\nwhat is n?", []int64{2565}},
		{"model = torchvision.models.vgg16()\nmodel.classifier[6] = nn.Linear(4096, 10)\nprint(sum(p.numel() for p in model.parameters()))", []int64{134301514}},
		{"m = torchvision.models.mobilenet_v2(weights=None)\nm.classifier[1] = nn.Linear(???, 5)\nwhat goes in ??? and how many params does that layer have", []int64{1280, 6405}},
		{"vgg16 from torchvision on 32x32 images, model.avgpool = nn.Identity(). what in_features should classifier[0] get?", []int64{512}},
		{"tiny imagenet 64x64 with an unmodified resnet18. what is the spatial size of the feature map right before the global avgpool?", []int64{2}},
		{"torchvision resnet18 total params w/ 1000 classes? and if i swap the fc to 10 classes", []int64{11689512, 11181642}},
	}
	for _, tt := range tests {
		t.Run(tt.src[:24], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != len(tt.want) {
				t.Fatalf("ParseAll: %d questions, %v; want %d", len(qs), err, len(tt.want))
			}
			for i, q := range qs {
				if q.Solve == nil || q.Solve.Solutions[0] != tt.want[i] {
					t.Errorf("question %d: %+v, want %d", i+1, q.Solve, tt.want[i])
				}
				if len(q.Doubts) > 0 || unexplained(q.Unused) > 0 {
					t.Errorf("question %d in doubt: %q %v", i+1, q.Doubts, q.Unused)
				}
			}
		})
	}
}

// A question that describes its layers in numbers beside a preset's name,
// or changes nothing of it, is left to the other readers.
func TestEditedPresetLeftAlone(t *testing.T) {
	for _, src := range []string{
		"lenet from the pytorch 60 min blitz: conv(1,6,5) -> pool2 -> conv(6,16,5) -> pool2 -> fc 400->120 -> 120->84 -> 84->10, 32x32 grayscale input. total number of params?",
		"how many params does resnet18 have?",
		"resnet50 on 512x512 input, total MACs?",
		"mobilenet_v2 with 96x96 images: total params and output shape?",
	} {
		if qs := editedPresetAsked(src); qs != nil {
			t.Errorf("%q read as a preset changed: %+v", src, qs[0].Solve)
		}
	}
}
