package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// stageModel is a reference model with what a stage check needs: each
// leaf module's parameters and output, in execution order.
type stageModel struct {
	Model  string `json:"model"`
	Params int64  `json:"params"`
	Layers []leaf `json:"layers"`
}

// leaf is one leaf module of a reference model.
type leaf struct {
	Layer  string `json:"layer"`
	Params int64  `json:"params"`
	Output []int  `json:"output"`
}

// TestStagesOfResNets asks for the parameters and the output of each stage
// of every ResNet of testdata (torchvision's layer1 to layer4) and of its
// first block (layer1[0]), as students name them, and checks them against
// PyTorch's leaf modules, split by counting convs from torchvision's blocks
// per stage. Before, "params of layer4 of resnet50" was answered with the
// whole network's 25.6 M.
func TestStagesOfResNets(t *testing.T) {
	asks := []string{"params of layer%d of %s", "how many parameters in %[2]s's layer%[1]d?", "%[2]s layer%[1]d param count"}
	checked := 0
	for _, m := range stageModels(t) {
		blocks, ok := resnetBlocks[m.Model]
		if !ok {
			continue
		}
		start := slices.IndexFunc(m.Layers, func(l leaf) bool { return l.Layer == "MaxPool2d" }) + 1
		if start < 1 {
			t.Fatalf("%s: no stem pool among %d leaves", m.Model, len(m.Layers))
		}
		perBlock := 3 // a bottleneck's 1×1, 3×3, 1×1
		if m.Model == "resnet18" || m.Model == "resnet34" {
			perBlock = 2 // a basic block's two 3×3
		}
		for stage := 1; stage <= 4; stage++ {
			// A stage's first block has a projection shortcut's conv too,
			// but for a basic net's first stage.
			projection := 1
			if stage == 1 && perBlock == 2 {
				projection = 0
			}
			end := convsFrom(m.Layers, start, blocks[stage-1]*perBlock+projection)
			checkPart(t, fmt.Sprintf(asks[stage%len(asks)], stage, m.Model), m.Layers[start:end])
			first := convsFrom(m.Layers, start, perBlock+projection)
			checkPart(t, fmt.Sprintf("params of layer%d[0] of %s", stage, m.Model), m.Layers[start:first])
			second := convsFrom(m.Layers, first, perBlock) // blocks 2 to n are one repeat in the preset
			checkPart(t, fmt.Sprintf("How many parameters in layer%d[1] of %s?", stage, m.Model), m.Layers[first:second])
			start = end
			checked++
		}
	}
	if checked < 4*5 {
		t.Errorf("checked %d stages, want the 4 stages of at least 5 ResNets", checked)
	}
}

// convsFrom is where the leaves from start holding convs Conv2d modules
// end: at the next conv, or at the global pool.
func convsFrom(layers []leaf, start, convs int) int {
	end, seen := start, 0
	for end < len(layers) && layers[end].Layer != "AdaptiveAvgPool2d" {
		if layers[end].Layer == "Conv2d" {
			if seen == convs {
				break
			}
			seen++
		}
		end++
	}
	return end
}

// checkPart checks the answer to q against PyTorch's leaves of the part
// asked: their parameters summed, and the last one's output.
func checkPart(t *testing.T, q string, leaves []leaf) {
	t.Run(q, func(t *testing.T) {
		var params int64
		for _, l := range leaves {
			params += l.Params
		}
		got := answerJSON(t, q)
		if p, _ := got["params"].(float64); int64(p) != params {
			t.Errorf("params %v, PyTorch's leaves sum to %d", got["params"], params)
		}
		layers, _ := got["layers"].([]any)
		if len(layers) == 0 {
			t.Fatalf("no layers in %v", got)
		}
		last, _ := layers[len(layers)-1].(map[string]any)
		if out := leaves[len(leaves)-1].Output; fmt.Sprint(last["output"]) != fmt.Sprint(out) {
			t.Errorf("output %v, PyTorch's part ends on %v", last["output"], out)
		}
	})
}

