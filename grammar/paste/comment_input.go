package paste

// The input told in a comment on the first pasted line of forward:
//
//	x = F.interpolate(x, scale_factor=2)   # x was [1, 64, 17, 17]
//	x = self.pool(x)  # input: torch.Size([8, 32, 56, 56])
//
// The comment tells the tensor that line starts from: the input of what
// the lines apply.

import (
	"regexp"
	"strings"
)

// ciCommentRE is a comment that gives the tensor a line starts from, with
// its batch: "# x was [1, 64, 17, 17]", "# x: (8, 32, 56, 56)", "# input
// is torch.Size([1, 3, 32, 32])".
var ciCommentRE = regexp.MustCompile(`#\s*(?:x|input|inp|in|inputs)\s*(?:was|is|=|:|has\s+shape|shape(?:\s+is)?|comes\s+in\s+as)\s*(?:torch\.Size\(\s*)?[\[(]\s*(\d{1,5}\s*,\s*\d{1,5}\s*,\s*\d{1,5}(?:\s*,\s*\d{1,5}){0,2})\s*[\])]`)

// ciInputSetRE is code or words that already give the input.
var ciInputSetRE = regexp.MustCompile(`\btorch\.(?:randn|rand|zeros|ones|empty)\s*\(|\bsummary\s*\(`)

// ptCommentInput returns src with the input a comment on its first line
// of code gives said in words at its end, when nothing else gives the
// input; ok is false otherwise.
func ptCommentInput(src string) (string, bool) {
	if ciInputSetRE.MatchString(src) {
		return src, false
	}
	first := src
	if i := strings.IndexByte(strings.TrimLeft(src, " \t\n"), '\n'); i >= 0 {
		first = strings.TrimLeft(src, " \t\n")[:i]
	}
	m := ciCommentRE.FindStringSubmatch(first)
	if m == nil {
		return src, false
	}
	return src + "\ninput torch.Size([" + m[1] + "])\n", true
}
