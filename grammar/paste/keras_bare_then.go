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
