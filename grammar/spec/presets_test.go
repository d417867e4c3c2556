package spec

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// referenceModel is one model of testdata/models.json (torchvision at
// 3×224×224, computed by PyTorch; see testdata/README.md).
type referenceModel struct {
	Model           string `json:"model"`
	Input           []int  `json:"input"`
	Params          int64  `json:"params"`
	TrainableParams int64  `json:"trainable_params"`
	BNRunningStats  int64  `json:"bn_running_stats"`
	ConvLinearMACs  int64  `json:"conv_linear_macs"`
	Output          []int  `json:"output"`
	Layers          []struct {
		Layer  string `json:"layer"`
		Params int64  `json:"params"`
		Output []int  `json:"output"`
		MACs   int64  `json:"macs"`
	} `json:"layers"`
}

func readModels(t testing.TB) []referenceModel {
	t.Helper()
	data, err := os.ReadFile("../../testdata/models.json")
	if err != nil {
		t.Fatal(err)
	}
	var models []referenceModel
	if err := json.Unmarshal(data, &models); err != nil {
		t.Fatal(err)
	}
	return models
}

// torchKinds maps PyTorch's module names to calc's kinds.
var torchKinds = map[string]string{
	"Conv2d": "conv2d", "BatchNorm2d": "batchnorm", "ReLU": "relu", "ReLU6": "relu6",
	"MaxPool2d": "maxpool", "AvgPool2d": "avgpool", "AdaptiveAvgPool2d": "adaptiveavgpool",
	"Linear": "linear", "Dropout": "dropout", "Flatten": "flatten",
}

// functional are the layers torchvision may apply as functions (F.relu,
// torch.flatten, F.adaptive_avg_pool2d) rather than modules: they are in a
// preset but not in PyTorch's list of leaf modules.
var functional = map[string]bool{"relu": true, "flatten": true, "globalavgpool": true, "adaptiveavgpool": true}

func summarize(t testing.TB, q *lang.Question) calc.Summary {
	t.Helper()
	net := calc.Network{Input: q.Input}
	for _, l := range q.Layers {
		net.Layers = append(net.Layers, l.Layer)
	}
	s, err := net.Summarize()
	if err != nil {
		t.Fatalf("summarize: %v", err)
	}
	return s
}

// TestPresetsMatchTorchvision checks every model of testdata/models.json
// against its preset: the totals, the final shape, and every leaf module's
// output shape, parameters and MACs, matched in execution order (a preset's
// relu, flatten and pooling that torchvision applies as functions are
// skipped).
func TestPresetsMatchTorchvision(t *testing.T) {
	models := readModels(t)
	if len(models) != 14 {
		t.Fatalf("read %d models, want 14", len(models))
	}
	for _, m := range models {
		t.Run(m.Model, func(t *testing.T) {
			text, _, ok := presets.Lookup(m.Model)
			if !ok {
				t.Fatalf("no preset %s", m.Model)
			}
			q, err := Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			if !q.Input.Equal(m.Input) {
				t.Errorf("input %v, want %v", q.Input, m.Input)
			}
			s := summarize(t, q)
			if s.Params != m.Params || s.Params != m.TrainableParams {
				t.Errorf("params %d, want %d (trainable %d)", s.Params, m.Params, m.TrainableParams)
			}
			if s.Buffers != m.BNRunningStats {
				t.Errorf("batch-norm running statistics %d, want %d", s.Buffers, m.BNRunningStats)
			}
			if s.MACs != m.ConvLinearMACs {
				t.Errorf("MACs %d, want %d", s.MACs, m.ConvLinearMACs)
			}
			if !s.Output.Equal(m.Output) {
				t.Errorf("output %v, want %v", s.Output, m.Output)
			}
			leaves := s.Leaves()
			j := 0
			for i, row := range leaves {
				if j < len(m.Layers) && torchKinds[m.Layers[j].Layer] == row.Kind {
					want := m.Layers[j]
					if !row.Output.Equal(want.Output) || row.Params != want.Params || row.MACs != want.MACs {
						t.Fatalf("leaf %d (%s), PyTorch's layer %d (%s): output %v params %d MACs %d, want %v %d %d",
							i+1, row.Kind, j+1, want.Layer, row.Output, row.Params, row.MACs, want.Output, want.Params, want.MACs)
					}
					j++
					continue
				}
				if !functional[row.Kind] {
					next := "nothing"
					if j < len(m.Layers) {
						next = m.Layers[j].Layer
					}
					t.Fatalf("leaf %d (%s) has no match: PyTorch's layer %d is %s", i+1, row.Kind, j+1, next)
				}
			}
			if j != len(m.Layers) {
				t.Errorf("matched %d of PyTorch's %d layers", j, len(m.Layers))
			}
		})
	}
}

// TestPresetsRoundTrip checks that every preset formats to text that parses
// back to the same layers.
func TestPresetsRoundTrip(t *testing.T) {
	for _, name := range presets.Names() {
		t.Run(name, func(t *testing.T) {
			text, _, _ := presets.Lookup(name)
			q, err := Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Parse(lang.Format(q))
			if err != nil {
				t.Fatalf("%v\n%s", err, lang.Format(q))
			}
			if !sameLayers(q, back) {
				t.Errorf("the round trip changed the network:\n%s", lang.Format(q))
			}
		})
	}
}

func sameLayers(a, b *lang.Question) bool {
	if !a.Input.Equal(b.Input) || len(a.Layers) != len(b.Layers) || a.Batch != b.Batch || a.Depth != b.Depth {
		return false
	}
	for i := range a.Layers {
		if !reflect.DeepEqual(a.Layers[i].Layer, b.Layers[i].Layer) {
			return false
		}
	}
	return true
}

func TestPresetQuestions(t *testing.T) {
	for _, tc := range []struct {
		src, canonical string
		batch, depth   int
		show           bool
	}{
		{"resnet50", "resnet50", 0, 0, false},
		{"ResNet50 batch 64", "resnet50 batch 64", 64, 0, false},
		{"resnet152 depth 2", "resnet152 depth 2", 0, 2, false},
		{"preset vgg16bn", "vgg16_bn", 0, 0, false},
		{"show resnet18", "", 0, 0, true},
	} {
		t.Run(tc.src, func(t *testing.T) {
			q, err := Parse(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if tc.show {
				text, _, _ := presets.Lookup("resnet18")
				if q.Canonical != strings.TrimRight(text, "\n") || len(q.Asked) != 2 || q.Asked[0] != "preset" || q.Asked[1] != "resnet18" {
					t.Errorf("show: canonical %q, asked %v", q.Canonical, q.Asked)
				}
				return
			}
			if q.Canonical != tc.canonical || q.Batch != tc.batch || q.Depth != tc.depth || !q.Network {
				t.Errorf("got %q batch %d depth %d network %v", q.Canonical, q.Batch, q.Depth, q.Network)
			}
		})
	}
	for _, bad := range []string{"show resnet5", "resnet50 batch 0", "resnet50 conv", "show"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q: no error", bad)
		} else if e, ok := err.(*lang.Error); !ok || e.Line == 0 {
			t.Errorf("%q: error %v has no position", bad, err)
		}
	}
}
