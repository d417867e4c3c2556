package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

// endpoint is the HTTP interactions endpoint under test, with the keys
// made for the test and a fake Discord for the calls that follow a
// response.
type endpoint struct {
	h    *Interactions
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
	fake *fakediscord.Server
}

func newEndpoint(t testing.TB) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fake := fakediscord.New(fakediscord.Options{})
	t.Cleanup(fake.Close)
	h, err := NewInteractions(InteractionsOptions{PublicKey: pub, APIURL: fake.URL, FloodPerMinute: 1e6, FloodBurst: 1e6}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &endpoint{h: h, pub: pub, priv: priv, fake: fake}
}

// signed is a POST of body signed with key, as Discord signs it: the
// timestamp, then the body.
func signed(key ed25519.PrivateKey, body []byte) *http.Request {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	r := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
	r.Header.Set("X-Signature-Timestamp", ts)
	r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	return r
}

// post sends payload signed with the endpoint's key and decodes the
// response.
func (e *endpoint) post(t testing.TB, payload any) (int, discordgo.InteractionResponse, []byte) {
	t.Helper()
	body, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, signed(e.priv, body))
	var resp discordgo.InteractionResponse
	if w.Code == http.StatusOK {
		resp = decodeResponse(t, w.Body.Bytes())
	}
	return w.Code, resp, w.Body.Bytes()
}

// decodeResponse reads an interaction response, components included
// (discordgo decodes those only inside messages).
func decodeResponse(t testing.TB, b []byte) discordgo.InteractionResponse {
	t.Helper()
	var raw struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data *struct {
			discordgo.InteractionResponseData
			Components []json.RawMessage `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, b)
	}
	resp := discordgo.InteractionResponse{Type: raw.Type}
	if raw.Data != nil {
		d := raw.Data.InteractionResponseData
		d.Components = nil
		for _, c := range raw.Data.Components {
			mc, err := discordgo.MessageComponentFromJSON(c)
			if err != nil {
				t.Fatalf("component %s: %v", c, err)
			}
			d.Components = append(d.Components, mc)
		}
		resp.Data = &d
	}
	return resp
}

// await waits for the fake Discord's next request to path.
func (e *endpoint) await(t testing.TB, method, path string) fakediscord.Request {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case r := <-e.fake.Requests:
			if r.Method == method && r.Path == path {
				return r
			}
		case <-deadline:
			t.Fatalf("no %s %s", method, path)
		}
	}
}

func TestInteractionsSignature(t *testing.T) {
	e := newEndpoint(t)
	ping := []byte(`{"id":"1","application_id":"1000","type":1,"token":"t","version":1}`)
	_, other, _ := ed25519.GenerateKey(rand.Reader)

	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, signed(e.priv, ping))
	if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"type":1}` {
		t.Errorf("signed PING: %d %s, want 200 {\"type\":1}", w.Code, w.Body)
	}
	bad := map[string]*http.Request{
		"another key": signed(other, ping),
		"no headers":  httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(ping)),
	}
	tampered := signed(e.priv, ping)
	tampered.Body = io.NopCloser(bytes.NewReader(bytes.Replace(ping, []byte(`"type":1`), []byte(`"type":2`), 1)))
	bad["tampered body"] = tampered
	garbled := signed(e.priv, ping)
	garbled.Header.Set("X-Signature-Ed25519", "zz")
	bad["not hex"] = garbled
	for name, r := range bad {
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, r)
		if w.Code != http.StatusUnauthorized {
			t.Errorf("%s: %d, want 401", name, w.Code)
		}
	}
	w = httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/interactions", nil))
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", w.Code)
	}
	if _, err := NewInteractions(InteractionsOptions{}, nil); err == nil {
		t.Error("an endpoint without a public key was made")
	}
	if k, err := ParsePublicKey(hex.EncodeToString(e.pub)); err != nil || !bytes.Equal(k, e.pub) {
		t.Errorf("ParsePublicKey: %v", err)
	}
	if _, err := ParsePublicKey("abc"); err == nil {
		t.Error("a short key was accepted")
	}
	if k, err := ParsePublicKey(""); k != nil || err != nil {
		t.Errorf("no key: %v, %v; want nil, nil", k, err)
	}
}

