package grammar

import "testing"

func TestClassifierIndexAsked(t *testing.T) {
	for src, want := range map[string]int64{
		"vgg16 classifier[0] params":       102764544,
		"alexnet classifier[1] params":     37752832,
		"params of vgg19's classifier.3 ?": 16781312,
	} {
		qs := classifierIndexAsked(src)
		if len(qs) != 1 {
			t.Errorf("classifierIndexAsked(%q): %d questions", src, len(qs))
			continue
		}
		s, err := summarize(qs[0])
		if err != nil || s.Params != want {
			t.Errorf("classifierIndexAsked(%q) = %d params (%v), want %d", src, s.Params, err, want)
		}
	}
	for _, src := range []string{"vgg16 classifier[9] params", "resnet18 params", "replace vgg16 classifier[6] with a 4096->2 Linear"} {
		if qs := classifierIndexAsked(src); qs != nil {
			t.Errorf("classifierIndexAsked(%q) = %v, want nil", src, qs[0].Canonical)
		}
	}
}
