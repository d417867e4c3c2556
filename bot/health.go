package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	}
	reg.MustRegister(m.questions, m.answers, m.errors, m.limited, m.latency)
	for _, kind := range []string{"rest", "panic", "refused"} {
		m.errors.WithLabelValues(kind) // exported as 0 from the start
	}
	return m
}

// health tracks the gateway's state for /healthz.
type health struct {
	maxAge time.Duration // how old the last heartbeat ACK may be

	mu        sync.Mutex
	connected bool
	lastAck   func() time.Time // reads the session's last heartbeat ACK
}

func (h *health) setConnected(c bool) {
	h.mu.Lock()
	h.connected = c
	h.mu.Unlock()
}

// status reports whether the bot is healthy and why not.
func (h *health) status(now time.Time) (bool, string) {
	h.mu.Lock()
	connected, lastAck := h.connected, h.lastAck
	h.mu.Unlock()
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

// handler serves /healthz (200 when healthy, 503 otherwise, with a JSON
// body saying why) and /metrics from reg.
func (h *health) handler(reg prometheus.Gatherer) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		ok, why := h.status(time.Now())
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": ok, "status": why})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}

// HealthCheck asks the health server at addr (host:port, as given to
// ServeOptions.HealthAddr; an empty host means localhost) whether the bot
// is healthy. It returns nil when /healthz answers 200, and an error saying
// why otherwise. `cnnbot health` runs it for Docker's HEALTHCHECK.
func HealthCheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("health address %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
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
