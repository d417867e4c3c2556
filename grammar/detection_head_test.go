package grammar

import (
	"slices"
	"testing"
)

// Phrasings of detection-head questions, written after the way askers put
// them on Stack Overflow ("why is filters = (classes + 5) * 3"), the
// weiliu89/caffe SSD issues ("the number of default boxes is kmn") and
// the darknet threads. Parameter counts checked with /usr/bin/python3 and
// torch 1.13: sum(p.numel()) of nn.Conv2d(256, 21, 1) = 5,397,
// nn.Conv2d(1024, 125, 1) = 128,125, nn.Conv2d(256, 720, 3, padding=1) =
// 1,659,600, nn.Conv2d(512, 16, 3, padding=1) = 73,744,
// nn.Conv2d(512, 126, 3, padding=1) = 580,734, nn.Conv2d(128, 18, 1,
// bias=False) = 2,304, nn.Conv2d(1024, 255, 1) = 261,375.
func TestDetectionHead(t *testing.T) {
	tests := []struct {
		src     string
		unknown string
		solved  int64
		params  int64
		doubt   bool
	}{
		{"custom yolo with 2 classes, what should filters be in the conv before each yolo layer? 3 anchors per scale, the input to that conv has 256 channels. params?", "filters", 21, 5397, false},
		{"YOLOv2 head on 13x13x1024 features, 5 anchor boxes per cell, 20 VOC classes, 1x1 conv: how many output channels and weights?", "filters", 125, 128125, false},
		{"RetinaNet classification subnet final conv: 3x3, in_channels=256, 9 anchors per location, 80 classes. parameter count?", "filters", 720, 1659600, false},
		{"SSD box regression head: a 3x3 conv on 512 channels with 4 default boxes per location. how many params?", "filters", 16, 73744, false},
		{"ssd300 conf layer on the 10x10x512 map, 6 default boxes per location, 20 classes plus background. how many weights in that 3x3 conv and how many default boxes from this map?", "boxes", 600, 580734, false},
		{"yolo head for nc=1 (just people), 3 anchors, 1x1 conv from 128 channels, no bias - params?", "filters", 18, 2304, false},
		{"darknet yolov3 on coco: 80 classes, 3 anchors per scale, the last 1x1 conv takes 1024 channels. how many filters and params does it have?", "filters", 255, 261375, false},
		// YOLOv1 shares a cell's class scores among its boxes: B·5 + C
		// (Conv2d(1024, 30, 1) = 30,750); a 7×7 grid with boxes and no
		// version or anchors may be it: in doubt.
		{"YOLOv1 head: 7x7 grid, 2 boxes per cell, 20 classes, 1x1 conv on 1024 channels. how many filters?", "filters", 30, 30750, false},
		{"original yolo: 7x7 grid, 2 boxes per cell, 20 classes, 1x1 conv on 1024 channels, filters and params?", "filters", 30, 30750, false},
		{"yolo head: 7x7 grid, 2 boxes per cell, 20 classes, 1x1 conv on 1024 channels. how many filters?", "filters", 50, 51250, true},
		// Per cell asked: the boxes a cell predicts, not the map's.
		{"yolo head on a 13x13 grid with 3 anchors per cell and 80 classes, 1x1 conv on 1024 channels, how many predictions per cell?", "boxes per cell", 3, 261375, false},
		// SSD's class head with classes not said to include the background: in doubt.
		{"SSD class confidence head, 3x3 conv with padding 1 on 512 channels, 4 default boxes per location and 20 classes. how many parameters?", "filters", 80, 512*9*80 + 80, true},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			if q.Solve == nil || q.Solve.Unknown != tt.unknown || !slices.Equal(q.Solve.Solutions, []int64{tt.solved}) {
				t.Fatalf("solved %+v, want %s = %d", q.Solve, tt.unknown, tt.solved)
			}
			if len(q.Layers) != 1 {
				t.Fatalf("layers %q, want the head conv", q.Canonical)
			}
			r, err := q.Layers[0].Layer.Apply(q.Input)
			if err != nil || r.Params != tt.params {
				t.Errorf("params %d, %v; want %d (%s)", r.Params, err, tt.params, q.Canonical)
			}
			if got := len(q.Doubts) > 0 || unexplained(q.Unused) > 0; got != tt.doubt {
				t.Errorf("in doubt %v (%q, unused %v), want %v", got, q.Doubts, q.Unused, tt.doubt)
			}
		})
	}
}

// Boxes checked by hand: 3·(40² + 20² + 10²) = 6,300 and the like; YOLOv3's
// published 10,647 at 416, SSD's 38·38·4 = 5,776 on conv4_3.
func TestDetectionBoxes(t *testing.T) {
	tests := []struct {
		src  string
		want int64
	}{
		{"How many bounding boxes does YOLOv3 predict for a 416x416 image?", 10647},
		{"yolov5 at img size 640, strides 8 16 32, 3 anchors per scale. total number of predictions before nms?", 25200},
		{"my detector has 13x13, 26x26 and 52x52 output grids with 3 anchors each, how many boxes in total?", 10647},
		{"yolov2 on 416x416 input: a 13x13 grid with 5 anchors per cell, how many boxes before nms?", 845},
		{"SSD: the 38x38 feature map has 4 default boxes per location, how many default boxes come from that layer?", 5776},
		{"yolo at 608 input, 3 scales (stride 32, 16, 8), 3 anchors per scale: how many anchor boxes total", 22743},
		{"Faster R-CNN RPN with 9 anchors per location on a 50x38 feature map, how many anchors in total?", 17100},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			if q.Solve == nil || q.Solve.Unknown != "boxes" || !slices.Equal(q.Solve.Solutions, []int64{tt.want}) {
				t.Fatalf("solved %+v, want boxes = %d", q.Solve, tt.want)
			}
			if n := unexplained(q.Unused); n > 0 || len(q.Doubts) > 0 {
				t.Errorf("in doubt: %q, unused %v", q.Doubts, q.Unused)
			}
		})
	}
}

// A detector named beside a question its words do not size stays with the
// other readers: no head or boxes are made up.
func TestDetectionLeftAlone(t *testing.T) {
	for _, src := range []string{
		"how many params does yolov3 have?",
		"conv 3x3 64->128 input 56x56, used in my ssd backbone: params?",
		"the detection head has 3 anchors. what is the receptive field of a 3x3 conv stack of 4 layers?",
	} {
		if qs := detectionAsked(src); qs != nil {
			t.Errorf("%q read as a detection question: %s", src, qs[0].Canonical)
		}
	}
}
