// Package grammar turns what a student types into calc values. It is the
// front door: [ParseAll] splits a message into its questions (several
// questions, "X vs Y", "what if ... instead", two pasted models), and
// [Parse] reads one. A question is read by every front-end that might
// apply — pasted PyTorch or Keras code (package paste), the canonical spec
// language (package spec), plain English (package english), a preset named
// (package presets) — and the router (route.go) keeps the reading that
// fits together and leaves the fewest of the asker's numbers unexplained
// (account.go). Every number the asker wrote that the reading does not use
// is in [Question].Unused, with why where it can be told.
//
// Each front-end returns a [Question] (package lang, which they share) with
// source positions, so an error points at the spot (line, column, caret)
// and says what was expected, with an example that works. Callers never
// see participle's types: errors are [*Error].
package grammar
