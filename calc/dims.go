package calc

import "strings"

// per returns the i-th of xs, with a single value standing for every
// dimension and no value meaning def.
func per(xs []int, i, def int) int {
	switch len(xs) {
	case 0:
		return def
	case 1:
		return xs[0]
	}
	if i < len(xs) {
		return xs[i]
	}
	return def
}

// checkPer validates a per-dimension setting: one value or one per
// dimension, each at least lo and at most MaxSize.
func checkPer(field string, xs []int, dims, lo int) error {
	if len(xs) > 1 && len(xs) != dims {
		return errorf(field, "has %d values but the layer has %d spatial dimensions", len(xs), dims)
	}
	for _, x := range xs {
		if x < lo {
			if lo == 0 {
				return errorf(field, "cannot be negative (got %d)", x)
			}
			return errorf(field, "must be at least %d (got %d)", lo, x)
		}
		if x > MaxSize {
			return errorf(field, "%d is larger than any real layer uses (the limit is %d)", x, MaxSize)
		}
	}
	return nil
}

func checkCount(field string, n, lo int) error {
	if n < lo {
		return errorf(field, "must be at least %d (got %d)", lo, n)
	}
	if n > MaxSize {
		return errorf(field, "%d is larger than any real layer uses (the limit is %d)", n, MaxSize)
	}
	return nil
}

// Names of the kernel and spatial sizes by dimension count, for formulas.
var (
	kernelNames  = [][]string{1: {"K"}, 2: {"KH", "KW"}, 3: {"KD", "KH", "KW"}}
	spatialNames = [][]string{1: {"L"}, 2: {"H", "W"}, 3: {"D", "H", "W"}}
	outNames     = [][]string{1: {"Lo"}, 2: {"Ho", "Wo"}, 3: {"Do", "Ho", "Wo"}}
	dimWords     = [][]string{1: {"length"}, 2: {"height", "width"}, 3: {"depth", "height", "width"}}
)

// floorDiv is ⌊a/b⌋ for b > 0, rounding toward minus infinity as PyTorch's
// div_rtn does (Go's / rounds toward zero).
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && (a < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 { return -floorDiv(-a, b) }

func dot(names []string) string { return strings.Join(names, "·") }
