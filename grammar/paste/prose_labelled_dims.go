package paste

import "strings"

// ptSizeLabels are the words a student writes after a size to say what
// it measures: "1 x 128 mel bins x 431 frames", "64 mel bands x 100 time
// steps", "28 pixels x 28 pixels".
var ptSizeLabels = map[string]bool{"mel": true, "mels": true, "bins": true, "bin": true, "bands": true, "band": true,
	"frames": true, "frame": true, "time": true, "steps": true, "timesteps": true, "freq": true, "frequency": true,
	"frequencies": true, "pixels": true, "px": true, "rows": true, "columns": true, "cols": true, "channel": true,
	"channels": true, "high": true, "wide": true, "tall": true, "height": true, "width": true, "samples": true,
	"windows": true, "coefficients": true, "coeffs": true, "mfccs": true, "mfcc": true, "hops": true}

// ptDataNouns name the data before a tuple of its sizes: "a mel
// spectrogram (N, 1, 64, 128)", "a clip (B, 3, 16, 112, 112)".
var ptDataNouns = map[string]bool{"spectrogram": true, "spectrograms": true, "melspectrogram": true, "batch": true,
	"tensor": true, "tensors": true, "clip": true, "clips": true, "volume": true, "volumes": true, "signal": true,
	"waveform": true, "video": true, "videos": true, "image": true, "images": true, "x": true, "data": true}

// labelledShape reads sizes with words between them, at node i: "1 x 128
// mel bins x 431 frames" is 1x128x431. It needs a label word after at
// least one size (the lexer reads plain "1 x 128 x 431" as one token),
// and every label must be one of ptSizeLabels, so "3 convs x 2" is not
// read as a size.
func (r *ptProseReader) labelledShape(i int) bool {
	d, labelled, j := r.sizesAt(i), false, i+1
	if d == nil {
		return false
	}
	for len(d) <= 4 {
		k := j
		for k < len(r.nodes) && k-j < 3 && ptSizeLabels[r.word(k)] {
			k++
		}
		if k < len(r.nodes) && k > j && r.nodes[k].Pos.Line == r.nodes[i].Pos.Line {
			labelled = true
		}
		if !ptBySign(r.nodes, k) || r.sizesAt(k+1) == nil || r.nodes[k].Pos.Line != r.nodes[i].Pos.Line {
			break
		}
		d, j = append(d, r.sizesAt(k+1)...), k+2
	}
	if !labelled || len(d) < 2 || len(d) > 4 {
		return false
	}
	r.p.dims, r.p.dimsPos = d, ptPos(r.nodes[i].Pos)
	return true
}

// sizesAt is node i as sizes: a number or a Dims token; nil otherwise.
func (r *ptProseReader) sizesAt(i int) []int {
	if i < 0 || i >= len(r.nodes) {
		return nil
	}
	if n := r.nodes[i]; n.Dims != "" {
		d := ptDimsOf(n.Dims)
		for _, v := range d {
			if v < 1 {
				return nil
			}
		}
		return d
	}
	if v := r.num(i); v > 0 {
		return []int{v}
	}
	return nil
}

// ptBySign reports whether node k is a times sign between sizes: x, X,
// ×, "by" (not *: "64*7*7" is a product, read elsewhere).
func ptBySign(nodes []*ptNode, k int) bool {
	if k < 0 || k >= len(nodes) || len(nodes[k].Calls) > 0 {
		return false
	}
	n := nodes[k]
	return strings.EqualFold(n.Ident, "x") || strings.EqualFold(n.Ident, "by") || n.Tok == "×"
}
