package calc

import "math"

// mul returns a·b, or an overflow error.
func mul(a, b int64) (int64, error) {
	if a == 0 || b == 0 {
		return 0, nil
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, overflow()
	}
	return c, nil
}

// add returns a+b, or an overflow error.
func add(a, b int64) (int64, error) {
	c := a + b
	if (c > a) != (b > 0) {
		return 0, overflow()
	}
	return c, nil
}

// product multiplies all of xs, checked.
func product(xs ...int64) (int64, error) {
	p := int64(1)
	for _, x := range xs {
		var err error
		if p, err = mul(p, x); err != nil {
			return 0, err
		}
	}
	return p, nil
}

// acc accumulates checked arithmetic and keeps the first error, so a chain of
// multiplications reads as a formula and is checked once at the end.
type acc struct{ err error }

func (a *acc) mul(xs ...int64) int64 {
	if a.err != nil {
		return 0
	}
	p, err := product(xs...)
	a.err = err
	return p
}

func (a *acc) add(xs ...int64) int64 {
	if a.err != nil {
		return 0
	}
	s := int64(0)
	for _, x := range xs {
		var err error
		if s, err = add(s, x); err != nil {
			a.err = err
			return 0
		}
	}
	return s
}

func overflow() error {
	return &Error{Msg: "the numbers are too large to count exactly (they overflow 64-bit integers)",
		Hint: "use sizes a real network could have"}
}

// MaxSize is the largest kernel, stride, padding, dilation, channel count or
// spatial size a layer accepts. Larger values are refused before any
// arithmetic, so every product of a few of them stays exact.
const MaxSize = 1 << 24
