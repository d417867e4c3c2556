package english

import (
	"slices"
	"strings"
)

// enVocab maps a lowercase word to its lemma: the idea the reader works with.
// Plurals are folded before the lookup; typos within one edit of a word of
// five letters or more (two for ten or more) are folded after it.
var enVocab = map[string]string{}

// enWords lists the words of each lemma; a word belongs to one lemma only
// (TestEnglishVocabulary checks it).
var enWords = map[string][]string{
	"conv":       {"conv", "convolution", "convolutional", "convolve", "convolving", "convolved", "convs", "convo", "convolutions", "convlayer", "convblock", "convbnrelu", "convbnact", "convnormact"},
	"deconv":     {"deconv", "deconvolution", "convtranspose", "upconv", "upconvolution", "transposed", "transpose", "fractionally"},
	"pool":       {"pool", "pooling", "subsampling", "gap", "maxpool", "maxpooling", "avgpool", "avgpooling", "averagepool", "averagepooling"},
	"max":        {"max", "maximum"},
	"avg":        {"avg", "average", "mean", "averaging"},
	"global":     {"global", "adaptive"},
	"fc":         {"fc", "dense", "linear", "affine", "mlp", "fullyconnected", "classifier"},
	"fully":      {"fully", "full", "densely"},
	"connect":    {"connected", "connection", "connections", "connect", "connects", "connecting"},
	"hidden":     {"hidden"},
	"bn":         {"batchnorm", "batchnormalization", "bn", "batchnormalisation"},
	"batch":      {"batch"},
	"norm":       {"norm", "normalization", "normalisation", "normalize", "normalizing"},
	"flatten":    {"flatten", "flattened", "flattening", "flattens", "flat", "reshape", "reshaped"},
	"act":        {"relu", "prelu", "sigmoid", "tanh", "gelu", "softmax", "leaky", "leakyrelu", "elu", "activation", "swish", "silu"},
	"dropout":    {"dropout"},
	"depthwise":  {"depthwise", "depth_wise", "dw", "depthwiseconv"},
	"separable":  {"separable", "seperable", "separate", "separableconv"},
	"pointwise":  {"pointwise", "point_wise", "pw"},
	"grouped":    {"grouped"},
	"layer":      {"layer", "layers", "stage"},
	"filter":     {"filter", "filters", "filtre", "kernels_count"},
	"kernel":     {"kernel", "kernal", "kernels", "kernel_size", "filter_size"},
	"fmap":       {"featuremap", "featuremaps", "fmap", "fmaps", "fm", "fms", "map", "maps", "activations", "planes", "plane"},
	"feature":    {"feature"},
	"channel":    {"channel", "channels", "chan", "chans", "ch", "colour_channels"},
	"inch":       {"in_channels", "in_channel", "input_channels", "in_features", "input_dim", "cin"},
	"outch":      {"out_channels", "out_channel", "output_channels", "out_features", "units_out", "cout", "nb_filter", "num_filters"},
	"depth":      {"depth", "deep"},
	"neuron":     {"neuron", "neurons", "unit", "units", "values", "elements", "entries", "node", "nodes", "hidden_units", "perceptrons", "cells", "class", "classes", "categories", "labels", "logits", "logit", "features_"},
	"input":      {"input", "inputs", "incoming", "in_put"},
	"output":     {"output", "outputs", "outgoing", "resulting", "result"},
	"image":      {"image", "images", "picture", "photo", "img", "imgs", "pic", "frame_size"},
	"vector":     {"vector", "vectors", "embedding", "features"},
	"volume":     {"volume", "tensor", "array", "matrix", "blob", "activation_volume"},
	"pixel":      {"pixel", "pixels", "px"},
	"frame":      {"frame", "frames", "slices", "slice", "timesteps"},
	"length":     {"length", "long", "sequence", "sequences", "signal", "samples", "timestep", "len", "seq"},
	"stride":     {"stride", "strides", "strided", "striding", "stepsize", "step", "steps", "hop", "jump", "shift"},
	"size":       {"size", "sized", "sizes", "dimension", "dimensions", "dims", "dim", "shape", "shapes", "resolution", "spatial", "big", "large", "width", "height", "extent", "area", "wide", "tall", "hxw", "wxh", "hw_"},
	"pad":        {"pad", "padding", "padded", "paddings", "zeropadding", "zeros", "zero_padding", "pading", "paddding", "padd", "padds"},
	"same":       {"same", "half"},
	"valid":      {"valid", "unpadded"},
	"ceil":       {"ceil", "ceil_mode", "ceiling"},
	"outpad":     {"output_padding", "outpad"},
	"dilation":   {"dilation", "dilated", "dilate", "atrous", "dilation_rate", "holes", "dilations", "dil", "dils"},
	"rate":       {"rate", "rates"},
	"group":      {"group", "groups"},
	"bias":       {"bias", "biases", "biased", "bias_term"},
	"window":     {"window", "windows", "patch", "patches", "neighborhood", "neighbourhood", "pool_size", "region", "regions"},
	"receptive":  {"receptive"},
	"rf":         {"rf", "receptivefield", "receptive_field"},
	"field":      {"field", "fields"},
	"param":      {"param", "params", "parameter", "parameters", "paramters", "parametres", "trainable_params"},
	"weight":     {"weight", "weights"},
	"learnable":  {"learnable", "trainable", "learned", "learnt", "tunable", "free"},
	"macs":       {"macs", "mac", "madds", "multiplications", "multiplication", "multiplies", "multiply", "mults", "mult", "gmacs", "multadds", "muladds"},
	"accumulate": {"accumulate", "accumulates", "accumulation", "adds", "add", "additions"},
	"flops":      {"flops", "flop", "gflops", "mflops", "operations", "ops", "computations", "computation", "cost", "floating"},
	"memory":     {"memory", "bytes", "mb", "mib", "megabytes", "ram", "storage", "footprint_memory", "kb", "gb"},
	"rgb":        {"rgb", "color", "colour", "colored", "coloured", "bgr", "cifar"},
	"gray":       {"grayscale", "greyscale", "gray", "grey", "monochrome", "mnist", "greyscaled", "binary"},
	"previous":   {"previous", "preceding", "prior", "earlier", "prev", "below", "lower", "former"},
	"then":       {"then", "followed", "afterwards", "next", "finally", "subsequently", "later"},
	"after":      {"after", "follows"},
	"another":    {"another", "second", "third", "fourth", "fifth", "last"},
	"first":      {"first"},
	"what":       {"what", "which", "whats", "what's", "wat", "wats", "wut", "wht"},
	"how":        {"how"},
	"many":       {"many", "much"},
	"number":     {"number", "count", "num", "amount", "total", "overall"},
	"find":       {"find", "calculate", "compute", "determine", "figure", "calc", "work", "need", "choose", "pick", "should", "must"},
	"keep":       {"keep", "keeps", "preserve", "preserves", "maintain", "maintains", "unchanged", "retain", "keeping", "preserving", "stays", "stay"},
	"give":       {"give", "gives", "get", "gets", "produce", "produces", "yield", "yields", "become", "becomes", "turn", "turns", "make", "makes", "reduce", "reduces", "downsample", "downsamples", "results", "obtain", "shrink", "shrinks", "go", "goes", "bring", "generate", "generates", "create", "creates", "emit", "emits", "produced", "gave", "generated", "yielded", "created"},
	"to":         {"to", "into", "down", "til", "until"},
	"from":       {"from"},
	"at":         {"at"},
	"in":         {"in"},
	"out":        {"out"},
	"of":         {"of"},
	"for":        {"for", "so", "such"},
	"on":         {"on", "over", "onto", "across", "applied", "apply", "applying"},
	"by":         {"by"},
	"with":       {"with", "w", "having", "has", "have", "using", "uses", "use", "containing", "contains"},
	"and":        {"and", "plus", "also"},
	"or":         {"or"},
	"no":         {"no", "without", "not", "none", "false", "zero", "doesn't", "dont", "don't", "doesnt", "didnt", "didn't", "wont", "won't", "nobias", "ignore", "ignoring", "excluding", "exclude", "minus"},
	"is":         {"is", "are", "be", "was", "were", "equals", "equal", "set", "being", "of_size"},
	"the":        {"the", "a", "an", "this", "that", "its", "their", "my", "our", "each", "every", "single", "some"},
	"idx":        {"problem", "question", "exercise", "hw", "homework", "part", "figure_", "fig", "chapter", "section", "lecture", "week", "assignment", "page", "ex", "q", "version", "v", "python", "pytorch", "tensorflow", "keras", "cs", "lab", "task", "slide"},
	"exactly":    {"exactly", "precisely", "exact", "roughly", "approximately", "approx", "about", "around"},
	"thousand":   {"thousand", "thousands"},
	"million":    {"million", "millions"},
	"stack":      {"stacked", "consecutive", "successive", "identical", "repeated", "sequential", "parallel"},
	"_":          {"does", "do", "did", "can", "will", "am", "me", "you", "we", "it", "they", "want", "wants", "if", "why", "who", "when", "any", "all", "as", "than", "very", "quick", "hi", "hey", "ok", "okay", "im", "let's", "lets", "say", "said", "here", "whole", "entire", "cnn", "cnns", "convnet", "convnets", "neural", "given", "suppose", "assume", "take", "takes", "taking", "taken", "these", "those", "there", "where", "would", "could", "other", "times", "like", "just", "know", "think", "trying", "understand", "confused", "please", "thanks", "since", "because", "whose", "while", "right", "correct", "answer", "formula", "using_", "model", "network", "net", "architecture", "upsampling", "upsample", "downsampling"},
}

