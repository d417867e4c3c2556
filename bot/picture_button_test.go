package bot

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"image/gif"
	"image/png"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/bot/picture"
)

// pictureCorpus is questions of every kind: the reference layers and
// networks (a sample), the phrasings, and the kinds the picture package
// draws or leaves out.
func pictureCorpus(t testing.TB) []string {
	t.Helper()
	qs := []string{
		cardQuestion, cardQuestion + " input 56x56", "linear 512->10", "batchnorm 64",
		"conv 3x3 32->32 depthwise pad 1 input 56x56", "conv1d 5 16->32 stride 2 input 100",
		"deconv 4x4 64->32 stride 2 pad 1 input 16x16", "maxpool 2 input 64x28x28", "maxpool 2",
		"conv 3x3 16\nconv 3x3 16\nconv 3x3 16", "receptive field of three stacked 3x3 convs",
		"lenet5", "resnet18", "what padding keeps 28x28 with a 5x5 kernel?", "conv3d 3x3x3 4->8 input 16x16x16",
		"input 32x32x3\nconv 3x3 16 pad 1\nconv 3x3 16 pad 1\nmaxpool 2\nconv 3x3 32 pad 1",
		"input 32x32x3\nconv 3x3 16 pad 1\nflatten\nlinear 10\nreceptive field?", "relu", "flatten\nlinear 10",
	}
	for _, f := range []struct {
		path, field string
		every       int
	}{{"../testdata/layers.jsonl", "spec", 25}, {"../testdata/nets.jsonl", "spec", 30}, {"../testdata/phrasings.jsonl", "text", 1}} {
		file, err := os.Open(f.path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 1<<20)
		for n := 0; sc.Scan(); n++ {
			var v map[string]any
			if n%f.every != 0 || json.Unmarshal(sc.Bytes(), &v) != nil {
				continue
			}
			if s, ok := v[f.field].(string); ok {
				qs = append(qs, s)
			}
		}
		file.Close()
	}
	return qs
}

// TestHasPictureAgrees checks the card's cheap test for a picture against
// the picture package drawing it: a Picture button is on exactly the
// answers that have a picture.
func TestHasPictureAgrees(t *testing.T) {
	b := New(Options{})
	with, without := 0, 0
	for _, q := range pictureCorpus(t) {
		r := b.Answer(context.Background(), q)
		_, _, drawn, err := picture.For(r.Question)
		if err != nil {
			t.Errorf("%.60q: drawing failed: %v", q, err)
		}
		drawn = drawn && r.OK()
		if got := hasPicture(r); got != drawn {
			t.Errorf("%.60q: hasPicture %v, picture.For drew %v", q, got, drawn)
		}
		if drawn {
			with++
		} else {
			without++
		}
	}
	// The pictures, each behind a Picture button.
	for _, q := range []string{cardQuestion + " input 56x56", "conv 3x3 32->32 depthwise pad 1 input 56x56",
		"conv1d 5 16->32 stride 2 input 100", "deconv 4x4 64->32 stride 2 pad 1 input 16x16", "maxpool 2 input 64x28x28",
		"receptive field of three stacked 3x3 convs", "lenet5", "resnet18"} {
		if r := b.Answer(context.Background(), q); !hasPicture(r) || !RenderCard(r, "").hasButton("Picture") {
			t.Errorf("%q (refused: %v) has no Picture button", q, r.Err)
		}
	}
	if with < 10 || without < 5 {
		t.Errorf("%d questions with a picture, %d without: the corpus tests little", with, without)
	}
}

// hasLabel reports whether c has a button labelled label.
func (c card) hasLabel(label string) bool {
	for _, row := range c.Components {
		for _, b := range row.Components {
			if b.Label == label && b.Type == 2 {
				return true
			}
		}
	}
	return false
}

