// Package grammar turns what a student types into calc values: the
// canonical spec language (spec.go), pasted PyTorch and Keras code, and plain
// English questions. Every front-end keeps source positions, so an error
// points at the spot (line, column, caret) and says what was expected, with
// an example that works.
//
// Parse is the one entry point the bot uses; it picks the front-end. Callers
// never see participle's types: errors are [*Error].
package grammar
