package bot

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// The JSON answer of design.md §3.
type jsonAnswer struct {
	OK         bool        `json:"ok"`
	Understood string      `json:"understood"`
	Notes      []string    `json:"notes"`
	Asked      []string    `json:"asked"`
	At         []jsonAt    `json:"at,omitempty"`
	Fix        *jsonFix    `json:"fix,omitempty"`
	Input      jsonShape   `json:"input"`
	Layers     []jsonLayer `json:"layers"`
	Params     int64       `json:"params"`
	MACs       *int64      `json:"macs"`
	Buffers    int64       `json:"buffers,omitempty"`
	Solve      *jsonSolve  `json:"solve,omitempty"`
	FLOPs      *int64      `json:"flops,omitempty"`
	Memory     *jsonMemory `json:"memory,omitempty"`
	Depth      *jsonDepth  `json:"depth,omitempty"`
}

// jsonDepth is a network's layers with weights (calc.Depth), given when the
// question asks how many layers it has: on the longest path, as its name
// counts them, and in all.
type jsonDepth struct {
	Path        int64 `json:"path"`
	PathConvs   int64 `json:"path_convs"`
	PathLinears int64 `json:"path_linears"`
	Convs       int64 `json:"convs"`
	Linears     int64 `json:"linears"`
}

// jsonMemory is a network's memory estimate (calc.Memory), in bytes.
type jsonMemory struct {
	Convention    string `json:"convention"`
	Unit          string `json:"unit"`
	Batch         int64  `json:"batch"`
	BytesPerValue int64  `json:"bytes_per_value"`
	Input         int64  `json:"input"`
	Forward       int64  `json:"forward"`
	Training      int64  `json:"training"`
	Params        int64  `json:"params"`
	Total         int64  `json:"total"`
}

type jsonLayer struct {
	Type        string    `json:"type"`
	Weights     int64     `json:"weights"`
	Biases      int64     `json:"biases"`
	Params      int64     `json:"params"`
	Buffers     int64     `json:"buffers,omitempty"`
	Connections int64     `json:"connections_per_neuron"`
	Output      jsonShape `json:"output"`
	MACs        *int64    `json:"macs"`
	// RF, Jump and Start are a network layer's receptive field, effective
	// stride and effective padding, one per spatial dimension, where the
	// input size is known and the layout is still spatial.
	RF    []int64 `json:"rf,omitempty"`
	Jump  []int64 `json:"jump,omitempty"`
	Start []int64 `json:"start,omitempty"`
}

// jsonAt is a layer the question asks about by name or place ("the MACs
// of conv2", "fc1's in_features"): its 1-based index, how the question
// names it, and what of it is asked ("" the asked quantities, "output",
// "in_features", "flattened").
type jsonAt struct {
	Layer int    `json:"layer"`
	Name  string `json:"name,omitempty"`
	What  string `json:"what,omitempty"`
}

// jsonFix is the corrected line of a mismatch (grammar.Fix): which layer
// (1-based) and the line in the asker's framework.
type jsonFix struct {
	Layer int    `json:"layer"`
	Line  string `json:"line"`
	Why   string `json:"why,omitempty"`
}

// jsonSolve answers an inverse question.
type jsonSolve struct {
	Unknown   string    `json:"unknown"`
	Solutions []int64   `json:"solutions"`
	Second    string    `json:"second,omitempty"`
	Seconds   [][]int64 `json:"seconds,omitempty"`
}

type jsonRefusal struct {
	OK    bool      `json:"ok"`
	Error jsonError `json:"error"`
}

type jsonError struct {
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Layer   int    `json:"layer,omitempty"`
}

// jsonShape is a shape, null when unknown; an unknown channel count is null
// inside it.
type jsonShape []*int

// shapeJSON is s as a jsonShape.
func shapeJSON(s calc.Shape) jsonShape {
	if s == nil {
		return nil
	}
	out := make(jsonShape, len(s))
	for i, d := range s {
		if i == 0 && d == 0 && len(s) > 1 {
			continue // an unknown channel count
		}
		out[i] = &d
	}
	return out
}

// RenderJSON renders a reply as design.md §3's JSON, one line with a final
// newline.
func RenderJSON(r Reply) []byte {
	var v any
	if len(r.Answers) > 0 {
		v = answersJSON(r)
	} else if r.Err != nil {
		v = jsonRefusal{Error: jsonError{Message: r.Err.Msg, Line: r.Err.Line, Column: r.Err.Col, Layer: r.Err.Layer}}
	} else if a, err := answerJSON(r); err != nil {
		v = jsonRefusal{Error: jsonError{Message: err.Error()}}
	} else {
		v = a
	}
	// Not json.Marshal: it escapes ->, < and > for HTML, and these answers
	// are read by people and tools, never embedded in a page.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte(`{"ok":false,"error":{"message":"internal error: the answer could not be encoded"}}` + "\n")
	}
	return jsonSafe(buf.Bytes())
}

