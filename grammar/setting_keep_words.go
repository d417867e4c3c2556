package grammar

import "regexp"

// More ways to say the size is kept, beside keepSaid's: "the same H and
// W as the input", "the same height and width", "input and output have
// the same size", "output the same size as the input". A padding asked
// with one of them, at stride 1, needs no input size: p = d(k-1)/2 on
// every side (calc.SolveConv finds it for any size).
var keepMoreSaid = regexp.MustCompile(`(?i)\bsame\s+(?:h|height|rows)\s*(?:and|&|,|/|x)\s*(?:w|width|cols|columns)\b|\b(?:h|height)\s*(?:and|&|/|,)\s*(?:w|width)\s+(?:unchanged|the\s+same|intact|as\s+(?:they|it)\s+(?:are|is|were|was))|\binput\s+and\s+(?:the\s+)?output\s+(?:have|are|has|is|keep|stay|remain|of)\s+(?:the\s+)?same\b|\boutput\s+(?:is\s+|has\s+|stays\s+|remains\s+)?the\s+same\s+(?:size\s+|shape\s+|dims?\s+|dimensions?\s+)?as\s+(?:the\s+|its\s+|my\s+)?input\b`)

// zeroWords name the padding as what it adds: "how many zeros do I add
// on each side", "how many rows of zeros".
const zeroWords = `zeros|zeroes|rows\s+of\s+zeros|zero\s+rows|rings\s+of\s+zeros`

// torchCalls match PyTorch's conv calls, "nn.Conv2d(", "F.conv2d(", with
// the lowercase d TensorFlow's Keras never writes (Conv2D): tfSaid,
// matching without case, took them for Keras and sized a kept size as
// TensorFlow's 'same' does.
var torchCalls = regexp.MustCompile(`\b(?:nn\.|F\.)?(?:Conv|conv)(?:Transpose)?[123]d\s*\(`)
