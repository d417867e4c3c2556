// Package config reads cnnbot's settings for `cnnbot serve` and
// `cnnbot health` from the environment, flags and an optional config file,
// and validates them. It imports nothing else of cnnbot's; main copies the
// values into the bot's own options.
//
// Precedence, highest first: command-line flags, environment variables, the
// config file (given by -config or CNNBOT_CONFIG), the defaults. The config
// file holds one "name value" pair a line, names as the flags without the
// dash (token, guild-id, ...); lines starting with # are comments.
package config

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/peterbourgon/ff/v3"
)

// Config is the validated configuration. Its String and LogValue methods
// never reveal the token.
type Config struct {
	Token      string     // DISCORD_TOKEN: the bot token; required by Load
	APIURL     string     // DISCORD_API_URL: where REST requests go; default https://discord.com
	GuildID    string     // DISCORD_GUILD_ID: register commands in this guild only; empty means globally
	ShardID    int        // DISCORD_SHARD_ID: this process's shard, 0 ≤ ShardID < ShardCount
	ShardCount int        // DISCORD_SHARD_COUNT: the number of shards; default 1
	LogLevel   slog.Level // CNNBOT_LOG_LEVEL: debug, info, warn or error; default info
	LogFormat  string     // CNNBOT_LOG_FORMAT: text or json; default text
	HealthAddr string     // CNNBOT_HEALTH_ADDR: host:port for /livez, /readyz and /metrics; empty disables; default 127.0.0.1:8080
	// FloodPerMinute and FloodBurst bound each user's questions
	// (CNNBOT_FLOOD_PER_MINUTE, default 10; CNNBOT_FLOOD_BURST, default 5).
	FloodPerMinute float64
	FloodBurst     int
	// Workers and Queue bound the work in progress: questions answered at
	// once (CNNBOT_WORKERS, default 0: GOMAXPROCS) and waiting (CNNBOT_QUEUE,
	// default 0: 32 a worker).
	Workers, Queue int
	ConfigFile     string // CNNBOT_CONFIG: the config file read, if any
}

// setting is one setting: its flag name, environment variable and help.
type setting struct {
	flag, env, def, help string
}

var settings = []setting{
	{"config", "CNNBOT_CONFIG", "", "config file of `name value` lines (names as these flags)"},
	{"token", "DISCORD_TOKEN", "", "Discord bot token (prefer the environment or the config file: flags show in ps)"},
	{"api-url", "DISCORD_API_URL", "https://discord.com", "base URL of Discord's REST API (a proxy such as nirn-proxy)"},
	{"guild-id", "DISCORD_GUILD_ID", "", "register slash commands in this guild only (instant; global otherwise)"},
	{"shard-id", "DISCORD_SHARD_ID", "0", "this process's shard id, 0 to shard-count-1"},
	{"shard-count", "DISCORD_SHARD_COUNT", "1", "total number of shards"},
	{"log-level", "CNNBOT_LOG_LEVEL", "info", "log level: debug, info, warn or error"},
	{"log-format", "CNNBOT_LOG_FORMAT", "text", "log format: text or json"},
	{"health-addr", "CNNBOT_HEALTH_ADDR", "127.0.0.1:8080", "host:port serving /livez, /readyz and /metrics (empty: off; :8080 for every interface)"},
	{"flood-per-minute", "CNNBOT_FLOOD_PER_MINUTE", "10", "questions a minute each user may ask"},
	{"flood-burst", "CNNBOT_FLOOD_BURST", "5", "questions a user may ask at once before being slowed"},
	{"workers", "CNNBOT_WORKERS", "0", "questions answered at once (0: one per CPU, GOMAXPROCS)"},
	{"queue", "CNNBOT_QUEUE", "0", "questions that may wait for a worker before the rest get a polite busy reply (0: 32 per worker)"},
}

// Permissions the bot needs in a channel: View Channel, Send Messages,
// Send Messages in Threads, Embed Links, Attach Files, Read Message History
// (a reply references the question).
const Permissions = 1<<10 | 1<<11 | 1<<38 | 1<<14 | 1<<15 | 1<<16

// InviteURL is the OAuth2 URL that adds the application to a server with
// the scopes and permissions the bot needs; APPLICATION_ID is the
// application's id from the Developer Portal.
var InviteURL = "https://discord.com/oauth2/authorize?client_id=APPLICATION_ID&scope=bot+applications.commands&permissions=" + strconv.Itoa(Permissions)

// ErrNoToken is the error Load returns, wrapped in a message that says how
// to get a token, when DISCORD_TOKEN is not set.
var ErrNoToken = errors.New("DISCORD_TOKEN is not set")

