package bot

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"golang.org/x/sync/semaphore"
)

// ServeOptions configure Serve. Token, or InteractionsAddr with
// PublicKey, is required.
type ServeOptions struct {
	// Token is the bot token, without "Bot "; empty runs no gateway
	// (the interactions endpoint only).
	Token string
	// InteractionsAddr is the host:port of Discord's HTTP interactions
	// endpoint; empty means none (unless InteractionsListener is set).
	// Every request's Ed25519 signature is checked with PublicKey.
	InteractionsAddr     string
	InteractionsListener net.Listener
	PublicKey            ed25519.PublicKey
	// SkipRegister leaves the commands to `cnnbot register`; otherwise
	// shard 0 registers them on its first READY.
	SkipRegister bool
	// APIURL is where REST requests go instead of https://discord.com,
	// the path kept (a REST proxy, a fake Discord); empty means Discord.
	APIURL string
	// GuildID registers the slash commands in that guild only; empty
	// registers them globally.
	GuildID string
	// ShardID and ShardCount shard the gateway; zero ShardCount means 1.
	ShardID, ShardCount int
	// HealthAddr is the host:port serving /healthz and /metrics; empty
	// means none (unless HealthListener is set).
	HealthAddr string
	// HealthListener, when set, serves /healthz and /metrics instead of
	// listening on HealthAddr.
	HealthListener net.Listener
	// FloodPerMinute and FloodBurst bound each user's questions; zero
	// means 10 a minute in bursts of 5.
	FloodPerMinute float64
	FloodBurst     int
	// Bot answers the questions; nil means New with panics logged to the
	// service's logger (LogPanics).
	Bot *Bot
	// HTTPClient carries REST requests and the gateway lookup; nil means
	// a client with a 20 s timeout that keeps up to 100 idle connections.
	// Its Transport is wrapped to send requests to APIURL.
	HTTPClient *http.Client
	// Registry receives the Prometheus metrics; nil means a new registry
	// with the Go and process collectors.
	Registry *prometheus.Registry
	// DrainTimeout bounds how long Serve waits for replies in flight after
	// ctx is done; zero means 5 s.
	DrainTimeout time.Duration
	// Workers is how many questions are answered at once; zero means
	// GOMAXPROCS. Queue is how many more may wait; zero means 32 a
	// worker. A question that finds the queue full gets a polite "busy"
	// reply at once.
	Workers, Queue int
	// LogLevel is the lowest level of discordgo's own messages that reach
	// the logger; the zero value is slog.LevelInfo, which passes
	// discordgo's warnings and errors and drops its chatter.
	LogLevel slog.Level
}

