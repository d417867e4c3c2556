package grammar

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// LeNet-5's layers as LeCun et al. (1998) name and count them — C1, S2,
// C3, S4, C5, F6 — are not torchvision-style layers: S2 and S4 sub-sample
// with one trainable coefficient and one bias per map, C3 reads the S2
// maps through a partial connection table (6 maps read 3 of them, 9 read 4,
// 1 reads all 6), and the paper counts a unit's bias among its
// connections. A question that names lenet and one of these layers asks
// the paper's count; the lenet5 preset (a full C3, tanh and average pools)
// answers another network.

// lenetNamed matches LeNet named: "lenet-5", "LeNet5", "lenet".
var lenetNamed = regexp.MustCompile(`(?i)\ble-?net[- ]?5?\b|\blenet5\b`)

// paperLayerName matches a layer named as the paper names it: "C1", "S2",
// "F6"; "after S4" is the map S4 gives.
var paperLayerName = regexp.MustCompile(`(?i)\b([cs][1-5]|f6)\b`)

// paperLayer is one layer of LeNet-5 as the paper counts it.
type paperLayer struct {
	maps, size  int       // output maps and their side
	params      calc.Step // the trainable parameters, worked
	connections calc.Step // the connections, the bias counted as one, worked
	values      []int     // the numbers the paper's description of it writes
}

// paperBind binds a name to a value for a step.
func paperBind(name string, v int) calc.Binding { return calc.Binding{Name: name, Value: int64(v)} }

// lenetPaper is LeNet-5's layers as the paper counts them (its Section
// II.B): the counts it prints, worked from the sizes.
var lenetPaper = map[string]paperLayer{
	"c1": {6, 28, calc.Step{Quantity: "trainable parameters", Formula: "(k·k + 1)·maps", Values: []calc.Binding{paperBind("k", 5), paperBind("maps", 6)}, Result: 156},
		calc.Step{Quantity: "connections", Formula: "(k·k + 1)·maps·H·W", Values: []calc.Binding{paperBind("k", 5), paperBind("maps", 6), paperBind("H", 28), paperBind("W", 28)}, Result: 122304, Note: "every unit reads a 5×5 area of the 32×32 input, plus its bias, counted as a connection as the paper does"},
		[]int{32, 25, 26, 1}},
	"s2": {6, 14, calc.Step{Quantity: "trainable parameters", Formula: "2·maps", Values: []calc.Binding{paperBind("maps", 6)}, Result: 12, Note: "one trainable coefficient and one bias per map"},
		calc.Step{Quantity: "connections", Formula: "(2·2 + 1)·maps·H·W", Values: []calc.Binding{paperBind("maps", 6), paperBind("H", 14), paperBind("W", 14)}, Result: 5880, Note: "every unit sums a 2×2 area of its C1 map, plus its bias"},
		[]int{28, 2, 4, 5, 1}},
	"c3": {16, 10, calc.Step{Quantity: "trainable parameters", Formula: "k·k·(6·3 + 9·4 + 1·6) + maps", Values: []calc.Binding{paperBind("k", 5), paperBind("maps", 16)}, Result: 1516, Note: "the partial connection table: 6 maps read 3 S2 maps, 9 read 4, 1 reads all 6 (60 kernels of 5×5), one bias per map"},
		calc.Step{Quantity: "connections", Formula: "trainable parameters·H·W", Values: []calc.Binding{paperBind("trainable parameters", 1516), paperBind("H", 10), paperBind("W", 10)}, Result: 151600, Note: "each weight and bias is used at every one of the 10×10 positions"},
		[]int{14, 6, 3, 9, 4, 1, 60, 25, 100}},
	"s4": {16, 5, calc.Step{Quantity: "trainable parameters", Formula: "2·maps", Values: []calc.Binding{paperBind("maps", 16)}, Result: 32, Note: "one trainable coefficient and one bias per map"},
		calc.Step{Quantity: "connections", Formula: "(2·2 + 1)·maps·H·W", Values: []calc.Binding{paperBind("maps", 16), paperBind("H", 5), paperBind("W", 5)}, Result: 2000, Note: "every unit sums a 2×2 area of its C3 map, plus its bias"},
		[]int{10, 2, 4, 400}},
	"c5": {120, 1, calc.Step{Quantity: "trainable parameters", Formula: "(k·k·16 + 1)·maps", Values: []calc.Binding{paperBind("k", 5), paperBind("maps", 120)}, Result: 48120},
		calc.Step{Quantity: "connections", Formula: "trainable parameters·H·W", Values: []calc.Binding{paperBind("trainable parameters", 48120), paperBind("H", 1), paperBind("W", 1)}, Result: 48120, Note: "a 5×5 kernel on a 5×5 map: one position, so as many connections as parameters"},
		[]int{5, 16, 400}},
	"f6": {84, 1, calc.Step{Quantity: "trainable parameters", Formula: "(120 + 1)·units", Values: []calc.Binding{paperBind("units", 84)}, Result: 10164},
		calc.Step{Quantity: "connections", Formula: "(120 + 1)·units", Values: []calc.Binding{paperBind("units", 84)}, Result: 10164, Note: "fully connected to C5's 120 units, plus each unit's bias"},
		[]int{120}},
}

