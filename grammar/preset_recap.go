package grammar

import (
	"slices"
	"strings"
)

// A part of a named network asked about ("a unit after pool5 in vgg16")
// with the network's layers recalled in passing ("(all 3x3 convs stride 1
// pad 1, 2x2 pools stride 2)") is the part: the recall names no channels,
// and read as layers of its own it makes a stack of 1-channel convs and
// pools with "pool5" as a 5x5 pool.

// genericOverPart reports whether generic, a reading of English, stands
// against part, a part of a preset, with layers on no input whose
// channels it had to assume: the words recall the network's layers, they
// build none. Layers on a size of their own ("the 55x55 maps after conv1
// go through a 3x3 pool") are described, and stay.
func genericOverPart(generic, part reading) bool {
	if generic.front != "english" || part.front != "preset" || part.q.Preset != "" || len(part.q.Layers) == 0 {
		return false
	}
	if len(part.q.At) > 1 && len(generic.q.Layers) < len(part.q.At) && generic.q.Input == nil {
		return true // "conv1_1 and conv1_2, both 64 filters 3x3": two layers named, one described
	}
	return generic.q.Input == nil && slices.ContainsFunc(generic.q.Notes, channelsAssumed)
}

// channelsAssumed reports whether a note says the channels were assumed.
func channelsAssumed(note string) bool {
	return strings.Contains(note, "channels were not given") || strings.Contains(note, "channels are not given")
}