func answerJSON(r Reply) (jsonAnswer, error) {
	a := jsonAnswer{OK: true, Layers: []jsonLayer{}, Notes: []string{}, Asked: []string{}}
	if q := r.Question; q != nil {
		a.Understood, a.Notes, a.Asked = q.Canonical, jsonNotes(q), append(a.Asked, q.Asked...)
		for _, at := range q.At {
			a.At = append(a.At, jsonAt{Layer: at.Layer + 1, Name: at.Name, What: at.What})
		}
		if q.Fix != nil {
			a.Fix = &jsonFix{Layer: q.Fix.Layer + 1, Line: q.Fix.Line, Why: q.Fix.Why}
		}
		if d, ok := depthOf(r); ok && slices.Contains(q.Asked, "layers") {
			a.Depth = &jsonDepth{Path: d.Path.Total(), PathConvs: d.Path.Convs, PathLinears: d.Path.Linears, Convs: d.All.Convs, Linears: d.All.Linears}
		}
	}
	if r.Question != nil {
		a.Input = shapeJSON(r.Question.Input)
		if s := r.Question.Solve; s != nil {
			a.Solve = &jsonSolve{Unknown: s.Unknown, Solutions: append([]int64{}, s.Solutions...), Second: s.Second, Seconds: s.Seconds}
		}
	}
	reports := r.Reports
	var fields [][]calc.Window // a network's leaf rows' windows, as reports
	if r.Summary != nil {
		reports = make([]calc.Report, 0, len(r.Reports)+len(r.Summary.Rows))
		reports = append(reports, r.Reports...)
		// The single layers, in execution order (PyTorch's leaf modules);
		// blocks add nothing of their own.
		for i := range r.Summary.Rows {
			row := &r.Summary.Rows[i]
			if row.Leaf() {
				reports = append(reports, *row.Report)
				fields = append(fields, row.Field)
			}
		}
		if r.Summary.Input != nil && r.Question != nil {
			if mem, err := r.Summary.Memory(int64(r.Question.Batch), bytesOf(r.Question)); err == nil {
				a.Memory = &jsonMemory{Convention: "torchinfo", Unit: "bytes", Batch: mem.Batch, BytesPerValue: mem.BytesPerValue,
					Input: mem.Input, Forward: mem.Forward, Training: mem.Training, Params: mem.Params, Total: mem.Total}
			}
		}
	}
	a.Layers = make([]jsonLayer, 0, len(reports))
	for i, rep := range reports {
		l := jsonLayer{Type: rep.Kind, Weights: rep.Weights, Biases: rep.Biases, Params: rep.Params,
			Buffers: rep.Buffers, Connections: rep.Connections, Output: shapeJSON(rep.Output)}
		if rep.MACsKnown {
			l.MACs = &rep.MACs
		}
		if k := i - len(r.Reports); k >= 0 && k < len(fields) && r.Summary.Input != nil {
			for _, w := range fields[k] {
				l.RF, l.Jump, l.Start = append(l.RF, w.Size), append(l.Jump, w.Stride), append(l.Start, w.Pad)
			}
		}
		a.Layers = append(a.Layers, l)
	}
	// The layers' reports were each checked; so are their totals (the
	// same sums the text reply shows).
	t, err := calc.Sum(reports)
	if err != nil {
		return a, err
	}
	a.Params, a.Buffers = t.Params, t.Buffers
	if t.MACsKnown {
		total := t.MACs
		a.MACs = &total
		if r.Summary != nil {
			flops, err := t.FLOPs()
			if err != nil {
				return a, err
			}
			a.FLOPs = &flops
		}
	}
	return a, nil
}

// jsonNotes is design.md §3's notes: every assumption the reading made,
// every number of the question it left unused, with why where known, and
// what else of the question it did not account for.
func jsonNotes(q *grammar.Question) []string {
	notes := []string{}
	for _, n := range q.Notes {
		if q.Fix != nil && strings.HasPrefix(n, "fix: ") {
			continue // the fix has its own field
		}
		notes = append(notes, n)
	}
	for _, u := range q.Unused {
		why := u.Why
		if why == "" {
			why = "I cannot tell what it is for"
		}
		notes = append(notes, u.Text+" not used: "+why)
	}
	for _, d := range q.Doubts {
		notes = append(notes, "not sure: "+d)
	}
	return notes
}
