package paste

// An argument written as an ellipsis — "nn.Linear(..., 5)", "Linear(…,
// 10)", "Conv2d(3, …)" — is a blank the asker wants filled, as "???" is:
// people elide the number they do not know, and Python's own Ellipsis
// never stands for a layer's size.

import (
	"regexp"
	"strings"
)

// ellipsisArgRE is an argument that is only an ellipsis, right after a
// call's "(" or between a "," and the call's ")" or next ",": group 1 is
// the ellipsis. An index (x[..., 0]) is left alone.
var ellipsisArgRE = regexp.MustCompile(`(?:\w\(|,)[ \t]*(\.\.\.|…)[ \t]*[,)]`)

// ptEllipsisBlanks writes each ellipsis argument of src as "???" (and
// "…", three bytes, as "?" and two spaces), so that every offset and
// every later line is kept and the readers see the blank they know.
func ptEllipsisBlanks(src string) string {
	src = ptTrailingEllipsis(src) // mention_partial.go: "Conv2DTranspose(64...)"
	locs := ellipsisArgRE.FindAllStringSubmatchIndex(src, -1)
	if locs == nil {
		return src
	}
	b := []byte(src)
	for _, m := range locs {
		callee, index := ptCalleeAt(src, m[2])
		if !ellipsisSizedCall.MatchString(callee) || index >= ellipsisRequired(callee) {
			continue // Sequential(conv, ..., fc), Conv2d(3, 16, 3, ...): the rest left out, not a size
		}
		if src[m[2]:m[3]] == "..." {
			copy(b[m[2]:m[3]], "???")
		} else {
			copy(b[m[2]:m[3]], "?  ")
		}
	}
	return string(b)
}

// ellipsisSizedCall names the layers whose arguments are sizes.
var ellipsisSizedCall = regexp.MustCompile(`(?i)(?:^|\.)(?:Lazy)?(?:Linear|Dense|Conv(?:Transpose)?[123][dD]|Conv(?:2|3|1)?D?Transpose|SeparableConv[12]D|DepthwiseConv2D|BatchNorm[123]d|Embedding)$`)

// ellipsisRequired is how many positional arguments a layer must be
// given: an ellipsis among them is a blank, one after them stands for
// the keywords left out ("nn.Conv2d(3, 16, 3, ...)").
func ellipsisRequired(callee string) int {
	name := callee[strings.LastIndexByte(callee, '.')+1:]
	switch {
	case name == "Dense" || strings.HasPrefix(name, "BatchNorm") || strings.HasPrefix(name, "DepthwiseConv"):
		return 1
	case strings.HasSuffix(name, "Linear") || name == "Embedding" || strings.HasSuffix(name, "D") || strings.HasSuffix(name, "DTranspose"):
		return 2 // Linear(in, out); Keras's Conv2D(filters, kernel_size)
	}
	return 3 // Conv2d(in, out, kernel_size)
}

// ptCalleeAt is the name of the call whose unclosed "(" encloses byte
// offset off on its line ("nn.Linear" for the "…" of "nn.Linear(…, 5)")
// and how many arguments come before off in it; "" when off is not
// inside a call's brackets there: x[:, ..., 0] is an index.
func ptCalleeAt(src string, off int) (string, int) {
	depth, commas := 0, 0
	for i := off - 1; i >= 0 && src[i] != '\n'; i-- {
		switch src[i] {
		case ']', ')':
			depth++
		case '[':
			if depth == 0 {
				return "", 0
			}
			depth--
		case ',':
			if depth == 0 {
				commas++
			}
		case '(':
			if depth > 0 {
				depth--
				continue
			}
			j := i
			for j > 0 && (isIdentByte(src[j-1]) || src[j-1] == '.') {
				j--
			}
			return src[j:i], commas
		}
	}
	return "", 0
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
