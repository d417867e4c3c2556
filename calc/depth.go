package calc

// Depth is how many layers a network has, counted two ways. A network's
// name counts the layers with weights on its longest path: VGG-16's 13
// convs and 3 fully connected layers, ResNet-50's 49 convs and its fully
// connected layer — not the 1×1 projections on its shortcuts, which run
// beside the body. A framework's module list counts every weighted layer
// of every path: torchvision's resnet50 holds 53 Conv2d modules.
type Depth struct {
	// Path is the weighted layers on the longest path through the network.
	Path LayerCount
	// All is every weighted layer, on every path, each pass of a repeat
	// counted.
	All LayerCount
}

// LayerCount counts the layers with weights by family: convolutions
// (transposed and separable ones too, a separable conv as one layer, as
// Keras builds it) and fully connected layers.
type LayerCount struct {
	Convs, Linears int64
}

// Total is the convs and the fully connected layers together.
func (c LayerCount) Total() int64 { return c.Convs + c.Linears }

func (c LayerCount) plus(o LayerCount) LayerCount {
	return LayerCount{c.Convs + o.Convs, c.Linears + o.Linears}
}

func (c LayerCount) times(n int64) LayerCount {
	return LayerCount{c.Convs * n, c.Linears * n}
}

// deeper is the longer of two paths: the one with more weighted layers,
// then the one with more convs.
func deeper(a, b LayerCount) LayerCount {
	if b.Total() > a.Total() || b.Total() == a.Total() && b.Convs > a.Convs {
		return b
	}
	return a
}

// DepthOf counts the weighted layers of layers, run one after another.
// Repeats multiply (a repeat runs at most [MaxRepeat] times, so the counts
// stay small); a residual's body and shortcut and a concat's branches
// are parallel paths, of which Path takes the longest; a gate's layers
// (squeeze-and-excitation) count in All only.
func DepthOf(layers []Layer) Depth {
	var d Depth
	for _, l := range layers {
		c := depthOf(l)
		d.Path = d.Path.plus(c.Path)
		d.All = d.All.plus(c.All)
	}
	return d
}

func depthOf(l Layer) Depth {
	switch b := l.(type) {
	case Conv, Separable:
		one := LayerCount{Convs: 1}
		return Depth{one, one}
	case Linear:
		one := LayerCount{Linears: 1}
		return Depth{one, one}
	case Sequence:
		return DepthOf(b.Layers)
	case Repeat:
		d := DepthOf(b.Layers)
		n := int64(max(b.Times, 0))
		return Depth{d.Path.times(n), d.All.times(n)}
	case Residual:
		return parallel([][]Layer{b.Body, b.Shortcut})
	case Concat:
		return parallel(b.Branches)
	case Gate:
		// A gate's layers compute the weights that scale the features, not
		// features: the path runs past them.
		return Depth{All: DepthOf(b.Layers).All}
	}
	return Depth{}
}

// parallel counts paths that start from the same input.
func parallel(paths [][]Layer) Depth {
	var d Depth
	for _, p := range paths {
		c := DepthOf(p)
		d.Path = deeper(d.Path, c.Path)
		d.All = d.All.plus(c.All)
	}
	return d
}
