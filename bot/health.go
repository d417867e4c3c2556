package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the Prometheus series the Discord transport keeps.
type metrics struct {
	questions prometheus.Counter
	answers   prometheus.Counter
	errors    *prometheus.CounterVec
	limited   prometheus.Counter
	latency   prometheus.Histogram
	busy      prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		questions: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "cnnbot_questions_total", Help: "Questions received (mentions, DMs, slash commands, modals)."}),
		answers: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "cnnbot_answers_total", Help: "Replies delivered to Discord, refusals included."}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "cnnbot_errors_total", Help: "Failures by kind: rest (Discord refused or failed a reply), panic (a handler panicked), refused (a question the bot could not answer)."},
			[]string{"kind"}),
		limited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "cnnbot_flood_limited_total", Help: "Questions not answered because the user asked too fast."}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "cnnbot_reply_seconds",
			Help:    "Time from receiving a question to Discord accepting the reply.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}),
		busy: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "cnnbot_busy_total", Help: "Questions turned away with a polite \"busy\" because the queue was full."}),
	}
	reg.MustRegister(m.questions, m.answers, m.errors, m.limited, m.latency, m.busy)
	for _, kind := range []string{"rest", "panic", "refused"} {
		m.errors.WithLabelValues(kind) // exported as 0 from the start
	}
	return m
}

// queued exports the length of the answer queue.
func (m *metrics) queued(reg prometheus.Registerer, n func() int) {
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "cnnbot_queue_length", Help: "Questions waiting for a worker."},
		func() float64 { return float64(n()) }))
}

// health tracks the gateway's state and the queue for /readyz.
type health struct {
	maxAge time.Duration // how old the last heartbeat ACK may be

	mu        sync.Mutex
	connected bool
	lastAck   func() time.Time // reads the session's last heartbeat ACK
	busy      func() bool      // reports whether the answer queue is full
}

func (h *health) setConnected(c bool) {
	h.mu.Lock()
	h.connected = c
	h.mu.Unlock()
}

// status reports whether the bot is ready for questions and why not: the
// gateway connected, a recent heartbeat ACK, room in the queue.
func (h *health) status(now time.Time) (bool, string) {
	h.mu.Lock()
	connected, lastAck, busy := h.connected, h.lastAck, h.busy
	h.mu.Unlock()
	if busy != nil && busy() {
		return false, "the answer queue is full"
	}
	if !connected {
		return false, "gateway not connected"
	}
	if lastAck == nil {
		return false, "no heartbeat yet"
	}
	if age := now.Sub(lastAck()); age > h.maxAge {
		return false, fmt.Sprintf("last heartbeat ACK %s ago", age.Round(time.Second))
	}
	return true, "ok"
}

// handler serves the probes and /metrics from reg. /livez answers 200
// while the process serves HTTP at all: a liveness probe that restarts the
// bot only when it is wedged, never during a Discord outage (each restart
// spends a gateway login). /readyz answers 200 when the bot can take
// questions (see status) and 503 otherwise, with a JSON body saying why;
// /healthz is /readyz, kept for the probes that use it.
func (h *health) handler(reg prometheus.Gatherer) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true,"status":"alive"}`+"\n")
	})
	ready := func(w http.ResponseWriter, _ *http.Request) {
		ok, why := h.status(time.Now())
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": ok, "status": why})
	}
	mux.HandleFunc("GET /readyz", ready)
	mux.HandleFunc("GET /healthz", ready)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}

// HealthCheck asks the health server at addr (host:port, as given to
// ServeOptions.HealthAddr; an empty host means localhost) whether the bot
// is alive. It returns nil when /livez answers 200, and an error saying
// why otherwise. `cnnbot health` runs it for Docker's HEALTHCHECK: a
// Discord outage makes the bot unready (/readyz), not dead.
func HealthCheck(ctx context.Context, addr string) error {
	return Probe(ctx, addr, "/livez")
}

// Probe asks the health server at addr for path (/livez, /readyz) and
// returns nil when it answers 200.
func Probe(ctx context.Context, addr, path string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("health address %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+path, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health check: %w", err)
	}
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unhealthy: %s", strings.TrimSpace(body.Status))
	}
	return nil
}

// serveHealth serves h on ln until ctx is done.
func serveHealth(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