// Serve runs the Discord bot until ctx is done: with a Token it connects
// to the gateway (mentions, DMs, edits, and interactions unless Discord
// sends them to the HTTP endpoint), registers the commands after READY on
// shard 0 (unless SkipRegister); with InteractionsAddr it serves Discord's
// HTTP interactions endpoint; either or both. It serves /livez, /readyz and
// /metrics. When ctx is done it stops taking new questions, lets replies in
// flight finish (up to DrainTimeout), closes the gateway and returns nil.
// It returns an error when the bot cannot start (neither a token nor an
// endpoint, no public key for the endpoint, a bad APIURL, the gateway
// refuses it).
func Serve(ctx context.Context, opts ServeOptions, log *slog.Logger) error {
	endpoint := opts.InteractionsAddr != "" || opts.InteractionsListener != nil
	switch {
	case opts.Token == "" && !endpoint:
		return errors.New("no Discord token")
	case endpoint && len(opts.PublicKey) != ed25519.PublicKeySize:
		return errors.New("the interactions endpoint needs the application's public key (DISCORD_PUBLIC_KEY)")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	api, err := apiBase(opts.APIURL)
	if err != nil {
		return err
	}
	log = slog.New(redactHandler{log.Handler(), opts.Token})
	bridgeLogger(log, opts.Token)
	client := restClient(opts.HTTPClient, api)
	reg := opts.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	restCtx, cancelREST := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelREST()
	d := newDiscord(opts, log, reg, api, restCtx)
	defer d.pool.stop()

	var wg sync.WaitGroup
	bgCtx, stopBG := context.WithCancel(context.WithoutCancel(ctx))
	defer func() { stopBG(); wg.Wait() }()
	if err := d.serveHealth(bgCtx, &wg, opts, reg); err != nil {
		return err
	}
	var s *discordgo.Session
	if opts.Token != "" {
		if s, err = d.openGateway(opts, client); err != nil {
			return err
		}
	} else {
		// No gateway: ready while the workers have room.
		d.health.setConnected(true)
		d.health.lastAck = time.Now
	}
	var srv *http.Server
	if endpoint {
		if srv, err = d.serveInteractions(&wg, opts, client); err != nil {
			return err
		}
	}
	<-ctx.Done()
	d.shutdown(opts, s, srv, cancelREST)
	return nil
}

// newDiscord makes the transport's state from opts.
func newDiscord(opts ServeOptions, log *slog.Logger, reg *prometheus.Registry, api *url.URL, ctx context.Context) *discord {
	b := opts.Bot
	if b == nil {
		b = New(Options{OnPanic: LogPanics(log)})
	}
	d := &discord{
		bot:      b,
		log:      log,
		flood:    newFlood(opts.FloodPerMinute, opts.FloodBurst),
		m:        newMetrics(reg),
		health:   &health{maxAge: 2 * time.Minute},
		guild:    opts.GuildID,
		render:   RenderCard,
		now:      time.Now,
		ctx:      ctx,
		pool:     newPool(opts.Workers, opts.Queue),
		sending:  semaphore.NewWeighted(sendBudget),
		api:      api,
		replies:  newReplies(4096),
		read:     newRecent[string](4096),
		register: opts.ShardID == 0 && !opts.SkipRegister,
	}
	d.rs = &responder{bot: b, now: d.now, limit: func(user string, now time.Time) (bool, Message) {
		if msg, notice, _ := d.screen(user, "-", now, true); notice {
			return false, msg
		}
		return true, Message{}
	}}
	d.pool.onPanic = func(v any, stack []byte) {
		d.m.errors.WithLabelValues("panic").Inc()
		d.log.Error("answer panicked", "panic", fmt.Sprint(v), "stack", string(stack))
	}
	d.health.busy = d.pool.full
	d.m.queued(reg, d.pool.queued)
	return d
}

// apiBase checks the API URL; nil means Discord itself.
func apiBase(raw string) (*url.URL, error) {
	if raw == "" || strings.TrimRight(raw, "/") == "https://discord.com" {
		return nil, nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, errors.New("the API URL is not an http(s) base URL")
	}
	return u, nil
}

// restClient is the client for REST calls, sending them to api when set.
func restClient(client *http.Client, api *url.URL) *http.Client {
	if client == nil {
		// discordgo's REST buckets run requests to different channels
		// in parallel; keep enough idle connections for them, or each
		// burst opens (and leaves in TIME_WAIT) a connection a reply.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 100
		client = &http.Client{Timeout: 20 * time.Second, Transport: t}
	}
	if api != nil {
		c := *client
		c.Transport = rewrite{base: api, next: client.Transport}
		client = &c
	}
	return client
}

// openGateway connects to the gateway with the handlers.
func (d *discord) openGateway(opts ServeOptions, client *http.Client) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + opts.Token)
	if err != nil {
		return nil, fmt.Errorf("creating session: %w", err)
	}
	s.Client = client
	s.LogLevel = discordLevel(opts.LogLevel)
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if opts.ShardCount > 1 {
		s.ShardID, s.ShardCount = opts.ShardID, opts.ShardCount
	}
	d.health.lastAck = func() time.Time {
		s.RLock()
		defer s.RUnlock()
		return s.LastHeartbeatAck
	}
	s.AddHandler(d.onReady)
	s.AddHandler(d.onConnect)
	s.AddHandler(d.onDisconnect)
	s.AddHandler(d.onResumed)
	s.AddHandler(d.onMessageCreate)
	s.AddHandler(d.onMessageUpdate)
	s.AddHandler(d.onInteractionCreate)
	if err := s.Open(); err != nil {
		return nil, fmt.Errorf("connecting to the Discord gateway: %s", d.restErr(err))
	}
	d.log.Info("connected to Discord", "api", apiHost(d.api), "shard", s.ShardID, "shards", s.ShardCount, "guild", opts.GuildID)
	return s, nil
}

