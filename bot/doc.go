// Package bot answers CNN sizing questions and renders the answers.
//
// A message travels: transport (console.go, discord.go) → Bot.Answer
// (answer.go: grammar parses, calc computes) → a Reply → a renderer for the
// medium (render_text.go for a terminal, render_markdown.go for Discord,
// render_json.go for ask --json). Answer knows nothing of Discord; the
// transports know nothing of the arithmetic.
package bot
