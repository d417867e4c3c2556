package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// writeAsked puts the numbers the question asked for on the first line,
// so "how many connections?" is answered at a glance; a question that
// asked nothing in particular gets the headline numbers (connections per
// neuron, parameters and output shape of a layer; a network's parameters
// and MACs). The numbers are picked from what calc computed, never
// recomputed here.
func writeAsked(b *strings.Builder, r Reply, m markup) {
	q := r.Question
	if r.Err != nil || q == nil {
		return
	}
	if q.Solve != nil && len(r.Reports) == 0 && r.Summary == nil {
		// An inverse question's answer comes first; the working ends
		// with it too.
		writeSolvedAnswer(b, q.Solve, solvedValues(q.Solve), m)
		b.WriteString("\n")
		return
	}
	parts := firstParts(r)
	if said, ok := effectAnswer(r); ok {
		parts = append([]string{said}, withoutCounts(parts)...)
		if len(r.Question.Asked) == 0 {
			parts = parts[:1] // the yes/no was the question; the headline numbers follow below
		}
	}
	if len(parts) > 0 {
		for i, p := range parts {
			parts[i] = boldValue(p, m)
		}
		fmt.Fprintf(b, "%s %s\n\n", m.bold("Answer:"), strings.Join(parts, " · "))
	}
}

// withoutCounts drops the parameter and weight counts from parts, which
// an effect answer already gives.
func withoutCounts(parts []string) []string {
	var out []string
	for _, p := range parts {
		if !strings.HasPrefix(p, "learnable parameters") && !strings.HasPrefix(p, "weights") {
			out = append(out, p)
		}
	}
	return out
}

// boldValue marks up the number of "name = value" as bold, where the
// medium has bold (design.md §4): "learnable parameters = **18,496** (18.5
// k)". The value is the first word after the last "=".
func boldValue(part string, m markup) string {
	i := strings.LastIndex(part, " = ")
	if i < 0 {
		return part
	}
	value := part[i+3:]
	word, _, _ := strings.Cut(value, " ")
	word = strings.TrimRight(word, ",")
	return part[:i+3] + m.bold(word) + value[len(word):]
}

// firstParts are the numbers a reply's first line gives: the setting an
// inverse question found, then what was asked of the layer sized with it
// ("kernel = 5 · learnable parameters = 208").
func firstParts(r Reply) []string {
	parts := askedParts(r)
	if s := r.Question.Solve; s != nil {
		if values := solvedValues(s); len(values) > 0 {
			parts = append([]string{s.Unknown + " = " + strings.Join(values, " or ")}, parts...)
		}
	}
	return parts
}

// askedParts are the numbers a reply's first line gives: what was asked,
// or the headline numbers.
func askedParts(r Reply) []string {
	if parts := atParts(r); len(parts) > 0 {
		return parts
	}
	asked := r.Question.Asked
	if len(asked) == 0 {
		asked = headline(r)
	}
	var parts []string
	for _, a := range asked {
		if s := askedValue(r, a); s != "" {
			parts = append(parts, s)
		}
	}
	return parts
}

// writeAnswersFirst answers a message of several questions on its first
// line, each question's numbers after its number: "Answer: (1) learnable
// parameters = 448 · (2) learnable parameters = 12,832".
func writeAnswersFirst(b *strings.Builder, r Reply, m markup) {
	var all []string
	for i, a := range r.Answers {
		if a.Err != nil || a.Question == nil {
			continue
		}
		if parts := firstParts(a); len(parts) > 0 {
			all = append(all, fmt.Sprintf("(%d) %s", i+1, strings.Join(parts, " · ")))
		}
	}
	if len(all) > 0 {
		fmt.Fprintf(b, "%s %s\n\n", m.bold("Answer:"), strings.Join(all, " — "))
	}
}

// headline is what a reply answers first when nothing in particular was
// asked.
func headline(r Reply) []string {
	switch {
	case r.Summary != nil:
		return []string{"params", "macs"}
	case len(r.Reports) == 1:
		return []string{"connections", "params", "output"}
	case len(r.Reports) > 1:
		return []string{"params", "macs"}
	}
	return nil
}

