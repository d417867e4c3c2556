package english

import "regexp"

// Kim's text CNN (2014): convolutions of several widths over word
// vectors, "filter sizes 3 4 5, 100 filters each, on 300 dim word
// vectors". The words that name a text CNN make its convs 1-D (the
// embedding width is their input channels) and side by side: each width
// reads the same sentence, and the outputs are joined, so no conv takes
// another's filters as its input.

// enTextCNNRE matches the words that name a text CNN.
var enTextCNNRE = regexp.MustCompile(`(?i)\bkim\b|\btext[- ]?cnn\b|\bcnn\s+for\s+(?:text|sentence)|\b(?:text|sentence)\s+classification\b`)

// textConvs makes the convs of a text CNN said without a dimension 1-D,
// when the words give an embedding width and no conv has a square kernel
// said ("3x3").
func (r *enReader) textConvs(real []*enAnchor) {
	if !enEmbeddingRE.MatchString(r.src) {
		return
	}
	for _, a := range real {
		if a.kind == "conv" && (a.dims > 1 || len(a.kernel) > 1) {
			return
		}
	}
	for _, a := range real {
		if a.kind == "conv" && a.dims == 0 {
			a.dims = 1
		}
	}
}

// embeddingAt reports whether token i is the embedding width the words
// give ("300 dim word vectors").
func (r *enReader) embeddingAt(i int) bool {
	m := enEmbeddingRE.FindStringSubmatchIndex(r.src)
	for g := 1; m != nil && g < len(m)/2; g++ {
		if m[2*g] >= 0 && i >= 0 && i < len(r.toks) && r.toks[i].off == m[2*g] {
			return true
		}
	}
	return false
}

// TextCNN reports whether src names Kim's text CNN, whose convs are side
// by side: a rewrite of its widths as a chain is no reading of it.
func TextCNN(src string) bool {
	return enTextCNNRE.MatchString(src)
}

// enSentenceLenRE matches the length of a text CNN's sentences, in tokens:
// "sentences padded to 50 tokens", "sequence length 64", "max length of
// 40 words".
var enSentenceLenRE = regexp.MustCompile(`(?i)\b(?:padded|truncated|cut)\s+to\s+(\d+)\s+(?:tokens|words)\b|\b(?:sequence|sentence|max(?:imum)?)\s+length\s+(?:of\s+|=\s*|is\s+)?(\d+)\b|\b(\d+)[- ](?:token|word)\s+(?:sentences|sequences|inputs?)\b`)

// sentenceLength is the sentence length the words give, in tokens, as the
// length of a 1-D conv's input, or 0.
func (r *enReader) sentenceLength() int {
	i := r.sentenceTok()
	if i < 0 {
		return 0
	}
	r.toks[i].used = true
	r.notes = append(r.notes, "the sentence length read as the length of the 1-D convs' input")
	return enClamp(r.toks[i].num)
}

// keepSentenceLength sets the sentence length of a text CNN aside before
// the numbers are read, so that "40 words" is no count of filters.
func (r *enReader) keepSentenceLength() {
	if i := r.sentenceTok(); i >= 0 && enEmbeddingRE.MatchString(r.src) {
		r.toks[i].used = true
	}
}

// sentenceTok is the token of the sentence length the words give, or -1.
func (r *enReader) sentenceTok() int {
	m := enSentenceLenRE.FindStringSubmatchIndex(r.src)
	for g := 1; m != nil && g < len(m)/2; g++ {
		if m[2*g] < 0 {
			continue
		}
		for i := range r.toks {
			if r.toks[i].off == m[2*g] && r.toks[i].kind == 'n' {
				return i
			}
		}
	}
	return -1
}
