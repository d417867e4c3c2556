package bot

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// togetherPart is the sum of what the question asks of the layers it
// names by place, when it asks them together (Question.AtTogether): the
// values their outputs hold, their parameters or their MACs. "" when it does not, or
// asks something else of them.
func togetherPart(r Reply) string {
	q := r.Question
	if q == nil || !q.AtTogether || len(q.At) < 2 {
		return ""
	}
	var what string
	var of func(calc.Report) int64
	switch {
	case asks(q, "params"):
		what, of = "learnable parameters", func(rep calc.Report) int64 { return rep.Params }
	case asks(q, "macs"):
		what, of = "multiply-accumulates", func(rep calc.Report) int64 { return rep.MACs }
	case asks(q, "output") || asks(q, "neurons") || asks(q, "memory") || anyAtOutput(q):
		what, of = "output values", func(rep calc.Report) int64 { return elems(rep.Output) }
	default:
		return ""
	}
	var terms []string
	var sum int64
	for _, at := range q.At {
		rep, ok := layerReport(r, at.Layer)
		if !ok || rep.Output == nil && what != "learnable parameters" {
			return "" // a count of parameters needs no input size
		}
		n := of(rep)
		terms = append(terms, group(n))
		sum += n
	}
	return "together: " + what + " = " + strings.Join(terms, " + ") + " = " + large(sum)
}

// asks reports whether q asks for a.
func asks(q *grammar.Question, a string) bool {
	for _, x := range q.Asked {
		if x == a {
			return true
		}
	}
	return false
}

// anyAtOutput reports whether a place of q asks for its output.
func anyAtOutput(q *grammar.Question) bool {
	for _, at := range q.At {
		if at.What == grammar.AtOutput {
			return true
		}
	}
	return false
}

// elems is the number of values a shape holds.
func elems(s calc.Shape) int64 {
	n := int64(1)
	for _, d := range s {
		n *= int64(d)
	}
	return n
}

// togetherMemory is the memory the outputs of the layers named by place
// take together, when the question asks their memory together ("memory
// of conv1_1 + conv1_2 outputs together"): the whole network's training
// estimate does not answer it. "" otherwise.
func togetherMemory(r Reply) string {
	q := r.Question
	if q == nil || !q.AtTogether || len(q.At) < 2 || !asks(q, "memory") && !asks(q, "output bytes") {
		return ""
	}
	bytesPer, format := numberFormat(q)
	var terms []string
	var sum int64
	for _, at := range q.At {
		rep, ok := layerReport(r, at.Layer)
		if !ok || rep.Output == nil {
			return ""
		}
		terms, sum = append(terms, group(elems(rep.Output))), sum+elems(rep.Output)
	}
	values, bytes, err := calc.Stored(sum, int64(q.Batch), bytesPer)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("together: memory of the outputs, batch %d = (%s) = %s values × %d bytes (%s) = %s bytes (%s)", max(q.Batch, 1), strings.Join(terms, " + "), group(values), bytesPer, format, group(bytes), megabytes(q, bytes))
}