// Load reads the settings from getenv (os.Getenv in main), args (the
// arguments after the subcommand) and the config file, and validates them.
// A missing token is an error wrapping ErrNoToken that says where to get
// one and how to invite the bot. The error for -h wraps flag.ErrHelp and
// holds the usage.
func Load(getenv func(string) string, args []string) (Config, error) {
	c, err := parse(getenv, args)
	if err != nil {
		return Config{}, err
	}
	if c.Token == "" {
		return Config{}, fmt.Errorf("%w: create an application at https://discord.com/developers/applications, "+
			"open Bot → Reset Token, copy the token and run with DISCORD_TOKEN=<token> (or `token <token>` in the config file); "+
			"invite the bot with %s (APPLICATION_ID from the General Information page)", ErrNoToken, InviteURL)
	}
	if strings.ContainsAny(c.Token, " \t\r\n") {
		return Config{}, errors.New("DISCORD_TOKEN contains spaces: set only the token itself, without a \"Bot \" prefix or quotes")
	}
	return c, nil
}

// LoadHealth is Load without the token requirement, for `cnnbot health`,
// which only needs the health address.
func LoadHealth(getenv func(string) string, args []string) (Config, error) {
	return parse(getenv, args)
}

func parse(getenv func(string) string, args []string) (Config, error) {
	fs := flag.NewFlagSet("cnnbot serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	vals := map[string]*string{}
	for _, s := range settings {
		vals[s.flag] = fs.String(s.flag, s.def, s.help+" (env "+s.env+")")
	}
	// The environment comes first so that ff counts its values as
	// provided: flags then override them and the config file cannot.
	for _, s := range settings {
		if v := getenv(s.env); v != "" {
			if err := fs.Set(s.flag, v); err != nil {
				return Config{}, fmt.Errorf("%s: %w", s.env, err)
			}
		}
	}
	err := ff.Parse(fs, args,
		ff.WithConfigFileFlag("config"),
		ff.WithConfigFileParser(parseConfigFile),
	)
	if errors.Is(err, flag.ErrHelp) {
		var b bytes.Buffer
		fs.SetOutput(&b)
		fs.PrintDefaults()
		return Config{}, fmt.Errorf("%w\nusage: cnnbot serve [flags]\n%s", flag.ErrHelp, b.String())
	}
	if err != nil {
		return Config{}, fmt.Errorf("%w (see cnnbot serve -h)", err)
	}
	if fs.NArg() > 0 {
		what := "an unexpected argument (not shown: it may be a secret)"
		if settingLike(fs.Arg(0)) {
			what = fmt.Sprintf("unexpected argument %q", fs.Arg(0))
		}
		return Config{}, fmt.Errorf("%s: settings are flags (-name value) or environment variables", what)
	}
	return validate(vals)
}

func validate(v map[string]*string) (Config, error) {
	c := Config{
		Token:      strings.TrimSpace(*v["token"]),
		APIURL:     strings.TrimRight(*v["api-url"], "/"),
		GuildID:    *v["guild-id"],
		LogFormat:  strings.ToLower(*v["log-format"]),
		HealthAddr: *v["health-addr"],
		ConfigFile: *v["config"],
	}
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return Config{}, fmt.Errorf("DISCORD_API_URL %q is not a base URL: use https://discord.com or your proxy's http(s)://host[:port]", c.APIURL)
	}
	if c.GuildID != "" && !digits(c.GuildID) {
		return Config{}, fmt.Errorf("DISCORD_GUILD_ID %q is not a server id: enable Developer Mode in Discord, right-click the server and Copy Server ID", c.GuildID)
	}
	if c.ShardCount, err = strconv.Atoi(*v["shard-count"]); err != nil || c.ShardCount < 1 {
		return Config{}, fmt.Errorf("DISCORD_SHARD_COUNT %q must be a whole number ≥ 1", *v["shard-count"])
	}
	if c.ShardID, err = strconv.Atoi(*v["shard-id"]); err != nil || c.ShardID < 0 || c.ShardID >= c.ShardCount {
		return Config{}, fmt.Errorf("DISCORD_SHARD_ID %q must be a whole number from 0 to DISCORD_SHARD_COUNT-1 (%d)", *v["shard-id"], c.ShardCount-1)
	}
	if err := c.LogLevel.UnmarshalText([]byte(*v["log-level"])); err != nil {
		return Config{}, fmt.Errorf("CNNBOT_LOG_LEVEL %q: use debug, info, warn or error", *v["log-level"])
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return Config{}, fmt.Errorf("CNNBOT_LOG_FORMAT %q: use text or json", *v["log-format"])
	}
	if c.HealthAddr != "" {
		if _, port, err := net.SplitHostPort(c.HealthAddr); err != nil || port == "" {
			return Config{}, fmt.Errorf("CNNBOT_HEALTH_ADDR %q is not host:port: use e.g. :8080 or 127.0.0.1:8080, or empty to turn it off", c.HealthAddr)
		}
	}
	if c.FloodPerMinute, err = strconv.ParseFloat(*v["flood-per-minute"], 64); err != nil || c.FloodPerMinute <= 0 {
		return Config{}, fmt.Errorf("CNNBOT_FLOOD_PER_MINUTE %q must be a number > 0", *v["flood-per-minute"])
	}
	if c.FloodBurst, err = strconv.Atoi(*v["flood-burst"]); err != nil || c.FloodBurst < 1 {
		return Config{}, fmt.Errorf("CNNBOT_FLOOD_BURST %q must be a whole number ≥ 1", *v["flood-burst"])
	}
	if c.Workers, err = strconv.Atoi(*v["workers"]); err != nil || c.Workers < 0 || c.Workers > 1024 {
		return Config{}, fmt.Errorf("CNNBOT_WORKERS %q must be a whole number from 0 (one per CPU) to 1024", *v["workers"])
	}
	if c.Queue, err = strconv.Atoi(*v["queue"]); err != nil || c.Queue < 0 || c.Queue > 1<<20 {
		return Config{}, fmt.Errorf("CNNBOT_QUEUE %q must be a whole number from 0 (32 per worker) to 1048576", *v["queue"])
	}
	return c, nil
}