// serveHealth starts the health server, if one is configured.
func (d *discord) serveHealth(ctx context.Context, wg *sync.WaitGroup, opts ServeOptions, reg *prometheus.Registry) error {
	ln := opts.HealthListener
	if ln == nil && opts.HealthAddr != "" {
		var err error
		if ln, err = net.Listen("tcp", opts.HealthAddr); err != nil {
			return fmt.Errorf("health server: %w", err)
		}
	}
	if ln == nil {
		return nil
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := serveHealth(ctx, ln, d.health.handler(reg)); err != nil {
			d.log.Error("health server", "err", err)
		}
	}()
	d.log.Info("health server listening", "addr", ln.Addr().String())
	return nil
}

// serveInteractions starts the HTTP interactions endpoint at /interactions
// (and /), answering with the transport's responder and flood limit.
func (d *discord) serveInteractions(wg *sync.WaitGroup, opts ServeOptions, client *http.Client) (*http.Server, error) {
	ln := opts.InteractionsListener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", opts.InteractionsAddr); err != nil {
			return nil, fmt.Errorf("interactions endpoint: %w", err)
		}
	}
	rest, err := discordgo.New("") // webhook routes take the interaction's token
	if err != nil {
		return nil, err
	}
	rest.Client = client
	h := newInteractions(opts.PublicKey, d.rs, rest, d.log, 0, 0)
	h.m = d.m
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			d.log.Error("interactions endpoint", "err", err)
		}
	}()
	d.log.Info("interactions endpoint listening", "addr", ln.Addr().String())
	return srv, nil
}

// shutdown stops taking work, finishes what is in flight (up to the drain
// timeout, then abandons it), and closes the endpoint and the gateway.
func (d *discord) shutdown(opts ServeOptions, s *discordgo.Session, srv *http.Server, cancelREST context.CancelFunc) {
	timeout := opts.DrainTimeout
	if timeout == 0 {
		timeout = 5 * time.Second
	}
	d.log.Info("shutting down: finishing replies in flight", "timeout", timeout)
	dctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if srv != nil {
		if err := srv.Shutdown(dctx); err != nil {
			d.log.Warn("closing the interactions endpoint", "err", err)
		}
	}
	if !d.drain(dctx) {
		d.log.Warn("replies still in flight at the drain timeout; abandoning them")
		cancelREST()
	}
	if s != nil {
		if err := s.Close(); err != nil {
			d.log.Warn("closing the gateway", "err", err)
		}
	}
	d.health.setConnected(false)
	d.log.Info("stopped")
}

// Register registers the commands once, with one bulk overwrite, for
// `cnnbot register`: then no gateway process needs to (SkipRegister). It
// needs Token; APIURL, GuildID and HTTPClient are used as Serve uses
// them.
func Register(ctx context.Context, opts ServeOptions) (int, error) {
	if opts.Token == "" {
		return 0, errors.New("no Discord token")
	}
	api, err := apiBase(opts.APIURL)
	if err != nil {
		return 0, err
	}
	s, err := discordgo.New("Bot " + opts.Token)
	if err != nil {
		return 0, err
	}
	s.Client = restClient(opts.HTTPClient, api)
	app, err := s.Application("@me") // discordgo takes no context here; the client has a timeout
	if err != nil {
		return 0, fmt.Errorf("reading the application: %s", redactPaths(err.Error()))
	}
	got, err := s.ApplicationCommandBulkOverwrite(app.ID, opts.GuildID, nativeCommands(), discordgo.WithContext(ctx))
	if err != nil {
		return 0, fmt.Errorf("registering the commands: %s", redactPaths(err.Error()))
	}
	return len(got), nil
}

// rewrite sends every request to base's scheme and host, base's path
// prefixed to the request's path (/api/v9/... is kept).
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (t rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	r2.URL.Scheme = t.base.Scheme
	r2.URL.Host = t.base.Host
	r2.Host = t.base.Host
	if p := strings.TrimRight(t.base.Path, "/"); p != "" {
		r2.URL.Path = p + r2.URL.Path
		if r2.URL.RawPath != "" {
			r2.URL.RawPath = p + r2.URL.RawPath
		}
	}
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r2)
}

// bridge holds the logger discordgo's package-level Logger writes to; the
// last Serve to start wins (discordgo's logger is global).
var bridge struct {
	once sync.Once
	log  atomic.Pointer[slog.Logger]
}