// checkPictures requires files to hold a PNG that decodes, named for the
// layer, and, when animated, a GIF that decodes with more than one frame,
// all within pictureBudget.
func checkPictures(t *testing.T, files map[string][]byte, stem string, animated bool) {
	t.Helper()
	total := 0
	for _, data := range files {
		total += len(data)
	}
	if total > pictureBudget {
		t.Errorf("%d bytes attached, over the budget of %d", total, pictureBudget)
	}
	still, ok := files[stem+".png"]
	if !ok {
		t.Fatalf("no %s.png among %d files", stem, len(files))
	}
	img, err := png.Decode(bytes.NewReader(still))
	if err != nil {
		t.Fatalf("%s.png does not decode: %v", stem, err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 100 {
		t.Errorf("%s.png is %v, too small to show anything", stem, b)
	}
	anim, ok := files[stem+".gif"]
	if ok != animated {
		t.Fatalf("%s.gif attached: %v, want %v", stem, ok, animated)
	}
	if animated {
		g, err := gif.DecodeAll(bytes.NewReader(anim))
		if err != nil {
			t.Fatalf("%s.gif does not decode: %v", stem, err)
		}
		if len(g.Image) < 2 || len(g.Delay) != len(g.Image) {
			t.Errorf("%s.gif has %d frames and %d delays, want an animation", stem, len(g.Image), len(g.Delay))
		}
	}
}

// TestPictureButton drives the Picture button through a real discordgo
// session and the fake Discord: on an answer with a picture, not on one
// without, nor on a refusal; a press by anyone is deferred ephemerally
// and answered with the PNG and the GIF; a press on a card whose button
// reads the question back from the footer works as after a restart.
func TestPictureButton(t *testing.T) {
	h := start(t, nil)

	h.mention(t, "P1", "CP", "U1", cardQuestion+" input 56x56")
	sent := h.await(t, "/api/v9/channels/CP/messages")
	c := decodeCard(t, sent)
	id, err := parseButtonID(c.button(t, "Picture"))
	if err != nil || id.Action != actPicture || id.Question == "" {
		t.Fatalf("the Picture button's custom_id %+v: %v", id, err)
	}
	var msg map[string]any
	_ = json.Unmarshal(sent.Payload(), &msg)
	msg["id"], msg["channel_id"] = "RP", "CP"

	h.mention(t, "P2", "CQ", "U1", "linear 512->10")
	if l := decodeCard(t, h.await(t, "/api/v9/channels/CQ/messages")); l.hasLabel("Picture") || !l.hasLabel("Show working") {
		t.Errorf("a lone linear layer: Picture %v, Show working %v; want no picture, the working", l.hasLabel("Picture"), l.hasLabel("Show working"))
	}
	h.mention(t, "P3", "CR", "U1", "conv 3x3 32->64 strid 2")
	if r := decodeCard(t, h.await(t, "/api/v9/channels/CR/messages")); r.hasLabel("Picture") || !strings.Contains(r.Content, "I can't answer") {
		t.Errorf("a refusal: Picture %v, content %.60q", r.hasLabel("Picture"), r.Content)
	}

	t.Run("press", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", pressOn("PP1", c.button(t, "Picture"), "U5", msg))
		if d := decodeCard(t, h.await(t, callback("PP1"))); d.Type != 5 || d.Data == nil || d.Data.Flags&64 == 0 {
			t.Errorf("the press was acknowledged with %+v, want an ephemeral deferral", d)
		}
		edit := h.awaitMethod(t, "PATCH", original("PP1"))
		if e := decodeCard(t, edit); !strings.Contains(e.Content, "conv2d") {
			t.Errorf("the picture's message: %.200q", e.Content)
		}
		checkPictures(t, edit.Files(), "conv2d", true)
	})

	t.Run("after a restart, read back from the footer", func(t *testing.T) {
		card := map[string]any{"id": "RQ", "channel_id": "CP", "embeds": []any{map[string]any{
			"footer": map[string]any{"text": "Understood as: input 32x32x3\nconv 3x3 16 pad 1\nconv 3x3 16 pad 1\nmaxpool 2"}}}}
		h.dispatch(t, "INTERACTION_CREATE", pressOn("PP2", buttonID{Action: actPicture}.String(), "U6", card))
		if d := decodeCard(t, h.await(t, callback("PP2"))); d.Type != 5 || d.Data == nil || d.Data.Flags&64 == 0 {
			t.Errorf("the press was acknowledged with %+v, want an ephemeral deferral", d)
		}
		checkPictures(t, h.awaitMethod(t, "PATCH", original("PP2")).Files(), "network", false)
	})

	t.Run("explain", func(t *testing.T) {
		h.dispatch(t, "INTERACTION_CREATE", interaction("PX", 2, slash("explain", strOpt("topic", "stride", false))))
		if d := decodeCard(t, h.await(t, callback("PX"))); d.Type != 5 || (d.Data != nil && d.Data.Flags&64 != 0) {
			t.Errorf("/explain was acknowledged with %+v, want a public deferral", d)
		}
		edit := h.awaitMethod(t, "PATCH", original("PX"))
		if e := decodeCard(t, edit); !strings.HasPrefix(e.Content, "**Stride.**") {
			t.Errorf("/explain stride: %.100q", e.Content)
		}
		checkPictures(t, edit.Files(), "conv2d", true)
	})
}

// TestPictureHTTP drives the Picture button and /explain through the HTTP
// interactions endpoint: the press defers ephemerally (a response body
// cannot carry files) and the PNG and GIF follow in the edit.
func TestPictureHTTP(t *testing.T) {
	e := newEndpoint(t)
	_, resp, _ := e.post(t, slashCNN("H1", "conv1d 5 16->32 stride 2 input 40", false))
	btn := buttons(t, resp.Data)
	if btn["Picture"] == "" {
		t.Fatalf("no Picture button among %v", btn)
	}
	msg := &discordgo.Message{ID: "M1", Embeds: resp.Data.Embeds}
	code, press, _ := e.post(t, press("H2", btn["Picture"], "U7", msg))
	if code != http.StatusOK || press.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource ||
		press.Data == nil || press.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("the press: %d %+v, want an ephemeral deferral", code, press)
	}
	checkPictures(t, e.await(t, http.MethodPatch, "/api/v9/webhooks/1000/itok-H2/messages/@original").Files(), "conv1d", true)

	_, lin, _ := e.post(t, slashCNN("H3", "linear 512->10", false))
	if _, ok := buttons(t, lin.Data)["Picture"]; ok {
		t.Error("a lone linear layer has a Picture button")
	}

	explain := interaction("H4", 2, map[string]any{"id": "c3", "name": "explain", "type": 1, "options": []any{
		map[string]any{"name": "topic", "type": 3, "value": "dilation"}}})
	if _, d, _ := e.post(t, explain); d.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("/explain: type %d, want a deferral (its picture is a file)", d.Type)
	}
	edit := e.await(t, http.MethodPatch, "/api/v9/webhooks/1000/itok-H4/messages/@original")
	var m struct{ Content string }
	if err := json.Unmarshal(edit.Payload(), &m); err != nil || !strings.HasPrefix(m.Content, "**Dilation.**") {
		t.Errorf("/explain dilation: %v %.80q", err, m.Content)
	}
	checkPictures(t, edit.Files(), "conv2d", true)

	unknown := interaction("H5", 2, map[string]any{"id": "c3", "name": "explain", "type": 1, "options": []any{
		map[string]any{"name": "topic", "type": 3, "value": "nonsense"}}})
	if _, d, _ := e.post(t, unknown); d.Data == nil || d.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(d.Data.Content, "padding") {
		t.Errorf("an unknown topic: %+v, want the topics, ephemeral", d.Data)
	}
}

