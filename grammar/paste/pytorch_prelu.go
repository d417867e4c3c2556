package paste

import (
	"github.com/cnnbot/cnnbot/calc"
)

// ptPReLU reads nn.PReLU(num_parameters=1, init=0.25): one learned slope,
// or one per channel.
func ptPReLU(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
	b, err := ptBind(c, env, []string{"num_parameters", "init"}, []string{"device", "dtype"},
		"e.g. nn.PReLU() or nn.PReLU(num_parameters=64)")
	if err != nil {
		return nil, nil, err
	}
	n, err := b.int("num_parameters", 1)
	if err != nil {
		return nil, nil, err
	}
	if n < 1 || n > calc.MaxSize {
		return nil, nil, b.errAt(b.at("num_parameters"), "num_parameters is 1 or the number of channels")
	}
	return calc.PReLU{N: n}, b, nil
}