// TestStageSpans checks stages named together, as fine-tuning asks them:
// the span's parameters are the sum of PyTorch's leaves of both stages (and
// of the fc), counted by TestStagesOfResNets' split.
func TestStageSpans(t *testing.T) {
	for _, m := range stageModels(t) {
		if m.Model != "resnet18" && m.Model != "resnet50" {
			continue
		}
		blocks := resnetBlocks[m.Model]
		perBlock := map[string]int{"resnet18": 2, "resnet50": 3}[m.Model]
		start := slices.IndexFunc(m.Layers, func(l leaf) bool { return l.Layer == "MaxPool2d" }) + 1
		for stage := 1; stage <= 2; stage++ {
			projection := 1
			if stage == 1 && perBlock == 2 {
				projection = 0
			}
			start = convsFrom(m.Layers, start, blocks[stage-1]*perBlock+projection)
		}
		end := convsFrom(m.Layers, start, (blocks[2]+blocks[3])*perBlock+2)
		checkPart(t, "unfreeze layer3 and layer4 of "+m.Model+", how many params do i train", m.Layers[start:end])
		gap := slices.IndexFunc(m.Layers, func(l leaf) bool { return l.Layer == "AdaptiveAvgPool2d" })
		layer4 := convsFrom(m.Layers, start, blocks[2]*perBlock+1)
		checkPart(t, "how many trainable params in "+m.Model+" if i freeze everything except layer4 and fc", append(slices.Clip(m.Layers[layer4:gap]), m.Layers[gap:]...))
	}
}

