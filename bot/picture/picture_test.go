package picture

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar"
)

func parse(t testing.TB, question string) *grammar.Question {
	t.Helper()
	q, err := grammar.Parse(question)
	if err != nil {
		t.Fatalf("%q: %v", question, err)
	}
	return q
}

// near reports whether two colours differ by at most tol in each channel.
func near(a, b color.Color, tol int) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) bool { return abs(int(x>>8)-int(y>>8)) <= tol }
	return d(r1, r2) && d(g1, g2) && d(b1, b2)
}

func abs(x int) int { return max(x, -x) }

// share is the fraction of r's pixels that are exactly col.
func share(img image.Image, r image.Rectangle, col color.Color) float64 {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if near(img.At(x, y), col, 0) {
				n++
			}
		}
	}
	return float64(n) / float64(max(r.Dx()*r.Dy(), 1))
}

func centre(r image.Rectangle) image.Point {
	return image.Pt((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2)
}

// textsInside fails the test for any text that falls off the picture.
func textsInside(t *testing.T, name string, texts []image.Rectangle, bounds image.Rectangle) {
	t.Helper()
	if len(texts) == 0 {
		t.Errorf("%s: no text drawn", name)
	}
	for _, r := range texts {
		if !r.In(bounds) {
			t.Errorf("%s: text at %v falls outside the %v picture", name, r, bounds)
		}
	}
}

// TestForDecodes renders each example's still picture through For and
// checks what a PNG decoder sees: its size, its weight, and the file name.
func TestForDecodes(t *testing.T) {
	want := map[string]struct {
		file string
		w    int
	}{
		"seed": {"conv2d.png", volumeW}, "depthwise": {"conv2d.png", volumeW}, "conv1d": {"conv1d.png", volumeW},
		"deconv": {"deconv2d.png", volumeW}, "pool": {"maxpool.png", volumeW},
		"stacked": {"receptive-field.png", fieldW}, "lenet5": {"network.png", networkW}, "resnet18": {"network.png", networkW},
	}
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			data, name, ok, err := For(parse(t, ex.question))
			if err != nil || !ok {
				t.Fatalf("For: ok %v, err %v", ok, err)
			}
			if name != want[ex.name].file {
				t.Errorf("file name %q, want %q", name, want[ex.name].file)
			}
			if len(data) > 500<<10 {
				t.Errorf("%d bytes, over 500 KB", len(data))
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != want[ex.name].w || b.Dy() < 300 || b.Dy() > 1400 {
				t.Errorf("size %v", b)
			}
			if !near(img.At(2, 2), theme.bg, 0) {
				t.Errorf("corner %v, want the opaque background", img.At(2, 2))
			}
		})
	}
}

// TestVolumeRegions checks the parts of a single layer's picture: the
// input, filter and output volumes where the layout says, in their
// colours, the window on the input and the unit on the output, sized as
// the layer is (a strided conv shrinks, a transposed conv grows).
func TestVolumeRegions(t *testing.T) {
	for _, tc := range []struct {
		name, question string
		grows          bool // the output is larger than the input
	}{
		{"seed", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56", false},
		{"depthwise", "conv 3x3 32->32 depthwise pad 1 input 28x28", false},
		{"conv1d", "conv1d 5 16->32 stride 2 input 100", false},
		{"deconv", "deconv 4x4 64->32 stride 2 pad 1 input 14x14", true},
		{"pool", "maxpool 2 input 28x28x16", false},
		{"no input size", "conv 3x3 32->64", false},
		{"dilated", "conv 3x3 8->8 dilation 2 input 20x20", false},
		{"huge", "conv 3x3 3->64 input 4000x4000", false},
		{"conv3d", "conv3d 3 3->8 stride 2 input 8x16x16", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, ok := single(parse(t, tc.question))
			if !ok {
				t.Fatal("no window")
			}
			c, lay := renderVolume(w, "title")
			defer c.close()
			img := c.img
			textsInside(t, tc.name, c.texts, img.Bounds())
			for name, r := range map[string]image.Rectangle{"input": lay.input, "output": lay.output, "filter": lay.filter} {
				if !r.In(img.Bounds()) || r.Empty() {
					t.Errorf("%s volume at %v, outside the picture", name, r)
				}
			}
			if !(lay.input.Max.X <= lay.filter.Min.X && lay.filter.Max.X <= lay.output.Min.X) {
				t.Errorf("volumes not left to right: input %v, filter %v, output %v", lay.input, lay.filter, lay.output)
			}
			if grew := lay.outFace.Dx() > lay.inFace.Dx(); grew != tc.grows && w.ax[1].in != w.ax[1].out && w.ax[1].in < 100 {
				t.Errorf("output %v against input %v: grows %v, want %v", lay.outFace, lay.inFace, grew, tc.grows)
			}
			// Most of each front face shows the volume's own colour (the
			// window, the unit and the lines cover the rest).
			if f := share(img, lay.inFace, theme.input); f < 0.6 {
				t.Errorf("input face %v: %.0f%% input colour", lay.inFace, 100*f)
			}
			if f := share(img, lay.outFace, theme.output); f < 0.6 {
				t.Errorf("output face %v: %.0f%% output colour", lay.outFace, 100*f)
			}
			unit, patch := lay.neuron, lay.window
			var patchIn image.Rectangle
			if w.transposed {
				patchIn = lay.output
			} else {
				patchIn = lay.input.Inset(-12) // the window may lie on the padding ring
			}
			if !patch.In(patchIn) {
				t.Errorf("window %v not on its volume %v", patch, patchIn)
			}
			hitAt := centre(unit)
			if !near(img.At(hitAt.X, hitAt.Y), theme.hit, 40) {
				t.Errorf("unit %v at %v, want the hit colour", img.At(hitAt.X, hitAt.Y), unit)
			}
			if tc.name == "huge" && !lay.enlarged {
				t.Error("a 4000-wide input's 3-wide window is drawn to scale, unseen")
			}
		})
	}
}

