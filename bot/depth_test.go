package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestLayersAsked asks how many layers each reference model has, as
// students ask it, and checks the answer against PyTorch's module list
// (testdata/models.json and models-more.json: every Conv2d and Linear)
// and, where a name carries the depth (vgg16, resnet50, densenet121), the
// longest path against that number. Before, "how many layers does vgg16
// have" was answered with its parameters.
func TestLayersAsked(t *testing.T) {
	named := regexp.MustCompile(`^(?:vgg|resnet|densenet)(\d+)(?:_bn)?$`)
	depths := map[string]int64{"alexnet": 8, "googlenet": 22} // the papers' counts
	asks := []string{"how many layers does %s have?", "%s how many conv layers", "what is the depth of %s"}
	for i, m := range referenceModels(t) {
		t.Run(m.Model, func(t *testing.T) {
			var convs, linears int64
			for _, l := range m.Layers {
				switch l.Layer {
				case "Conv2d", "ConvTranspose2d":
					convs++
				case "Linear":
					linears++
				}
			}
			got := answerJSON(t, fmt.Sprintf(asks[i%len(asks)], m.Model))
			var d struct{ Path, Convs, Linears int64 }
			if raw, err := json.Marshal(got["depth"]); err != nil || json.Unmarshal(raw, &d) != nil || got["depth"] == nil {
				t.Fatalf("no depth in %v", got)
			}
			if d.Convs != convs || d.Linears != linears {
				t.Errorf("%d conv + %d fully connected in all, PyTorch's modules have %d + %d", d.Convs, d.Linears, convs, linears)
			}
			want, ok := depths[m.Model]
			if s := named.FindStringSubmatch(m.Model); s != nil {
				want, _ = strconv.ParseInt(s[1], 10, 64)
				ok = true
			}
			if ok && d.Path != want {
				t.Errorf("%d layers with weights on the longest path, the name says %d", d.Path, want)
			}
		})
	}
}

type referenceModel struct {
	Model  string `json:"model"`
	Input  []int  `json:"input"`
	Layers []struct {
		Layer string `json:"layer"`
	} `json:"layers"`
}

// referenceModels reads the PyTorch-computed models of testdata.
func referenceModels(t *testing.T) []referenceModel {
	var all []referenceModel
	for _, path := range []string{"../testdata/models.json", "../testdata/models-more.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ms []referenceModel
		if err := json.Unmarshal(data, &ms); err != nil {
			t.Fatal(err)
		}
		all = append(all, ms...)
	}
	return all
}

// TestPresetInputAsked: "what input size does resnet50 expect" is answered
// with the input the reference model was run on, first, where it was
// answered with the 1,000 classes that come out.
func TestPresetInputAsked(t *testing.T) {
	b := bot.New(bot.Options{})
	asks := []string{"what input size does %s expect", "whats the input shape of %s?", "which image resolution does %s take"}
	for i, m := range referenceModels(t) {
		text := fmt.Sprintf(asks[i%len(asks)], m.Model)
		first, _, _ := strings.Cut(bot.RenderText(b.Answer(context.Background(), text)), "\n")
		want := fmt.Sprintf("input shape = %d×%d×%d", m.Input[0], m.Input[1], m.Input[2])
		if !strings.HasPrefix(first, "Answer: "+want) {
			t.Errorf("%q: first line %q, want %q", text, first, want)
		}
	}
}
