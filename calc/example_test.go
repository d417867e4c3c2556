package calc_test

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
)

// A conv layer's parameters do not depend on stride or padding; its output
// size does. Each number comes with its step.
func ExampleConv_Apply() {
	conv := calc.Conv{Kernel: []int{3, 3}, In: 32, Out: 64, Stride: []int{2}, Pad: []int{1}}
	r, err := conv.Apply(calc.Shape{32, 56, 56})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range r.Steps[:4] {
		fmt.Printf("%s = %s = %d\n", st.Quantity, st.Formula, st.Result)
	}
	fmt.Println("output", r.Output, "MACs", r.MACs)
	// Output:
	// connections per neuron = KH·KW·Cin = 288
	// weights = KH·KW·Cin·Cout = 18432
	// biases = Cout = 64
	// learnable parameters = weights + biases = 18496
	// output [64 28 28] MACs 14450688
}

// A layer that PyTorch would refuse is an *calc.Error naming the setting at
// fault, so a parser can point at it.
func ExampleConv_Validate() {
	err := calc.Conv{Kernel: []int{3, 3}, In: 32, Out: 64, Groups: 3}.Validate()
	fmt.Println(err)
	// Output:
	// groups 3 does not divide the 32 input channels
}

// A network reports each layer's receptive field on the input: three
// stacked 3×3 convolutions see a 7×7 patch, as one 7×7 would.
func ExampleNetwork_Summarize() {
	conv := calc.Conv{Kernel: []int{3, 3}, Out: 16, Pad: []int{1}}
	s, _ := calc.Network{Input: calc.Shape{3, 32, 32}, Layers: []calc.Layer{conv, conv, conv}}.Summarize()
	for _, row := range s.Rows {
		fmt.Println(row.Index, row.Output, "receptive field", row.Field[0].Size)
	}
	fmt.Println("params", s.Params)
	// Output:
	// 1 [16 32 32] receptive field 3
	// 2 [16 32 32] receptive field 5
	// 3 [16 32 32] receptive field 7
	// params 5088
}

// A network's name counts the layers with weights on its longest path; a
// projection shortcut runs beside the body and is counted only in all.
// Here, one ResNet basic block that changes the channels, then the head.
func ExampleDepthOf() {
	conv := func(k, out, stride int) calc.Layer {
		return calc.Conv{Kernel: []int{k, k}, Out: out, Stride: []int{stride}, NoBias: true}
	}
	block := calc.Residual{
		Body:     []calc.Layer{conv(3, 128, 2), calc.BatchNorm{}, calc.Activation{Name: "relu"}, conv(3, 128, 1), calc.BatchNorm{}},
		Shortcut: []calc.Layer{conv(1, 128, 2), calc.BatchNorm{}},
	}
	d := calc.DepthOf([]calc.Layer{conv(7, 64, 2), block, calc.Flatten{}, calc.Linear{Out: 10}})
	fmt.Println("longest path:", d.Path.Total(), d.Path)
	fmt.Println("in all:", d.All.Total(), d.All)
	// Output:
	// longest path: 4 {3 1}
	// in all: 5 {4 1}
}
