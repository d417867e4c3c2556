// Package presets holds the preset networks (torchvision's, at 224×224×3)
// as text in the spec language, so a student can read one and learn the
// architecture ("show resnet18"). The spec package parses them.
package presets

import (
	"embed"
	"path"
	"sort"
	"strings"
)

//go:embed *.cnn
var files embed.FS

// aliases are other names people use for the presets.
var aliases = map[string]string{
	"lenet": "lenet5", "lenet_5": "lenet5",
	"vgg16bn": "vgg16_bn", "vgg_16_bn": "vgg16_bn",
	"resnet":      "resnet50",
	"mobilenetv2": "mobilenet_v2", "mobilenet": "mobilenet_v2",
	"squeezenet": "squeezenet1_0", "squeezenet10": "squeezenet1_0", "squeezenet1": "squeezenet1_0",
	"densenet":  "densenet121",
	"inception": "googlenet", "inceptionv1": "googlenet", "inception_v1": "googlenet",
}

// texts maps each preset's canonical name to its text.
var texts = func() map[string]string {
	m := map[string]string{}
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		m[strings.TrimSuffix(e.Name(), path.Ext(e.Name()))] = string(data)
	}
	return m
}()

// Names lists the canonical names of the presets, sorted.
func Names() []string {
	names := make([]string, 0, len(texts))
	for n := range texts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the spec-language text of the named preset ("resnet50",
// case-insensitive; a few other spellings such as "vgg16bn" work), its
// canonical name, and whether there is such a preset.
func Lookup(name string) (text, canonical string, ok bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, found := aliases[n]; found {
		n = a
	}
	text, ok = texts[n]
	return text, n, ok
}

// Is reports whether word names a preset (or an alias of one).
func Is(word string) bool {
	_, _, ok := Lookup(word)
	return ok
}