// parseConfigFile reads the config file's "name value" lines (# starts a
// comment line) for ff; "name=value" is read the same, a common slip. Its
// errors name the line and, when it looks like one, the setting — never a
// value, and never a name that could be a pasted token.
func parseConfigFile(r io.Reader, set func(name, value string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		name, value, _ := strings.Cut(line, " ")
		if k, v, ok := strings.Cut(name, "="); ok {
			name, value = k, v+" "+value
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if strings.HasPrefix(value, "=") { // name = value
			value = strings.TrimSpace(value[1:])
		}
		if i := strings.Index(value, " #"); i >= 0 {
			value = strings.TrimSpace(value[:i])
		}
		if !known(name) {
			what := "an unknown setting"
			if settingLike(name) {
				what = fmt.Sprintf("unknown setting %q", name)
			}
			return fmt.Errorf("config file line %d: %s; write one `name value` a line, names as the flags without the dash (%s)", n, what, names())
		}
		if err := set(name, value); err != nil {
			return fmt.Errorf("config file line %d: setting %s could not be set", n, name)
		}
	}
	if sc.Err() != nil {
		return errors.New("config file: a line is too long to be a setting")
	}
	return nil
}

// known reports whether name is a setting's flag name.
func known(name string) bool {
	for _, s := range settings {
		if s.flag == name {
			return true
		}
	}
	return false
}

// settingLike reports whether name looks like a setting's name (lowercase
// words joined by dashes, short), so that an error may quote it: a token
// pasted on a line of its own does not.
func settingLike(name string) bool {
	if len(name) == 0 || len(name) > 24 {
		return false
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

// names lists the settings' names.
func names() string {
	var b strings.Builder
	for i, s := range settings {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.flag)
	}
	return b.String()
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// String describes c with the token redacted.
func (c Config) String() string {
	return fmt.Sprintf("{Token:%s APIURL:%s GuildID:%s Shard:%d/%d LogLevel:%s LogFormat:%s HealthAddr:%q FloodPerMinute:%g FloodBurst:%d ConfigFile:%q}",
		redact(c.Token), c.APIURL, c.GuildID, c.ShardID, c.ShardCount, c.LogLevel, c.LogFormat, c.HealthAddr, c.FloodPerMinute, c.FloodBurst, c.ConfigFile)
}

// GoString is String, so that %#v cannot reveal the token either.
func (c Config) GoString() string { return c.String() }

// LogValue is c for slog, with the token redacted.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("token", redact(c.Token)),
		slog.String("api_url", c.APIURL),
		slog.String("guild_id", c.GuildID),
		slog.Int("shard_id", c.ShardID),
		slog.Int("shard_count", c.ShardCount),
		slog.String("log_level", c.LogLevel.String()),
		slog.String("log_format", c.LogFormat),
		slog.String("health_addr", c.HealthAddr),
	)
}

func redact(token string) string {
	if token == "" {
		return "(unset)"
	}
	return "(set)"
}
