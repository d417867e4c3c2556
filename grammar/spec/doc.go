// Package spec reads the canonical spec language of design.md §1 — one
// layer a line (conv 3x3 32->64 stride 2 pad 1 bias), an optional input
// line, blocks (repeat, residual, concat) and the presets — into a
// [lang.Question]. It is the language every other front-end restates its
// reading in ([lang.Format]), so anything Format writes, Parse reads back.
package spec
