package paste

// maxChars is grammar.MaxChars: the longest question the front door reads.
const maxChars = 4000
