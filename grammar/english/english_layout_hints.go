package english

import (
	"fmt"
	"strings"
)

// A size of three sides is read as H×W×C unless it looks like C×H×W
// ("3x224x224"); the asker can say which, and then the words decide:
// after the size ("3x240x320 (hxw)": the last two are the height and the
// width, so the first is the channels; "3 x 64 x 128 (channels, height,
// width)"), or once for the question ("channels first", "NCHW", "in
// PyTorch's layout"; "channels last", "NHWC"). Sizes read so are put in the
// reader's order (H, W, C; the batch first) and keep the layout said, for
// the note that tells how they were read.

// enLayoutNames are the words of one side in a layout written out.
var enLayoutNames = map[string]string{"c": "C", "ch": "C", "chan": "C", "channel": "C", "channels": "C", "depth": "C",
	"h": "H", "height": "H", "w": "W", "width": "W", "n": "N", "b": "N", "batch": "N", "d": "D"}

// enLayoutWordsAt reads a layout written after a size of n sides in
// letters or words, "(hxw)", "(h x w)", "(channels, height, width)", "(c
// x h x w)", and returns it as letters (C, H, W, N, D) and the tokens it
// spans; a layout that names only the height and the width of a size of
// three sides (four with a batch) says the first side is the channels.
func enLayoutWordsAt(toks []enTok, i, n int) (string, int) {
	if i >= len(toks) || toks[i].raw != "(" {
		return "", 0
	}
	var order strings.Builder
	for j := i + 1; j < len(toks) && j < i+12; j++ {
		raw := strings.ToLower(toks[j].raw)
		switch {
		case raw == ")":
			return enLayoutComplete(order.String(), n, toks[i-1].dims), j - i + 1
		case raw == "," || raw == "×" || raw == "x" || raw == "*" || raw == "/":
		case enLayoutNames[raw] != "":
			order.WriteString(enLayoutNames[raw])
		case strings.Trim(raw, "chwndx") == "" && strings.ContainsAny(raw, "hw"):
			order.WriteString(strings.ToUpper(strings.ReplaceAll(raw, "x", "")))
		default:
			return "", 0
		}
	}
	return "", 0
}

// enLayoutComplete is order, the letters of a layout said for a size of n
// sides dims, with the channels (and a batch) it leaves out put where
// they stand; "" when it is not one. "(HxW)" names two sides of three:
// the channels are the side left, a few (3x240x320 is C×H×W, 480x640x3 is
// H×W×C), or the one beside two equal sides.
func enLayoutComplete(order string, n int, dims []int) string {
	switch {
	case order == "HW" && n == 3:
		order = enChannelsLeft(dims)
	case (order == "HW" || order == "CHW") && n == 4:
		order = "NCHW"
	case order == "HWC" && n == 4:
		order = "NHWC"
	}
	if len(order) != n || !strings.Contains(order, "C") || !strings.Contains(order, "H") || !strings.Contains(order, "W") {
		return ""
	}
	return order
}

// enChannelsLeft is the layout of a size of three sides said "(HxW)":
// "CHW" when its first side is the channels, "HWC" when its last is, ""
// when the sides do not tell.
func enChannelsLeft(d []int) string {
	if len(d) != 3 {
		return ""
	}
	first := d[0] <= 4 || d[1] == d[2] && d[0] != d[1]
	last := d[2] <= 4 || d[0] == d[1] && d[2] != d[0]
	switch {
	case first && !last:
		return "CHW"
	case last && !first:
		return "HWC"
	}
	return ""
}

// enSentenceLayout is the layout the question says for its sizes once,
// "CHW" for channels first ("channels first", "channels-first", "NCHW",
// "CHW", "pytorch layout"), "HWC" for channels last; "" for none or both.
func enSentenceLayout(toks []enTok) string {
	first, last := false, false
	for i, t := range toks {
		raw := strings.ToLower(t.raw)
		next := ""
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if toks[j].raw != "-" && toks[j].raw != "_" {
				next = strings.ToLower(toks[j].raw)
				break
			}
		}
		// "64 channels first, then the 3x3": a count, not a layout.
		said := (raw == "channels" || raw == "channel") && (i == 0 || toks[i-1].kind != 'n') && !enThenAfter(toks, i+2)
		switch {
		case raw == "nchw" || raw == "chw" || said && next == "first":
			first = true
		case raw == "nhwc" || raw == "hwc" || said && next == "last":
			last = true
		}
	}
	switch {
	case first && !last:
		return "CHW"
	case last && !first:
		return "HWC"
	}
	return ""
}

// enThenAfter reports whether a "then" comes within two tokens from i:
// "first, then ..." orders steps.
func enThenAfter(toks []enTok, i int) bool {
	for j := i; j < len(toks) && j <= i+2; j++ {
		if strings.EqualFold(toks[j].raw, "then") {
			return true
		}
	}
	return false
}

// enLayoutHints puts the sizes of three sides (four with a batch) in the
// layout the question says once for them: "channels first input
// 16x50x70" is 50×70 with 16 channels. Sizes whose layout is written
// after them keep it.
func enLayoutHints(toks []enTok) []enTok {
	layout := enSentenceLayout(toks)
	if layout == "" {
		return toks
	}
	for i := range toks {
		t := &toks[i]
		if t.kind != 's' || t.order != "" || len(t.dims) < 3 || len(t.dims) > 4 {
			continue
		}
		order := layout
		if len(t.dims) == 4 {
			order = "N" + layout
		}
		t.dims = enReorder(t.dims, order)
		t.order = order
	}
	return toks
}

// saidLayout splits an input size whose layout the question said into its
// channels and sides, with a note of how it was read; ok is false when
// the question said none.
func (r *enReader) saidLayout(f *enSizeFact, dims []int) (channels int, sides []int, ok bool) {
	t := r.toks[f.tok]
	if t.order == "" || len(dims) != len(t.order) || len(dims) < 3 {
		return 0, nil, false
	}
	// enReorder put the sides as N, D, H, W, C: the channels last.
	c, sides := dims[len(dims)-1], dims[:len(dims)-1]
	note := fmt.Sprintf("%s read as %s, as said", t.raw, strings.Join(strings.Split(t.order, ""), "×"))
	if len(dims) == 4 && strings.HasPrefix(t.order, "N") {
		sides = dims[1:3]
		note += "; the batch is dropped"
	}
	r.notes = append(r.notes, note)
	return c, sides, true
}
