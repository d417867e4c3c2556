package english

import "strings"

// Colour plus one more band: "RGB-D" (depth), "RGBA" (alpha), "RGB-NIR",
// "rgb + depth". These inputs have 4 channels; read as "RGB" alone they
// had 3, and a layer said to take 4 was refused for it.

// enBandWords are the fourth bands said after "rgb".
var enBandWords = map[string]bool{"d": true, "depth": true, "a": true, "alpha": true, "nir": true, "ir": true, "n": true, "thermal": true}

// enFourBandWords are the one-word spellings: "RGBD", "RGBA".
var enFourBandWords = map[string]bool{"rgbd": true, "rgba": true, "rgbn": true, "rgbnir": true, "rgbir": true, "bgra": true, "argb": true}

// enFourBands merges "rgb" and the band after it ("RGB-D", "rgb + depth")
// into one word of lemma "rgb4", as it does "RGBD" and "RGBA".
func enFourBands(toks []enTok) []enTok {
	var out []enTok
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == 'w' && enFourBandWords[strings.ToLower(t.raw)] {
			t.lem = "rgb4"
			out = append(out, t)
			continue
		}
		if t.kind != 'w' || t.lem != "rgb" {
			out = append(out, t)
			continue
		}
		j, spelled := i+1, false
		if j < len(toks) && toks[j].kind == 'p' && (toks[j].raw == "+" || toks[j].raw == "-") {
			j++
		} else if j < len(toks) && toks[j].kind == 'w' && (strings.EqualFold(toks[j].raw, "plus") || strings.EqualFold(toks[j].raw, "and")) {
			j, spelled = j+1, true // "rgb plus depth": the band spelled out, not "rgb and a 3x3 conv"
		}
		if j < len(toks) && toks[j].kind == 'w' && enBandWords[strings.ToLower(toks[j].raw)] && (j > i+1 || toks[j].glued || toks[j].hyph) && (!spelled || len(toks[j].raw) > 1 && !strings.EqualFold(toks[j].raw, "ir")) {
			t.lem, t.end = "rgb4", toks[j].end
			t.raw = t.raw + "-" + toks[j].raw
			out = append(out, t)
			i = j
			continue
		}
		out = append(out, t)
	}
	return out
}
