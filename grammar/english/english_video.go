package english

import "strings"

// A convolution over a video clip or a scan is a 3-D one even when the
// question says only "conv": "c3d first conv: 3->64 3x3x3 pad 1 on a
// 16x112x112 clip", "3x3x3 conv on a 16-frame clip", "a 3x3x3 kernel over
// a 64x64x64 MRI volume". The clip, the video, the scan or the 3-D model
// named (C3D, I3D) says so; the kernel written with three sides, all
// small, says it is the conv's.

// enVideoWords name what a 3-D convolution runs over, or such a model.
var enVideoWords = map[string]bool{"clip": true, "clips": true, "video": true, "videos": true, "volumetric": true,
	"voxel": true, "voxels": true, "mri": true, "spatiotemporal": true, "spatio-temporal": true}

// videoConv makes the one convolution of a question about a clip or a
// scan 3-D, when it has a kernel of three small sides and no dimension
// said of its own.
func (r *enReader) videoConv() {
	var conv *enAnchor
	for _, a := range r.anchors {
		if a.kind != "conv" && a.kind != "deconv" {
			continue
		}
		if conv != nil || a.dims != 0 {
			return
		}
		conv = a
	}
	if conv == nil || !r.videoSaid() || !r.cubeKernelSaid() {
		return
	}
	conv.dims = 3
	r.notes = append(r.notes, "read as a 3-D convolution: the question is about a clip or volume and its kernel has three sides")
}

// videoSaid reports whether a clip, a video, a scan or a 3-D model is
// named: a video word, or a word glued to "3d" that is no layer ("c3d",
// "i3d").
func (r *enReader) videoSaid() bool {
	for _, t := range r.toks {
		if t.kind != 'w' {
			continue
		}
		if enVideoWords[strings.ToLower(t.raw)] || t.dimsOf == 3 && !enKinds[t.lem] {
			return true
		}
	}
	return false
}

// cubeKernelSaid reports whether a size of three sides, each at most 11,
// is said: the kernel of a 3-D convolution ("3x3x3", "1x3x3").
func (r *enReader) cubeKernelSaid() bool {
	for _, t := range r.toks {
		if t.kind == 's' && len(t.dims) == 3 && t.dims[0] <= 11 && t.dims[1] <= 11 && t.dims[2] <= 11 {
			return true
		}
	}
	return false
}
