package paste

import "strings"

// A Keras layer named bare before the layer it feeds — "GlobalAveragePooling2D
// then Dense(5)", "Flatten followed by Dense(10)", "BatchNormalization ->
// Conv2D(64, 3)" — is a layer called with its defaults, as one in a list is
// (kerasBareLayer).

// kerasThenWords between a bare layer name and a call say the call follows it.
var kerasThenWords = map[string]bool{"then": true, "followed": true, "before": true, "into": true}

// kerasThenBare reports whether the bare name at nodes[i] is followed by a
// word of kerasThenWords (or an arrow) and a Keras layer call on its line.
func kerasThenBare(nodes []*ptNode, i int) bool {
	j := i + 1
	if j >= len(nodes) || nodes[j].Pos.Line != nodes[i].Pos.Line {
		return false
	}
	if !kerasThenWords[strings.ToLower(nodes[j].Ident)] && nodes[j].Punct != "->" || len(nodes[j].Calls) > 0 {
		return false
	}
	j++
	if j < len(nodes) && strings.EqualFold(nodes[j].Ident, "by") && len(nodes[j].Calls) == 0 {
		j++ // "followed by"
	}
	if j >= len(nodes) || nodes[j].Pos.Line != nodes[i].Pos.Line {
		return false
	}
	c := ptCallOf(nodes[j])
	return c != nil && kerasSpecs[c.Base()] != nil
}

// kerasAfterThen reports whether the bare name at nodes[i] opens a list
// after a word of kerasThenWords — "Dense(12288) then BatchNormalization,
// LeakyReLU, Reshape((8, 8, 192))" — on the line of a Keras layer call:
// the name is followed by a comma, an arrow or a Keras layer.
func kerasAfterThen(nodes []*ptNode, i int) bool {
	if i == 0 || i+1 >= len(nodes) {
		return false
	}
	p := nodes[i-1]
	if strings.EqualFold(p.Ident, "by") && i >= 2 {
		p = nodes[i-2] // "followed by"
	}
	if !kerasThenWords[strings.ToLower(p.Ident)] || len(p.Calls) > 0 || p.Pos.Line != nodes[i].Pos.Line {
		return false
	}
	n := nodes[i+1]
	if n.Pos.Line != nodes[i].Pos.Line {
		return false
	}
	return n.Punct == "," || n.Punct == "->" || kerasSpecs[ptBase(n)] != nil && n.Ident != ""
}
