package calc

// Memory is a network's memory estimate in torchinfo's convention (the
// torchinfo package's summary; see notes/formulas.md): activations are
// the outputs of the single layers that have parameters (conv, batch norm,
// linear — in-place activations and pooling are not counted), kept once
// for the forward pass and twice while training (their gradients too).
// All sizes are in bytes, for a whole batch.
type Memory struct {
	Batch         int64 // images per batch
	BytesPerValue int64 // 4 for float32

	Input      int64 // the input batch
	Forward    int64 // outputs of the layers with parameters, one forward pass
	Training   int64 // 2 × Forward: torchinfo's "forward/backward pass size"
	Params     int64 // the learnable parameters (torchinfo's "params size")
	Buffers    int64 // batch norm running statistics (saved with the model, not in torchinfo's total)
	Total      int64 // Input + Training + Params: torchinfo's "estimated total size"
	AllOutputs int64 // every single layer's output, one forward pass (the layer-by-layer sum CS231n sketches)
}

// Memory estimates the memory of s for a batch of batch inputs of
// bytesPerValue bytes each (zero values mean 1 and 4: one float32 image).
// It returns an [*Error] when a count overflows.
func (s Summary) Memory(batch, bytesPerValue int64) (Memory, error) {
	if batch <= 0 {
		batch = 1
	}
	if bytesPerValue <= 0 {
		bytesPerValue = 4
	}
	m := Memory{Batch: batch, BytesPerValue: bytesPerValue}
	var a acc
	in, err := s.Input.Elements()
	if err != nil {
		return Memory{}, err
	}
	var withParams, all int64
	for i := range s.Rows {
		r := &s.Rows[i]
		if !r.Leaf() {
			continue
		}
		n, err := r.Output.Elements()
		if err != nil {
			return Memory{}, err
		}
		all = a.add(all, n)
		if r.Params > 0 {
			withParams = a.add(withParams, n)
		}
	}
	m.Input = a.mul(in, batch, bytesPerValue)
	m.Forward = a.mul(withParams, batch, bytesPerValue)
	m.Training = a.mul(2, m.Forward)
	m.Params = a.mul(s.Params, bytesPerValue)
	m.Buffers = a.mul(s.Buffers, bytesPerValue)
	m.AllOutputs = a.mul(all, batch, bytesPerValue)
	m.Total = a.add(m.Input, m.Training, m.Params)
	if a.err != nil {
		return Memory{}, a.err
	}
	return m, nil
}

// Stored is how many values count values of a tensor hold for a batch of
// batch, and their bytes at bytesPerValue each (zero values mean 1 and 4).
// It returns an [*Error] when a count overflows.
func Stored(count, batch, bytesPerValue int64) (values, bytes int64, err error) {
	if batch <= 0 {
		batch = 1
	}
	if bytesPerValue <= 0 {
		bytesPerValue = 4
	}
	if values, err = mul(count, batch); err != nil {
		return 0, 0, err
	}
	if bytes, err = mul(values, bytesPerValue); err != nil {
		return 0, 0, err
	}
	return values, bytes, nil
}