// TestPictureWork checks that a press and /explain are work for the
// transport's workers (never quick, so never drawn on the goroutine that
// reads the gateway), and what a press on an answer without a picture
// gets: a short note, never silence.
func TestPictureWork(t *testing.T) {
	rs := &responder{bot: New(Options{})}
	ctx := context.Background()
	var i discordgo.Interaction
	if err := json.Unmarshal(mustJSON(t, press("W1", buttonID{Action: actPicture, Question: cardQuestion}.String(), "U1", nil)), &i); err != nil {
		t.Fatal(err)
	}
	if out := rs.plan(ctx, &i); out.ask == nil || out.ask.quick || !out.ask.private {
		t.Errorf("a Picture press plans %+v, want private work for the pool", out)
	}
	var ex discordgo.Interaction
	if err := json.Unmarshal(mustJSON(t, interaction("W2", 2, slash("explain", strOpt("topic", "padding", false)))), &ex); err != nil {
		t.Fatal(err)
	}
	if out := rs.plan(ctx, &ex); out.ask == nil || out.ask.quick {
		t.Errorf("/explain plans %+v, want work for the pool", out)
	}
	for _, q := range []string{"linear 512->10", "batchnorm 64", "conv 3x3 32->64 strid 2"} {
		c := RenderPicture(rs.bot.Answer(ctx, q))
		if len(c.Files) != 0 || !c.Ephemeral || !strings.Contains(c.Content, "no picture for this answer") {
			t.Errorf("%q: %d files, ephemeral %v, %q; want a short ephemeral note", q, len(c.Files), c.Ephemeral, c.Content)
		}
	}
	c := RenderPicture(rs.bot.Answer(ctx, "maxpool 2 input 64x28x28"))
	without := cardWithoutFiles(c)
	if len(c.Files) == 0 || len(without.Files) != 0 || !strings.Contains(without.Content, "picture could not be attached") {
		t.Errorf("a pool's picture %d files; without them %q", len(c.Files), without.Content)
	}
}

// TestExplainPictures checks each /explain topic's attachments: the
// drawn example's picture where it has one, none for batch norm.
func TestExplainPictures(t *testing.T) {
	b := New(Options{})
	for _, tp := range topics {
		card, _ := b.Explain(context.Background(), tp.name)
		files := map[string][]byte{}
		for _, f := range card.Files {
			files[f.Name] = f.Data
		}
		r := b.Answer(context.Background(), tp.examples[tp.picture])
		if !hasPicture(r) {
			if len(files) != 0 {
				t.Errorf("%s: %d files for an example without a picture", tp.name, len(files))
			}
			continue
		}
		_, name, _, _ := picture.For(r.Question)
		t.Run(tp.name, func(t *testing.T) {
			single := !r.Question.Network && len(r.Question.Layers) == 1
			checkPictures(t, files, strings.TrimSuffix(name, ".png"), single)
		})
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hasButton reports whether c has a button labelled label.
func (c Card) hasButton(label string) bool {
	for _, row := range c.Components {
		if r, ok := row.(discordgo.ActionsRow); ok {
			for _, b := range r.Components {
				if btn, ok := b.(discordgo.Button); ok && btn.Label == label {
					return true
				}
			}
		}
	}
	return false
}