// slashCNN is a /cnn interaction from user U9.
func slashCNN(id, q string, private bool) map[string]any {
	opts := []map[string]any{{"name": "question", "type": 3, "value": q}}
	if private {
		opts = append(opts, map[string]any{"name": "private", "type": 5, "value": true})
	}
	return interaction(id, 2, map[string]any{"id": "c1", "name": "cnn", "type": 1, "options": opts})
}

// press is a button press on msg by user.
func press(id, customID, user string, msg *discordgo.Message) map[string]any {
	p := interaction(id, 3, map[string]any{"custom_id": customID, "component_type": 2})
	p["member"] = map[string]any{"user": map[string]any{"id": user}}
	if msg != nil {
		p["message"] = msg
	}
	return p
}

// buttons lists a response's buttons by label.
func buttons(t testing.TB, d *discordgo.InteractionResponseData) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, row := range d.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			t.Fatalf("component %T is not a row", row)
		}
		for _, c := range r.Components {
			if b, ok := c.(*discordgo.Button); ok {
				out[b.Label] = b.CustomID
			}
		}
	}
	return out
}

func TestInteractionsAnswerAndButtons(t *testing.T) {
	e := newEndpoint(t)
	code, resp, raw := e.post(t, slashCNN("I1", cardQuestion+" input 56x56", false))
	if code != http.StatusOK || resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("/cnn: %d type %d", code, resp.Type)
	}
	if !bytes.Contains(raw, []byte(`"parse":[]`)) {
		t.Error("no allowed_mentions parse:[]")
	}
	d := resp.Data
	first, _, _ := strings.Cut(d.Content, "\n")
	if !strings.Contains(first, "**"+cardParams+"**") || d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Errorf("first line %q (flags %d), want the parameters in bold, public", first, d.Flags)
	}
	fields := map[string]string{}
	for _, f := range d.Embeds[0].Fields {
		fields[f.Name] = f.Value
	}
	for name, want := range map[string]string{"Params": "18,496 (18.5 k)", "Output": "64×28×28", "MACs": "14,450,688 (14.5 M)"} {
		if fields[name] != want {
			t.Errorf("field %s = %q, want %q", name, fields[name], want)
		}
	}
	btn := buttons(t, d)
	id, err := parseButtonID(btn["Show working"])
	if err != nil || id.Question == "" {
		t.Fatalf("Show working's custom_id %q: %v", btn["Show working"], err)
	}
	msg := &discordgo.Message{ID: "M1", Embeds: d.Embeds}
	_, work, _ := e.post(t, press("I2", btn["Show working"], "U7", msg))
	if work.Data == nil || work.Data.Flags&discordgo.MessageFlagsEphemeral == 0 ||
		!strings.Contains(work.Data.Content, "learnable parameters = weights + biases = 18,432 + 64 = **18,496**") {
		t.Errorf("Show working: %+v", work.Data)
	}

	_, other, _ := e.post(t, press("I3", btn["Delete"], "U7", msg))
	if other.Data == nil || other.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(other.Data.Content, "Only") {
		t.Errorf("Delete by another user: %+v, want an ephemeral refusal", other.Data)
	}
	_, own, _ := e.post(t, press("I4", btn["Delete"], "U9", msg))
	if own.Type != discordgo.InteractionResponseDeferredMessageUpdate {
		t.Errorf("Delete by the asker: type %d, want 6", own.Type)
	}
	e.await(t, http.MethodDelete, "/api/v9/webhooks/1000/itok-I4/messages/@original")
}

