package grammar

import "testing"

// TestReasonNorm: a batch norm named as why a conv has no bias is not
// counted; one named as a layer of the block is. Counts worked:
// 1·1·256·64 = 16,384; 3·3·3·32 = 864; 7·7·3·64 = 9,408; 3·3·64·128 =
// 73,728; 1·1·512·128 = 65,536; 5·5·16·32 = 12,800; and the bottleneck
// 16,384 + 36,864 + 16,384 + 2·(64 + 64 + 256) = 70,400.
func TestReasonNorm(t *testing.T) {
	for _, c := range []struct {
		text   string
		params int64
	}{
		{"1x1 conv 256 -> 64, no bias bc BN after. params?", 16384},
		{"mobilenet v1 first layer: 32 filters 3x3 s2 p1 no bias (bn after) on 224x224x3 -> conv params", 864},
		{"first conv of resnet on a 224x224x3 image: 64 filters of 7x7, stride 2, pad 3, no bias since batchnorm follows. how many weights does it have?", 9408},
		{"3x3 conv 64->128 without bias because BN comes after, params?", 73728},
		{"conv 1x1 from 512 to 128 channels, no bias - batch norm right after. how many parameters?", 65536},
		{"5x5 conv, 16 in 32 out, no bias (batchnorm after it). number of params", 12800},
		{"1x1 conv 256->64, 3x3 conv 64->64, 1x1 conv 64->256, all bias=False with a BatchNorm2d after each. total learnable params?", 70400},
	} {
		qs := readAll(t, c.text)
		q := qs[0]
		reports, ok := computed(q)
		if !ok || len(reports) == 0 {
			t.Errorf("%q: %s does not size", c.text, Format(q))
			continue
		}
		var got int64
		if q.Network {
			got = reports[len(reports)-1].Params
		} else {
			for _, r := range reports {
				got += r.Params
			}
		}
		if got != c.params {
			t.Errorf("%q: %s has %d params, want %d", c.text, Format(q), got, c.params)
		}
	}
}