func init() {
	for lem, words := range enWords {
		for _, w := range words {
			enVocab[w] = lem
		}
	}
	for w := range enVocab {
		if len(w) >= 5 && len(w) < len(enByLen) {
			enByLen[len(w)] = append(enByLen[len(w)], w)
		}
	}
	for _, ws := range enByLen {
		slices.Sort(ws) // a fixed order, so ties between typos resolve the same way every run
	}
}

// enByLen holds the vocabulary words of five letters or more by length, for
// the typo search.
var enByLen [41][]string

// enAttr lists the lemmas whose glued number is a value (stride2), not an
// index (conv1).
var enAttr = map[string]bool{"stride": true, "pad": true, "dilation": true, "kernel": true, "group": true, "size": true}

var enNumberWords = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
	"thirty-two": 32, "sixty-four": 64, "twice": 2,
}

// enLemma folds a word to its lemma, and says whether it was a plural.
func enLemma(w string) (string, bool) {
	w = strings.ToLower(w)
	if l, ok := enVocab[w]; ok {
		return l, strings.HasSuffix(w, "s") && len(w) > 3 && !strings.HasSuffix(w, "ss")
	}
	for _, suf := range []string{"s", "es"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			if l, ok := enVocab[strings.TrimSuffix(w, suf)]; ok {
				return l, true
			}
		}
	}
	if len(w) < 5 {
		return "", false
	}
	limit := 1
	if len(w) >= 10 {
		limit = 2
	}
	// On a tie, the word sharing the longer start wins: a typo is rarely
	// in the first letters ("stide" is stride, not slide).
	best, bestD, bestP := "", limit+1, 0
	for n := max(len(w)-limit, 5); n <= len(w)+limit && n < len(enByLen); n++ {
		for _, k := range enByLen[n] {
			d := enDistance(w, k, limit)
			if p := enPrefix(w, k); d < bestD || d == bestD && d <= limit && p > bestP {
				best, bestD, bestP = enVocab[k], d, p
			}
		}
	}
	return best, best != "" && strings.HasSuffix(w, "s")
}

