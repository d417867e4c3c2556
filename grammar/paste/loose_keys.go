package paste

import "strings"

// Students write a layer's call by hand and drop the '=' of a keyword:
// "Conv3d(64, 128, kernel 3x3x3, padding 1)", "Conv2d(3, 64, kernel_size 3,
// stride 2)". A word that names an argument of a conv or a pool, followed by
// one number or size and nothing else, is read as that keyword argument,
// after a positional one only: prose in brackets ("that conv (stride 2,
// padding 3)") is no call.

// ptLooseKeys maps the words written to the keyword PyTorch spells.
var ptLooseKeys = map[string]string{
	"kernel": "kernel_size", "kernel_size": "kernel_size", "ks": "kernel_size",
	"stride": "stride", "strides": "stride",
	"padding": "padding", "pad": "padding",
	"dilation": "dilation", "groups": "groups",
}

// ptLooseKey reads an argument written `kernel 3x3x3` as a keyword
// argument: it returns the keyword, and false when cur is not a known word
// followed by one number or size.
func ptLooseKey(cur []*ptNode) (string, bool) {
	if len(cur) != 2 || cur[0].Ident == "" || len(cur[0].Calls) > 0 {
		return "", false
	}
	if cur[1].Num == "" && cur[1].Dims == "" {
		return "", false
	}
	k, ok := ptLooseKeys[strings.ToLower(cur[0].Ident)]
	return k, ok
}
