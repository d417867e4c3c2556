package calc

import "fmt"

// ChannelShuffle is ShuffleNet's channel shuffle (Zhang et al., 2018):
// the channels, seen as Groups rows of C/Groups, are transposed so the next
// grouped (or split) layer mixes information from every group. No
// parameters, no MACs; the shape passes through. Groups must divide the
// channels; zero Groups is refused.
type ChannelShuffle struct{ Groups int }

// Kind is "channelshuffle".
func (ChannelShuffle) Kind() string { return "channelshuffle" }

// Apply checks that Groups divides the channels and passes the shape through.
func (s ChannelShuffle) Apply(in Shape) (Report, error) {
	if s.Groups < 1 || s.Groups > MaxSize {
		return Report{}, &Error{Field: "groups", Msg: fmt.Sprintf("a shuffle needs a group count of at least 1, not %d", s.Groups), Hint: "channelshuffle 2"}
	}
	if c := channels(in); in != nil && (len(in) < 2 || c%s.Groups != 0) {
		return Report{}, &Error{Field: "groups", Msg: fmt.Sprintf("%d groups do not divide the input %s's %d channels", s.Groups, formatShape(in), c), Hint: "channelshuffle 2 on an even channel count"}
	}
	r := passThrough(s.Kind(), in)
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "0",
		Note: fmt.Sprintf("the shuffle only reorders the channels: viewed as %d groups, channel j of group g moves to position j·%d + g", s.Groups, s.Groups)}}
	return r, nil
}

// ChannelSplit is one of Parts equal slices of the channels (torch.chunk
// along the channels): ShuffleNetV2 splits its input in two, passes one
// half on and sends the other through its branch. In a [Concat], branch i
// takes slice i; which slice changes no count. Parts must divide the
// channels; zero Parts is refused.
type ChannelSplit struct{ Parts int }

// Kind is "channelsplit".
func (ChannelSplit) Kind() string { return "channelsplit" }

// Apply gives the shape of one slice.
func (s ChannelSplit) Apply(in Shape) (Report, error) {
	if s.Parts < 1 || s.Parts > MaxSize {
		return Report{}, &Error{Field: "parts", Msg: fmt.Sprintf("a split needs a part count of at least 1, not %d", s.Parts), Hint: "channelsplit 2"}
	}
	r := passThrough(s.Kind(), in)
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "0", Note: "a split only selects channels"}}
	if in == nil {
		return r, nil
	}
	c := channels(in)
	if len(in) < 2 || c%s.Parts != 0 {
		return Report{}, &Error{Field: "parts", Msg: fmt.Sprintf("%d parts do not divide the input %s's %d channels", s.Parts, formatShape(in), c), Hint: "channelsplit 2 on an even channel count"}
	}
	r.Output = append(Shape{c / s.Parts}, in[1:]...)
	r.Steps = append(r.Steps, Step{Quantity: "output channels", Formula: "C / parts", Values: []Binding{{"C", int64(c)}, {"parts", int64(s.Parts)}}, Result: int64(c / s.Parts),
		Note: "each branch of a split takes its own slice of the channels"})
	return r, nil
}
