package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
)

func newTestDiscord(logs *syncBuffer) *discord {
	return &discord{
		bot:    New(Options{}),
		log:    slog.New(slog.NewJSONHandler(logs, nil)),
		flood:  newFlood(0, 0),
		m:      newMetrics(prometheus.NewRegistry()),
		health: &health{maxAge: time.Minute},
		render: RenderCard,
		now:    time.Now,
		ctx:    context.Background(),
	}
}

func messageFor(guild, content, author string, bot bool) *discordgo.Message {
	return &discordgo.Message{GuildID: guild, Content: content, Author: &discordgo.User{ID: author, Bot: bot}}
}

func optionData(typed string) discordgo.ApplicationCommandInteractionData {
	return discordgo.ApplicationCommandInteractionData{Name: "preset", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: "name", Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true}}}
}