func TestInteractionsNetworkFiles(t *testing.T) {
	e := newEndpoint(t)
	code, resp, _ := e.post(t, slashCNN("N1", "resnet18", false))
	if code != http.StatusOK || resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("a card with files: %d type %d, want 200 and a deferred response", code, resp.Type)
	}
	edit := e.await(t, http.MethodPatch, "/api/v9/webhooks/1000/itok-N1/messages/@original")
	files := edit.Files()
	if len(files["layers.csv"]) == 0 || len(files["answer.txt"]) == 0 {
		t.Errorf("the edit's files: %d, want answer.txt and layers.csv", len(files))
	}
	if !bytes.Contains(files["layers.csv"], []byte("11,layers,")) && !bytes.HasPrefix(files["layers.csv"], []byte("index,depth,layer,output,params")) {
		t.Errorf("layers.csv starts %.60q", files["layers.csv"])
	}
	var m struct {
		Content    string           `json:"content"`
		Components []map[string]any `json:"components"`
	}
	if err := json.Unmarshal(edit.Payload(), &m); err != nil || !strings.Contains(m.Content, "**11,689,512**") || len(m.Components) == 0 {
		t.Errorf("the edit: %v %q, %d rows", err, m.Content, len(m.Components))
	}
}

func TestInteractionsRefusalModal(t *testing.T) {
	e := newEndpoint(t)
	q := "conv 3x3 32->64 stride 2 groups 3 ```@everyone" // refused: groups 3 does not divide 32
	_, resp, _ := e.post(t, slashCNN("R1", q, false))
	d := resp.Data
	if d == nil || d.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.HasPrefix(d.Content, "**I can't answer that") {
		t.Fatalf("refusal: %+v", d)
	}
	btn := buttons(t, d)
	msg := &discordgo.Message{ID: "M2", Embeds: d.Embeds, Flags: discordgo.MessageFlagsEphemeral}
	_, modal, _ := e.post(t, press("R2", btn["Edit & ask again"], "U9", msg))
	if modal.Type != discordgo.InteractionResponseModal {
		t.Fatalf("Edit & ask again: type %d, want a modal", modal.Type)
	}
	input := modal.Data.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.TextInput)
	if input.Value != q {
		t.Errorf("the modal holds %q, want the question %q", input.Value, q)
	}
	submit := interaction("R3", 5, map[string]any{"custom_id": modal.Data.CustomID, "components": []any{
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": input.CustomID, "value": "conv 3x3 32->64 stride 2 pad 1"}}},
	}})
	_, again, _ := e.post(t, submit)
	if again.Data == nil || !strings.Contains(again.Data.Content, "**"+cardParams+"**") {
		t.Errorf("the edited question: %+v", again.Data)
	}
}

func TestInteractionsCommands(t *testing.T) {
	e := newEndpoint(t)
	target := map[string]any{"id": "T1", "channel_id": "C1", "content": "<@42> nn.Conv2d(32, 64, 3, stride=2, padding=1)",
		"author": map[string]any{"id": "U3"}}
	sizeUp := interaction("S1", 2, map[string]any{"id": "c9", "name": sizeThisUp, "type": 3, "target_id": "T1",
		"resolved": map[string]any{"messages": map[string]any{"T1": target}}})
	preset := interaction("P1", 2, map[string]any{"id": "c2", "name": "preset", "type": 1, "options": []any{
		map[string]any{"name": "name", "type": 3, "value": "lenet5"},
		map[string]any{"name": "input", "type": 3, "value": "28x28x1"},
		map[string]any{"name": "batch", "type": 4, "value": 64},
	}})
	help := interaction("H1", 2, map[string]any{"id": "c4", "name": "help", "type": 1})
	cases := []struct {
		name    string
		payload map[string]any
		want    string
	}{
		{"Size this up", sizeUp, "= **" + cardParams + "**"},
		// LeNet-5 at 28×28 is refused at C5 (5×5 on a 4×4 map): the
		// input option reached the layers.
		{"preset input", preset, "I can't answer that"},
		{"help", help, readmeURL},
		// /explain carries a picture, so it is deferred: see
		// TestPictureHTTP.
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, resp, _ := e.post(t, c.payload)
			if code != http.StatusOK || resp.Data == nil || !strings.Contains(resp.Data.Content, c.want) {
				t.Errorf("%d type %d %+v, want %q", code, resp.Type, resp.Data, c.want)
			}
		})
	}
}

