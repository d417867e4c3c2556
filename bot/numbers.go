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
	if s == nil {
		return "?"
	}
	var b strings.Builder
	b.Grow(6 * len(s))
	for i, d := range s {
		if i == 0 && d == 0 && len(s) > 1 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("×")
		}
		b.WriteString(strconv.Itoa(d))
	}
	if len(s) > 1 && s[0] == 0 {
		b.WriteString(" per channel")
	}
	return b.String()
}

// group writes n with thousands separators: 18,496.
func group(n int64) string {
	var b strings.Builder
	b.Grow(len("−9,223,372,036,854,775,808"))
	writeGroup(&b, n)
	return b.String()
}

// writeGroup writes group(n) to b.
func writeGroup(b *strings.Builder, n int64) {
	u := uint64(n)
	if n < 0 {
		b.WriteString("−")
		u = -u // also right for math.MinInt64
	}
	var buf [20]byte
	digits := strconv.AppendUint(buf[:0], u, 10)
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(c)
	}
}
