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
	if err := HealthCheck(context.Background(), strings.TrimPrefix(srv.URL, "http://")); err == nil || !strings.Contains(err.Error(), "not connected") {
		t.Errorf("HealthCheck = %v, want the reason", err)
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
