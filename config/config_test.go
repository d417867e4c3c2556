package config

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const token = "MTAw.SECRET.token"

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestLoadDefaults(t *testing.T) {
	c, err := Load(env("DISCORD_TOKEN", token), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Token: token, APIURL: "https://discord.com", ShardCount: 1, LogLevel: slog.LevelInfo,
		LogFormat: "text", HealthAddr: "127.0.0.1:8080", FloodPerMinute: 10, FloodBurst: 5}
	if c != want {
		t.Errorf("got %v, want %v", c, want)
	}
}

func TestPrecedence(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cnnbot.conf")
	conf := "# comment\ntoken " + token + "\nguild-id 111\nshard-count 4\nlog-level warn\n"
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	getenv := env("CNNBOT_CONFIG", file, "DISCORD_GUILD_ID", "222", "DISCORD_SHARD_ID", "1", "CNNBOT_LOG_LEVEL", "debug")
	c, err := Load(getenv, []string{"-log-level", "error", "-api-url", "http://127.0.0.1:9000/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"token from file", c.Token, token},
		{"env over file", c.GuildID, "222"},
		{"file over default", fmt.Sprint(c.ShardCount), "4"},
		{"env over default", fmt.Sprint(c.ShardID), "1"},
		{"flag over env", c.LogLevel.String(), "ERROR"},
		{"flag, slash trimmed", c.APIURL, "http://127.0.0.1:9000"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		args   []string
		want   []string // substrings of the error
	}{
		{"no token", env(), nil, []string{"DISCORD_TOKEN", "Reset Token", "scope=bot+applications.commands", "permissions="}},
		{"token with spaces", env("DISCORD_TOKEN", "Bot "+token), nil, []string{"DISCORD_TOKEN", "spaces"}},
		{"bad api url", env("DISCORD_TOKEN", token, "DISCORD_API_URL", "discord.com"), nil, []string{"DISCORD_API_URL", "https://discord.com"}},
		{"bad guild", env("DISCORD_TOKEN", token, "DISCORD_GUILD_ID", "my-server"), nil, []string{"DISCORD_GUILD_ID", "Copy Server ID"}},
		{"shard out of range", env("DISCORD_TOKEN", token, "DISCORD_SHARD_ID", "2", "DISCORD_SHARD_COUNT", "2"), nil, []string{"DISCORD_SHARD_ID", "0 to DISCORD_SHARD_COUNT-1 (1)"}},
		{"zero shards", env("DISCORD_TOKEN", token, "DISCORD_SHARD_COUNT", "0"), nil, []string{"DISCORD_SHARD_COUNT"}},
		{"log level", env("DISCORD_TOKEN", token), []string{"-log-level", "loud"}, []string{"CNNBOT_LOG_LEVEL", "debug, info, warn or error"}},
		{"log format", env("DISCORD_TOKEN", token, "CNNBOT_LOG_FORMAT", "xml"), nil, []string{"CNNBOT_LOG_FORMAT", "text or json"}},
		{"health addr", env("DISCORD_TOKEN", token, "CNNBOT_HEALTH_ADDR", "8080"), nil, []string{"CNNBOT_HEALTH_ADDR", ":8080"}},
		{"flood", env("DISCORD_TOKEN", token, "CNNBOT_FLOOD_PER_MINUTE", "-1"), nil, []string{"CNNBOT_FLOOD_PER_MINUTE"}},
		{"unknown flag", env("DISCORD_TOKEN", token), []string{"-tokne", "x"}, []string{"-tokne", "serve -h"}},
		{"stray argument", env("DISCORD_TOKEN", token), []string{"now"}, []string{`"now"`}},
		{"missing config file", env("DISCORD_TOKEN", token, "CNNBOT_CONFIG", "/nonexistent/cnnbot.conf"), nil, []string{"cnnbot.conf"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(tc.getenv, tc.args)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "SECRET") {
				t.Errorf("error reveals the token: %q", err)
			}
		})
	}
}

func TestNoTokenIsErrNoToken(t *testing.T) {
	if _, err := Load(env(), nil); !errors.Is(err, ErrNoToken) {
		t.Errorf("got %v, want ErrNoToken", err)
	}
	if _, err := LoadHealth(env("CNNBOT_HEALTH_ADDR", "127.0.0.1:9999"), nil); err != nil {
		t.Errorf("LoadHealth needs no token: %v", err)
	}
}

func TestHelp(t *testing.T) {
	_, err := Load(env(), []string{"-h"})
	if !errors.Is(err, flag.ErrHelp) || !strings.Contains(err.Error(), "DISCORD_SHARD_COUNT") {
		t.Errorf("got %v, want ErrHelp with the usage", err)
	}
}

func TestTokenNeverFormatted(t *testing.T) {
	c, err := Load(env("DISCORD_TOKEN", token), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	slog.New(slog.NewTextHandler(&b, nil)).Info("config", "config", c)
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), b.String()} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("token revealed: %s", s)
		}
	}
}

// TestSecretsNeverInErrors: a config file written with "=" (token=SECRET)
// once gave `config file flag "token=SECRET…" not defined`. Now "=" reads
// as a space, and no error quotes a value or a name that may be a token
// (issue 9, item 5).
func TestSecretsNeverInErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, form := range []string{"token=" + token, "token = " + token, "token " + token, "token=" + token + " # the bot"} {
		c, err := Load(env("CNNBOT_CONFIG", write("ok.conf", form+"\n")), nil)
		if err != nil || c.Token != token {
			t.Errorf("%q: got token %v, err %v; want the token read", form, c.Token != "", err)
		}
	}
	for _, tc := range []struct{ name, file string }{
		{"misspelt name with =", "tokn=" + token},
		{"a token on a line of its own", token},
		{"unknown name with a secret value", "discord-token " + token},
		{"token in the key", token + "=1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(env("CNNBOT_CONFIG", write("bad.conf", "# settings\n"+tc.file+"\n")), nil)
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "MTAw") {
				t.Errorf("error reveals the token: %q", err)
			}
			if !strings.Contains(err.Error(), "line 2") {
				t.Errorf("error %q does not name the line", err)
			}
		})
	}
	if _, err := Load(env("DISCORD_TOKEN", token), []string{token}); err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("a token given as an argument: error %v", err)
	}
}
