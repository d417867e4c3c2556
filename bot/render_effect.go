package bot

import "fmt"

// effectAnswer answers a yes/no question of whether stride, padding or
// dilation changes the parameters ("does stride affect the number of
// params?") with "No" and the count: a conv's parameters depend on its
// kernel, channels, groups and bias only. A network with a Linear layer
// is left to the plain answer, since the map size a stride changes can
// change what reaches the Linear.
func effectAnswer(r Reply) (string, bool) {
	e := r.Question.Effect
	if e == nil {
		return "", false
	}
	for _, rep := range leafReports(r) {
		if rep.Kind == "linear" && r.Summary != nil {
			return "", false
		}
	}
	c, ok := comparedNumbers[e.Asked]
	if !ok {
		return "", false
	}
	n, ok := c.get(r)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("No — %s does not change the %s: %s. They depend on the kernel, the channels, the groups and the bias only; %s changes where the filter is applied, and so the output size and the MACs",
		e.Setting, c.name, large(n), e.Setting), true
}

// effectCompared answers the same question asked of two sides that come
// out alike ("conv 3x3 3->64 stride 1 vs stride 2: why the same
// params?"): alike is then the point, not a sign of a misreading.
func effectCompared(r Reply, asked string, x, y int64) (string, bool) {
	one, two := r.Answers[0].Question, r.Answers[1].Question
	if x != y || one.Effect == nil || two.Effect == nil || one.Effect.Asked != asked {
		return "", false
	}
	return fmt.Sprintf("No — %s does not change the %s: %s on both sides. They depend on the kernel, the channels, the groups and the bias only; %s changes the output size and the MACs",
		one.Effect.Setting, comparedNumbers[asked].name, large(x), one.Effect.Setting), true
}
