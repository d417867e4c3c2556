// Package english reads questions in plain English ("how many parameters
// does a 3x3 conv with 64 filters on a 32x32x3 image have?") into a
// [lang.Question]. English has no grammar, so its reader is written by hand,
// as text/template/parse/lex.go is: small named functions, one per role.
//
// Where each step lives:
//
//   - english.go: the lexer and the mergers of tokens that read as one
//     (3x3, conv3d, 10k, i-1, (3, 3)), one merger per kind of token;
//   - numwords.go: numbers written in words (sixty-four, five by five), the
//     asker's own arithmetic (left out), layouts written after a size
//     ("3x5x5 (C,H,W)");
//   - english_words.go: the vocabulary, plurals and typos;
//   - english_read.go: the layers mentioned (anchors), what the words around
//     a number say, what is asked;
//   - english_number.go: what one number is — a setting, a dropout rate, an
//     argument, a count and its role, a list of per-layer values;
//   - english_build.go: the question built from what was read (input,
//     repeats, inverse questions, a fully connected layer as a conv);
//   - english_layer.go: one layer built per kind;
//   - english_chain.go: a stack written as a channel chain and one kernel
//     per conv ("256->64->64->256 (1x1,3x3,1x1)");
//   - english_tensor.go: a tensor on its own, or a conv said only by its
//     output, whose values and bytes are asked;
//   - english_counts.go: counts said a particular way (the bias counted as
//     a connection, a Keras Dense with its Flatten forgotten);
//   - english_sizestack.go, english_sizewalk.go: a stack of convs and pools
//     whose channels are not said, sized; english_sizerepeat.go: its
//     repeats said in prose ("(...) four times", "after TWO such blocks");
//   - english_sides.go: a non-square size said one side at a time ("120
//     (height) x 160 (width)", "height 15 and width 20").
//
// The numbers the reading leaves unused are named by the front door
// (package grammar), which accounts for every number of the question.
package english