// c3Full is C3 read from all six S2 maps, as many courses and
// torchvision-style LeNets build it: "connected to ALL 6 maps of S2 (not
// the table from the paper)".
var c3Full = paperLayer{16, 10, calc.Step{Quantity: "trainable parameters", Formula: "(k·k·6 + 1)·maps", Values: []calc.Binding{paperBind("k", 5), paperBind("maps", 16)}, Result: 2416, Note: "every map reads all 6 S2 maps, not the paper's partial table"},
	calc.Step{Quantity: "connections", Formula: "trainable parameters·H·W", Values: []calc.Binding{paperBind("trainable parameters", 2416), paperBind("H", 10), paperBind("W", 10)}, Result: 241600},
	[]int{14, 6, 25, 100}}

// fullTable matches C3 said to read every S2 map: "connected to all 6
// maps", "not the table from the paper", "without the connection table".
var fullTable = regexp.MustCompile(`(?i)\ball\s+(?:6|six|the)\s+(?:\w+\s+)?maps\b|\b(?:connect\w*|linked|wired)\s+(?:\w+\s+){0,2}?(?:all|every)\b|\bevery\s+(?:\w+\s+)?maps?\s+(?:\w+\s+)?(?:connect\w*|reads?|sees?)\s+(?:to\s+)?(?:every|all)\b|\bnot\s+(?:the\s+)?(?:\w+\s+){0,2}table|\bwithout\s+(?:the\s+)?(?:\w+\s+)?table|\bno\s+(?:\w+\s+)?table|\bfull(?:y)?\s+connected\s+to\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?s2`)

// tableNegated matches a negation just before a full table's words: "not
// every map connects to all 6", "doesn't connect to all": the paper's
// partial table, said.
var tableNegated = regexp.MustCompile(`(?i)(?:\bnot|n['’]t|\bnever|\bno)\b[^.;!?]{0,20}$`)

// fullTableSaid reports whether src says C3 reads every S2 map, and does
// not deny it.
func fullTableSaid(src string) bool {
	for _, m := range fullTable.FindAllStringIndex(src, -1) {
		said := strings.ToLower(src[m[0]:m[1]])
		if strings.HasPrefix(said, "not") || strings.HasPrefix(said, "without") || strings.HasPrefix(said, "no") {
			return true // "not the table from the paper"
		}
		if !tableNegated.MatchString(src[max(0, m[0]-30):m[0]]) {
			return true
		}
	}
	return false
}

// lenetConnections, lenetParams and lenetFlatten match what is asked of
// a paper layer: its connections, its trainable parameters, its maps
// flattened ("how many numbers go into the next layer if you flatten").
var (
	lenetConnections = regexp.MustCompile(`(?i)\bconnections?\b`)
	lenetParams      = regexp.MustCompile(`(?i)\bparam\w*|\bweights\b`)
	lenetOutput      = regexp.MustCompile(`(?i)\boutput\s+(?:shape|size|dim\w*)|\bshape\b|\bsize\s+of\s+(?:the\s+)?(?:output|maps?)\b`)
	lenetFlatten     = regexp.MustCompile(`(?i)\bflatten\w*|\bin_?features\b|\bhow\s+many\s+(?:numbers|values|inputs|features)\b`)
)

// lenetPaperAsked answers what src asks of a LeNet-5 layer named as the
// paper names it; nil when src names none, asks nothing of it, or writes a
// number the paper's layer does not explain (a layer of its own).
func lenetPaperAsked(src string) []*Question {
	if !lenetNamed.MatchString(src) || codeCalls.MatchString(src) {
		return nil // pasted code builds its own layers: a pool there has no coefficient
	}
	m := paperLayerName.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	name := strings.ToLower(m[1])
	l, ok := lenetPaper[name]
	if !ok || name[0] == 's' && ownLayerSaid.MatchString(src) {
		return nil // "stride 2 then s2 pool ... conv 1->6": a stride, not the paper's S2
	}
	if name == "c3" && fullTableSaid(src) {
		l = c3Full // the description wins over the paper
	}
	var qs []*Question
	label := strings.ToUpper(name)
	switch {
	case lenetInto.MatchString(src) && lenetInputs[name] > 0:
		qs = append(qs, lenetInputsOf(label, lenetInputs[name]))
	case lenetKernels.MatchString(src) && name == "c3" && l.params.Result == 1516:
		qs = append(qs, solved("5×5 kernels of C3", "the kernels of LeNet-5's C3 in the paper's table", 60,
			[]calc.Step{{Quantity: "kernels", Formula: "6·3 + 9·4 + 1·6", Result: 60, Note: "6 maps read 3 S2 maps, 9 read 4, 1 reads all 6: one 5×5 kernel for each map read"}}))
	case lenetFlatten.MatchString(src) && l.size > 1:
		n := l.maps * l.size * l.size
		qs = append(qs, solved("values flattened after "+label, fmt.Sprintf("%s's %d maps of %d×%d flattened", label, l.maps, l.size, l.size), int64(n),
			[]calc.Step{{Quantity: "values flattened", Formula: "maps·H·W", Values: []calc.Binding{paperBind("maps", l.maps), paperBind("H", l.size), paperBind("W", l.size)}, Result: int64(n)}}))
	default:
		if lenetOutput.MatchString(src) {
			qs = append(qs, lenetOutputOf(label, l))
		}
		if lenetParams.MatchString(src) && (!lenetConnections.MatchString(src) || !mentionedAsGiven(src)) {
			qs = append(qs, lenetStep(label, l.params))
		}
		if lenetConnections.MatchString(src) {
			qs = append(qs, lenetStep(label, l.connections))
		}
	}
	if len(qs) == 0 {
		qs = lenetUnread(label, l)
	}
	for _, q := range qs {
		q.Notes = []string{fmt.Sprintf("LeNet-5's %s as the paper (LeCun et al., 1998) counts it: %d maps of %d×%d", label, l.maps, l.size, l.size)}
		q.Unused = headUnused(src, lenetValues(l))
		if unexplained(q.Unused) > 0 {
			return nil // a number the paper's layer does not have: the asker's own layer
		}
	}
	return qs
}

