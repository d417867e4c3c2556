// Package grammar turns what a student types into calc values. It is the
// front door: [Parse] looks at a question and hands it to one front-end —
// pasted PyTorch or Keras code (package paste), the canonical spec language
// (package spec), or plain English (package english) — each of which
// returns a [Question] (package lang, which they share) with source
// positions, so an error points at the spot (line, column, caret) and says
// what was expected, with an example that works.
//
// Callers never see participle's types: errors are [*Error].
package grammar
