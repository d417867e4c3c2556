// Package lang is what the front-ends of package grammar share: positions
// and errors with a caret ([Error.Snippet]), "did you mean" ([DidYouMean]),
// the [Question] every front-end returns, the vocabulary of the spec
// language ([Kinds], [Options], [Takes]), how an input size is read
// ([NetworkInput], [LayerInput]), and the canonical formatter ([Format])
// that restates any question in the spec language.
//
// It is a leaf: it imports calc and the standard library only, and no
// front-end imports another.
package lang
