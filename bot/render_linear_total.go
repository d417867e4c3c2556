package bot

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
)

// linearTotal names every link of a fully connected layer on a flat
// input: each of its units reads every input, so the links are its
// weights (In·Out), and with the bias counted as one connection its
// parameters. calc counts both; false for any other layer.
func linearTotal(r Reply, rep calc.Report) (string, bool) {
	if rep.Kind != "linear" || len(rep.Input) != 1 || len(rep.Output) != 1 || rep.Weights == 0 {
		return "", false
	}
	weightsOnly := fmt.Sprintf("%s inputs × %s units", group(int64(rep.Input[0])), group(int64(rep.Output[0])))
	switch {
	case rep.Biases == 0:
		return fmt.Sprintf("total connections = %s = %s (no bias)", large(rep.Weights), weightsOnly), true
	case r.Question.BiasConnection:
		return fmt.Sprintf("total connections = %s = %s + %s biases, the bias counted as one", large(rep.Params), weightsOnly, group(rep.Biases)), true
	case r.Question.BiasLeftOut:
		return fmt.Sprintf("total connections = %s = %s, weights only", large(rep.Weights), weightsOnly), true
	}
	return fmt.Sprintf("total connections = %s, the bias counted as one as LeNet-5 does (weights only: %s = %s)", large(rep.Params), weightsOnly, group(rep.Weights)), true
}
