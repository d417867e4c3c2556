package paste

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptMessageLinearInput sets aside the input the words give when a mat1 and
// mat2 message sizes the first layer, a Linear, and that input cannot be
// what reaches it: "I removed the padding from lenet's first conv (MNIST
// 28x28 input) ... mat1 and mat2 shapes cannot be multiplied (32x256 and
// 400x120) ... Linear(???, 120)" is about the 256 features the message
// names, not a 28x28 image fed to the Linear.
func ptMessageLinearInput(msg *ptMessage, prose ptProse, q *lang.Question) {
	if msg == nil || msg.kind != "linear" || len(q.Layers) == 0 || q.Input == nil || prose.dims == nil {
		return
	}
	lin, ok := q.Layers[0].Layer.(calc.Linear)
	if !ok || lin.In <= 0 {
		return
	}
	if n, err := q.Input.Elements(); err != nil || n == int64(lin.In) {
		return
	}
	q.Unused = append(q.Unused, lang.Unused{Text: ptJoin(prose.dims), Pos: prose.dimsPos,
		Why: fmt.Sprintf("the data's size, not what reaches the Linear: PyTorch's message says %d features do", lin.In)})
	q.Input = nil
}