// enPrefix is the length of the start a and b share.
func enPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func enAbs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// enDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions, adjacent transpositions), or
// limit+1 when it is larger than limit.
func enDistance(a, b string, limit int) int {
	if len(a) > 40 || len(b) > 40 {
		return limit + 1
	}
	var r0, r1, r2 [41]int
	prev2, prev, cur := r0[:len(b)+1], r1[:len(b)+1], r2[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// enNetWords follow "conv" in a name for the whole network ("conv net"),
// which is no layer.
var enNetWords = map[string]bool{"net": true, "nets": true, "network": true, "networks": true, "model": true, "architecture": true, "cnn": true}

// enCompounds folds word pairs that name one idea: feature maps, fully
// connected, batch norm, max pool, zero padding, step size, kernel size,
// receptive field, multiply-accumulate.
func enCompounds(in []enTok) []enTok {
	pairs := map[[2]string]string{
		{"feature", "fmap"}: "fmap", {"fully", "connect"}: "fc", {"batch", "norm"}: "bn",
		{"stride", "size"}: "stride", {"kernel", "size"}: "ksize", {"filter", "size"}: "ksize",
		{"window", "size"}: "ksize", {"pool", "size"}: "ksize", {"receptive", "field"}: "rf",
		{"macs", "accumulate"}: "macs", {"no", "pad"}: "nopad", {"no", "bias"}: "nobias",
		{"hidden", "layer"}: "fc", {"hidden", "neuron"}: "neuron", {"feature", "channel"}: "channel",
		{"activation", "fmap"}: "fmap", {"same", "pad"}: "same", {"valid", "pad"}: "valid",
		{"fmap", "size"}: "fmapsize", {"input", "size"}: "insize", {"output", "size"}: "outsize",
		{"image", "size"}: "insize", {"output", "volume"}: "outsize", {"output", "fmap"}: "outsize",
		{"output", "shape"}: "outsize", {"out", "size"}: "outsize", {"out", "length"}: "outsize", {"output", "length"}: "outsize", {"output", "pad"}: "outpad", {"pad", "same"}: "same", {"pad", "valid"}: "valid",
		{"kernel", "window"}: "ksize", {"dilation", "rate"}: "dilation", {"conv", "_"}: "_", {"filter", "window"}: "ksize", {"fc", "layer"}: "fc",
	}
	var out []enTok
	for i := 0; i < len(in); i++ {
		t := in[i]
		if t.kind == 'w' && i+1 < len(in) && in[i+1].kind == 'w' {
			if strings.EqualFold(t.raw, "zero") && in[i+1].lem == "pad" {
				t.lem, t.end = "pad", in[i+1].end
				out = append(out, t)
				i++
				continue
			}
			if strings.EqualFold(t.raw, "time") && strings.HasPrefix(strings.ToLower(in[i+1].raw), "step") {
				t.lem, t.end, t.plural = "length", in[i+1].end, in[i+1].plural // "time steps": a length, not a stride
				out = append(out, t)
				i++
				continue
			}
			if l, ok := pairs[[2]string{t.lem, in[i+1].lem}]; ok && !(l == "_" && !enNetWords[strings.ToLower(in[i+1].raw)]) {
				// "output feature map(s) of 64" stays output + fmap when a
				// count follows the noun; only fold the size readings.
				t.lem, t.end, t.plural = l, in[i+1].end, in[i+1].plural
				if in[i+1].dimsOf != 0 {
					t.dimsOf = in[i+1].dimsOf
				}
				i++
			}
		}
		if t.kind == 'w' && t.lem == "act" {
			t.raw = strings.ToLower(t.raw)
		}
		out = append(out, t)
	}
	return out
}
