package english

import (
	"slices"
	"strings"
)

// A forum post starts with a title that names the layer the body then
// describes in full: "How many multiply-adds does a depthwise 3x3 conv
// cost?\n\nMobileNetV2 block, 144 channels at 56x56, depthwise 3x3
// (groups=144), ...". The title's mention is the body's layer said twice,
// not a layer before it: its anchors are dropped and its numbers left to
// the body, when every layer the title names is named again below it with
// the same modifiers and every number of the title is written there too.

// titleEnd is the byte offset where the title of src ends: its first
// line, when a blank line follows it; -1 when src has no title.
func titleEnd(src string) int {
	end := strings.IndexByte(src, '\n')
	if end < 0 || strings.TrimSpace(src[:end]) == "" {
		return -1
	}
	rest := strings.TrimLeft(src[end+1:], " \t\r")
	if !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "" {
		return -1
	}
	return end
}

// dropTitle drops the anchors of a title that the body names again.
func (r *enReader) dropTitle() {
	end := titleEnd(r.src)
	if end < 0 {
		return
	}
	var title, body []*enAnchor
	for _, a := range r.anchors {
		if r.toks[a.tok].off < end {
			title = append(title, a)
		} else {
			body = append(body, a)
		}
	}
	if len(title) == 0 || len(body) == 0 {
		return
	}
	for _, a := range title {
		if !slices.ContainsFunc(body, func(b *enAnchor) bool { return sameMention(a, b) }) {
			return
		}
	}
	bodyNums := map[string]bool{}
	for _, t := range r.toks {
		if t.off >= end && (t.kind == 'n' || t.kind == 's') {
			bodyNums[strings.ReplaceAll(t.raw, " ", "")] = true
		}
	}
	for _, t := range r.toks {
		if t.off < end && (t.kind == 'n' || t.kind == 's') && !bodyNums[strings.ReplaceAll(t.raw, " ", "")] {
			return // the title says something the body does not
		}
	}
	for i := range r.toks {
		if r.toks[i].off < end && (r.toks[i].kind == 'n' || r.toks[i].kind == 's') {
			r.toks[i].used = true
		}
	}
	r.anchors = slices.DeleteFunc(r.anchors, func(a *enAnchor) bool { return slices.Contains(title, a) })
}

// sameMention reports whether anchors a and b name the same kind of
// layer: the kind, its pooling operation and its conv modifiers.
func sameMention(a, b *enAnchor) bool {
	return a.kind == b.kind && a.op == b.op && a.depthwise == b.depthwise && a.separable == b.separable &&
		a.pointwise == b.pointwise && a.dims == b.dims
}
