package paste

import (
	"regexp"
	"strconv"
	"strings"
)

// The sequence length told by a shape comment on the line that embeds the
// tokens, in a module whose forward is pasted:
//
//	self.emb = nn.Embedding(20000, 300)
//	...
//	x = self.emb(x).permute(0, 2, 1)   # (B, 300, 50)
//
// The comment's two sizes are the embedding's width (300) and the length
// (50), in either order: the length is the input.

// ecDeclRE is an embedding built: its name and its width.
var ecDeclRE = regexp.MustCompile(`(?m)^\s*(?:self\.)?(\w+)\s*=\s*(?:nn\.)?Embedding\(\s*\d+\s*,\s*(?:embedding_dim\s*=\s*)?(\d+)`)

// ecShapeRE is a batched 3-D shape in a comment: "# (B, 300, 50)".
var ecShapeRE = regexp.MustCompile(`#\s*(?:shape\s*:?\s*|->\s*)?[\[(]\s*(?:B|N|b|n|bs|batch|batch_size|\d{1,5})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*[\])]`)

// ptEmbeddingCommentInput returns src with the input the comment on the
// embedding's line gives said at its end ("sequence length 50"), when nothing else
// sets the input; ok is false otherwise.
func ptEmbeddingCommentInput(src string) (string, bool) {
	d := ecDeclRE.FindStringSubmatch(src)
	if d == nil || ciInputSetRE.MatchString(src) {
		return src, false
	}
	width, _ := strconv.Atoi(d[2])
	call := regexp.MustCompile(`\b` + regexp.QuoteMeta(d[1]) + `\s*\(`)
	for _, line := range strings.Split(src, "\n") {
		code, _, _ := strings.Cut(line, "#")
		m := ecShapeRE.FindStringSubmatch(line)
		if m == nil || !call.MatchString(code) || strings.Contains(code, "Embedding(") {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a == width && b != width:
			return src + "\nsequence length " + m[2] + "\n", true
		case b == width && a != width:
			return src + "\nsequence length " + m[1] + "\n", true
		}
	}
	return src, false
}
