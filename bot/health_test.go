package bot

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

func TestHealthStatus(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	ack := now
	h := &health{maxAge: time.Minute, lastAck: func() time.Time { return ack }}
	if ok, why := h.status(now); ok || why != "gateway not connected" {
		t.Errorf("disconnected: got %v %q", ok, why)
	}
	h.setConnected(true)
	if ok, _ := h.status(now); !ok {
		t.Error("connected with a fresh ACK: unhealthy")
	}
	ack = now.Add(-2 * time.Minute)
	if ok, why := h.status(now); ok || !strings.Contains(why, "heartbeat") {
		t.Errorf("stale ACK: got %v %q", ok, why)
	}
}

func TestHealthHandler(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := newMetrics(reg)
	m.questions.Inc()
	m.latency.Observe(0.003)
	h := &health{maxAge: time.Minute}
	srv := httptest.NewServer(h.handler(reg))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/healthz while disconnected: %d, want 503", resp.StatusCode)
	}
	addr := strings.TrimPrefix(srv.URL, "http://")
	if err := Probe(context.Background(), addr, "/readyz"); err == nil || !strings.Contains(err.Error(), "not connected") {
		t.Errorf("/readyz while disconnected = %v, want the reason", err)
	}
	// A Discord outage is no reason to restart the process (issue 9).
	if err := HealthCheck(context.Background(), addr); err != nil {
		t.Errorf("HealthCheck (/livez) while disconnected = %v, want nil", err)
	}
	h.setConnected(true)
	h.lastAck = time.Now
	if err := Probe(context.Background(), addr, "/readyz"); err != nil {
		t.Errorf("/readyz when connected = %v, want nil", err)
	}
	full := true
	h.busy = func() bool { return full }
	if err := Probe(context.Background(), addr, "/readyz"); err == nil || !strings.Contains(err.Error(), "queue is full") {
		t.Errorf("/readyz with a full queue = %v, want the reason", err)
	}
	if err := HealthCheck(context.Background(), addr); err != nil {
		t.Errorf("HealthCheck (/livez) with a full queue = %v, want nil", err)
	}

	resp, err = http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"cnnbot_questions_total 1", "cnnbot_answers_total", "cnnbot_reply_seconds_bucket", "cnnbot_errors_total"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
