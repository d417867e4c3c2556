package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cnnbot/cnnbot/bot/internal/fakediscord"
)

// TestServeInteractionsOnly runs Serve with the HTTP endpoint and no
// token: no gateway, a signed PING answered over HTTP, a bad signature
// refused with 401, a question answered, /readyz ready, and a clean stop.
func TestServeInteractionsOnly(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	fake := fakediscord.New(fakediscord.Options{})
	defer fake.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	health, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{APIURL: fake.URL, InteractionsListener: ln, PublicKey: pub, HealthListener: health,
			FloodPerMinute: 1e6, FloodBurst: 1e6}, slog.New(slog.DiscardHandler))
	}()
	url := "http://" + ln.Addr().String() + "/interactions"
	post := func(key ed25519.PrivateKey, payload any) (*http.Response, []byte) {
		body, _ := json.Marshal(payload)
		r := signed(key, body)
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		req.Header = r.Header
		// The listener is open before Serve starts, so this waits for it.
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return resp, b.Bytes()
	}
	ping := map[string]any{"id": "1", "application_id": "1000", "type": 1, "token": "t", "version": 1}
	if resp, body := post(priv, ping); resp.StatusCode != 200 || strings.TrimSpace(string(body)) != `{"type":1}` {
		t.Errorf("PING: %d %s", resp.StatusCode, body)
	}
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	if resp, _ := post(other, ping); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a bad signature: %d, want 401", resp.StatusCode)
	}
	if resp, body := post(priv, slashCNN("Q1", cardQuestion, false)); resp.StatusCode != 200 || !strings.Contains(string(body), cardParams) {
		t.Errorf("/cnn: %d %.200s", resp.StatusCode, body)
	}
	if err := Probe(context.Background(), health.Addr().String(), "/readyz"); err != nil {
		t.Errorf("/readyz without a gateway: %v", err)
	}
	select {
	case r := <-fake.Requests:
		if strings.Contains(r.Path, "gateway") {
			t.Errorf("an endpoint-only Serve asked for the gateway: %s", r.Path)
		}
	default:
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("Serve did not stop")
	}
	if err := Serve(context.Background(), ServeOptions{InteractionsAddr: ":0"}, nil); err == nil || !strings.Contains(err.Error(), "DISCORD_PUBLIC_KEY") {
		t.Errorf("an endpoint without a key: %v", err)
	}
}

// TestRegister registers the commands once, as cnnbot register does: the
// application read from /applications/@me, then one bulk overwrite.
func TestRegister(t *testing.T) {
	fake := fakediscord.New(fakediscord.Options{AppID: "4242"})
	defer fake.Close()
	n, err := Register(context.Background(), ServeOptions{Token: testToken, APIURL: fake.URL, GuildID: "77"})
	if err != nil || n != len(nativeCommands()) {
		t.Fatalf("Register: %d, %v", n, err)
	}
	var put fakediscord.Request
	for r := range fake.Requests {
		if r.Method == http.MethodPut {
			put = r
			break
		}
	}
	if put.Path != "/api/v9/applications/4242/guilds/77/commands" || !bytes.Contains(put.Body, []byte(sizeThisUp)) {
		t.Errorf("PUT %s %.100s", put.Path, put.Body)
	}
	if _, err := Register(context.Background(), ServeOptions{}); err == nil {
		t.Error("registered without a token")
	}
}