func TestButtonIDRoundTrip(t *testing.T) {
	for _, b := range []buttonID{
		{Action: actWorking, Question: "conv 3x3 32->64 stride 2 pad 1 | odd"},
		{Action: actDelete, Owner: "123456789012345678"},
		{Action: actTable},
		{Action: actEdit, Question: "nn.Conv2d(3, 64, 7)"},
	} {
		got, err := parseButtonID(b.String())
		if err != nil || got != b {
			t.Errorf("%q round trip: %+v, %v", b.String(), got, err)
		}
	}
	for _, s := range []string{"", "cb1|x||", "cb2|w||q", "net", "cb1|w|"} {
		if _, err := parseButtonID(s); err == nil {
			t.Errorf("%q was read as a button", s)
		}
	}
	for _, q := range []string{"a ``` b", "plain", "`x`", "``\u200b``"} {
		fenced, _ := fenceQuestion(q)
		if got, ok := unfenceQuestion(fenced); !ok || (got != q && q != "``\u200b``") {
			t.Errorf("fence round trip of %q: %q", q, got)
		}
		if strings.Count(fenced, "```") != 2 {
			t.Errorf("fenced %q has %d fences", q, strings.Count(fenced, "```"))
		}
	}
}

// TestCardButtonsFit checks every golden-like question's buttons fit a
// custom_id and name a question that answers the same.
func TestCardButtonsFit(t *testing.T) {
	b := New(Options{})
	for _, q := range []string{cardQuestion, "resnet152", "input 32x32x3\nconv 3x3 32 pad 1\nrelu\nmaxpool 2\nflatten\nlinear 10",
		strings.Repeat("conv 3x3 8 pad 1\n", 120)} {
		r := b.Answer(t.Context(), q)
		card := RenderCard(r, "U1")
		for _, row := range card.Components {
			for _, c := range row.(discordgo.ActionsRow).Components {
				id := c.(discordgo.Button).CustomID
				if len([]rune(id)) > maxCustomID {
					t.Errorf("%.20q: custom_id of %d characters", q, len([]rune(id)))
				}
				bid, err := parseButtonID(id)
				if err != nil {
					t.Fatal(err)
				}
				if bid.Action != actWorking {
					continue
				}
				text := bid.Question
				if text == "" {
					var ok bool
					if text, ok = cardQuestionOf(&discordgo.Message{Embeds: card.Embeds}); !ok {
						t.Errorf("%.20q: the question cannot be read back", q)
						continue
					}
				}
				again := b.Answer(t.Context(), text)
				if fmt.Sprint(summaryParams(again)) != fmt.Sprint(summaryParams(r)) {
					t.Errorf("%.20q: asked again from the button, %d params, want %d", q, summaryParams(again), summaryParams(r))
				}
			}
		}
	}
}

func summaryParams(r Reply) int64 {
	if r.Summary != nil {
		return r.Summary.Params
	}
	return sumParams(r.Reports)
}