// bridgeLogger sends discordgo's log lines to log, the token redacted.
func bridgeLogger(log *slog.Logger, token string) {
	bridge.log.Store(log.With("component", "discordgo"))
	bridge.once.Do(func() {
		discordgo.Logger = func(level, _ int, format string, a ...any) {
			l := bridge.log.Load()
			if l == nil {
				return
			}
			l.Log(context.Background(), slogLevel(level), fmt.Sprintf(format, a...))
		}
	})
}

// slogLevel maps discordgo's levels to slog's. discordgo logs "called" at
// its informational level on every step, so that is debug here.
func slogLevel(l int) slog.Level {
	switch l {
	case discordgo.LogError:
		return slog.LevelError
	case discordgo.LogWarning:
		return slog.LevelWarn
	default:
		return slog.LevelDebug
	}
}

// discordLevel is the discordgo level that lets through what slogLevel
// maps to l or above.
func discordLevel(l slog.Level) int {
	switch {
	case l <= slog.LevelDebug:
		return discordgo.LogDebug
	case l <= slog.LevelWarn:
		return discordgo.LogWarning
	default:
		return discordgo.LogError
	}
}

// redactHandler replaces the token wherever it appears in a record's
// message or string attributes: discordgo's debug lines may echo payloads.
type redactHandler struct {
	slog.Handler
	token string
}

func (h redactHandler) Handle(ctx context.Context, r slog.Record) error {
	r2 := slog.NewRecord(r.Time, r.Level, h.scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		r2.AddAttrs(h.redact(a))
		return true
	})
	return h.Handler.Handle(ctx, r2)
}

// scrub removes the bot token and interaction tokens from s.
func (h redactHandler) scrub(s string) string {
	if h.token != "" {
		s = strings.ReplaceAll(s, h.token, "[token]")
	}
	return redactPaths(s)
}

func (h redactHandler) redact(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.scrub(v.String()))
	case slog.KindGroup:
		var as []any
		for _, g := range v.Group() {
			as = append(as, h.redact(g))
		}
		return slog.Group(a.Key, as...)
	case slog.KindAny:
		return slog.String(a.Key, h.scrub(fmt.Sprint(v.Any())))
	}
	return a
}

func (h redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	rs := make([]slog.Attr, len(as))
	for i, a := range as {
		rs[i] = h.redact(a)
	}
	return redactHandler{h.Handler.WithAttrs(rs), h.token}
}

func (h redactHandler) WithGroup(name string) slog.Handler {
	return redactHandler{h.Handler.WithGroup(name), h.token}
}

// tokenPath matches the part of a REST path that is a secret: the
// interaction token in /interactions/ID/TOKEN/callback and the webhook
// token in /webhooks/ID/TOKEN (interaction follow-ups and edits).
var tokenPath = regexp.MustCompile(`(/(?:interactions|webhooks)/[^/\s"?#]+/)[^/\s"?#\\]+`)

// tokenField matches the token of an interaction in a gateway payload
// (discordgo's debug lines print them).
var tokenField = regexp.MustCompile(`("token\\?"\s*:\s*\\?")[^"\\]+`)

// redactPaths replaces the tokens in the REST paths and the payloads s
// holds with [token].
func redactPaths(s string) string {
	if strings.Contains(s, "/interactions/") || strings.Contains(s, "/webhooks/") {
		s = tokenPath.ReplaceAllString(s, "${1}[token]")
	}
	if strings.Contains(s, `"token`) {
		s = tokenField.ReplaceAllString(s, "${1}[token]")
	}
	return s
}

// apiHost is where REST requests go, for the logs.
func apiHost(api *url.URL) string {
	if api == nil {
		return "https://discord.com"
	}
	return api.Scheme + "://" + api.Host + strings.TrimRight(api.Path, "/")
}

// restErr describes a failed REST call for the logs: a transport failure
// names the host the request really went to (discordgo builds every URL
// on discord.com; rewrite sends it elsewhere) and no token in its path.
func (d *discord) restErr(err error) string {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return redactPaths(err.Error())
	}
	where := ue.URL
	if u, perr := url.Parse(ue.URL); perr == nil && d.api != nil {
		u.Scheme, u.Host = d.api.Scheme, d.api.Host
		u.Path = strings.TrimRight(d.api.Path, "/") + u.Path
		u.RawPath = ""
		where = u.String()
	}
	return redactPaths(fmt.Sprintf("%s %s: %v", ue.Op, where, ue.Err))
}
