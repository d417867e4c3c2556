// Package fakediscord is a test-only Discord on the loopback interface, in
// the style of net/http/httptest: REST under /api/v9/ and a gateway websocket
// under /ws/. It speaks just enough of the protocol for a real discordgo
// Session: HELLO, IDENTIFY → READY, heartbeats → ACK, RESUME → RESUMED,
// dispatches with increasing sequence numbers, message sends, interaction
// callbacks and command registration. Every REST request is recorded.
package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Options configure a Server. The zero value is usable.
type Options struct {
	// AppID is the application id sent in READY; empty means "1000".
	AppID string
	// BotID is the bot user's id sent in READY; empty means "2000".
	BotID string
	// HeartbeatInterval is sent in HELLO; zero means 45 s.
	HeartbeatInterval time.Duration
	// Requests is the capacity of the Requests channel; zero means 1,024.
	// When the channel is full, requests are still served but not recorded
	// there (OnRequest still sees them).
	Requests int
	// OnRequest, when set, is called with every REST request before it is
	// answered, from the serving goroutine.
	OnRequest func(Request)
}

// Request is one recorded REST request.
type Request struct {
	Method string
	Path   string // unescaped, e.g. /api/v9/channels/10/messages
	Header http.Header
	Body   []byte // the raw body
	At     time.Time
}

// Payload returns the JSON payload of the request: the body itself, or the
// payload_json part of a multipart body.
func (r Request) Payload() []byte {
	p, _ := r.parts()
	return p
}

// Files returns the files of a multipart body, by file name.
func (r Request) Files() map[string][]byte {
	_, f := r.parts()
	return f
}

func (r Request) parts() ([]byte, map[string][]byte) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return r.Body, nil
	}
	files := map[string][]byte{}
	var payload []byte
	mr := multipart.NewReader(strings.NewReader(string(r.Body)), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		b, _ := io.ReadAll(p)
		if p.FormName() == "payload_json" {
			payload = b
		} else if p.FileName() != "" {
			files[p.FileName()] = b
		}
	}
	return payload, files
}

// Canned is a response served instead of the normal one.
type Canned struct {
	Status int
	Body   string
	Header map[string]string
	// Hangup closes the connection without a response: a failure at the
	// network level.
	Hangup bool
}

type cannedRule struct {
	method, prefix string
	resp           Canned
}

// Server is a fake Discord. Create it with New and Close it when done.
type Server struct {
	// URL is the base URL, http://127.0.0.1:PORT, with no trailing slash.
	URL string
	// Requests receives every REST request (see Options.Requests).
	Requests chan Request
	// Identified, Resumed and Heartbeats receive one value for each
	// IDENTIFY, RESUME and heartbeat the gateway gets; they drop values
	// nobody is waiting for beyond their small buffers.
	Identified chan json.RawMessage
	Resumed    chan json.RawMessage
	Heartbeats chan int64

	opts Options
	hs   *httptest.Server
	seq  atomic.Int64
	ids  atomic.Int64

	mu     sync.Mutex
	conn   *gwConn
	canned []cannedRule
	closed bool
}

type gwConn struct {
	mu sync.Mutex
	ws *websocket.Conn
}

func (c *gwConn) write(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ws.WriteJSON(v)
}

// New starts a fake Discord on 127.0.0.1.
func New(opts Options) *Server {
	if opts.AppID == "" {
		opts.AppID = "1000"
	}
	if opts.BotID == "" {
		opts.BotID = "2000"
	}
	if opts.HeartbeatInterval == 0 {
		opts.HeartbeatInterval = 45 * time.Second
	}
	if opts.Requests == 0 {
		opts.Requests = 1024
	}
	s := &Server{
		Requests:   make(chan Request, opts.Requests),
		Identified: make(chan json.RawMessage, 8),
		Resumed:    make(chan json.RawMessage, 8),
		Heartbeats: make(chan int64, 8),
		opts:       opts,
	}
	s.ids.Store(900000)
	mux := http.NewServeMux()
	mux.HandleFunc("/ws/", s.serveGateway)
	mux.HandleFunc("/api/", s.serveREST)
	s.hs = httptest.NewServer(mux)
	s.URL = s.hs.URL
	return s
}

// Close drops the gateway connection and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	c := s.conn
	s.conn = nil
	s.mu.Unlock()
	if c != nil {
		_ = c.ws.Close()
	}
	s.hs.CloseClientConnections()
	s.hs.Close()
}

// AppID is the application id the fake announces in READY.
func (s *Server) AppID() string { return s.opts.AppID }

// BotID is the bot user's id the fake announces in READY.
func (s *Server) BotID() string { return s.opts.BotID }

// RespondOnce makes the next REST request whose method is method and whose
// path starts with prefix get resp instead of the normal answer. Rules are
// used in the order they were added, each once.
func (s *Server) RespondOnce(method, prefix string, resp Canned) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.canned = append(s.canned, cannedRule{method, prefix, resp})
}

