package paste

// Keras's message about a Dense, with the model told without its input:
// "expected axis -1 of input shape to have value 6272 but received input
// with shape (None, 10368)" beside "Conv2D(32,3) -> MaxPooling2D -> ... ->
// Flatten -> Dense(64)". The message says what reaches the Dense; the
// layers before it cannot be sized (Keras layers do not say their
// inputs), but the Dense and what follows it can, and that is what such
// a message asks about.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasDenseFromMessage keeps the layers from the Dense Keras's message
// names, on the flat input the message says it receives, when the paste
// gives no input; it reports whether it did.
func kerasDenseFromMessage(src string, q *lang.Question) bool {
	m := kerasAxisRE.FindStringSubmatch(src)
	name := kerasLayerNameRE.FindStringSubmatch(src)
	if q.Input != nil || m == nil || name == nil || !strings.HasPrefix(strings.ToLower(name[1]), "dense") {
		return false
	}
	dims := strings.Split(m[2], ",")
	if len(dims) != 2 || strings.TrimSpace(dims[0]) != "None" {
		return false
	}
	n, err := strconv.Atoi(strings.TrimSpace(dims[1]))
	if err != nil || n < 1 || n > calc.MaxSize {
		return false
	}
	at := -1
	for i, l := range q.Layers {
		if _, ok := l.Layer.(calc.Linear); ok {
			at = i
			break
		}
	}
	if at < 1 {
		return false // no layer before the Dense: the readers of a lone Dense know the message
	}
	lin := q.Layers[at].Layer.(calc.Linear)
	if lin.Out == 0 {
		return false
	}
	lin.In = n
	q.Layers[at].Layer = lin
	q.Layers = q.Layers[at:]
	if q.Fix != nil && q.Fix.Layer < at {
		q.Fix = nil
	} else if q.Fix != nil {
		q.Fix.Layer -= at
	}
	var ats []lang.At
	for _, a := range q.At {
		if a.Layer >= at {
			a.Layer -= at
			ats = append(ats, a)
		}
	}
	q.At = ats
	q.Input = calc.Shape{n}
	q.Notes = append(q.Notes, fmt.Sprintf("Keras's message says (None, %d) reaches %q: the Dense is sized on it; the layers before it are not (the paste does not give the model's input)", n, name[1]))
	return true
}
