package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// enTensorAskRE asks how many values a tensor holds or how much room it
// takes: "how many bytes", "how many activations", "memory".
var enTensorAskRE = regexp.MustCompile(`(?i)\b(?:bytes?|memory|mb|mib|activations?|values|elements|floats|numbers|neurons)\b`)

// enCountAskRE asks how many values a tensor holds; enStorageRE how much
// room it takes.
var (
	enCountAskRE   = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:activations|values|elements|floats|numbers|neurons)\b|\bnumber\s+of\s+(?:activations|values|elements)\b`)
	enActivationRE = regexp.MustCompile(`(?i)\b(?:activations?|feature\s+maps?|tensors?|training|train|forward|backward|batch|gradients?|inference)\b`)
	enStorageRE    = regexp.MustCompile(`(?i)\b(?:bytes?|memory|mb|mib)\b`)
)

// tensorQuestion reads a question about one tensor and nothing done to it
// ("a feature map of 112x112x128 in float32, batch size 32: how many
// bytes?", "how many activations does a 112x112x64 feature map hold?") as
// that tensor passed through the identity, so its values and bytes are
// counted. It applies only when no layer is named, one size of three
// sides is written, and its values or room are asked; false otherwise.
func (r *enReader) tensorQuestion(q *lang.Question) bool {
	if r.convOutputMemory(q) { // english_memory.go
		return true
	}
	if len(r.anchors) > 0 && !r.kernelFreeOutput() || !enTensorAskRE.MatchString(r.src) {
		return false
	}
	at := -1
	for i, t := range r.toks {
		if t.kind == 's' && !r.unitSize(i) {
			if at >= 0 || len(t.dims) != 3 && r.tensorChannels() == 0 || len(t.dims) < 2 || len(t.dims) > 3 {
				return false
			}
			at = i
		}
	}
	if at < 0 {
		return false
	}
	shape, layout := r.tensorShape(r.toks[at].dims)
	q.Batch = r.batchSaid() // english_batch_words.go
	q.Input = shape
	q.Layers = []lang.Layer{{Layer: calc.Activation{Name: "identity"}, Pos: enPos(r.src, r.toks[at].off)}}
	if enCountAskRE.MatchString(r.src) && !slices.Contains(q.Asked, "neurons") {
		q.Asked = append(q.Asked, "neurons")
	}
	if enStorageRE.MatchString(r.src) && !enActivationRE.MatchString(r.src) {
		// With words of activations the front door asks the tensor's bytes.
		q.Asked = append(q.Asked, "tensor bytes")
	}
	what := "a tensor on its own, no layer applied"
	if len(r.anchors) > 0 {
		what = "the layer's output, counted as it is (its kernel is not needed for that)"
	}
	q.Notes = append(q.Notes, fmt.Sprintf("%s read as %s: %s", r.toks[at].raw, layout, what))
	q.Canonical = lang.Format(q)
	return true
}

// kernelFreeOutput reports whether the question names only convs with no
// kernel and says what one outputs ("a conv layer outputs a 28x28x6
// volume", "one conv output 64x112x112"): its output tensor is the
// question.
func (r *enReader) kernelFreeOutput() bool {
	convs := 0
	for _, a := range r.anchors {
		switch {
		case a.kind == "act" || a.kind == "layer":
			// "how many activation values": a word of what is asked
		case a.kind != "conv" || len(a.kernel) > 0 && !r.unitSize(a.at["kernel"]):
			return false // a kernel said; "the 1024*1024 kind of MB" is none
		default:
			convs++
		}
	}
	if convs == 0 {
		return false
	}
	for i, t := range r.toks {
		if t.kind == 's' && (len(t.dims) == 3 || len(t.dims) == 2 && r.tensorChannels() > 0) {
			if r.saidOfOutput(i) || r.outputOfSentence(i) {
				return true // "the output of a conv layer is a 112x112x64 tensor"
			}
			for j := max(i-3-r.channelsBefore(i), 0); j < i; j++ {
				if l := r.lem(j); l == "output" || l == "out" {
					return true
				}
			}
		}
	}
	return false
}

// outFilters is the one filter count said of the one conv named ("a conv
// layer with 64 filters ... the output is 224x224"), or 0.
func (r *enReader) outFilters() int {
	var n int64
	for _, a := range r.anchors {
		for _, c := range a.counts {
			if a.kind != "conv" || c.class != "filter" || n != 0 {
				return 0
			}
			n = c.v
		}
	}
	return int(min(n, 1<<20))
}

// tensorChannels is the channel count of a tensor said as H×W: the one
// conv's filters, or the one number said as channels ("64ch 128x128",
// "128x128 with 64 channels"); 0 for none or several.
func (r *enReader) tensorChannels() int {
	if n := r.outFilters(); n > 0 {
		return n
	}
	n := 0
	for i, t := range r.toks {
		if t.kind == 'n' && !t.isFrac && t.num > 0 && (r.lem(i+1) == "channel" || r.lem(i+1) == "fmap" || r.outChannelsSaid(i)) {
			if n != 0 {
				return 0
			}
			n = enClamp(t.num)
		}
	}
	return n
}

// outputOfSentence reports whether the sentence of the size at i starts
// with "the output of": "The output of one of my conv layers is 64
// channels at 112x112".
func (r *enReader) outputOfSentence(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch l := r.lem(j); {
		case l == "." || l == "?" || l == ";" || l == "!":
			return false
		case (l == "output" || l == "outsize") && r.lem(j+1) == "of":
			return true
		}
	}
	return false
}

// channelsBefore is 2 when a channel count is said just before the size
// at i ("is 64ch 128x128"), else 0.
func (r *enReader) channelsBefore(i int) int {
	if i >= 2 && r.lem(i-1) == "channel" && r.toks[i-2].kind == 'n' {
		return 2
	}
	return 0
}

// unitSize reports whether the size at i defines a unit of storage, not a
// tensor: "MB (the 1024*1024 kind)", "1000x1000 bytes".
func (r *enReader) unitSize(i int) bool {
	if !enStorageRE.MatchString(r.src) {
		return false
	}
	for _, d := range r.toks[i].dims {
		if d != 1024 && d != 1000 {
			return false
		}
	}
	return true
}

// tensorShape is a tensor said as H×W×C or C×H×W, channels first, and the
// layout read; an H×W size takes the conv's filters as its channels.
func (r *enReader) tensorShape(d []int) (calc.Shape, string) {
	if len(d) == 2 && r.outFilters() == 0 {
		return calc.Shape{r.tensorChannels(), d[0], d[1]}, fmt.Sprintf("H×W with the %d channels said as its channels", r.tensorChannels())
	}
	if len(d) == 2 {
		return calc.Shape{r.outFilters(), d[0], d[1]}, fmt.Sprintf("H×W with the conv's %d filters as its channels", r.outFilters())
	}
	if d[0] < d[2] && d[1] == d[2] {
		return calc.Shape{d[0], d[1], d[2]}, "C×H×W" // "3x224x224", "64x112x112"
	}
	return calc.Shape{d[2], d[0], d[1]}, "H×W×C"
}

// flatOutput reads "my last conv outputs 32x7x7, what's in_features of the
// linear layer?": a conv's output said as a tensor, the fully connected
// layer after it named without units, and its inputs asked. The tensor
// is flattened; its values are the in_features. False when a layer says
// more than its name (a kernel, a count), or the tensor is not one
// three-sided size said as an output.
func (r *enReader) flatOutput(q *lang.Question) bool {
	if !r.inputsAsked() || !r.bareLayers() {
		return false
	}
	shape, at, layout := r.flatVolume() // english_fc.go
	if shape == nil {
		return false
	}
	pos := enPos(r.src, r.toks[at].off)
	q.Input = shape
	q.Layers = []lang.Layer{{Layer: calc.Flatten{}, Pos: pos}}
	q.Asked = []string{"output"}
	q.Notes = append(q.Notes, fmt.Sprintf("%s read as %s: the conv's output; the fully connected layer's in_features are its values flattened", r.toks[at].raw, layout))
	q.Canonical = lang.Format(q)
	return true
}

// bareLayers reports whether the layers named are a conv, a fully
// connected layer and a flatten (or an activation) said by name alone.
func (r *enReader) bareLayers() bool {
	fc := false
	for _, a := range r.anchors {
		if r.kernelBesideTensor(a)+r.countsBesideTensor(a)+len(a.args)+len(a.bare)+len(a.stride)+len(a.pad) > 0 {
			return false
		}
		switch a.kind {
		case "fc":
			fc = true
		case "conv", "flatten", "act", "layer", "pool":
		default:
			return false
		}
	}
	return fc
}

// outputVerbBefore reports whether a verb of output comes just before the
// size at i: "outputs 32x7x7", "gives 64x4x4", "is 128x4x4 after the last conv".
func (r *enReader) outputVerbBefore(i int) bool {
	for j := max(i-3, 0); j < i; j++ {
		switch strings.ToLower(r.toks[j].raw) {
		case "outputs", "gives", "produces", "returns", "output", "out":
			return true
		}
	}
	return false
}
