package grammar

import "github.com/cnnbot/cnnbot/grammar/spec"

// Grammar is the spec language's grammar in EBNF, as participle prints it,
// for help to show.
func Grammar() string { return spec.Grammar() }
