package paste

// Several models in one message: "model A: ... model B: ...", "pytorch:
// ... keras: ...", "nn.Conv2d(3, 64, 3) vs keras Conv2D(64, 3, ...)", "what
// if I make it a SeparableConv2D(64, 3) instead?". Each part is read on its
// own, with the words that belong to none of them (the input size, what is
// asked) given to every part.

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// allLabelRE starts a part: "model A:", "pytorch:", "net 2:", "keras -".
var allLabelRE = regexp.MustCompile(`(?im)^\s*(?:(?:model|net|network|version|option)\s*[A-Za-z0-9]{0,2}|pytorch|torch|keras|tensorflow|tf|mine|theirs)\s*[:\-–]`)

// allSplitRE separates two models on one line.
var allSplitRE = regexp.MustCompile(`(?i)\s(?:vs\.?|versus|compared (?:to|with)|is it the same as|same as|and|what if I (?:make|change|replace) it (?:to|with|into)?\s*(?:a|an)?)\s`)

// ParseAll reads a message that may paste several models and returns one
// question each, in the order written; a message with one model gives one
// question, as ParsePyTorch or ParseKeras would. Errors are [*lang.Error]
// positioned in src.
func ParseAll(src string) ([]*lang.Question, error) {
	parts, context := allParts(src)
	if len(parts) < 2 {
		q, err := parseOne(src)
		if err != nil {
			return nil, err
		}
		return []*lang.Question{q}, nil
	}
	var out []*lang.Question
	for i, p := range parts {
		text := p + "\n" + context
		if i > 0 && strings.Contains(strings.ToLower(src), "instead") && out[0].Input != nil && !strings.Contains(p, "shape") {
			// "what if I make it a SeparableConv2D(64, 3) instead?": the same input
			text += "\ninput " + allInputText(out[0])
		}
		q, err := parseOne(text)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// parseOne reads one model with the front-end its code belongs to.
func parseOne(src string) (*lang.Question, error) {
	if LooksLikeKeras(src) {
		return ParseKeras(src)
	}
	return ParsePyTorch(src)
}

// allParts splits src into the parts that each hold a model, and the words
// outside them; fewer than two parts means one model.
func allParts(src string) (parts []string, context string) {
	lines := strings.Split(src, "\n")
	var ctx []string
	if starts := allLabelRE.FindAllStringIndex(src, -1); len(starts) >= 2 {
		cur := -1
		for _, l := range lines {
			switch {
			case allLabelRE.MatchString(l):
				parts = append(parts, l)
				cur = len(parts) - 1
			case cur >= 0 && (allHasLayer(l) || allOpen(parts[cur])):
				parts[cur] += "\n" + l // the model goes on
			default:
				ctx = append(ctx, l)
			}
		}
		return allKeep(parts, ctx)
	}
	for _, l := range lines {
		if p := allSplitLine(l); len(p) >= 2 {
			parts = append(parts, p...)
			continue
		}
		ctx = append(ctx, l)
	}
	return allKeep(parts, ctx)
}

// allKeep returns the parts only when each holds a layer.
func allKeep(parts, ctx []string) ([]string, string) {
	if len(parts) < 2 {
		return nil, ""
	}
	for _, p := range parts {
		if !allHasLayer(p) {
			return nil, ""
		}
	}
	return parts, strings.Join(ctx, "\n")
}

// allSplitLine splits a line holding two models at the words between them
// ("vs", "and keras", "is it the same as"); nil when it holds fewer.
func allSplitLine(l string) []string {
	for _, m := range allSplitRE.FindAllStringIndex(l, -1) {
		a, b := l[:m[0]], l[m[1]:]
		if allHasLayer(a) && allHasLayer(b) && allFramework(a) != "" && allFramework(b) != "" &&
			(allFramework(a) != allFramework(b) || strings.Contains(strings.ToLower(l[m[0]:m[1]]), "what if")) {
			return []string{a, b}
		}
	}
	return nil
}

// allLayerRE finds a layer call of either framework.
var allLayerRE = regexp.MustCompile(`\b(?:nn\.)?(?:Conv[123][dD]\w*|ConvTranspose[123]d|Linear|Dense|LSTM|GRU|RNN|SimpleRNN|SeparableConv[12]D|DepthwiseConv2D|MaxPool\w*|AvgPool\w*|AveragePooling\w*|BatchNorm\w*|Sequential)\(`)

func allHasLayer(s string) bool { return allLayerRE.MatchString(s) }

// allFramework is "pytorch" or "keras" for a part's code.
func allFramework(s string) string {
	switch {
	case LooksLikeKeras(s):
		return "keras"
	case LooksLikePyTorch(s) || strings.Contains(s, "LSTM("):
		return "pytorch"
	}
	return ""
}

// allInputText writes a question's input as the words would: 32x32x32
// (channels last, as both readers take words).
func allInputText(q *lang.Question) string {
	s := q.Input
	if len(s) < 2 {
		return ptShapeText(s)
	}
	return strings.ReplaceAll(ptShapeText(append(append([]int{}, s[1:]...), s[0])), "×", "x")
}

// allOpen reports whether s leaves a bracket open.
func allOpen(s string) bool {
	return strings.Count(s, "(")+strings.Count(s, "[") > strings.Count(s, ")")+strings.Count(s, "]")
}
