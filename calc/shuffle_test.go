package calc

import "testing"

// ShuffleNetV2's stride-1 unit at 116 channels: half passed on, half
// through the branch, the halves shuffled.
func TestChannelSplitShuffle(t *testing.T) {
	in := Shape{116, 28, 28}
	unit := []Layer{Concat{Branches: [][]Layer{
		{ChannelSplit{Parts: 2}},
		{ChannelSplit{Parts: 2}, Conv{Kernel: []int{1}, Out: 58, NoBias: true}},
	}}, ChannelShuffle{Groups: 2}}
	s, err := Network{Input: in, Layers: unit}.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	if !s.Output.Equal(in) || s.Params != 58*58 {
		t.Errorf("output %v params %d, want %v and %d", s.Output, s.Params, in, 58*58)
	}
	if r, _ := (ChannelSplit{Parts: 2}).Apply(in); !r.Output.Equal(Shape{58, 28, 28}) {
		t.Errorf("split output %v, want [58 28 28]", r.Output)
	}
	for _, bad := range []Layer{ChannelSplit{Parts: 3}, ChannelShuffle{Groups: 3}, ChannelSplit{}, ChannelShuffle{}} {
		if _, err := bad.Apply(in); err == nil {
			t.Errorf("%#v on %v: no error", bad, in)
		}
	}
}
