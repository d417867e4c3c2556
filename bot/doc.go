// Package bot answers CNN sizing questions and renders the answers.
//
// Every transport asks Bot.Answer (answer.go: grammar parses, calc
// computes) for a Reply and hands it to a renderer for its medium:
// render_text.go for a terminal (console.go, terminal.go), render_json.go
// for ask --json, render_embed.go for Discord. Answer knows nothing of
// Discord; the transports know nothing of the arithmetic.
//
// On Discord (serve.go starts it all), a message travels:
//
//   - A mention or a DM arrives on the gateway (discord.go,
//     onMessageCreate); flood.go may slow the asker down; the question is
//     answered on the bounded worker pool (pool.go), never on the gateway's
//     goroutine, and sent as a reply. An edited question is answered again
//     by editing that reply (edits.go).
//   - The reply is a card (render_embed.go, RenderCard): the answer on the
//     first line, the numbers as an embed's fields, the question as
//     understood in its footer, and buttons (buttons.go): Show working,
//     Whole table (networks), Picture (answers that have a picture), Delete
//     (the asker's only); a refusal gets Edit & ask again. A button's
//     custom_id ("cb1|action|owner|question") carries the question, or the
//     button reads it back from the card's footer, so any process answers
//     it, after any restart.
//   - Slash commands (commands.go), the message command, button presses and
//     modals are interactions. interact.go (the responder) works out what
//     each calls for, for both transports: the gateway
//     (discord.go, onInteractionCreate: defer, then answer on the pool) and
//     the HTTP interactions endpoint (interactions.go: signatures checked,
//     answered in the response body, or deferred and followed up when the
//     answer carries files, which a response body cannot).
//   - Pictures (render_picture.go, drawn by the picture subpackage): a card
//     asks only hasPicture, which draws nothing; pressing Picture draws the
//     PNG, and the GIF of the kernel sliding for a single 1-D or 2-D layer,
//     on a worker, and answers ephemerally with them attached. /explain
//     (explain.go) attaches the picture of its example the same way.
//
// Tests drive a real discordgo session against the fake Discord in
// internal/fakediscord.
package bot
