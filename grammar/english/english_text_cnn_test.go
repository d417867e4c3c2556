package english

import "testing"

// TestTextCNN: Kim's text CNN reads its widths side by side as 1-D convs
// on the word vectors, a sentence length as their input; a dataset's
// size that the layers as said do not fit is dropped.
func TestTextCNN(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
	}{
		{"text cnn with filter widths 3, 4, 5 and 100 feature maps each over 300-d embeddings: params of the convs?",
			"concat {\n  branch {\n    conv1d 3 300->100 bias\n  }\n  branch {\n    conv1d 4 300->100 bias\n  }\n  branch {\n    conv1d 5 300->100 bias\n  }\n}\nidentity"},
		{"text cnn: sentences truncated to 40 words, 128-dim embeddings, a conv1d with 64 filters of width 4. params and output length?", "conv1d 4 128->64 bias input 40"},
		{"how many learnable parameters does the cifar10 tutorial net have? conv 3->6 5x5, conv 6->16 5x5, fc 400->120, fc 120->84, fc 84->10",
			"conv 5x5 3->6 bias\nconv 5x5 6->16 bias\nlinear 400->120 bias\nlinear 120->84 bias\nlinear 84->10 bias"},
		{"mnist mlp: fc 784->128, fc 128->10. params?", "input 28x28\nflatten\nlinear 784->128 bias\nlinear 128->10 bias"},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
	}
}