// large writes n grouped, with its SI form when it is large: 11,689,512
// (11.7 M).
func large(n int64) string {
	units := []struct {
		v      float64
		suffix string
	}{{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}}
	for _, u := range units {
		if f := float64(n); f >= 10*u.v || u.suffix != "k" && f >= u.v {
			return fmt.Sprintf("%s (%s %s)", group(n), strconv.FormatFloat(f/u.v, 'f', precision(f/u.v), 64), u.suffix)
		}
	}
	return group(n)
}

// precision keeps three significant figures: 11.7, 1.82, 138.
func precision(f float64) int {
	switch {
	case f >= 100:
		return 0
	case f >= 10:
		return 1
	}
	return 2
}

// askedValue names one asked quantity with its value, or "" when the reply
// has no such number.
func askedValue(r Reply, asked string) string {
	switch asked {
	case "params", "weights", "biases", "connections", "total connections", "neurons":
		return askedCount(r, asked)
	case "memory", "param bytes", "output bytes", "tensor bytes":
		return askedStorage(r, asked)
	case "state dict":
		return stateDictValue(r) // render_state_dict.go
	case "output":
		if out := outputShape(r); out != nil {
			return "output shape = " + shapeText(out) + flattened(out) + batchValues(r.Question, out)
		}
	case "macs", "flops":
		if macs, known := totalMACs(r); known {
			if asked == "flops" {
				if flops, err := calc.FLOPs(macs); err == nil {
					return "FLOPs ≈ 2 × MACs = " + large(flops) + batchCost(r.Question, flops)
				}
				return ""
			}
			return "multiply-accumulates = " + large(macs) + batchCost(r.Question, macs)
		}
	case "layers":
		return depthValue(r)
	case "input":
		return inputValue(r)
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

// askedCount names one asked count of a layer or network: its
// parameters, weights, biases, connections or neurons.
func askedCount(r Reply, asked string) string {
	rep, ok := lastReport(r)
	switch asked {
	case "params":
		if r.Summary != nil {
			return "learnable parameters = " + large(r.Summary.Params) + kerasCount(r, r.Summary.Params, r.Summary.Buffers)
		}
		if ok {
			var buffers int64
			for _, rep := range r.Reports {
				buffers += rep.Buffers
			}
			return "learnable parameters = " + large(sumParams(r.Reports)) + kerasCount(r, sumParams(r.Reports), buffers)
		}
	case "weights":
		if r.Summary != nil {
			var n int64
			for _, row := range r.Summary.Leaves() {
				n += row.Weights
			}
			return "weights = " + large(n)
		}
		if ok {
			return "weights = " + group(sumOf(r.Reports, rep, func(x calc.Report) int64 { return x.Weights }))
		}
	case "biases":
		if r.Summary != nil {
			return "biases = " + networkBiases(*r.Summary)
		}
		if ok {
			return "biases = " + group(sumOf(r.Reports, rep, func(x calc.Report) int64 { return x.Biases }))
		}
	case "connections":
		if ok && rep.Connections > 0 {
			if r.Question.BiasConnection {
				return fmt.Sprintf("connections per neuron = %s, %s with the bias counted as one", group(rep.Connections), group(rep.Connections+1))
			}
			return "connections per neuron = " + group(rep.Connections)
		}
	case "total connections":
		if ok {
			return askedTotal(r, rep)
		}
	case "neurons":
		if out := outputShape(r); out != nil {
			if n, err := out.Elements(); err == nil {
				return "output neurons = " + large(n)
			}
		}
	}
	return ""
}

// askedStorage names the room asked for: training memory, or the bytes of
// the parameters, of an output or of a tensor, in the number format the
// question names. calc counts them, checked.
func askedStorage(r Reply, asked string) string {
	bytesPer, format := numberFormat(r.Question)
	batch := int64(r.Question.Batch)
	stored := func(article string, s calc.Shape, noun string) string {
		count, err := s.Elements()
		if err != nil {
			return ""
		}
		values, bytes, err := calc.Stored(count, batch, bytesPer)
		if err != nil {
			return ""
		}
		return fmt.Sprintf("memory of %s %s %s, batch %d = %s values × %d bytes (%s) = %s bytes (%s)", article, shapeText(s), noun, max(batch, 1), group(values), bytesPer, format, group(bytes), megabytes(r.Question, bytes))
	}
	switch asked {
	case "memory":
		if r.Summary != nil && r.Summary.Input != nil {
			if mem, err := r.Summary.Memory(batch, bytesPer); err == nil {
				return fmt.Sprintf("memory for training, %s, batch %d = %s in all (torchinfo's estimate)", format, mem.Batch, megabytes(r.Question, mem.Total))
			}
		}
	case "param bytes":
		if n, known := paramsOf(r); known {
			if _, bytes, err := calc.Stored(n, 1, bytesPer); err == nil {
				return fmt.Sprintf("parameter memory = %s parameters × %d bytes (%s) = %s bytes (%s)", group(n), bytesPer, format, group(bytes), megabytes(r.Question, bytes))
			}
		}
	case "output bytes":
		if out := outputShape(r); out != nil {
			return stored("the", out, "output")
		}
	case "tensor bytes":
		if in := inputOf(r); in != nil {
			return stored("a", in, "tensor")
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
		for i := len(r.Summary.Rows) - 1; i >= 0; i-- {
			if row := r.Summary.Rows[i]; row.Leaf() {
				return *row.Report, true
			}
		}
	}
	return calc.Report{}, false
}

// outputShape is the output a reply answers for: a network's own, or the
// last layer's. A network's last leaf is not its output when it ends in a
// block that joins branches: GoogLeNet's inception4a ends in a concat of
// four branches, and its last leaf is the fourth branch's conv alone.
func outputShape(r Reply) calc.Shape {
	if r.Summary != nil && r.Summary.Output != nil {
		return r.Summary.Output
	}
	if rep, ok := lastReport(r); ok {
		return rep.Output
	}
	return nil
}

// networkBiases is the biases of a network's layers, split by the kinds
// of layer that have them: "4,224 in the conv layers, 8,192 in the
// linear layers".
func networkBiases(s calc.Summary) string {
	byKind := map[string]int64{}
	var kinds []string
	var all int64
	for _, row := range s.Leaves() {
		if b := row.Report.Biases; b > 0 {
			if _, seen := byKind[row.Report.Kind]; !seen {
				kinds = append(kinds, row.Report.Kind)
			}
			byKind[row.Report.Kind] += b
			all += b
		}
	}
	if len(kinds) < 2 {
		return group(all)
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s in the %s layers", group(byKind[k]), k)
	}
	return group(all) + ": " + strings.Join(parts, ", ")
}

// numberFormat is the bytes of one stored number the question names, and
// the format's name; float32 when it names none.
func numberFormat(q *grammar.Question) (int64, string) {
	switch q.Bytes {
	case 1:
		return 1, "int8"
	case 2:
		return 2, "fp16"
	case 8:
		return 8, "float64"
	}
	return 4, "float32"
}

// inputOf is the input a reply was sized on.
func inputOf(r Reply) calc.Shape {
	if r.Summary != nil {
		return r.Summary.Input
	}
	if len(r.Reports) > 0 {
		return r.Reports[0].Input
	}
	return r.Question.Input
}

// flattened is how many values a shape of several dimensions flattens to,
// as a Linear after it needs them: " (12,800 values flattened)".
func flattened(s calc.Shape) string {
	if len(s) < 2 {
		return ""
	}
	n, err := s.Elements()
	if err != nil || n == 0 {
		return "" // a size whose channels are unknown has no count
	}
	return " (" + group(n) + " values flattened)"
}

// kerasCount is Keras's count beside PyTorch's, for Keras code whose
// batch norms keep moving statistics: Keras counts them as parameters.
func kerasCount(r Reply, params, buffers int64) string {
	if r.Question == nil || buffers == 0 || !r.Question.KerasCounts {
		return ""
	}
	return fmt.Sprintf(" (Keras's model.summary(): %s params, %s non-trainable)", group(params+buffers), group(buffers))
}

// batchCost is what a batch the question gives costs, per-sample cost
// given: " per sample · for a batch of 8: 1,048,576".
func batchCost(q *grammar.Question, perSample int64) string {
	if q == nil || q.Batch < 2 {
		return ""
	}
	all, err := calc.BatchMACs(perSample, int64(q.Batch))
	if err != nil {
		return ""
	}
	return fmt.Sprintf(" per sample · for a batch of %d: %s", q.Batch, large(all))
}

// batchValues is how many values an output holds for the batch the
// question gives: " · for a batch of 32: 102,760,448 values".
func batchValues(q *grammar.Question, s calc.Shape) string {
	if q == nil || q.Batch < 2 || len(s) == 0 {
		return ""
	}
	all, err := append(calc.Shape{q.Batch}, s...).Elements()
	if err != nil {
		return ""
	}
	return fmt.Sprintf(" · for a batch of %d: %s values", q.Batch, group(all))
}

// bytesOf is the bytes of one stored number the question names.
func bytesOf(q *grammar.Question) int64 {
	bytes, _ := numberFormat(q)
	return bytes
}

// paramsOf is the learnable parameters of a reply, and whether it has any.
func paramsOf(r Reply) (int64, bool) {
	if r.Summary != nil {
		return r.Summary.Params, true
	}
	return sumParams(r.Reports), len(r.Reports) > 0
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

// askedTotal names every input-to-neuron link of a layer: calc's count
// with the bias as one connection (LeNet-5's) when the question counts it
// or the layer has none, the weights' links alone (connections per neuron
// × output neurons, which calc counts as the MACs) when it does not, and
// both when it does not say. Without an output size only one neuron's
// connections are known.
func askedTotal(r Reply, rep calc.Report) string {
	if s, ok := linearTotal(r, rep); ok {
		return s // render_linear_total.go
	}
	n, found := totalConnections(rep)
	if !found || !rep.MACsKnown {
		if rep.Connections > 0 {
			return askedCount(Reply{Question: r.Question, Reports: []calc.Report{rep}}, "connections")
		}
		return ""
	}
	neurons, _ := stepResult(rep, "output neurons")
	weightsOnly := fmt.Sprintf("%s × %s output neurons", group(rep.Connections), group(neurons))
	switch {
	case rep.Biases == 0:
		return fmt.Sprintf("total connections = %s = %s (no bias)", large(rep.MACs), weightsOnly)
	case r.Question.BiasConnection:
		return "total connections = " + large(n) + ", the bias counted as one"
	case r.Question.BiasLeftOut:
		return fmt.Sprintf("total connections = %s = %s, weights only", large(rep.MACs), weightsOnly)
	}
	return fmt.Sprintf("total connections = %s, the bias counted as one as LeNet-5 does (weights only: %s = %s)", large(n), weightsOnly, group(rep.MACs))
}

// totalConnections is every input-to-neuron link of a layer, bias
// included, as LeNet-5 counts connections: calc works it out as a step
// when the output size is known.
func totalConnections(rep calc.Report) (int64, bool) {
	return stepResult(rep, "total connections")
}

// stepResult is the result of calc's worked step for quantity, and
// whether the report has one.
func stepResult(rep calc.Report, quantity string) (int64, bool) {
	for _, st := range rep.Steps {
		if st.Quantity == quantity {
			return st.Result, true
		}
	}
	return 0, false
}

// megabytes writes bytes in the unit the question counts in: "12.35 MB"
// (10⁶ bytes), or "11.78 MiB" (2²⁰ bytes) when it asked for binary units;
// a whole number of MiB is written whole ("98 MiB").
func megabytes(q *grammar.Question, bytes int64) string {
	if !q.MiB {
		return mb(bytes) + " MB"
	}
	const mib = 1 << 20
	if bytes%mib == 0 {
		return group(bytes/mib) + " MiB"
	}
	return strconv.FormatFloat(float64(bytes)/mib, 'f', 2, 64) + " MiB"
}

// sumOf is a count of every layer of reports, as the parameters are
// summed ("how many bias terms in the whole net"), or last's own where
// the reply has no list of layers.
func sumOf(reports []calc.Report, last calc.Report, count func(calc.Report) int64) int64 {
	if len(reports) == 0 {
		return count(last)
	}
	var n int64
	for _, rep := range reports {
		n += count(rep)
	}
	return n
}