func TestNativeCommands(t *testing.T) {
	cmds := nativeCommands()
	byName := map[string]*discordgo.ApplicationCommand{}
	for _, c := range cmds {
		byName[c.Name] = c
		if c.IntegrationTypes == nil || len(*c.IntegrationTypes) != 2 || c.Contexts == nil || len(*c.Contexts) != 3 {
			t.Errorf("%s is not installable everywhere", c.Name)
		}
	}
	if c := byName[sizeThisUp]; c == nil || c.Type != discordgo.MessageApplicationCommand || c.Description != "" {
		t.Errorf("the message command: %+v", c)
	}
	wantOpts := map[string][]string{"cnn": {"question", "private"}, "preset": {"name", "depth", "batch", "input"}, "explain": {"topic"}}
	for name, want := range wantOpts {
		c := byName[name]
		if c == nil {
			t.Fatalf("no /%s", name)
		}
		var got []string
		for _, o := range c.Options {
			got = append(got, o.Name)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("/%s options %v, want %v", name, got, want)
		}
	}
	if n := len(byName["explain"].Options[0].Choices); n != len(topics) {
		t.Errorf("/explain offers %d topics, want %d", n, len(topics))
	}
	for _, m := range []*discordgo.InteractionResponse{netModal(), askModal("q")} {
		in := m.Data.Components[0].(discordgo.ActionsRow).Components[0].(discordgo.TextInput)
		if len(in.Label) > 45 || len(m.Data.Title) > 45 || !strings.Contains(in.Label, "model.summary()") {
			t.Errorf("modal %q: label %q (Discord allows 45 characters; pastes are welcome)", m.Data.Title, in.Label)
		}
	}
	if n := len([]rune(nativeHelp)); n > MaxContent || !strings.Contains(nativeHelp, readmeURL) {
		t.Errorf("/help is %d characters (at most %d) and must link the README", n, MaxContent)
	}
	send := cardSend(RenderCard(New(Options{}).Answer(t.Context(), cardQuestion), "U1"))
	if send.AllowedMentions == nil || send.AllowedMentions.Parse == nil || len(send.Embeds) != 1 || len(send.Components) != 1 {
		t.Errorf("cardSend: %+v", send)
	}
}

// TestInteractionsBusy fills the endpoint's workers: a question then gets
// the polite busy reply in time, and a PING is still answered.
func TestInteractionsBusy(t *testing.T) {
	e := newEndpoint(t)
	for range cap(e.h.workers) {
		e.h.workers <- struct{}{}
	}
	start := time.Now()
	_, resp, _ := e.post(t, slashCNN("B1", cardQuestion, false))
	if resp.Data == nil || !strings.Contains(resp.Data.Content, "busy") || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("with every worker taken: %+v, want the ephemeral busy reply", resp.Data)
	}
	if d := time.Since(start); d > 2500*time.Millisecond {
		t.Errorf("the busy reply took %v, over Discord's 3 s with room to spare", d)
	}
	if code, ping, _ := e.post(t, map[string]any{"id": "P", "application_id": "1000", "type": 1, "token": "t", "version": 1}); code != 200 || ping.Type != 1 {
		t.Errorf("PING while busy: %d type %d", code, ping.Type)
	}
}

