package bot

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
	"github.com/prometheus/client_golang/prometheus"
)

// Worst cases of issue 9: short questions with the largest answers.
var (
	// worstNetwork unrolls to 10,000 convolutions on a 224×224 input.
	worstNetwork = "input 224x224x3; repeat 10 { repeat 1000 { conv 3x3 64 pad 1 } }"
	// longName repeats a 3,900-letter name on 10,000 rows: once a
	// 39.7 MB answer.md.
	longName = "input 32x32x64\nblock " + strings.Repeat("n", 3900) + " { repeat 10 { repeat 1000 { relu } } }"
)

// TestBareMentionsFlood: bare mentions from a user already limited got a
// 1,361-character help each; every reply path now goes through the
// limiter (issue 9, item 4).
func TestBareMentionsFlood(t *testing.T) {
	t.Parallel()
	reg := prometheus.NewRegistry()
	h := start(t, func(o *ServeOptions) { o.FloodPerMinute, o.FloodBurst, o.Registry = 0.01, 1, reg })
	p := "/api/v9/channels/CB/messages"
	h.mention(t, "B0", "CB", "UB", cardQuestion)
	if rp := decode(t, h.await(t, p)); !strings.Contains(rp.text(), cardParams) {
		t.Fatalf("first question not answered: %s", rp.text())
	}
	const bare = 50
	for i := range bare {
		h.mention(t, fmt.Sprintf("B%d", i+1), "CB", "UB", "")
	}
	limited := func() float64 { return counter(t, reg, "cnnbot_flood_limited_total") }
	deadline := time.Now().Add(wait)
	for limited() < bare {
		if time.Now().After(deadline) {
			t.Fatalf("%v of %d bare mentions went through the flood limiter", limited(), bare)
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.mention(t, "S1", "CB", "US", cardQuestion) // a sentinel from someone else
	var got []reply
	for {
		rp := decode(t, h.await(t, p))
		if rp.Reference != nil && rp.Reference.MessageID == "S1" {
			break
		}
		got = append(got, rp)
	}
	if len(got) > 1 {
		t.Errorf("%d replies to %d bare mentions from a limited user, want at most one notice", len(got), bare)
	}
	for _, rp := range got {
		if strings.Contains(rp.Content, "Ask me about") {
			t.Errorf("a limited user got the help: %.80q", rp.Content)
		}
	}
}

// counter reads the value of the counter name in reg.
func counter(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			return mf.GetMetric()[0].GetCounter().GetValue()
		}
	}
	return 0
}

// TestAttachmentBounded: a 3,900-letter name on 10,000 rows is cut in the
// table and the attachment stays within 1 MB, saying what was cut; when
// Discord refuses an upload the asker still gets the answer in text
// (issue 9, item 2).
func TestAttachmentBounded(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	p := "/api/v9/channels/CA/messages"
	h.mention(t, "A1", "CA", "UA", longName)
	r := h.await(t, p)
	file := r.Files()["answer.txt"]
	if len(file) == 0 || len(file) > MaxAnswerBytes {
		t.Fatalf("answer.txt is %d bytes, want 1 to %d", len(file), MaxAnswerBytes)
	}
	if csv := r.Files()["layers.csv"]; len(csv) == 0 || len(csv) > MaxAnswerBytes {
		t.Fatalf("layers.csv is %d bytes, want 1 to %d", len(csv), MaxAnswerBytes)
	}
	// Once where the question is echoed, never in the table's rows.
	if n := strings.Count(grepLines(string(file), strings.Repeat("n", maxName+1)), "\n") + 1; n > 1 {
		t.Errorf("the long name is written whole on %d lines", n)
	}
	if !strings.Contains(string(file), "rows cut") {
		t.Error("answer.txt does not say what was cut")
	}

	h.fake.RespondOnce("POST", p, fakediscord.Canned{Status: 413, Body: `{"message":"Request entity too large","code":40005}`})
	h.mention(t, "A2", "CA", "UA", worstNetwork)
	if first := h.await(t, p); len(first.Files()) == 0 {
		t.Fatal("the first try had no attachment")
	}
	second := h.await(t, p)
	rp := decode(t, second)
	if len(second.Files()) != 0 || !strings.Contains(rp.Content, "could not be attached") || rp.Reference == nil || rp.Reference.MessageID != "A2" {
		t.Errorf("after a 413, want the answer again in text without the file, got %d files: %.300s", len(second.Files()), rp.Content)
	}
}

