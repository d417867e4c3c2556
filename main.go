// Command cnnbot answers CNN sizing questions — parameters, output shapes,
// multiply-accumulates, receptive fields — with the working shown, in a
// terminal (chat, ask) or on Discord (serve).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/cnnbot/cnnbot/bot"
	"github.com/cnnbot/cnnbot/bot/picture"
	"github.com/cnnbot/cnnbot/config"
)

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

const usage = `cnnbot answers CNN sizing questions with the working shown.

Usage:
  cnnbot chat                    the bot in this terminal (one question a line; a network ends with a blank line)
  cnnbot ask [--json] [--picture FILE] QUESTION
                                 answer one question and exit ("-" reads the question from standard input);
                                 --picture also writes its picture (.png, or .gif for the sliding kernel)
  cnnbot serve [flags]           run the Discord bot (needs DISCORD_TOKEN or CNNBOT_INTERACTIONS_ADDR; -h lists every setting)
  cnnbot register [flags]        register the commands once (needs DISCORD_TOKEN), for CNNBOT_REGISTER=off
  cnnbot health                  exit 0 when the running bot's /livez is OK (Docker HEALTHCHECK)
  cnnbot version                 print the version

Flags may come before or after the question: cnnbot ask --json "conv 3x3 32->64".
Exit status of ask: 0 answered, 1 refused, 2 usage error.
`

// exitCode is an error that carries the process's exit status.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	var code exitCode
	switch {
	case err == nil:
	case errors.As(err, &code):
		os.Exit(int(code))
	default:
		fmt.Fprintln(os.Stderr, "cnnbot:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitCode(2)
	}
	switch args[0] {
	case "chat":
		prompt := ""
		if isTerminal(stdin) {
			prompt = "cnnbot> "
			fmt.Fprintln(stdout, "cnnbot: ask about a CNN layer or network — `help` for examples, `quit` to leave.")
		}
		return bot.Chat(ctx, consoleBot(stderr), stdin, stdout, prompt)
	case "ask":
		return ask(ctx, args[1:], stdin, stdout, stderr)
	case "serve":
		return serve(ctx, args[1:], getenv, stderr)
	case "register":
		return register(ctx, args[1:], getenv, stdout)
	case "health":
		cfg, err := config.LoadHealth(getenv, args[1:])
		if err != nil {
			return err
		}
		if cfg.HealthAddr == "" {
			return errors.New("health: CNNBOT_HEALTH_ADDR is empty, so there is no health server to ask")
		}
		return bot.HealthCheck(ctx, cfg.HealthAddr)
	case "version":
		fmt.Fprintln(stdout, version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "cnnbot: unknown command %q\n\n%s", args[0], usage)
	return exitCode(2)
}

func ask(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the answer as JSON (design.md §3)")
	pictureFile := fs.String("picture", "", "also write the answer's picture to `FILE` (.png, or .gif for the animation)")
	flags, words := splitAskArgs(args)
	if err := fs.Parse(flags); err != nil {
		return exitCode(2)
	}
	if *pictureFile != "" {
		if err := picture.CheckPath(*pictureFile); err != nil {
			fmt.Fprintln(stderr, "cnnbot ask --picture:", err)
			return exitCode(2)
		}
	}
	if len(words) == 0 {
		fmt.Fprint(stderr, "cnnbot ask: give a question, e.g. cnnbot ask \"conv 3x3 32->64 stride 2 pad 1\"\n")
		return exitCode(2)
	}
	question := strings.Join(words, " ")
	if question == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			return err
		}
		question = string(data)
	}
	reply := consoleBot(stderr).Answer(ctx, question)
	if *asJSON {
		stdout.Write(bot.RenderJSON(reply))
	} else {
		fmt.Fprint(stdout, bot.RenderText(reply))
	}
	if !reply.OK() {
		return exitCode(1)
	}
	if *pictureFile != "" {
		if err := picture.Save(*pictureFile, reply.Question); errors.Is(err, picture.ErrNoPicture) {
			fmt.Fprintln(stderr, "cnnbot ask --picture: this answer has no picture (pictures are drawn for 1-D and 2-D convs and pools, stacks of them, and networks)")
		} else if err != nil {
			return err
		}
	}
	return nil
}

// serve runs the Discord bot: config copied into bot.ServeOptions.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, err := config.Load(getenv, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stderr, strings.TrimPrefix(err.Error(), flag.ErrHelp.Error()+"\n"))
		return exitCode(2)
	}
	if err != nil {
		return err
	}
	hopts := &slog.HandlerOptions{Level: cfg.LogLevel}
	var h slog.Handler = slog.NewTextHandler(stderr, hopts)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(stderr, hopts)
	}
	log := slog.New(h)
	log.Info("cnnbot starting", "version", version, "config", cfg)
	key, err := bot.ParsePublicKey(cfg.PublicKey)
	if err != nil {
		return err
	}
	return bot.Serve(ctx, bot.ServeOptions{
		InteractionsAddr: cfg.InteractionsAddr,
		PublicKey:        key,
		SkipRegister:     cfg.SkipRegister,
		Token:            cfg.Token,
		APIURL:           cfg.APIURL,
		GuildID:          cfg.GuildID,
		ShardID:          cfg.ShardID,
		ShardCount:       cfg.ShardCount,
		HealthAddr:       cfg.HealthAddr,
		FloodPerMinute:   cfg.FloodPerMinute,
		FloodBurst:       cfg.FloodBurst,
		Workers:          cfg.Workers,
		Queue:            cfg.Queue,
		LogLevel:         cfg.LogLevel,
	}, log)
}

// consoleBot is the Bot of chat and ask: a panic it recovers from is
// logged to stderr, as the apology the asker reads promises.
func consoleBot(stderr io.Writer) *bot.Bot {
	return bot.New(bot.Options{OnPanic: bot.LogPanics(slog.New(slog.NewTextHandler(stderr, nil)))})
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// register puts the slash and message commands in place once, for
// deployments that run `serve` with CNNBOT_REGISTER=off on every shard.
func register(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := config.Load(getenv, args)
	if err != nil {
		return err
	}
	n, err := bot.Register(ctx, bot.ServeOptions{Token: cfg.Token, APIURL: cfg.APIURL, GuildID: cfg.GuildID})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "registered %d commands\n", n)
	return nil
}

// splitAskArgs separates ask's flags from the question's words, so flags
// may come before or after the question (design.md §2). Only ask's own
// flags are taken: "pad -1" stays part of the question. After "--"
// everything is the question.
func splitAskArgs(args []string) (flags, words []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case a == "--":
			return flags, append(words, args[i+1:]...)
		case strings.HasPrefix(a, "-") && name == "json":
			flags = append(flags, a)
		case strings.HasPrefix(a, "-") && name == "picture":
			flags = append(flags, a)
			if !hasValue && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		case strings.HasPrefix(a, "-") && (name == "h" || name == "help"):
			flags = append(flags, a)
		default:
			words = append(words, a)
		}
	}
	return flags, words
}
