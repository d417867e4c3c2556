package bot

import (
	"github.com/bwmarrin/discordgo"
)

// readmeURL is where /help sends people for the whole guide.
const readmeURL = "https://github.com/cnnbot/cnnbot#readme"

// sizeThisUp is the message command's name: right-click a message → Apps.
const sizeThisUp = "Size this up"

// Modal and field ids.
const (
	askModalID = "ask" // Edit & ask again
	askFieldID = "question"
)

// everywhere lets a command be used in servers, in DMs with the bot and in
// other DMs and group DMs (a user install), installed to a server or to a
// user.
func everywhere(c *discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
	c.IntegrationTypes = &[]discordgo.ApplicationIntegrationType{
		discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall,
	}
	c.Contexts = &[]discordgo.InteractionContextType{
		discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel,
	}
	return c
}

// nativeCommands are the application commands, registered with one bulk
// overwrite (shard 0, or cnnbot register): the slash commands and the
// message command "Size this up".
func nativeCommands() []*discordgo.ApplicationCommand {
	minOne := 1.0
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        "cnn",
			Description: "Parameters, output shape and MACs of a layer or network",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Required: true, MaxLength: 4000,
					Description: "e.g. conv 3x3 32->64 stride 2 pad 1 input 56x56, or nn.Conv2d(3, 64, 7, 2, 3)"},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
					Description: "Only you see the answer"},
			},
		},
		{Name: "net", Description: "Size up a whole network: a box for one layer a line, code or model.summary()"},
		{
			Name:        "preset",
			Description: "Size up a well-known network",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "the network's name",
					Required: true, Autocomplete: true},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "depth", MinValue: &minOne, MaxValue: 8,
					Description: "how many levels of blocks the table shows"},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "batch", MinValue: &minOne, MaxValue: 65536,
					Description: "batch size for the memory estimate"},
				{Type: discordgo.ApplicationCommandOptionString, Name: "input", MaxLength: 40,
					Description: "another input size, HxWxC, e.g. 32x32x3"},
			},
		},
		{
			Name:        "explain",
			Description: "A CNN idea explained, with a worked example",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "what to explain",
				Required: true, Choices: topicChoices(),
			}},
		},
		{Name: "help", Description: "How to ask, with examples"},
		{Name: sizeThisUp, Type: discordgo.MessageApplicationCommand},
	}
	for _, c := range cmds {
		everywhere(c)
	}
	return cmds
}

// topicChoices are /explain's topics as fixed choices.
func topicChoices() []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, len(topics))
	for i, t := range topics {
		out[i] = &discordgo.ApplicationCommandOptionChoice{Name: t.title, Value: t.name}
	}
	return out
}
