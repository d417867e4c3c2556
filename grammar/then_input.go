package grammar

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// Layers said one after another often get their input size apart from
// their channels: "mult-adds for one mobilenet block at 112x112: depthwise
// 3x3 on 32 channels, then pointwise 1x1 from 32 to 64". Read without it,
// the MACs asked cannot be answered and the size is a number left over.

// sizeSaid matches a height and width said as where the layers run: "at
// 112x112", "on 56x56 maps", "a 28x28 feature map"; not a kernel
// ("3x3 conv") nor a size with channels ("56x56x64").
var sizeSaid = regexp.MustCompile(`(?i)(?:\b(?:at|on|for|with)\s+(?:an?\s+|the\s+)?(\d{1,4})\s*[x×]\s*(\d{1,4})\b(?:\s+(?:input|inputs|images?|feature\s+maps?|maps?|resolution|spatial|px|pixels))?` +
	`|\b(\d{1,4})\s*[x×]\s*(\d{1,4})\s+(?:input|inputs|images?|feature\s+maps?|resolution))`)

// withSizeSaid reads q again on the input size src gives apart from the
// channels, when q has no input, its first layer knows its input channels,
// and both sizes are numbers q left unused; otherwise it returns q.
func withSizeSaid(src string, q *Question) *Question {
	if q.Input != nil || len(q.Layers) == 0 || q.Solve != nil || q.Preset != "" {
		return q
	}
	c, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || c.In < 1 {
		return q
	}
	for _, m := range sizeSaid.FindAllStringSubmatchIndex(src, -1) {
		if hasThird(src, m) {
			continue // "at 56x56x64": a size with channels reads on its own
		}
		g := 2
		if m[g] < 0 {
			g = 6
		}
		h, _ := strconv.Atoi(src[m[g]:m[g+1]])
		w, _ := strconv.Atoi(src[m[g+2]:m[g+3]])
		if !leftUnused(q, m[g], m[g+2], src) || h < 1 || w < 1 {
			continue
		}
		var layers []calc.Layer
		for _, l := range q.Layers {
			layers = append(layers, l.Layer)
		}
		again, err := specQuestion(calc.Shape{c.In, h, w}, layers)
		if err != nil {
			return q
		}
		again.Asked = q.Asked
		if len(again.Layers) == len(q.Layers) { // where each layer is written: "the size after the second conv" finds it
			for i := range again.Layers {
				again.Layers[i].Pos = q.Layers[i].Pos
			}
			again.At = q.At // the same layers: the places asked are the same
		}
		again.Notes = append([]string{fmt.Sprintf("%dx%d read as the input's height and width, with the first layer's %d channels", h, w, c.In)}, q.Notes...)
		reports, _ := computed(again)
		again.Unused = account(src, &Question{}, readingValues(again, reports))
		again.Doubts = doubts(src, again)
		return again
	}
	return q
}

// hasThird reports whether the size matched at m goes on with a third
// number: "56x56x64".
func hasThird(src string, m []int) bool {
	return thirdSize.MatchString(src[m[1]:])
}

// thirdSize matches a size going on: "x64" after "56x56".
var thirdSize = regexp.MustCompile(`^\s*[x×]\s*\d`)

// leftUnused reports whether the numbers written at offsets a and b of src
// are among the numbers q left unused.
func leftUnused(q *Question, a, b int, src string) bool {
	pa, pb := offsetPosition(src, a), offsetPosition(src, b)
	found := 0
	for _, u := range q.Unused {
		if u.Pos == pa || u.Pos == pb {
			found++
		}
	}
	return found == 2 || a == b && found == 1
}
