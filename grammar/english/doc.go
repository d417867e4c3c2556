// Package english reads questions in plain English ("how many parameters
// does a 3x3 conv with 64 filters on a 32x32x3 image have?") into a
// [lang.Question]. English has no grammar, so its reader is written by hand:
// a lexer splits the words and numbers, and small readers pick out each
// role (sizes, channels, kernel, stride and padding, what is asked).
package english
