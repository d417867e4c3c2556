package grammar

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// presetFiles are the preset networks, written in the spec language so a
// student can read one and learn the architecture ("show resnet18").
//
//go:embed presets/*.cnn
var presetFiles embed.FS

// presetAliases are other names people use for the presets.
var presetAliases = map[string]string{
	"lenet": "lenet5", "lenet_5": "lenet5",
	"vgg16bn": "vgg16_bn", "vgg_16_bn": "vgg16_bn",
	"resnet":      "resnet50",
	"mobilenetv2": "mobilenet_v2", "mobilenet": "mobilenet_v2",
	"squeezenet": "squeezenet1_0", "squeezenet10": "squeezenet1_0", "squeezenet1": "squeezenet1_0",
	"densenet":  "densenet121",
	"inception": "googlenet", "inceptionv1": "googlenet", "inception_v1": "googlenet",
}

var presets = func() map[string]string {
	m := map[string]string{}
	entries, err := presetFiles.ReadDir("presets")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		data, err := presetFiles.ReadFile("presets/" + e.Name())
		if err != nil {
			panic(err)
		}
		m[strings.TrimSuffix(e.Name(), path.Ext(e.Name()))] = string(data)
	}
	return m
}()

func init() {
	for name := range presets {
		specKinds[name] = "preset"
	}
	for alias := range presetAliases {
		specKinds[alias] = "preset"
	}
	specKinds["show"] = "show"
	specKinds["preset"] = "usepreset"
}

// Presets lists the names of the preset networks, sorted.
func Presets() []string {
	names := make([]string, 0, len(presets))
	for n := range presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Preset returns the spec-language text of the named preset ("resnet50",
// case-insensitive; a few other spellings such as "vgg16bn" work), its
// canonical name, and whether there is such a preset.
func Preset(name string) (text, canonical string, ok bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, found := presetAliases[n]; found {
		n = a
	}
	text, ok = presets[n]
	return text, n, ok
}

// parsedPresets caches the presets' questions: they never change, and a
// 150-layer preset parses in about as long as it takes to answer.
var parsedPresets sync.Map // canonical name -> *Question

func parsedPreset(name string) (*Question, error) {
	if q, ok := parsedPresets.Load(name); ok {
		return q.(*Question), nil
	}
	q, err := ParseSpec(presets[name])
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
func parsePreset(q *Question, lines []*specLine) (*Question, error) {
	l := lines[0]
	items := l.Items
	word := l.Kind
	show := specKindOf(l.Kind) == "show"
	if k := specKindOf(l.Kind); k == "show" || k == "usepreset" {
		if len(items) == 0 || items[0].Word == "" {
			at := pos(l.Pos)
			return nil, &Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s which preset?", strings.ToLower(l.Kind)),
				Hint: "presets: " + strings.Join(Presets(), ", ")}
		}
		word, items = items[0].Word, items[1:]
		if _, _, ok := Preset(word); !ok {
			it := l.Items[0]
			e := &Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("%q is not a preset I know", word),
				Hint: "presets: " + strings.Join(Presets(), ", ")}
			if m := didYouMean(word, Presets()); m != "" {
				e.Msg += fmt.Sprintf(" — did you mean %q?", m)
			}
			return nil, e
		}
	}
	_, name, _ := Preset(word)
	c := &specCursor{line: &specLine{Items: items}}
	for it := c.next(); it != nil; it = c.next() {
		w := strings.ToLower(it.Word)
		if !settingWords[w] {
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
		if !settingWords[strings.ToLower(extra.Kind)] {
			at := pos(extra.Pos)
			return nil, &Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s is a whole network: ask for it on its own", name),
				Hint: fmt.Sprintf("to change it, copy it (show %s) and edit the copy", name)}
		}
		if err := settingLine(q, extra); err != nil {
			return nil, err
		}
	}
	pq, err := parsedPreset(name)
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
		out.Canonical = strings.TrimRight(presets[name], "\n")
		out.Notes = out.Notes[:len(out.Notes)-1]
		if settings != "" {
			out.Canonical += "\n" + strings.TrimSpace(strings.ReplaceAll(settings, " depth", "\ndepth"))
		}
	}
	return &out, nil
}
