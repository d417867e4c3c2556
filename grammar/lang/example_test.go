package lang_test

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

func ExampleError_Snippet() {
	src := "conv 3x3 32->64 strdie 2"
	e := &lang.Error{Line: 1, Col: 17, Msg: `"strdie" is not an option I know — did you mean "stride"?`}
	fmt.Println(e)
	fmt.Println(e.Snippet(src))
	// Output:
	// 1:17: "strdie" is not an option I know — did you mean "stride"?
	// conv 3x3 32->64 strdie 2
	//                 ^
}

func ExampleDidYouMean() {
	fmt.Println(lang.DidYouMean("covn", lang.KindNames()))
	fmt.Printf("%q\n", lang.DidYouMean("banana", lang.KindNames()))
	// Output:
	// conv
	// ""
}

func ExampleGroup() {
	fmt.Println(lang.Group(18496), lang.Group(-1234567), lang.Group(12))
	// Output: 18,496 -1,234,567 12
}

func ExampleFormat() {
	q := &lang.Question{
		Input:  calc.Shape{32, 56, 56},
		Layers: []lang.Layer{{Layer: calc.Conv{Kernel: []int{3}, In: 32, Out: 64, Stride: []int{2}, Pad: []int{1}}}},
	}
	fmt.Println(lang.Format(q))
	// Output: conv 3x3 32->64 stride 2 pad 1 bias input 56x56
}

func ExampleNetworkInput() {
	for _, nums := range [][]int{{224, 224, 3}, {3, 224, 224}} {
		shape, note, _ := lang.NetworkInput(&lang.Input{Nums: nums}, calc.Conv{Kernel: []int{3}, Out: 8})
		fmt.Printf("%v %q\n", shape, note)
	}
	// Output:
	// [3 224 224] ""
	// [3 224 224] "input 3x224x224 read as channels × height × width (3 channels, PyTorch's order); for height × width × channels write input 3x224x224 hwc"
}

// ClosingBracket finds where a pasted call ends, its arguments' brackets
// nested inside it.
func ExampleClosingBracket() {
	src := "head = nn.Sequential(nn.Linear(512, 10), nn.Softmax(dim=1))  # new head"
	open := strings.Index(src, "(")
	fmt.Println(src[:lang.ClosingBracket(src, open)+1])
	fmt.Println(lang.ClosingBracket("nn.Conv2d(3, 16", 9))
	// Output:
	// head = nn.Sequential(nn.Linear(512, 10), nn.Softmax(dim=1))
	// -1
}
