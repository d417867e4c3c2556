package paste

import "testing"

// TestNamedModels: modules assigned to names that each take the same input
// are one question each (torch 1.13: the separable pair with biases has
// 8,960 parameters, the plain conv 73,856); modules that chain (another
// channel count), one built of another, or single layers only are not split.
func TestNamedModels(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []int
	}{
		{"sep = nn.Sequential(\n    nn.Conv2d(64, 64, 3, padding=1, groups=64),\n    nn.Conv2d(64, 128, 1),\n)\nnormal = nn.Conv2d(64, 128, 3, padding=1)\nparams of each?", []int{8960, 73856}},
		{"full = nn.Conv3d(64, 64, (3, 3, 3), bias=False)\nfact = nn.Sequential(nn.Conv3d(64, 64, (1, 3, 3), bias=False),\n                     nn.Conv3d(64, 64, (3, 1, 1), bias=False))\nparams each?", []int{110592, 49152}},
		{"enc = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU())\ndec = nn.Sequential(nn.Conv2d(16, 3, 3))\ntotal params?", nil},
		{"a = nn.Sequential(nn.Conv2d(3, 16, 3))\nb = nn.Sequential(a, nn.Conv2d(16, 3, 3))\nparams?", nil},
		{"fc_a = nn.Linear(2048, 1000)\nfc_b = nn.Linear(2048, 10)\nparams of fc_a and of fc_b?", nil},
	} {
		qs := allNamedModels(c.src)
		if len(qs) != len(c.want) {
			t.Errorf("%q: %d questions, want %d", c.src, len(qs), len(c.want))
			continue
		}
		for k, q := range qs {
			got := int64(0)
			for _, l := range q.Layers {
				r, err := l.Layer.Apply(nil)
				if err != nil {
					t.Fatal(err)
				}
				got += r.Params
			}
			if got != int64(c.want[k]) {
				t.Errorf("%q: question %d has %d params, want %d", c.src, k+1, got, c.want[k])
			}
		}
	}
}
