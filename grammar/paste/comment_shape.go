package paste

// The input told by a shape comment on a line of a loose fragment that
// makes the tensor the layers then take:
//
//	x = emb(tokens)          # (B, 50, 300)
//	x = wav.unsqueeze(0)     # (1, 1, 16000)
//
// The comment tells the tensor the line gives, so the layers pasted after
// it start from it (a permute between them is the channels-last reading
// pytorch.go already makes). Only fragments without a forward are read so:
// in a module, a comment inside forward may follow layers it went through.

import (
	"regexp"
	"strings"
)

// csLineRE is an assignment with no layer built on it whose comment is a
// batched shape, the batch as a number or a letter: "x = emb(t)  # (B, 50,
// 300)", "x = wav.unsqueeze(0)  # [1, 1, 16000]".
var csLineRE = regexp.MustCompile(`^\s*[A-Za-z_]\w*\s*=[^=#]*#\s*(?:shape\s*:?\s*|->\s*|x\s*:\s*)?[\[(]\s*(?:B|N|b|n|bs|batch|batch_size|\d{1,5})\s*,\s*(\d{1,5}\s*,\s*\d{1,5}(?:\s*,\s*\d{1,5}){0,2})\s*[\])]`)

// csModuleRE is code that builds a layer or defines a module's forward.
var csModuleRE = regexp.MustCompile(`\bnn\.[A-Z]|\bdef\s+forward\b`)

// ptCommentShapeInput returns src with the input the first shape comment
// of a fragment gives said at its end (batch 1), when nothing else gives
// the input and the fragment has no forward; ok is false otherwise.
func ptCommentShapeInput(src string) (string, bool) {
	if ciInputSetRE.MatchString(src) || strings.Contains(src, "def forward") {
		return src, false
	}
	if dims, ok := firstShapeComment(src, csModuleRE, csLineRE); ok {
		return src + "\ninput torch.Size([1, " + dims + "])\n", true
	}
	return src, false
}

// firstShapeComment returns the sizes (the first group of comment) of
// src's first shape comment, when no layer (a line whose code matches
// layer) comes before it; ok is false otherwise. The PyTorch and Keras
// readers share it, each with its own patterns.
func firstShapeComment(src string, layer, comment *regexp.Regexp) (dims string, ok bool) {
	for _, line := range strings.Split(src, "\n") {
		code, _, _ := strings.Cut(line, "#")
		if layer.MatchString(code) {
			return "", false // a layer comes before any shape comment
		}
		if m := comment.FindStringSubmatch(line); m != nil {
			return m[1], true
		}
	}
	return "", false
}
