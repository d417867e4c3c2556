package paste

// Layers told as counts of one call, one after the other, as people
// describe a known network: "four Conv2d(k=4, s=2, p=1) then two
// Conv2d(k=4, s=1, p=1)" (a PatchGAN discriminator), "3 x Conv2d(k=3,
// p=1) then MaxPool2d(2)". The channels are not said: only the sizes are
// read, which do not depend on them, and a question about parameters is
// not this reading's.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// clCountedRE is one counted call: "four Conv2d(k=4, s=2, p=1)", "2x
// nn.Conv2d(kernel_size=3)".
var clCountedRE = regexp.MustCompile(`(?i)(?:\b(\d|one|two|three|four|five|six|seven|eight)\s*(?:x\s*|×\s*)?)?\b((?:nn\.)?(?:Conv2d|MaxPool2d|ConvTranspose2d)\(([^()]*)\))`)

// clStrideRE is a call's stride: "s=2", "stride=2".
var clStrideRE = regexp.MustCompile(`(?i)\b(?:s|stride)\s*=\s*(\d)\b`)

// clNewSizeRE is the size the words switch to: "if I use 256x256 images
// instead", "for 128x128 inputs instead".
var clNewSizeRE = regexp.MustCompile(`(?i)\b(?:use|switch\s+to|feed|go\s+to|change\s+to|try)\s+(\d{1,4})\s*[x×]\s*(\d{1,4})\b[^.?\n]{0,30}\binstead\b|\binstead\s+of\s+\d{1,4}\s*[x×]\s*\d{1,4}\b[^.?\n]{0,20}?(\d{1,4})\s*[x×]\s*(\d{1,4})`)

// parseCountedLayers reads src as counted calls one after the other; ok
// false when it holds fewer than two counts, a call it cannot read, no
// input size, or asks parameters.
func parseCountedLayers(src string) (*lang.Question, bool) {
	ms := clCountedRE.FindAllStringSubmatchIndex(src, -1)
	low := strings.ToLower(src)
	if len(ms) < 2 || bpHasCode(src) || strings.Contains(low, "param") || strings.Contains(low, "weight") ||
		!slices.ContainsFunc(ms, func(m []int) bool { return m[2] >= 0 }) {
		return nil, false // no count: calls as code
	}
	for i := 1; i < len(ms); i++ {
		between := strings.TrimSpace(src[ms[i-1][1]:ms[i][0]])
		if !clBetweenRE.MatchString(between) {
			return nil, false // counts in different sentences
		}
	}
	in, _, ok := bpInput(src, "pytorch")
	if !ok {
		return nil, false
	}
	q := &lang.Question{Asked: []string{"output"}}
	var notes []string
	if m := clNewSizeRE.FindStringSubmatch(src); m != nil {
		h, _ := strconv.Atoi(m[1] + m[3])
		w, _ := strconv.Atoi(m[2] + m[4])
		notes = append(notes, fmt.Sprintf("on %dx%d, the size the words switch to", h, w))
		in = calc.Shape{in[0], h, w}
	}
	ch, assumed := in[0], false
	for _, m := range ms {
		n := 1 // a call without its count is one layer
		if m[2] >= 0 {
			n = bpCount(src[m[2]:m[3]])
		}
		l, ok := clLayer(src[m[4]:m[5]], src[m[6]:m[7]])
		if !ok || n < 1 || n > 12 {
			return nil, false
		}
		for range n {
			if c, conv := l.(calc.Conv); conv {
				if c.Out == 0 {
					c.Out, assumed = 1, true
				}
				c.In, ch = ch, c.Out // a stated In that disagrees is calc's to refuse below
				l = c
			}
			q.Layers = append(q.Layers, lang.Layer{Layer: l, Pos: ptOffsetPos(src, m[4])})
		}
	}
	q.Input = in
	if !bpSizes(q) {
		return nil, false
	}
	q.Notes = append(q.Notes, "read as the counted calls one after the other")
	if assumed {
		q.Notes = append(q.Notes, "the channels are not given: 1 each is assumed, which changes no spatial size (the parameters shown are not yours)")
	}
	q.Notes = append(q.Notes, notes...)
	ptFinish(q, "pytorch", nil)
	return q, true
}

// clLayer reads one counted call's layer from its name and arguments (the
// kernel and padding as blocks told in words read them, and the stride).
func clLayer(call, args string) (calc.Layer, bool) {
	var stride []int
	if s := clStrideRE.FindStringSubmatch(args); s != nil {
		v, _ := strconv.Atoi(s[1])
		stride = []int{v}
	}
	pos := clPositional(args)
	if strings.Contains(strings.ToLower(call), "maxpool") {
		// MaxPool2d(kernel_size, stride, padding): by place, then by name.
		if len(pos) == 0 || len(pos) > 3 || len(pos) > 1 && stride != nil {
			return nil, false
		}
		p := calc.Pool{Op: calc.MaxPool, Kernel: []int{pos[0]}, Stride: []int{pos[0]}}
		if stride != nil {
			p.Stride = stride
		}
		if len(pos) > 1 {
			p.Stride = []int{pos[1]}
		}
		if len(pos) > 2 {
			p.Pad = []int{pos[2]}
		}
		return p, true
	}
	if len(pos) > 2 {
		return nil, false // a kernel, stride or padding by place: the code reader's
	}
	c, ok := bpConv("conv " + args)
	if !ok {
		return nil, false
	}
	c.In, c.Out, c.Stride = 0, 0, stride
	if len(pos) == 2 {
		c.In, c.Out = pos[0], pos[1] // Conv2d(in_channels, out_channels, ...)
	}
	if strings.Contains(strings.ToLower(call), "transpose") {
		c.Transposed = true
	}
	return c, true
}

// clBetweenRE matches what may stand between two counted calls: nothing,
// a comma, "then", "and", an arrow.
var clBetweenRE = regexp.MustCompile(`(?i)^(?:,|then|and|and\s+then|,\s*then|->|→|\+)?$`)

// clPositional reads a call's leading arguments given by place, before
// any keyword: "3, 3, k=4" gives 3 and 3; nil when one is not a number.
func clPositional(args string) []int {
	var out []int
	for _, a := range strings.Split(args, ",") {
		a = strings.TrimSpace(a)
		if a == "" || strings.Contains(a, "=") {
			break
		}
		v, err := strconv.Atoi(a)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}
