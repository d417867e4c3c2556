package bot

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

// BenchmarkLoad sends 10,000 mentions from 100 users through the fake
// Discord to the real session and handler, each user asking again as soon
// as its previous answer arrives, and checks every message is answered
// exactly once. It reports messages/s, the p50 and p99 latency from
// dispatch to the REST reply, and the process's peak RSS. Run it alone:
//
//	go test -run '^$' -bench BenchmarkLoad -benchtime 1x ./bot/
//
// closed: each of the 100 users (in 10 channels) asks again as soon as
// its answer arrives, so 100 questions are always in flight: the greatest
// throughput, and latency that is mostly queueing (Little's law: 100 in
// flight / throughput). paced: the same 10,000 questions offered at a
// steady 2,000 a second, the target rate, for the latency a user sees then.
func BenchmarkLoad(b *testing.B) {
	b.Run("closed", func(b *testing.B) { benchmarkLoad(b, 0) })
	b.Run("paced=2000/s", func(b *testing.B) { benchmarkLoad(b, 2000) })
}

func benchmarkLoad(b *testing.B, rate int) {
	const (
		users    = 100
		perUser  = 100
		channels = 10
		total    = users * perUser
	)
	h := start(b, func(o *ServeOptions) { o.LogLevel = slog.LevelWarn })
	var (
		mu      sync.Mutex
		sent    = make(map[string]time.Time, total)
		waiters = make(map[string]chan struct{}, total)
		answers = make(map[string]int, total)
		lat     = make([]time.Duration, 0, total)
	)
	marker := []byte(`"message_reference":{"message_id":"`)
	h.mu.Lock()
	h.hold = func(r fakediscord.Request) {
		if r.Method != "POST" || !strings.HasPrefix(r.Path, "/api/v9/channels/") {
			return
		}
		now := time.Now()
		i := bytes.Index(r.Body, marker)
		if i < 0 {
			return
		}
		id := r.Body[i+len(marker):]
		id = id[:bytes.IndexByte(id, '"')]
		mu.Lock()
		answers[string(id)]++
		lat = append(lat, now.Sub(sent[string(id)]))
		ch := waiters[string(id)]
		mu.Unlock()
		if ch != nil {
			close(ch)
		}
	}
	h.mu.Unlock()

	var elapsed time.Duration
	for n := range b.N {
		mu.Lock()
		clear(sent)
		clear(waiters)
		clear(answers)
		lat = lat[:0]
		mu.Unlock()
		startAt := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, total)
		ask := func(id, user, channel string) chan struct{} {
			done := make(chan struct{})
			mu.Lock()
			sent[id] = time.Now()
			waiters[id] = done
			mu.Unlock()
			m := message{ID: id, ChannelID: channel, GuildID: "500", Content: "<@" + h.fake.BotID() + "> " + cardQuestion,
				Author: map[string]any{"id": user}}
			if err := h.fake.Dispatch("MESSAGE_CREATE", m); err != nil {
				errs <- err
			}
			return done
		}
		awaitAnswer := func(id string, done chan struct{}) bool {
			select {
			case <-done:
				return true
			case <-time.After(wait):
				errs <- fmt.Errorf("%s not answered", id)
				return false
			}
		}
		if rate == 0 {
			for u := range users {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := range perUser {
						id := fmt.Sprintf("R%d-%d-%d", n, u, k)
						if !awaitAnswer(id, ask(id, "L"+strconv.Itoa(u), "CL"+strconv.Itoa(u%channels))) {
							return
						}
					}
				}()
			}
		} else {
			interval := time.Second / time.Duration(rate)
			for k := range total {
				if d := time.Until(startAt.Add(time.Duration(k) * interval)); d > 0 {
					time.Sleep(d)
				}
				u := k % users
				id := fmt.Sprintf("P%d-%d", n, k)
				done := ask(id, "L"+strconv.Itoa(u), "CL"+strconv.Itoa(u%channels))
				wg.Add(1)
				go func() { defer wg.Done(); awaitAnswer(id, done) }()
			}
		}
		wg.Wait()
		elapsed = time.Since(startAt)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		mu.Lock()
		if len(answers) != total {
			b.Fatalf("%d messages answered, want %d", len(answers), total)
		}
		for id, c := range answers {
			if c != 1 {
				b.Fatalf("%s answered %d times", id, c)
			}
		}
		mu.Unlock()
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(lat)
	b.ReportMetric(float64(total)/elapsed.Seconds(), "msgs/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// peakRSSMB is the process's peak resident set (VmHWM), in MB; 0 where
// /proc is missing.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
