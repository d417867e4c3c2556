package grammar

import "regexp"

// outputRoomWords ask the room of a layer's output, not of its parameters
// or of training: "memory of the output of a conv ...", "how much memory
// does the output of a 3x3 conv take", "the output's memory", "bytes for
// the layer's output".
var outputRoomWords = regexp.MustCompile(`(?i)\b(?:memory|bytes?|room|space|footprint)\s+(?:(?:does|do|is|of|for|needed|taken|used|by|required|in)\s+)+(?:the\s+|its\s+|this\s+|that\s+|a\s+|an\s+|one\s+)?(?:(?:conv\w*|layer(?:'s)?|first|last|\d+x\d+)\s+)*outputs?\b|\boutputs?(?:'s)?\s+(?:tensor\s+|activations?\s+|feature\s+maps?\s+)?(?:memory|bytes|footprint)\b`)

// trainingRoomWords ask the room of training or of the whole network,
// which the memory estimate answers.
var trainingRoomWords = regexp.MustCompile(`(?i)\b(?:training|train|backward|backprop\w*|gradients?|total|whole\s+(?:net|network|model)|in\s+all)\b`)

// asksOutputRoom reports whether src asks the room a layer's output takes,
// and not training's.
func asksOutputRoom(src string) bool {
	return outputRoomWords.MatchString(src) && !trainingRoomWords.MatchString(src)
}
