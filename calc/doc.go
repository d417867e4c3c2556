// Package calc is cnnbot's domain: the layers of a convolutional network,
// the shapes that flow through them, and the exact numbers a student asks
// about — weights, biases, learnable parameters, connections per neuron,
// output sizes, multiply-accumulates and receptive fields.
//
// Every number comes with the worked steps that produce it ([Step]): the
// formula, the values substituted and the result, as data. Rendering the
// steps for a terminal, Discord or JSON is someone else's job; calc never
// formats for a medium and never does I/O.
//
// Arithmetic is checked: a count that would overflow int64 is an [*Error],
// never a wrapped number.
//
// The conventions are PyTorch's (the judge of every number here): shapes are
// channels-first with the batch dropped, output sizes use floor division,
// MACs count the conv and linear multiply-accumulates with the bias excluded
// (fvcore's and torchvision's convention).
package calc