// TestWireRows: a row written as JSON by wire reads back as the row
// discordgo would have written.
func TestWireRows(t *testing.T) {
	rows := RenderCard(New(Options{}).Answer(t.Context(), `conv 3x3 "quoted" \ 32->64`), "U1").Components
	rows = append(rows, RenderCard(New(Options{}).Answer(t.Context(), cardQuestion), "U1").Components...)
	for i, w := range wire(rows) {
		want, err := json.Marshal(rows[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := discordgo.MessageComponentFromJSON(want)
		b, _ := discordgo.MessageComponentFromJSON(got)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if a == nil || !bytes.Equal(ja, jb) {
			t.Errorf("row %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// TestWholeTable presses a network card's Whole table: a short table comes
// in the message, a long one (ResNet-152) attached as table.txt and
// layers.csv, ephemeral either way.
func TestWholeTable(t *testing.T) {
	e := newEndpoint(t)
	for _, c := range []struct {
		id, q string
		files bool
	}{
		{"WT1", "input 32x32x3\nconv 3x3 16 pad 1\nrelu\nmaxpool 2\nflatten\nlinear 10", false},
		{"WT2", "resnet152", true},
	} {
		card := RenderCard(New(Options{}).Answer(t.Context(), c.q), "U1")
		var id string
		for _, b := range card.Components[0].(discordgo.ActionsRow).Components {
			if b.(discordgo.Button).Label == "Whole table" {
				id = b.(discordgo.Button).CustomID
			}
		}
		msg := &discordgo.Message{ID: "M" + c.id, Embeds: card.Embeds}
		_, resp, _ := e.post(t, press(c.id, id, "U5", msg))
		if !c.files {
			if resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "conv 3x3 3->16 pad 1 bias") {
				t.Errorf("%s: %+v, want the whole table, ephemeral", c.q, resp.Data)
			}
			continue
		}
		if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("%s: type %d, want an ephemeral deferral", c.q, resp.Type)
		}
		files := e.await(t, http.MethodPatch, "/api/v9/webhooks/1000/itok-"+c.id+"/messages/@original").Files()
		if !bytes.Contains(files["table.txt"], []byte("conv 1x1 64->256 nobias")) || len(files["layers.csv"]) == 0 {
			t.Errorf("%s: files %d bytes and %d bytes", c.q, len(files["table.txt"]), len(files["layers.csv"]))
		}
	}
}

// TestInteractionsDeferSlow: work not done within deferAfter is deferred
// at once and sent later; a refusal behind the public deferral becomes an
// ephemeral follow-up.
func TestInteractionsDeferSlow(t *testing.T) {
	e := newEndpoint(t)
	i := &discordgo.Interaction{ID: "SL", AppID: "1000", Token: "itok-SL", Type: discordgo.InteractionApplicationCommand}
	slow := &asking{user: "U1", card: func(context.Context, *Bot) Card {
		time.Sleep(deferAfter + 300*time.Millisecond)
		return Card{Content: "late refusal", Ephemeral: true, Err: true}
	}}
	w := httptest.NewRecorder()
	start := time.Now()
	e.h.ask(t.Context(), w, i, slow)
	if got := decodeResponse(t, w.Body.Bytes()); got.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || got.Data != nil {
		t.Errorf("a slow answer: type %d %+v, want a public deferral", got.Type, got.Data)
	}
	if d := time.Since(start); d < deferAfter {
		t.Errorf("returned after %v, before the answer was ready", d)
	}
	e.await(t, http.MethodDelete, "/api/v9/webhooks/1000/itok-SL/messages/@original")
	f := e.await(t, http.MethodPost, "/api/v9/webhooks/1000/itok-SL")
	if !bytes.Contains(f.Payload(), []byte("late refusal")) || !bytes.Contains(f.Payload(), []byte(`"flags":64`)) {
		t.Errorf("the follow-up: %s", f.Payload())
	}
}

func TestPresetQuestion(t *testing.T) {
	b := New(Options{})
	opt := func(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
		return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: v}
	}
	if q := presetQuestion(b, t.Context(), []*discordgo.ApplicationCommandInteractionDataOption{
		opt("name", "resnet18"), opt("depth", float64(2)), opt("batch", float64(64))}); q != "resnet18 batch 64 depth 2" {
		t.Errorf("got %q", q)
	}
	q := presetQuestion(b, t.Context(), []*discordgo.ApplicationCommandInteractionDataOption{
		opt("name", "lenet5"), opt("input", "36x36x1"), opt("batch", float64(8))})
	r := b.Answer(t.Context(), q)
	if r.Err != nil || r.Summary == nil || shapeText(r.Summary.Input) != "1×36×36" || r.Question.Batch != 8 {
		t.Fatalf("lenet5 at 36x36x1, batch 8: %q → %+v", q, r.Err)
	}
	if strings.Contains(q, "#") {
		t.Errorf("the preset's comments were kept: %q", q)
	}
}
