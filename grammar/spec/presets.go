package spec

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// parsedPresets caches the presets' questions: they never change, and a
// 150-layer preset parses in about as long as it takes to answer.
var parsedPresets sync.Map // canonical name -> *lang.Question

// Preset returns the parsed question of the preset with the canonical
// name (see presets.Lookup), parsed once and shared: callers copy it
// before changing it. The error says the preset does not parse (a bug).
func Preset(name string) (*lang.Question, error) {
	if q, ok := parsedPresets.Load(name); ok {
		return q.(*lang.Question), nil
	}
	text, _, _ := presets.Lookup(name)
	q, err := Parse(text)
	if err != nil {
		return nil, fmt.Errorf("preset %s does not parse: %w", name, err)
	}
	parsedPresets.Store(name, q)
	return q, nil
}

// parsePreset answers "resnet50", "preset resnet50", "show resnet50",
// optionally followed by settings (resnet50 batch 64 depth 2). "show"
// asks for the preset's text: Canonical holds it and Asked is
// ["preset", name].
func parsePreset(q *lang.Question, lines []*specLine) (*lang.Question, error) {
	l := lines[0]
	items := l.Items
	word := l.Kind
	show := kindOf(l.Kind) == "show"
	if k := kindOf(l.Kind); k == "show" || k == "usepreset" {
		if len(items) == 0 || items[0].Word == "" {
			at := pos(l.Pos)
			return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s which preset?", strings.ToLower(l.Kind)),
				Hint: "presets: " + strings.Join(presets.Names(), ", ")}
		}
		word, items = items[0].Word, items[1:]
		if !presets.Is(word) {
			it := l.Items[0]
			e := &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("%q is not a preset I know", word),
				Hint: "presets: " + strings.Join(presets.Names(), ", ")}
			if m := lang.DidYouMean(word, presets.Names()); m != "" {
				e.Msg += fmt.Sprintf(" — did you mean %q?", m)
			}
			return nil, e
		}
	}
	_, name, _ := presets.Lookup(word)
	c := &specCursor{line: &specLine{Items: items}}
	for it := c.next(); it != nil; it = c.next() {
		w := strings.ToLower(it.Word)
		if !lang.SettingWords[w] {
			return nil, c.unexpected(it, fmt.Sprintf("a preset takes settings only: %s batch 64 depth 2", name))
		}
		if nx := c.peek(); nx != nil && nx.Eq {
			c.next()
		}
		if err := setting(q, w, c.next(), pos(it.Pos)); err != nil {
			return nil, err
		}
	}
	for _, extra := range lines[1:] {
		if !lang.SettingWords[strings.ToLower(extra.Kind)] {
			at := pos(extra.Pos)
			return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s is a whole network: ask for it on its own", name),
				Hint: fmt.Sprintf("to change it, copy it (show %s) and edit the copy", name)}
		}
		if err := settingLine(q, extra); err != nil {
			return nil, err
		}
	}
	pq, err := Preset(name)
	if err != nil {
		return nil, err
	}
	out := *pq
	out.Notes = append(append([]string{}, pq.Notes...),
		fmt.Sprintf("%s is a preset: torchvision's layers written in the spec language; `show %s` prints it", name, name))
	out.Batch, out.Depth = q.Batch, q.Depth
	settings := ""
	if q.Batch != 0 {
		settings += " batch " + strconv.Itoa(q.Batch)
	}
	if q.Depth != 0 {
		settings += " depth " + strconv.Itoa(q.Depth)
	}
	out.Canonical = name + settings
	if show {
		out.Asked = []string{"preset", name}
		text, _, _ := presets.Lookup(name)
		out.Canonical = strings.TrimRight(text, "\n")
		out.Notes = out.Notes[:len(out.Notes)-1]
		if settings != "" {
			out.Canonical += "\n" + strings.TrimSpace(strings.ReplaceAll(settings, " depth", "\ndepth"))
		}
	}
	return &out, nil
}
