package bot

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// writeAsked puts the numbers the question asked for on one line before
// the working, so "how many connections?" is answered at a glance. The
// numbers are picked from what calc computed, never recomputed here.
func writeAsked(b *strings.Builder, r Reply, m markup) {
	q := r.Question
	if r.Err != nil || q == nil || len(q.Asked) == 0 {
		return
	}
	var parts []string
	for _, a := range q.Asked {
		if s := askedValue(r, a); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(b, "%s %s\n\n", m.bold("Answer:"), strings.Join(parts, " · "))
	}
}

// askedValue names one asked quantity with its value, or "" when the reply
// has no such number.
func askedValue(r Reply, asked string) string {
	rep, ok := lastReport(r)
	switch asked {
	case "params":
		if r.Summary != nil {
			return "learnable parameters = " + group(r.Summary.Params)
		}
		if ok {
			return "learnable parameters = " + group(sumParams(r.Reports))
		}
	case "weights":
		if ok && r.Summary == nil {
			return "weights = " + group(rep.Weights)
		}
	case "biases":
		if ok && r.Summary == nil {
			return "biases = " + group(rep.Biases)
		}
	case "connections":
		if ok && rep.Connections > 0 {
			return "connections per neuron = " + group(rep.Connections)
		}
	case "output":
		if ok && rep.Output != nil {
			return "output shape = " + shapeText(rep.Output)
		}
	case "neurons":
		if ok && rep.Output != nil {
			if n, err := rep.Output.Elements(); err == nil {
				return "output neurons = " + group(n)
			}
		}
	case "macs", "flops":
		if macs, known := totalMACs(r); known {
			if asked == "flops" {
				if flops, err := calc.FLOPs(macs); err == nil {
					return "FLOPs ≈ 2 × MACs = " + group(flops)
				}
				return ""
			}
			return "multiply-accumulates = " + group(macs)
		}
	case "memory":
		if r.Summary != nil && r.Summary.Input != nil {
			if mem, err := r.Summary.Memory(int64(r.Question.Batch), 4); err == nil {
				return fmt.Sprintf("memory for training, float32, batch %d = %s MB in all (torchinfo's estimate)", mem.Batch, mb(mem.Total))
			}
		}
	case "receptive field":
		if r.Summary != nil {
			rows := r.Summary.Rows
			for i := len(rows) - 1; i >= 0; i-- {
				if rows[i].Field != nil {
					size, stride, _ := windowText(rows[i].Field)
					return "receptive field = " + size + " (effective stride " + stride + ")"
				}
			}
		}
	}
	return ""
}

// lastReport is the layer a single-layer question is about, or the last
// single layer of a network.
func lastReport(r Reply) (calc.Report, bool) {
	if n := len(r.Reports); n > 0 {
		return r.Reports[n-1], true
	}
	if r.Summary != nil {
		if leaves := r.Summary.Leaves(); len(leaves) > 0 {
			return *leaves[len(leaves)-1].Report, true
		}
	}
	return calc.Report{}, false
}

func sumParams(reports []calc.Report) int64 {
	var n int64
	for _, rep := range reports {
		n += rep.Params
	}
	return n
}

func totalMACs(r Reply) (int64, bool) {
	if r.Summary != nil {
		return r.Summary.MACs, r.Summary.Input != nil
	}
	var n int64
	for _, rep := range r.Reports {
		if !rep.MACsKnown {
			return 0, false
		}
		n += rep.MACs
	}
	return n, len(r.Reports) > 0
}