// ownLayerSaid matches a layer of the asker's own written beside an "s2"
// or "s4": a stride ("stride 2 then s2 pool"), a conv with its channels
// ("conv 1->6").
var ownLayerSaid = regexp.MustCompile(`(?i)\bstride\b|\b\d+\s*(?:->|→)\s*\d+\b`)

// lenetInto matches the inputs of a paper layer asked: "how many numbers
// go into F6", "F6's in_features", "inputs to C5".
var lenetInto = regexp.MustCompile(`(?i)\b(?:go(?:es)?|going|come|are\s+fed|feed)\s+in(?:to)?\b|\bin_?features\b|\binputs?\s+(?:of|to|into)\b|\bfan[- ]?in\b`)

// lenetKernels matches kernels or filters counted: "how many kernels".
var lenetKernels = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:\w+\s+)?(?:kernels|filters)\b`)

// lenetInputs are the values each fully connected paper layer reads: F6
// reads C5's 120 units, C5 reads S4's 16 maps of 5×5.
var lenetInputs = map[string]int{"f6": 120, "c5": 400}

// lenetInputsOf answers the values a paper layer reads.
func lenetInputsOf(label string, n int) *Question {
	return solved("inputs of "+label, fmt.Sprintf("the values that go into LeNet-5's %s", label), int64(n),
		[]calc.Step{{Quantity: "inputs", Result: int64(n), Note: "the previous layer's outputs: C5's 120 units for F6, S4's 16 maps of 5×5 for C5"}})
}

// lenetUnread is a paper layer named with nothing of it read as asked:
// its parameters, doubted, rather than the whole network's.
func lenetUnread(label string, l paperLayer) []*Question {
	q := lenetStep(label, l.params)
	q.Doubts = append(q.Doubts, "you name LeNet-5's "+label+" but I cannot tell what you ask of it: this is its trainable parameters")
	return []*Question{q}
}

// paramsGiven matches the parameter count said as known ("paper says 156
// trainable parameters but how many connections?", "it has 12 trainable
// params"): the connections are asked, not the parameters.
var paramsGiven = regexp.MustCompile(`(?i)\b(?:says?|has|have|get|got|gives?|is)\s+(?:\d[\d,]*)\s+(?:\w+\s+)?param|\b\d[\d,]*\s+(?:trainable\s+)?params?\s+fine\b`)

// mentionedAsGiven reports whether src gives the parameter count as known.
func mentionedAsGiven(src string) bool { return paramsGiven.MatchString(src) }

// lenetOutputOf answers the maps a paper layer gives.
func lenetOutputOf(label string, l paperLayer) *Question {
	q := solved("height and width of "+label+"'s maps", fmt.Sprintf("the output of LeNet-5's %s", label), int64(l.size),
		[]calc.Step{{Quantity: "maps", Result: int64(l.maps)}, {Quantity: "height and width", Result: int64(l.size), Note: fmt.Sprintf("output %d×%d×%d (maps×H×W)", l.maps, l.size, l.size)}})
	q.Asked = []string{"output"}
	return q
}

// lenetStep is a paper layer's count answered.
func lenetStep(label string, st calc.Step) *Question {
	unknown := st.Quantity + " of " + label
	if st.Quantity == "connections" {
		unknown = "total connections" // the bias counted as one, as the paper counts
	}
	q := solved(unknown, fmt.Sprintf("the %s of LeNet-5's %s, as the paper counts them", st.Quantity, label), st.Result, []calc.Step{st})
	if st.Quantity == "connections" {
		q.Asked = []string{"connections"}
	}
	return q
}

// lenetValues are the numbers a question about paper layer l may write.
func lenetValues(l paperLayer) []int {
	out := append([]int{l.maps, l.size, int(l.params.Result), int(l.connections.Result), 5, 32}, l.values...)
	for _, st := range []calc.Step{l.params, l.connections} {
		for _, v := range st.Values {
			out = append(out, int(v.Value))
		}
	}
	return out
}
