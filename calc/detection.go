package calc

import (
	"fmt"
	"strings"
)

// One-stage detectors (YOLO, SSD, RetinaNet) end each scale with a plain
// conv whose output channels hold, at every feature-map location, a set of
// numbers for each anchor (default box). The conv is sized like any other;
// what is particular is how its output channels and the number of boxes
// follow from anchors, classes and strides. The figures below are the
// papers' own: YOLOv3 (Redmon & Farhadi 2018, "3·(4+1+80) = 255"), SSD (Liu
// et al. 2016, "(c+4)k filters ... kmn outputs for an m×n feature map").

// Values a detection head predicts per anchor besides its class scores.
const (
	// YOLOValues is x, y, w, h and the objectness score of a YOLO head.
	YOLOValues = 5
	// BoxValues is the 4 box offsets of SSD's (or RetinaNet's) box head.
	BoxValues = 4
)

// HeadFilters is the output-channel count of a detection head's conv:
// anchors·(classes + extra), extra being [YOLOValues] for a YOLO head, 0
// for SSD's class-confidence head (its classes include the background),
// and [BoxValues] with classes 0 for a box-regression head. It returns an
// [*Error] when anchors is below 1, classes or extra is negative, or both
// are 0.
func HeadFilters(anchors, classes, extra int) (Step, error) {
	switch {
	case anchors < 1:
		return Step{}, errorf("anchors", "a detection head needs at least 1 anchor per location, not %d", anchors)
	case classes < 0 || extra < 0:
		return Step{}, errorf("classes", "a detection head cannot have a negative number of classes")
	case classes+extra == 0:
		return Step{}, errorf("classes", "a detection head predicts at least one value per anchor")
	}
	var a acc
	n := a.mul(int64(anchors), a.add(int64(classes), int64(extra)))
	if a.err != nil {
		return Step{}, a.err
	}
	st := Step{Quantity: "filters (output channels)", Result: n}
	switch {
	case extra == YOLOValues:
		st.Formula = "anchors·(5 + classes)"
		st.Values = []Binding{{"anchors", int64(anchors)}, {"classes", int64(classes)}}
		st.Note = "each anchor predicts x, y, w, h, an objectness score and one score per class"
	case extra == 0:
		st.Formula = "boxes·classes"
		st.Values = []Binding{{"boxes", int64(anchors)}, {"classes", int64(classes)}}
		st.Note = "one confidence per class (the background included) for each default box at a location"
	case classes == 0 && extra == BoxValues:
		st.Formula = "boxes·4"
		st.Values = []Binding{{"boxes", int64(anchors)}}
		st.Note = "4 offsets (cx, cy, w, h) for each default box at a location"
	default:
		st.Formula = "anchors·(classes + extra)"
		st.Values = []Binding{{"anchors", int64(anchors)}, {"classes", int64(classes)}, {"extra", int64(extra)}}
	}
	return st, nil
}

// YOLOv1Filters is the values YOLOv1 predicts at each cell of its grid
// (Redmon et al. 2016, "S×S×(B·5 + C)"): B boxes of x, y, w, h and a
// confidence each, and one set of C class scores shared by the cell, not
// one a box as in YOLOv2 onward. It returns an [*Error] when boxes is
// below 1 or classes is negative.
func YOLOv1Filters(boxes, classes int) (Step, error) {
	if boxes < 1 || classes < 0 {
		return Step{}, errorf("anchors", "a YOLOv1 cell predicts at least 1 box, and 0 or more classes: not %d boxes and %d classes", boxes, classes)
	}
	var a acc
	n := a.add(a.mul(int64(boxes), YOLOValues), int64(classes))
	if a.err != nil {
		return Step{}, a.err
	}
	return Step{Quantity: "filters (output channels)", Formula: "boxes·5 + classes",
		Values: []Binding{{"boxes", int64(boxes)}, {"classes", int64(classes)}}, Result: n,
		Note: "YOLOv1: each box predicts x, y, w, h and a confidence; the cell's class scores are shared by its boxes"}, nil
}

// MapBoxes is the number of boxes (anchors, default boxes) an H×W feature
// map contributes with anchors boxes at each location: H·W·anchors. It
// returns an [*Error] when a size or anchors is below 1.
func MapBoxes(h, w, anchors int) (Step, error) {
	if h < 1 || w < 1 || anchors < 1 {
		return Step{}, errorf("anchors", "a feature map of %d×%d with %d boxes a location has no boxes", h, w, anchors)
	}
	var a acc
	n := a.mul(int64(h), int64(w), int64(anchors))
	if a.err != nil {
		return Step{}, a.err
	}
	return Step{Quantity: "boxes", Formula: "H·W·boxes",
		Values: []Binding{{"H", int64(h)}, {"W", int64(w)}, {"boxes", int64(anchors)}}, Result: n,
		Note: "one set of predictions per box at every location of the map"}, nil
}

// ScaleBoxes is the number of boxes a detector predicts before
// non-maximum suppression on an h×w input, with one prediction scale per
// stride (a grid of h/s × w/s cells) and anchors boxes per cell at each:
// the steps give each scale's grid and boxes, then the total. It returns
// an [*Error] when no stride is given, a stride does not divide a side of
// the input (YOLO needs inputs that are multiples of its largest stride),
// or a number is below 1.
func ScaleBoxes(h, w int, strides []int, anchors int) ([]Step, int64, error) {
	if len(strides) == 0 {
		return nil, 0, errorf("stride", "no prediction scale (stride) given")
	}
	if h < 1 || w < 1 || anchors < 1 {
		return nil, 0, errorf("input", "an input of %d×%d with %d anchors a cell predicts no boxes", h, w, anchors)
	}
	var steps []Step
	var total int64
	var terms []string
	var a acc
	for _, s := range strides {
		if s < 1 || h%s != 0 || w%s != 0 {
			return nil, 0, errorf("stride", "stride %d does not divide the %d×%d input into whole cells", s, h, w)
		}
		st, err := MapBoxes(h/s, w/s, anchors)
		if err != nil {
			return nil, 0, err
		}
		st.Quantity = fmt.Sprintf("boxes at stride %d (a %d×%d grid)", s, h/s, w/s)
		st.Note = ""
		steps = append(steps, st)
		total = a.add(total, st.Result)
		terms = append(terms, group3(st.Result))
	}
	if a.err != nil {
		return nil, 0, a.err
	}
	steps = append(steps, Step{Quantity: "boxes in total, before NMS", Formula: strings.Join(terms, " + "), Result: total,
		Note: "every anchor of every cell predicts a box; non-maximum suppression removes most of them afterwards"})
	return steps, total, nil
}

// group3 writes n with thousands separated by commas, for a formula.
func group3(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + group3(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
