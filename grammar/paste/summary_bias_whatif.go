package paste

// The bias switched in words, as a what-if about a pasted row: "what
// would that row say if i turned bias on", "and if I add a bias?", "what
// if bias=True", "with the bias removed". The row's count is the layer as
// it is; the question is the layer with its bias switched.

import "regexp"

// rwBiasSwitchOnRE and rwBiasSwitchOffRE switch the bias on or off in a
// what-if clause.
var (
	rwBiasSwitchOnRE  = regexp.MustCompile(`(?i)\b(?:what\s+(?:would|will|if)|if\s+i|if\s+(?:we|you)|and\s+if)\b[^.?\n]*?\b(?:turn(?:ed|ing)?\s+(?:the\s+)?bias(?:es)?\s+on|turn(?:ed|ing)?\s+on\s+(?:the\s+)?bias|add(?:ed|ing)?\s+(?:a\s+|the\s+)?bias(?:es)?|enabl(?:e|ed|ing)\s+(?:the\s+)?bias|bias\s*=\s*True|switch(?:ed)?\s+(?:the\s+)?bias\s+on|kept?\s+(?:the\s+)?bias)\b`)
	rwBiasSwitchOffRE = regexp.MustCompile(`(?i)\b(?:what\s+(?:would|will|if)|if\s+i|if\s+(?:we|you)|and\s+if)\b[^.?\n]*?\b(?:turn(?:ed|ing)?\s+(?:the\s+)?bias(?:es)?\s+off|turn(?:ed|ing)?\s+off\s+(?:the\s+)?bias|remov(?:e|ed|ing)\s+(?:the\s+)?bias(?:es)?|drop(?:ped|ping)?\s+(?:the\s+)?bias(?:es)?|disabl(?:e|ed|ing)\s+(?:the\s+)?bias|bias\s*=\s*False|(?:the\s+)?bias\s+removed)\b`)
)

// rwWhatIfBias is the bias a what-if in words switches to, "True" or
// "False"; ok is false when the words switch none, or both.
func rwWhatIfBias(words string) (string, bool) {
	on, off := rwBiasSwitchOnRE.MatchString(words), rwBiasSwitchOffRE.MatchString(words)
	switch {
	case on && !off:
		return "True", true
	case off && !on:
		return "False", true
	}
	return "", false
}
