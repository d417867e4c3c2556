package bot

import (
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// How numbers and shapes are written: 18,496 and 64×28×28.

// shapeText writes a shape as 64×28×28; an unknown channel count (0) is
// left out, since pooling works channel by channel.
func shapeText(s calc.Shape) string {
	var buf [48]byte
	return string(appendShape(buf[:0], s))
}

// group writes n with thousands separators: 18,496.
func group(n int64) string {
	var buf [32]byte
	return string(appendGroup(buf[:0], n))
}

// writeGroup writes n to b with thousands separators.
func writeGroup(b *strings.Builder, n int64) {
	var buf [32]byte
	b.Write(appendGroup(buf[:0], n))
}

// appendGroup appends n to dst with thousands separators.
func appendGroup(dst []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		dst = append(dst, "−"...)
		u = -u // also right for math.MinInt64
	}
	var digits [20]byte
	d := strconv.AppendUint(digits[:0], u, 10)
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, c)
	}
	return dst
}

// appendShape appends shapeText(s) to b.
func appendShape(b []byte, s calc.Shape) []byte {
	if s == nil {
		return append(b, '?')
	}
	first := true
	for i, d := range s {
		if i == 0 && d == 0 && len(s) > 1 {
			continue
		}
		if !first {
			b = append(b, "×"...)
		}
		b = strconv.AppendInt(b, int64(d), 10)
		first = false
	}
	if len(s) > 1 && s[0] == 0 {
		b = append(b, " per channel"...)
	}
	return b
}