// TestPresetWithClasses asks for every reference model with its own
// number of classes, said or as a dataset's (CIFAR-10), and with its fc
// replaced by pasted code: PyTorch's
// parameters, less its last Linear's, plus in·n + n for the new one (in
// from the old one's in·1000 + 1000).
func TestPresetWithClasses(t *testing.T) {
	checked := 0
	for i, m := range stageModels(t) {
		last := m.Layers[len(m.Layers)-1]
		if last.Layer != "Linear" || fmt.Sprint(last.Output) != "[1000]" {
			continue
		}
		in := last.Params/1000 - 1
		n := int64(2 + i%9)
		want := m.Params - last.Params + in*n + n
		asks := []string{"%s with %d classes, how many params", "params of %s(num_classes=%d)", "i fine tuned %s on %d categories, params?"}
		q := fmt.Sprintf(asks[i%len(asks)], m.Model, n)
		if got := answerJSON(t, q); int64(got["params"].(float64)) != want {
			t.Errorf("%q: params %v, want %d", q, got["params"], want)
		}
		for dataset, classes := range map[string]int64{"CIFAR-10": 10, "cifar100": 100} {
			q := fmt.Sprintf("%s fine-tuned on %s, how many parameters?", m.Model, dataset)
			want := m.Params - last.Params + in*classes + classes
			if got := answerJSON(t, q); int64(got["params"].(float64)) != want {
				t.Errorf("%q: params %v, want %d", q, got["params"], want)
			}
		}
		if m.Model == "resnet18" || m.Model == "resnet50" {
			q := fmt.Sprintf("i replaced %s's fc with nn.Linear(%d, %d), how many params now", m.Model, in, n)
			if got := answerJSON(t, q); int64(got["params"].(float64)) != want {
				t.Errorf("%q: params %v, want %d", q, got["params"], want)
			}
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("checked %d models, want the 20 or more that end in a Linear of 1000", checked)
	}
}

// TestStageNotInPreset checks that a stage a preset does not have is
// doubted, not answered with the whole network as if it were the stage.
func TestStageNotInPreset(t *testing.T) {
	for q, want := range map[string]string{
		"params of layer5 of resnet18":                  "no stage of that name",
		"output shape after layer3 of vgg16":            "no stage of that name",
		"params of layer2 and layer4 of resnet18":       "not one after another",
		"How many parameters in layer10 of resnet50?":   "no stage of that name",
		"How many parameters in layer3[9] of resnet34?": "cannot find it",
	} {
		got := answerJSON(t, q)
		notes := fmt.Sprint(got["doubts"], got["notes"])
		if !strings.Contains(notes, want) {
			t.Errorf("%q: no doubt about the stage in %v", q, notes)
		}
	}
}

// resnetBlocks are the blocks of each stage of the ResNets of testdata, as
// torchvision builds them (its `layers` argument).
var resnetBlocks = map[string][4]int{
	"resnet18": {2, 2, 2, 2}, "resnet34": {3, 4, 6, 3}, "resnet50": {3, 4, 6, 3},
	"resnet101": {3, 4, 23, 3}, "resnet152": {3, 8, 36, 3},
	"wide_resnet50_2": {3, 4, 6, 3}, "wide_resnet101_2": {3, 4, 23, 3},
	"resnext50_32x4d": {3, 4, 6, 3}, "resnext101_32x8d": {3, 4, 23, 3},
}

// stageModels reads the PyTorch-computed models of testdata.
func stageModels(t *testing.T) []stageModel {
	var all []stageModel
	for _, path := range []string{"../testdata/models.json", "../testdata/models-more.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ms []stageModel
		if err := json.Unmarshal(data, &ms); err != nil {
			t.Fatal(err)
		}
		all = append(all, ms...)
	}
	return all
}

// TestOutputOfAJoin checks the output asked of a network that ends in a
// block joining branches: the join's, not its last branch's. Before, both
// were answered with the last branch's conv alone (64×14×14 for
// inception4a).
func TestOutputOfAJoin(t *testing.T) {
	for q, want := range map[string]string{
		// torchvision's inception4a: 192 + 208 + 48 + 64 channels at 14×14
		"output of inception4a in googlenet": "512×14×14",
		// 192 + 208 channels; the 3×3 keeps 14×14 with pad 1
		"input 14x14x480\nconcat {\n  branch { conv 1x1 192 }\n  branch { conv 1x1 96; conv 3x3 208 pad 1 }\n}\noutput shape?": "400×14×14",
	} {
		text := bot.RenderText(bot.New(bot.Options{}).Answer(context.Background(), q))
		first, _, _ := strings.Cut(text, "\n")
		if !strings.Contains(first, "output shape = "+want) {
			t.Errorf("%q: first line %q, want output shape = %s", q, first, want)
		}
	}
}

// TestGlobalPoolOfPresets asks for the output of each reference model's
// global pooling, and for its output before it, and checks both against
// PyTorch's AdaptiveAvgPool2d module and the leaf before it. Before,
// "whats the output of resnet50's avgpool" was answered 1000.
func TestGlobalPoolOfPresets(t *testing.T) {
	checked := 0
	for _, m := range stageModels(t) {
		gap := len(m.Layers) - 1 // the last: squeeze-and-excitation blocks pool too
		for gap > 0 && m.Layers[gap].Layer != "AdaptiveAvgPool2d" {
			gap--
		}
		if gap < 1 {
			continue // applied as a function: no module to check against
		}
		for q, want := range map[string][]int{
			"whats the output of " + m.Model + "'s avgpool":      m.Layers[gap].Output,
			"output shape of " + m.Model + " before the avgpool": m.Layers[gap-1].Output,
			m.Model + " feature map size before global pooling":  m.Layers[gap-1].Output,
		} {
			got := answerJSON(t, q)
			layers, _ := got["layers"].([]any)
			if len(layers) == 0 {
				t.Errorf("%q: no layers in %v", q, got)
				continue
			}
			last, _ := layers[len(layers)-1].(map[string]any)
			if fmt.Sprint(last["output"]) != fmt.Sprint(want) {
				t.Errorf("%q: output %v, PyTorch's is %v", q, last["output"], want)
			}
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("checked %d models, want the 20 or more with an AdaptiveAvgPool2d module", checked)
	}
}