// TestBusy: a crowd larger than the workers and their queue gets the
// polite busy reply at once; every message gets exactly one reply (issue
// 9, item 3). Slash commands are acknowledged meanwhile.
func TestBusy(t *testing.T) {
	t.Parallel()
	h := start(t, func(o *ServeOptions) { o.Workers, o.Queue = 1, 2 })
	p := "/api/v9/channels/CQ/messages"
	const crowd = 30
	for i := range crowd {
		h.mention(t, fmt.Sprintf("Q%d", i), "CQ", fmt.Sprintf("UQ%d", i), worstNetwork)
	}
	h.dispatch(t, "INTERACTION_CREATE", interaction("IQ", 2, slash("cnn", strOpt("question", worstNetwork, false))))
	if rp := decode(t, h.await(t, callback("IQ"))); rp.Type != 5 && (rp.Type != 4 || rp.Data == nil || !strings.Contains(rp.Data.Content, "busy")) {
		t.Errorf("a slash command during the crowd got %+v, want a deferral or the busy reply", rp)
	}
	seen := map[string]int{}
	busy := 0
	for range crowd {
		rp := decode(t, h.await(t, p))
		if rp.Reference == nil {
			t.Fatalf("a reply without a reference: %.100q", rp.Content)
		}
		seen[rp.Reference.MessageID]++
		switch {
		case strings.Contains(rp.Content, "busy"):
			busy++
		case !strings.Contains(rp.Content, "**Answer:**"):
			t.Errorf("neither an answer nor the busy reply: %.200q", rp.Content)
		}
	}
	if len(seen) != crowd {
		t.Errorf("%d of %d messages answered", len(seen), crowd)
	}
	if busy == 0 {
		t.Error("30 worst-case networks on 1 worker and a queue of 2: nobody was told the bot is busy")
	}
	t.Logf("%d of %d told to ask again", busy, crowd)
}

// TestTokensNotLogged: a callback that fails at the network level is
// logged with the host really used and its interaction token redacted
// (issue 9, item 6).
func TestTokensNotLogged(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	h.fake.RespondOnce("POST", callback("IT"), fakediscord.Canned{Hangup: true})
	h.dispatch(t, "INTERACTION_CREATE", interaction("IT", 2, slash("help")))
	h.await(t, callback("IT"))
	if !h.logged("responding to interaction", wait) {
		t.Fatal("the failed callback was not logged")
	}
	logs := h.logs.String()
	if strings.Contains(logs, "itok-IT") {
		t.Errorf("the interaction token is in the logs:\n%s", grepLines(logs, "itok-IT"))
	}
	u, _ := url.Parse(h.fake.URL)
	line := grepLines(logs, "responding to interaction")
	if !strings.Contains(line, u.Host) || strings.Contains(line, "discord.com") {
		t.Errorf("the log names the wrong host (want %s):\n%s", u.Host, line)
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestProbes: /livez while the process works; /readyz once the gateway is
// connected (issue 9, item 9).
func TestProbes(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	addr := h.health.Addr().String()
	if err := Probe(context.Background(), addr, "/livez"); err != nil {
		t.Errorf("/livez: %v", err)
	}
	deadline := time.Now().Add(wait)
	for err := Probe(context.Background(), addr, "/readyz"); err != nil; err = Probe(context.Background(), addr, "/readyz") {
		if time.Now().After(deadline) {
			t.Fatalf("/readyz after READY: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
