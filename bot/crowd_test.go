package bot

import (
	"bytes"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

// BenchmarkCrowd is issue 9's load test: 500 users each mention the bot
// with a worst-case network (10,000 convolutions in 62 characters) at
// once, through the fake Discord to the real session. Every message must
// get exactly one reply — the answer, with its attachment, or the polite
// busy reply — and the process's peak RSS (the fake Discord's included)
// stay at most 200 MB. Run it alone, once, for a clean peak:
//
//	go test -run '^$' -bench BenchmarkCrowd -benchtime 1x ./bot/
func BenchmarkCrowd(b *testing.B) {
	const (
		users    = 500
		channels = 10
		maxRSSMB = 200
	)
	h := start(b, func(o *ServeOptions) { o.LogLevel = slog.LevelWarn })
	// Nobody reads what the fake and the harness record: drain it, or
	// 500 answers of 1 MB each stay in memory for the test's sake.
	stop := make(chan struct{})
	defer close(stop)
	drain := func(ch chan fakediscord.Request) {
		for {
			select {
			case <-ch:
			case <-stop:
				return
			}
		}
	}
	go drain(h.fake.Requests)
	for c := range channels {
		go drain(h.path("POST /api/v9/channels/CR" + strconv.Itoa(c) + "/messages"))
	}
	var (
		mu      sync.Mutex
		replies = map[string]int{}
		busy    int
		files   int
		all     = make(chan struct{})
	)
	marker := []byte(`"message_reference":{"message_id":"`)
	h.mu.Lock()
	h.hold = func(r fakediscord.Request) {
		i := bytes.Index(r.Body, marker)
		if r.Method != "POST" || i < 0 {
			return
		}
		id := r.Body[i+len(marker):]
		id = id[:bytes.IndexByte(id, '"')]
		mu.Lock()
		defer mu.Unlock()
		replies[string(id)]++
		if bytes.Contains(r.Body, []byte("I'm busy")) {
			busy++
		}
		if bytes.Contains(r.Body, []byte(`filename="answer.md"`)) {
			files++
		}
		if len(replies) == users {
			close(all)
		}
	}
	h.mu.Unlock()

	b.ResetTimer()
	startAt := time.Now()
	for u := range users {
		m := message{ID: fmt.Sprintf("W%d", u), ChannelID: "CR" + strconv.Itoa(u%channels), GuildID: "500",
			Content: "<@" + h.fake.BotID() + "> " + worstNetwork, Author: map[string]any{"id": "W" + strconv.Itoa(u)}}
		if err := h.fake.Dispatch("MESSAGE_CREATE", m); err != nil {
			b.Fatal(err)
		}
	}
	select {
	case <-all:
	case <-time.After(120 * time.Second):
	}
	elapsed := time.Since(startAt)
	b.StopTimer()
	mu.Lock()
	defer mu.Unlock()
	if len(replies) != users {
		b.Errorf("%d of %d messages got a reply", len(replies), users)
	}
	for id, n := range replies {
		if n != 1 {
			b.Errorf("%s got %d replies", id, n)
		}
	}
	rss := peakRSSMB()
	b.ReportMetric(rss, "peak-RSS-MB")
	b.ReportMetric(float64(len(replies)-busy), "answered")
	b.ReportMetric(float64(busy), "busy")
	b.ReportMetric(elapsed.Seconds(), "s")
	b.Logf("%d users: %d answered (%d with answer.md), %d told the bot is busy, in %v; peak RSS %.0f MB",
		users, len(replies)-busy, files, busy, elapsed.Round(time.Millisecond), rss)
	if rss > maxRSSMB {
		b.Errorf("peak RSS %.0f MB, over %d MB", rss, maxRSSMB)
	}
	if strings.Contains(h.logs.String(), `"level":"ERROR"`) {
		b.Errorf("errors logged:\n%.2000s", h.logs.String())
	}
}
