package bot_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// answerJSON answers q through ask --json's code path and decodes the JSON.
func answerJSON(t *testing.T, q string) map[string]any {
	t.Helper()
	reply := bot.New(bot.Options{}).Answer(context.Background(), q)
	var got map[string]any
	if err := json.Unmarshal(bot.RenderJSON(reply), &got); err != nil {
		t.Fatalf("%q: the JSON does not decode: %v", q, err)
	}
	return got
}

func readJSONL(t *testing.T, path string, each func(line []byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		each(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestReferenceLayers checks every layer PyTorch sized in
// testdata/layers.jsonl: weights, biases, params, connections per neuron,
// output and MACs, or a refusal where PyTorch refused. A row without
// connections_per_neuron (pools, batch norm, transposed conv) must answer
// 0; a row without macs and without an input size (batch norm) null.
func TestReferenceLayers(t *testing.T) {
	n := 0
	readJSONL(t, "../testdata/layers.jsonl", func(line []byte) {
		var row struct {
			ID      int      `json:"id"`
			Type    string   `json:"type"`
			Spec    string   `json:"spec"`
			Weights float64  `json:"weights"`
			Biases  float64  `json:"biases"`
			Params  float64  `json:"params"`
			Conns   *float64 `json:"connections_per_neuron"`
			Output  []any    `json:"output"`
			MACs    *float64 `json:"macs"`
			Error   string   `json:"error"`
		}
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatal(err)
		}
		n++
		t.Run(fmt.Sprintf("%d", row.ID), func(t *testing.T) {
			got := answerJSON(t, row.Spec)
			if row.Error != "" {
				if got["ok"] != false {
					t.Fatalf("%q: PyTorch refuses (%s) but the bot answered %v", row.Spec, row.Error, got)
				}
				e := got["error"].(map[string]any)
				if e["message"] == "" || e["line"] == nil {
					t.Errorf("%q: the refusal should say why and where: %v", row.Spec, e)
				}
				return
			}
			if got["ok"] != true {
				t.Fatalf("%q: refused: %v", row.Spec, got["error"])
			}
			layers := got["layers"].([]any)
			if len(layers) != 1 {
				t.Fatalf("%q: %d layers, want 1", row.Spec, len(layers))
			}
			l := layers[0].(map[string]any)
			want := map[string]any{"type": row.Type, "weights": row.Weights, "biases": row.Biases, "params": row.Params,
				"connections_per_neuron": 0.0, "output": nil, "macs": nil}
			if row.Conns != nil {
				want["connections_per_neuron"] = *row.Conns
			}
			if row.Output != nil { // batch norm rows have no input size, so no output
				want["output"] = row.Output
			}
			if row.MACs != nil {
				want["macs"] = *row.MACs
			}
			for key, want := range want {
				if !reflect.DeepEqual(l[key], want) {
					t.Errorf("%q: %s = %v, PyTorch says %v", row.Spec, key, l[key], want)
				}
			}
			if got["params"] != row.Params {
				t.Errorf("%q: total params = %v, PyTorch says %v", row.Spec, got["params"], row.Params)
			}
		})
	})
	if n != 1000 {
		t.Errorf("read %d reference layers, want 1000", n)
	}
}

// TestReferenceNets checks every network of testdata/nets.jsonl, layer by
// layer, and the index of the failing layer where PyTorch refuses.
func TestReferenceNets(t *testing.T) {
	n := 0
	readJSONL(t, "../testdata/nets.jsonl", func(line []byte) {
		var row struct {
			ID     int    `json:"id"`
			Spec   string `json:"spec"`
			Layers []struct {
				Output []any   `json:"output"`
				Params float64 `json:"params"`
			} `json:"layers"`
			Params   float64 `json:"params"`
			Error    string  `json:"error"`
			BadLayer float64 `json:"bad_layer"`
		}
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatal(err)
		}
		n++
		t.Run(fmt.Sprintf("%d", row.ID), func(t *testing.T) {
			got := answerJSON(t, row.Spec)
			if row.Error != "" {
				if got["ok"] != false {
					t.Fatalf("PyTorch refuses at layer %v (%s) but the bot answered:\n%s", row.BadLayer, row.Error, row.Spec)
				}
				e := got["error"].(map[string]any)
				if e["layer"] != row.BadLayer {
					t.Errorf("refused at layer %v, PyTorch fails at %v (%s): %v\n%s", e["layer"], row.BadLayer, row.Error, e["message"], row.Spec)
				}
				return
			}
			if got["ok"] != true {
				t.Fatalf("refused: %v\n%s", got["error"], row.Spec)
			}
			layers := got["layers"].([]any)
			if len(layers) != len(row.Layers) {
				t.Fatalf("%d layers, want %d", len(layers), len(row.Layers))
			}
			for i, want := range row.Layers {
				l := layers[i].(map[string]any)
				if !reflect.DeepEqual(l["output"], want.Output) || l["params"] != want.Params {
					t.Errorf("layer %d: output %v params %v, PyTorch says %v %v", i+1, l["output"], l["params"], want.Output, want.Params)
				}
			}
			if got["params"] != row.Params {
				t.Errorf("total params %v, PyTorch says %v", got["params"], row.Params)
			}
		})
	})
	if n != 300 {
		t.Errorf("read %d reference networks, want 300", n)
	}
}
