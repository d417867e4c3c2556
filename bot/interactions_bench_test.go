package bot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkInteractions measures the HTTP interactions endpoint on the
// design's worked example: a signed /cnn POST verified, decoded, answered
// as a card and encoded, through a real loopback HTTP server with
// keep-alive. It reports requests a second and the p99 latency; run it on
// one core with -cpu 1:
//
//	go test ./bot -run '^$' -bench BenchmarkInteractions -cpu 1 -benchtime 5000x
func BenchmarkInteractions(b *testing.B) {
	e := newEndpoint(b)
	srv := httptest.NewServer(e.h)
	defer srv.Close()
	client := srv.Client()
	body, err := json.Marshal(slashCNN("B1", cardQuestion+" input 56x56", false))
	if err != nil {
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(e.priv, append([]byte(ts), body...))))
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out struct{ Type int }
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		lat = append(lat, time.Since(t0))
		if err != nil || resp.StatusCode != http.StatusOK || out.Type != 4 {
			b.Fatalf("status %d type %d: %v", resp.StatusCode, out.Type, err)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