// TestFactsAgreeWithCalc checks the sentences under the seed's picture
// against its numbers (CS231n's: 3·3·32 = 288 connections, 18,496
// parameters, 28×28 out).
func TestFactsAgreeWithCalc(t *testing.T) {
	w, _ := single(parse(t, "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"))
	got := factLines(w)
	want := []string{
		"one output unit reads 3·3·32 = 288 inputs (+1 bias)",
		"64 filters → 64 output channels; parameters 288·64 + 64 = 18,496",
		"output height and width floor((56 + 2·1 − 3)/2) + 1 = 28",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// TestFieldPanels checks the receptive field of three stacked 3×3 convs:
// 7×7 (the VGG paper's argument), and panels whose windows shrink 7, 5, 3,
// 1 at one cell size.
func TestFieldPanels(t *testing.T) {
	st, ok := stackOf(parse(t, "three stacked 3x3 convs"))
	if !ok {
		t.Fatal("not a stack")
	}
	if got := fieldWords(st.levels[0].window); got != "7×7" {
		t.Errorf("receptive field %s, want 7×7", got)
	}
	if st.formula != "1 + 2·1 + 2·1 + 2·1 = 7" {
		t.Errorf("formula %q", st.formula)
	}
	c, lay := drawField(st, "title")
	defer c.close()
	textsInside(t, "stacked", c.texts, c.img.Bounds())
	if len(lay.panels) != 4 {
		t.Fatalf("%d panels, want 4", len(lay.panels))
	}
	for i, want := range []int{7, 5, 3, 1} {
		ratio := float64(lay.windows[i].Dx()) / float64(lay.windows[3].Dx())
		if ratio < float64(want)-0.35 || ratio > float64(want)+0.35 {
			t.Errorf("panel %d: window %v is %.2f unit cells wide, want %d", i, lay.windows[i], ratio, want)
		}
		if !lay.windows[i].In(lay.panels[i]) || !lay.panels[i].In(c.img.Bounds()) {
			t.Errorf("panel %d: window %v, grid %v", i, lay.windows[i], lay.panels[i])
		}
	}
	p := centre(lay.windows[0])
	if !near(c.img.At(p.X, p.Y), theme.input, 40) {
		t.Errorf("input window %v", c.img.At(p.X, p.Y))
	}
}

// TestFieldStrided: a stride multiplies what later layers see (Distill
// 2019): conv 3 s2 then conv 3 gives 3 + 2·2 = 7.
func TestFieldStrided(t *testing.T) {
	st, ok := stackOf(parse(t, "receptive field of input 32x32x3; conv 3x3 8 stride 2; relu; conv 3x3 8"))
	if !ok {
		t.Fatal("not a stack")
	}
	if got := fieldWords(st.levels[0].window); got != "7×7" {
		t.Errorf("field %s, want 7×7", got)
	}
	if len(st.levels) != 3 {
		t.Errorf("%d levels, want 3 (relu changes nothing)", len(st.levels))
	}
}

// TestNetworkParts checks the network pictures: one block per change of
// shape, one pair of bars per layer with parameters or MACs, the bars in
// the order of their counts, and the totals.
func TestNetworkParts(t *testing.T) {
	for _, tc := range []struct {
		name, question string
		shapes, bars   int
		totals         string
	}{
		// LeNet-5: the input, then conv, pool, conv, pool, conv, flatten, linear, linear.
		{"lenet5", "lenet5", 9, 5, "61,706 params (61.7 k) · 416,520 MACs (417 k)"},
		// torchvision's resnet18: 11,689,512 parameters.
		{"resnet18", "resnet18", 9, 11, "11,689,512 params (11.7 M) · 1,814,073,344 MACs (1.81 G)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := parse(t, tc.question)
			s, ok := summarize(q)
			if !ok {
				t.Fatal("does not size")
			}
			c, lay := drawNetwork(q, s)
			defer c.close()
			textsInside(t, tc.name, c.texts, c.img.Bounds())
			if got := totalsLine(s); got != tc.totals {
				t.Errorf("totals %q, want %q", got, tc.totals)
			}
			if len(lay.shapes) != tc.shapes {
				t.Errorf("%d shape blocks, want %d", len(lay.shapes), tc.shapes)
			}
			if len(lay.bars) != tc.bars {
				t.Errorf("%d bars, want %d", len(lay.bars), tc.bars)
			}
			for _, r := range append(lay.shapes, append(lay.bars, lay.macs...)...) {
				if !r.In(c.img.Bounds()) {
					t.Errorf("part %v outside %v", r, c.img.Bounds())
				}
			}
			rows, _ := chartRows(q, s)
			for i := range rows {
				for j := range rows {
					if rows[i].params > rows[j].params && lay.bars[i].Dx() <= lay.bars[j].Dx() {
						t.Errorf("row %d has more params than row %d but a bar no longer", i, j)
					}
				}
				if p := centre(lay.bars[i]); lay.bars[i].Dx() > 2 && !near(c.img.At(p.X, p.Y), theme.filter, 0) {
					t.Errorf("params bar %d is %v", i, c.img.At(p.X, p.Y))
				}
			}
		})
	}
}

// TestAnimation decodes the GIFs: frame count (one per output position
// shown, and a last one that holds), delays, weight, and in the frames
// the output cells filling in order.
func TestAnimation(t *testing.T) {
	for _, tc := range []struct {
		name, question string
		outs           [2]int // output positions shown
	}{
		{"seed", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56", [2]int{5, 5}},
		{"small", "conv 3x3 1->1 pad 1 input 5x5", [2]int{5, 5}},
		{"depthwise", "conv 3x3 32->32 depthwise pad 1 input 28x28", [2]int{5, 5}},
		{"conv1d", "conv1d 5 16->32 stride 2 input 100", [2]int{1, 5}},
		{"deconv", "deconv 3x3 1->1 stride 2 input 3x3", [2]int{7, 7}},
		{"pool", "maxpool 2 input 8x8x16", [2]int{4, 4}},
		{"dilated", "conv 3x3 1->1 dilation 2 input 7x7", [2]int{3, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := parse(t, tc.question)
			data, name, ok, err := Animation(q)
			if err != nil || !ok {
				t.Fatalf("ok %v, err %v", ok, err)
			}
			if len(data) > 2<<20 {
				t.Errorf("%d bytes, over 2 MB", len(data))
			}
			if name[len(name)-4:] != ".gif" {
				t.Errorf("file name %q", name)
			}
			g, err := gif.DecodeAll(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			n := tc.outs[0] * tc.outs[1]
			if len(g.Image) != n+1 {
				t.Fatalf("%d frames, want %d", len(g.Image), n+1)
			}
			for i, d := range g.Delay {
				want := stepDelay
				if i == n {
					want = holdDelay
				}
				if d != want {
					t.Errorf("frame %d: delay %d, want %d", i, d, want)
				}
			}
			if g.LoopCount != 0 {
				t.Errorf("loop count %d, want 0 (for ever)", g.LoopCount)
			}
			checkFrames(t, q, g, tc.outs)
		})
	}
}

// checkFrames replays the GIF and checks, in frame k, that output k is
// the hit colour and output k−1 done; in the last, that every shown output
// is done. The grid geometry comes from the same layout the GIF used.
func checkFrames(t *testing.T, q *grammar.Question, g *gif.GIF, outs [2]int) {
	w, _ := single(q)
	a, _ := animate(w, "title")
	textsInside(t, "animation", a.texts, image.Rect(0, 0, g.Config.Width, g.Config.Height))
	frames := composite(g)
	cell := a.outGrid.Dx() / outs[1]
	at := func(k int) image.Point {
		r, c := k/outs[1], k%outs[1]
		return image.Pt(a.outGrid.Min.X+c*cell+cell/2, a.outGrid.Min.Y+r*cell+cell/2)
	}
	n := outs[0] * outs[1]
	for k := 0; k < n; k++ {
		if p := at(k); !near(frames[k].At(p.X, p.Y), theme.hit, 0) {
			t.Errorf("frame %d: output %d is %v, want the hit colour", k, k, frames[k].At(p.X, p.Y))
		}
		if k > 0 {
			if p := at(k - 1); !near(frames[k].At(p.X, p.Y), theme.output, 0) {
				t.Errorf("frame %d: output %d is %v, want done", k, k-1, frames[k].At(p.X, p.Y))
			}
		}
	}
	for k := 0; k < n; k++ {
		if p := at(k); !near(frames[n].At(p.X, p.Y), theme.output, 0) {
			t.Errorf("last frame: output %d is %v", k, frames[n].At(p.X, p.Y))
		}
	}
	checkTaps(t, w, a, frames, outs)
}

// checkTaps checks, in every frame, that the kernel's taps are where the
// stride and dilation put them: a tap cell is orange (dimmer on padding
// and inserted zeros), a cell the dilation skips is not.
func checkTaps(t *testing.T, w window, a *animation, frames []*image.RGBA, outs [2]int) {
	ty, _ := trackOf(w.ax[0], w.transposed)
	tx, _ := trackOf(w.ax[1], w.transposed)
	cell := a.inGrid.Dx() / tx.cells
	isTap := func(c color.Color) bool {
		return near(c, theme.filter, 0) || near(c, shade(theme.filter, 0.55), 0)
	}
	for k := 0; k < outs[0]*outs[1]; k++ {
		oy, ox := k/outs[1], k%outs[1]
		for i := 0; i < ty.span; i++ {
			for j := 0; j < tx.span; j++ {
				r, c := oy*ty.step+i, ox*tx.step+j
				p := image.Pt(a.inGrid.Min.X+c*cell+cell/2, a.inGrid.Min.Y+r*cell+cell/2)
				want := i%ty.d == 0 && j%tx.d == 0
				if got := isTap(frames[k].At(p.X, p.Y)); got != want {
					t.Errorf("frame %d: input cell (%d, %d) tap %v, want %v", k, r, c, got, want)
				}
			}
		}
	}
}

// TestNoPicture: answers without a picture get none, and no error.
func TestNoPicture(t *testing.T) {
	for _, question := range []string{"linear 10->20", "what padding keeps 28x28 for a 3x3 conv?"} {
		q, err := grammar.Parse(question)
		if err != nil {
			continue // not every phrasing reads; a refusal has no picture anyway
		}
		if _, _, ok, err := For(q); ok || err != nil {
			if question != "what padding keeps 28x28 for a 3x3 conv?" || err != nil {
				t.Errorf("%q: ok %v, err %v", question, ok, err)
			}
		}
		if _, _, ok, err := Animation(q); ok || err != nil {
			t.Errorf("%q animation: ok %v, err %v", question, ok, err)
		}
	}
	if _, _, ok, err := Animation(parse(t, "conv3d 3 3->8 input 8x16x16")); ok || err != nil {
		t.Errorf("a 3-D conv is not animated: ok %v, err %v", ok, err)
	}
	if _, _, ok, err := For(nil); ok || err != nil {
		t.Errorf("nil question: ok %v, err %v", ok, err)
	}
	if _, _, ok, err := Animation(parse(t, "conv 99x99 1->1 input 200x200")); ok || err != nil {
		t.Errorf("a kernel too wide to animate: ok %v, err %v", ok, err)
	}
}

// TestFacts3D: a 3-D conv's sentences name all three axes.
func TestFacts3D(t *testing.T) {
	w, ok := single(parse(t, "conv3d 3x3x3 3->8 stride 2 pad 1 input 8x16x16"))
	if !ok {
		t.Fatal("no window")
	}
	got := strings.Join(factLines(w), "\n")
	for _, want := range []string{"reads 3·3·3·3 = 81 inputs", "parameters 81·8 + 8 = 656",
		"output depth floor((8 + 2·1 − 3)/2) + 1 = 4", "output height floor((16 + 2·1 − 3)/2) + 1 = 8"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// TestStillGIF: a GIF asked for an answer without an animation is its
// still picture in one frame, the theme's colours kept exact.
func TestStillGIF(t *testing.T) {
	data, ok, err := stillGIF(parse(t, "lenet5"))
	if err != nil || !ok {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 1 || g.Image[0].Bounds().Dx() != networkW {
		t.Fatalf("%d frames, first %v", len(g.Image), g.Image[0].Bounds())
	}
	q := parse(t, "lenet5")
	s, _ := summarize(q)
	c, lay := drawNetwork(q, s)
	defer c.close()
	for _, at := range []image.Point{{2, 2}, centre(lay.bars[0]), centre(lay.macs[0]), centre(lay.shapes[1])} {
		if got, want := g.Image[0].At(at.X, at.Y), c.img.At(at.X, at.Y); !near(got, want, 0) {
			t.Errorf("at %v: GIF %v, PNG %v", at, got, want)
		}
	}
}
