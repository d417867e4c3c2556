package bot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// atParts are the first line's numbers when the question asks about
// layers by place (Question.At): each layer's own row of calc's summary,
// named as the asker named it ("conv2: multiply-accumulates = 240,000",
// "after the maxpool: output shape = 64×56×56", "in_features of fc1 =
// 64×12×12 = 9,216"); then anything asked of no layer in particular,
// for the whole network. Nil when the question names no layer or its
// layers were not sized.
func atParts(r Reply) []string {
	q := r.Question
	if q == nil || len(q.At) == 0 {
		return nil
	}
	if t := togetherMemory(r); t != "" {
		return []string{t} // render_at_together.go
	}
	var parts []string
	used := map[string]bool{}
	for _, at := range q.At {
		// "the weights of the first conv and the size after the pool":
		// the output asked belongs to the layer it is asked after.
		used["output"] = used["output"] || at.What == grammar.AtOutput
	}
	// "MACs of conv1_1 and conv1_2": what is asked of no place in
	// particular is asked of every layer named.
	ofEach := leftAsked(q.Asked, used)
	for _, at := range q.At {
		rep, ok := layerReport(r, at.Layer)
		if !ok {
			return nil
		}
		var s string
		switch at.What {
		case grammar.AtInFeatures, grammar.AtFlattened:
			s = inFeaturesPart(r, at)
			used["output"], used["neurons"] = true, true
		case grammar.AtOutput:
			if fieldAfter(q.Asked) {
				// "receptive field after the second conv": the field up to it
				s = layerPart(r, at, rep, []string{"receptive field"})
				used["receptive field"] = true
				break
			}
			s = layerPart(r, at, rep, []string{"output"})
			used["output"] = true
		default:
			asked := ofEach
			if len(asked) == 0 {
				asked = []string{"connections", "params", "output"}
			}
			s = layerPart(r, at, rep, asked)
			for _, a := range asked {
				used[a] = true
			}
		}
		if s == "" {
			return nil
		}
		parts = append(parts, s)
	}
	if t := togetherPart(r); t != "" {
		parts = append([]string{t}, parts...) // render_at_together.go: the sum asked first
	}
	whole := "whole network: "
	if len(q.At) == 1 && q.At[0].Name != "" && soleCounted(r, q.At[0].Layer) {
		whole = q.At[0].Name + ": " // "add nn.Linear(?, 10) after the flatten: its params?"
	}
	for _, a := range leftAsked(q.Asked, used) {
		if s := askedValue(r, a); s != "" {
			parts = append(parts, whole+s)
		}
	}
	return parts
}

// soleCounted reports whether top-level layer i (0-based) is the only
// layer of a network with weights: its counts are the network's, and are
// named for it, not for "the whole network".
func soleCounted(r Reply, i int) bool {
	if r.Summary == nil {
		return false
	}
	for _, row := range r.Summary.Rows {
		if row.Depth == 0 && row.Index != i+1 && row.Weights+row.Biases > 0 {
			return false
		}
	}
	return true
}

// leftAsked is what the question asked that no layer named took.
func leftAsked(asked []string, used map[string]bool) []string {
	var left []string
	for _, a := range asked {
		if !used[a] {
			left = append(left, a)
		}
	}
	return left
}

// layerReport is calc's report of top-level layer i (0-based) of a reply.
func layerReport(r Reply, i int) (calc.Report, bool) {
	if r.Summary != nil {
		for _, row := range r.Summary.Rows {
			if row.Depth == 0 && row.Index == i+1 {
				return *row.Report, true
			}
		}
		return calc.Report{}, false
	}
	if i >= 0 && i < len(r.Reports) {
		return r.Reports[i], true
	}
	return calc.Report{}, false
}

// layerPart is one layer's asked numbers, named: "conv2 (layer 3, conv
// 5x5 16 pad valid bias): multiply-accumulates = 240,000 (240 k)".
func layerPart(r Reply, at grammar.At, rep calc.Report, asked []string) string {
	one := Reply{Text: r.Text, Question: r.Question, Reports: []calc.Report{rep}}
	var values []string
	for _, a := range asked {
		s := askedValue(one, a)
		if a == "receptive field" {
			s = layerField(r, at.Layer) // the field up to this layer, not the network's
		}
		if s != "" {
			values = append(values, s)
		}
	}
	if len(values) == 0 {
		return ""
	}
	label := fmt.Sprintf("%s (layer %d, %s)", at.Name, at.Layer+1, grammar.FormatHead(r.Question.Layers[at.Layer].Layer))
	if at.Name == "" {
		label = fmt.Sprintf("layer %d (%s)", at.Layer+1, grammar.FormatHead(r.Question.Layers[at.Layer].Layer)) // "params of each layer"
	}
	if at.What == grammar.AtOutput {
		label = "after " + label
	}
	return label + ": " + strings.Join(values, " · ")
}

// inFeaturesPart is the number of values that reach a Linear, flattened:
// "in_features of fc1 = 64×12×12 = 9,216". The shape is the last one
// with its spatial layout before the Linear, as calc sized it.
func inFeaturesPart(r Reply, at grammar.At) string {
	last := at.Layer
	if at.What == grammar.AtInFeatures {
		last--
	}
	var shape calc.Shape
	for i := last; i >= 0; i-- {
		rep, ok := layerReport(r, i)
		if !ok || rep.Output == nil {
			break
		}
		if shape == nil || len(rep.Output) > 1 {
			shape = rep.Output
		}
		if len(rep.Output) > 1 {
			break
		}
		if i == 0 && len(rep.Input) > 1 {
			shape = rep.Input // "flatten input 5x5x16": what the flatten takes
		}
	}
	if at.What == grammar.AtInFeatures {
		if rep, ok := layerReport(r, at.Layer); ok && rep.Input != nil {
			if n, err := rep.Input.Elements(); err == nil {
				return inFeaturesText(at.Name, shape, n)
			}
		}
		return ""
	}
	if shape == nil {
		return ""
	}
	n, err := shape.Elements()
	if err != nil {
		return ""
	}
	return inFeaturesText(at.Name, shape, n)
}

// inFeaturesText writes in_features with the shape it flattens when the
// shape holds as many values.
func inFeaturesText(name string, shape calc.Shape, n int64) string {
	if m, err := shape.Elements(); err == nil && m == n && len(shape) > 1 {
		return fmt.Sprintf("in_features of %s = %s = %s", name, shapeText(shape), group(n))
	}
	return fmt.Sprintf("in_features of %s = %s", name, group(n))
}

// fieldAfter reports whether the receptive field is what a question asks
// "after" a layer, and not the output size as well.
func fieldAfter(asked []string) bool {
	return slices.Contains(asked, "receptive field") && !slices.Contains(asked, "output")
}

// layerField is the receptive field of top-level layer i (0-based), up to
// and with that layer, from calc's summary row ("the receptive field of the
// second layer" is the first two layers' field); "" when the row has none.
func layerField(r Reply, i int) string {
	if r.Summary == nil {
		return ""
	}
	for _, row := range r.Summary.Rows {
		if row.Depth == 0 && row.Index == i+1 && row.Field != nil {
			size, stride, _ := windowText(row.Field)
			return "receptive field = " + size + " (effective stride " + stride + ")"
		}
	}
	return ""
}
