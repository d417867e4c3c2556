package grammar

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// settingCase is a case of testdata/questions/prose.jsonl that says what
// its setting question solves: the unknown and every value, each checked
// with PyTorch (or TensorFlow's documented 'same' formula) in its working.
type settingCase struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Working string `json:"working"`
	Solve   *struct {
		Unknown   string  `json:"unknown"`
		Solutions []int64 `json:"solutions"`
		Seconds   []int64 `json:"seconds"`
	} `json:"solve"`
}

// TestSettingQuestions reads every setting question of the prose cases
// that names its solution and checks the values found, and that the
// reading is sure of them (every number explained).
func TestSettingQuestions(t *testing.T) {
	f, err := os.Open("../testdata/questions/prose.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		var c settingCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if c.Solve == nil {
			continue
		}
		n++
		t.Run(c.ID, func(t *testing.T) {
			qs, err := ParseAll(c.Text)
			if err != nil || len(qs) != 1 || qs[0].Solve == nil {
				t.Fatalf("%q: %d questions, err %v; want one solved", c.Text, len(qs), err)
			}
			sv := qs[0].Solve
			if sv.Unknown != c.Solve.Unknown || !slices.Equal(sv.Solutions, c.Solve.Solutions) {
				t.Errorf("%q: %s = %v, want %s = %v (%s)", c.Text, sv.Unknown, sv.Solutions, c.Solve.Unknown, c.Solve.Solutions, c.Working)
			}
			if c.Solve.Seconds != nil && (len(sv.Seconds) != 1 || !slices.Equal(sv.Seconds[0], c.Solve.Seconds)) {
				t.Errorf("%q: %s %v, want %v", c.Text, sv.Second, sv.Seconds, c.Solve.Seconds)
			}
			if u := unexplained(qs[0].Unused); u > 0 || len(qs[0].Doubts) > 0 {
				t.Errorf("%q: unsure: unused %v, doubts %v", c.Text, qs[0].Unused, qs[0].Doubts)
			}
		})
	}
	if n < 30 {
		t.Errorf("%d setting questions with a solution named, want 30 or more", n)
	}
}

// TestSettingNotAsked checks that a question that names a setting without
// asking it, asks two, or describes more than one layer is not read as a
// setting question.
func TestSettingNotAsked(t *testing.T) {
	for _, src := range []string{
		"macs for conv 3x3 64->64 on 56x56 w same pad? (ignoring bias)",
		"conv 3x3 stride 2 padding 1 on 64x64, output size?",
		"I used padding 2 with a 5x5 kernel on 32x32, is the output still 32x32?",
		"what stride and padding turn 256 into 128 with a 3x3 kernel",
		"what padding does a 3x3 conv use in resnet, and how many parameters on 56x56x64 with 64 filters?",
		"40x40 input: conv5 -> pool2 -> conv5 -> pool2 -> conv3 (no padding). what padding on the last conv keeps 7x7?",
		"nn.Conv2d(3, 16, 3, padding=1) then nn.Conv2d(16, 32, 5): what padding on the second keeps 28x28?",
		"nn.Conv2d(16, 32, 3, dilation=2) on 48x48 gives what size? and what padding keeps it at 48",
	} {
		prose := settingProse(src)
		if sq := withSettingSolved(src, nil, nil); sq != nil {
			t.Errorf("%q read as a setting question: %s = %v (asked %+v)", src, sq.Solve.Unknown, sq.Solve.Solutions, askedSetting(prose))
		}
	}
}

// TestSettingUnsure checks that a number the reading cannot place makes
// the reply unsure, never silently dropped.
func TestSettingUnsure(t *testing.T) {
	src := "what padding keeps a 28x28 input at 28x28 with a 5x5 kernel, stride 1, and 17 of something?"
	sq := withSettingSolved(src, nil, nil)
	if sq == nil {
		t.Fatal("not read as a setting question")
	}
	if !slices.ContainsFunc(sq.Unused, func(u Unused) bool { return u.Text == "17" && u.Why == "" }) {
		t.Errorf("17 not named as unexplained: %v", sq.Unused)
	}
	if got := strings.Join(sq.Notes, "; "); !strings.Contains(got, "kernel 5") {
		t.Errorf("notes %q do not restate the kernel", got)
	}
}
