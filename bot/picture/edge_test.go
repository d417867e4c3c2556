package picture

import (
	"bytes"
	"image/gif"
	"testing"

	"github.com/cnnbot/cnnbot/grammar"
)

// longStack is ResNet's stem and a few strided convs: a receptive field
// of more panels than are drawn.
const longStack = "input 224x224x3; conv 7x7 64 stride 2 pad 3; maxpool 3 stride 2 pad 1; conv 3x3 64 pad 1; conv 3x3 64 pad 1; conv 3x3 128 stride 2 pad 1; conv 3x3 128 pad 1; conv 3x3 256 stride 2 pad 1; conv 3x3 512 stride 2 pad 1"

// TestEdgeCases draws layers at the edges of what the pictures handle:
// none fails, every text stays inside, and the animations decode.
func TestEdgeCases(t *testing.T) {
	for _, question := range []string{
		"conv 1x1 3->3 input 1x1",
		"conv 3x3 3->8 same stride 2 input 7x7",
		"conv 3x3 3->8 valid input 7x7",
		"maxpool 3 stride 2 pad 1 ceil input 6x6x4",
		"avgpool 2 stride 1 input 3x3x1",
		"deconv 3x3 4->4 stride 2 pad 1 outpad 1 input 4x4",
		"deconv 3x3 4->4 stride 3 pad 2 input 4x4",
		"deconv 2x2 4->4 stride 2 pad 2 input 4x4",
		"conv1d 3 1->1 dilation 4 pad 4 input 20",
		"conv 7x1 8->8 stride 1x3 input 9x31",
		"conv 1x31 2->2 input 4x40",
		"conv 3x3 3->1024 stride 2 input 4000x4000",
		"conv 3x3 100000->100000 input 3x3",
		"conv 3x3 16->32 groups 8",
		"linear 10->20\nlinear 20->5",
		"input 8x8x1; conv 3x3 4; flatten; linear 3",
		"conv1d 3 1->1; conv1d 3 1->1; conv1d 3 1->1 stride 2",
		longStack,
		"resnet50",
		"densenet121",
	} {
		q, err := grammar.Parse(question)
		if err != nil {
			t.Errorf("%q: %v", question, err)
			continue
		}
		if question == longStack {
			q.Asked = []string{"receptive field"}
		}
		c, _, ok := still(q)
		if ok {
			textsInside(t, question, c.texts, c.img.Bounds())
			c.close()
		}
		if _, _, _, err := For(q); err != nil {
			t.Errorf("%q: %v", question, err)
		}
		data, _, ok, err := Animation(q)
		if err != nil {
			t.Errorf("%q animation: %v", question, err)
		}
		if ok {
			if _, err := gif.DecodeAll(bytes.NewReader(data)); err != nil {
				t.Errorf("%q animation: %v", question, err)
			}
			w, _ := single(q)
			a, _ := animate(w, title(q))
			textsInside(t, question+" (animation)", a.texts, a.g.Image[0].Bounds())
		}
		t.Logf("%q: still %v, animation %v", question, c != nil, ok)
	}
}
