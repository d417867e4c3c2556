package english

import "regexp"

// A layer's state_dict holds more than its learnable parameters: a batch
// norm's running mean and variance, and num_batches_tracked. "how many
// numbers are in its state_dict", "state dict size", "how many values get
// saved in the checkpoint for it", "params + buffers in total" (PyTorch's
// buffers hold num_batches_tracked too) ask for them all.

// enStateDictRE asks for the size of a state_dict.
var enStateDictRE = regexp.MustCompile(`(?i)\b(?:how\s+(?:many|big|large)|size\s+of|number\s+of|count\s+of|total)\b[^.?!;]{0,60}?\b(?:state[_ ]?dict|num_batches_tracked)\b|\b(?:state[_ ]?dict|num_batches_tracked)\b[^.?!;]{0,60}?\b(?:how\s+many|size|length|entries|count|total|values|numbers|elements|floats|scalars)\b|\b(?:how\s+many|total|count)\b[^.?!;]{0,40}?\b(?:numbers|values|floats|scalars|entries|elements)\b[^.?!;]{0,30}?\b(?:saved|stored|serialized|written)\s+(?:in|to|into)\s+(?:the\s+|a\s+)?(?:checkpoint|\.pt|\.pth|file|disk)|\b(?:params?|parameters?)\s*(?:\+|and|plus|&)\s*(?:the\s+|all\s+)?buffers\b[^.?!;]{0,30}?\b(?:total|together|combined|all|how\s+many|count)\b`)

// StateDictAsked reports whether src asks how many numbers a state_dict
// holds; other front-ends use it for the prose around pasted code.
func StateDictAsked(src string) bool {
	return len(src) <= enMaxLen && enStateDictRE.MatchString(src)
}

// stateDictAsked adds "state dict" to what is asked when the question asks
// how much a state_dict holds.
func (r *enReader) stateDictAsked() {
	if StateDictAsked(r.src) {
		r.addAsked("state dict")
	}
}
