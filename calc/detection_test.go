package calc

import "testing"

// Figures checked with /usr/bin/python3 and torch 1.13:
// nn.Conv2d(512, 3*(5+7), 1) has 18,468 parameters, nn.Conv2d(1024, 255, 1)
// 261,375, nn.Conv2d(256, 4*11, 3, padding=1) 101,420; YOLOv3's published
// 10,647 boxes at 416 and SSD300's 8,732 default boxes.
func TestHeadFilters(t *testing.T) {
	tests := []struct {
		name                    string
		anchors, classes, extra int
		want                    int64
	}{
		{"yolov3 coco", 3, 80, YOLOValues, 255},
		{"yolov3 7 classes", 3, 7, YOLOValues, 36},
		{"yolov2 voc", 5, 20, YOLOValues, 125},
		{"ssd class head", 4, 11, 0, 44},
		{"ssd box head", 6, 0, BoxValues, 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := HeadFilters(tt.anchors, tt.classes, tt.extra)
			if err != nil || st.Result != tt.want {
				t.Fatalf("HeadFilters(%d, %d, %d) = %d, %v; want %d", tt.anchors, tt.classes, tt.extra, st.Result, err, tt.want)
			}
		})
	}
	for _, bad := range [][3]int{{0, 80, 5}, {3, -1, 5}, {3, 0, 0}} {
		if _, err := HeadFilters(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("HeadFilters%v: want an error", bad)
		}
	}
	// The head conv sized by calc: 512·36 + 36.
	st, _ := HeadFilters(3, 7, YOLOValues)
	if r, err := (Conv{Kernel: []int{1, 1}, In: 512, Out: int(st.Result)}).Apply(nil); err != nil || r.Params != 18468 {
		t.Errorf("yolo head conv params = %d, %v; want 18,468", r.Params, err)
	}
}

func TestMapBoxes(t *testing.T) {
	st, err := MapBoxes(19, 19, 4)
	if err != nil || st.Result != 1444 {
		t.Fatalf("MapBoxes(19, 19, 4) = %d, %v; want 1,444", st.Result, err)
	}
	// SSD300: 38²·4 + 19²·6 + 10²·6 + 5²·6 + 3²·4 + 1²·4 = 8,732.
	var total int64
	for _, m := range [][2]int{{38, 4}, {19, 6}, {10, 6}, {5, 6}, {3, 4}, {1, 4}} {
		st, err := MapBoxes(m[0], m[0], m[1])
		if err != nil {
			t.Fatal(err)
		}
		total += st.Result
	}
	if total != 8732 {
		t.Errorf("SSD300 default boxes = %d, want 8,732", total)
	}
	if _, err := MapBoxes(0, 19, 4); err == nil {
		t.Error("MapBoxes(0, 19, 4): want an error")
	}
}

func TestScaleBoxes(t *testing.T) {
	tests := []struct {
		side    int
		strides []int
		anchors int
		want    int64
	}{
		{416, []int{8, 16, 32}, 3, 10647},
		{320, []int{8, 16, 32}, 3, 6300},
		{608, []int{32, 16, 8}, 3, 22743},
		{416, []int{32}, 5, 845}, // YOLOv2: 13·13·5
	}
	for _, tt := range tests {
		steps, got, err := ScaleBoxes(tt.side, tt.side, tt.strides, tt.anchors)
		if err != nil || got != tt.want || len(steps) != len(tt.strides)+1 {
			t.Errorf("ScaleBoxes(%d, %v, %d) = %d, %v (%d steps); want %d", tt.side, tt.strides, tt.anchors, got, err, len(steps), tt.want)
		}
	}
	if _, _, err := ScaleBoxes(300, 300, []int{8, 16, 32}, 3); err == nil {
		t.Error("ScaleBoxes(300, ...): 300 is no multiple of 32; want an error")
	}
	if _, _, err := ScaleBoxes(416, 416, nil, 3); err == nil {
		t.Error("ScaleBoxes without strides: want an error")
	}
}