// DropGateway closes the gateway socket without a close frame, as a network
// failure would. discordgo then reconnects and sends RESUME.
func (s *Server) DropGateway() {
	s.mu.Lock()
	c := s.conn
	s.conn = nil
	s.mu.Unlock()
	if c != nil {
		_ = c.ws.UnderlyingConn().Close()
	}
}

// ErrNoGateway is returned by Dispatch when no session is connected.
var ErrNoGateway = errors.New("fakediscord: no gateway connection")

// Dispatch sends an op 0 event named t with data d over the gateway.
func (s *Server) Dispatch(t string, d any) error {
	s.mu.Lock()
	c := s.conn
	s.mu.Unlock()
	if c == nil {
		return ErrNoGateway
	}
	return s.dispatchOn(c, t, d)
}

func (s *Server) dispatchOn(c *gwConn, t string, d any) error {
	// The sequence number is taken under the connection's lock so that
	// frames leave in sequence order.
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ws.WriteJSON(map[string]any{"op": 0, "t": t, "s": s.seq.Add(1), "d": d})
}

// NewID returns a fresh snowflake-like id.
func (s *Server) NewID() string { return fmt.Sprint(s.ids.Add(1)) }

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conn = c
	s.mu.Unlock()
	defer func() {
		_ = ws.Close()
		s.mu.Lock()
		if s.conn == c {
			s.conn = nil
		}
		s.mu.Unlock()
	}()
	hello := map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}}
	if c.write(hello) != nil {
		return
	}
	for {
		var f struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := ws.ReadJSON(&f); err != nil {
			return
		}
		switch f.Op {
		case 1:
			var seq int64
			_ = json.Unmarshal(f.D, &seq)
			offer(s.Heartbeats, seq)
			if c.write(map[string]any{"op": 11}) != nil {
				return
			}
		case 2:
			offer(s.Identified, f.D)
			ready := map[string]any{
				"v":           9,
				"session_id":  "fake-session",
				"user":        map[string]any{"id": s.opts.BotID, "username": "cnnbot", "bot": true},
				"application": map[string]any{"id": s.opts.AppID},
				"guilds":      []any{},
			}
			if s.dispatchOn(c, "READY", ready) != nil {
				return
			}
		case 6:
			offer(s.Resumed, f.D)
			if s.dispatchOn(c, "RESUMED", map[string]any{}) != nil {
				return
			}
		}
	}
}

func offer[T any](ch chan T, v T) {
	select {
	case ch <- v:
	default:
	}
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body, At: time.Now()}
	if p, err := url.PathUnescape(r.URL.EscapedPath()); err == nil {
		req.Path = p
	}
	if s.opts.OnRequest != nil {
		s.opts.OnRequest(req)
	}
	select {
	case s.Requests <- req:
	default:
	}
	w.Header().Set("Content-Type", "application/json")
	if c, ok := s.takeCanned(req); ok {
		if c.Hangup {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
		}
		for k, v := range c.Header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(c.Status)
		_, _ = io.WriteString(w, c.Body)
		return
	}
	path := strings.TrimPrefix(req.Path, "/api/v9")
	switch {
	case r.Method == http.MethodGet && (path == "/gateway" || path == "/gateway/bot"):
		wsURL := "ws" + strings.TrimPrefix(s.URL, "http") + "/ws"
		writeJSON(w, map[string]any{"url": wsURL, "shards": 1})
	case r.Method == http.MethodPost && strings.HasPrefix(path, "/channels/") && strings.HasSuffix(path, "/messages"):
		channel := strings.TrimSuffix(strings.TrimPrefix(path, "/channels/"), "/messages")
		var m map[string]any
		_ = json.Unmarshal(req.Payload(), &m)
		if m == nil {
			m = map[string]any{}
		}
		m["id"] = s.NewID()
		m["channel_id"] = channel
		m["author"] = map[string]any{"id": s.opts.BotID, "username": "cnnbot", "bot": true}
		writeJSON(w, m)
	case r.Method == http.MethodPost && strings.HasPrefix(path, "/interactions/") && strings.HasSuffix(path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case strings.HasPrefix(path, "/webhooks/"):
		var m map[string]any
		_ = json.Unmarshal(req.Payload(), &m)
		if m == nil {
			m = map[string]any{}
		}
		m["id"] = s.NewID()
		writeJSON(w, m)
	case r.Method == http.MethodPut && strings.HasPrefix(path, "/applications/") && strings.HasSuffix(path, "/commands"):
		var cmds []map[string]any
		_ = json.Unmarshal(body, &cmds)
		for _, c := range cmds {
			c["id"] = s.NewID()
			c["application_id"] = s.opts.AppID
		}
		writeJSON(w, cmds)
	default:
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"message": "404: Not Found", "code": 0}`)
	}
}

func (s *Server) takeCanned(req Request) (Canned, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, c := range s.canned {
		if c.method == req.Method && strings.HasPrefix(req.Path, c.prefix) {
			s.canned = append(s.canned[:i], s.canned[i+1:]...)
			return c.resp, true
		}
	}
	return Canned{}, false
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	_, _ = w.Write(b)
}
