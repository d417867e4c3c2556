package bot

import (
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// writeStep writes "quantity = formula = numbers = result" and its note.
func writeStep(b *strings.Builder, st calc.Step, m markup) {
	// Written piece by piece, not with Fprintf: this runs for every step
	// of every answer.
	b.WriteString("• ")
	b.WriteString(st.Quantity)
	b.WriteString(" = ")
	switch {
	case len(st.Values) == 0:
	case len(st.Values) == 1 && st.Formula == st.Values[0].Name:
		b.WriteString(st.Formula)
		b.WriteString(" = ")
	default:
		b.WriteString(st.Formula)
		b.WriteString(" = ")
		b.WriteString(calc.Substitute(st.Formula, st.Values, group))
		b.WriteString(" = ")
	}
	m.writeBoldGroup(b, st.Result)
	b.WriteByte('\n')
	if st.Note != "" {
		b.WriteString("  ↳ ")
		b.WriteString(st.Note)
		b.WriteByte('\n')
	}
}
