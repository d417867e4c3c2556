// Package presets holds the preset networks (torchvision's, each at its
// usual input size: 224×224×3 for most, 240 to 300 for EfficientNet-B1 to
// B3, 299 for Inception-v3) as text in the spec language, so a student can read one and learn the
// architecture ("show resnet18"). The spec package parses them.
package presets

import (
	"embed"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed *.cnn
var files embed.FS

// aliases are other names people use for the presets. A name that could
// mean several (shufflenet, convnext) is not one: the bot lists the
// candidates instead of choosing.
var aliases = map[string]string{
	"lenet": "lenet5", "lenet_5": "lenet5",
	"vgg16bn": "vgg16_bn", "vgg_16_bn": "vgg16_bn",
	"resnet":      "resnet50",
	"mobilenetv2": "mobilenet_v2", "mobilenet": "mobilenet_v2",
	"squeezenet": "squeezenet1_0", "squeezenet10": "squeezenet1_0", "squeezenet1": "squeezenet1_0",
	"densenet":  "densenet121",
	"inception": "googlenet", "inceptionv1": "googlenet", "inception_v1": "googlenet",
	"vgg13bn": "vgg13_bn", "vgg11bn": "vgg11_bn", "vgg19bn": "vgg19_bn",
	"resnext50":    "resnext50_32x4d",
	"wideresnet50": "wide_resnet50_2", "wideresnet101": "wide_resnet101_2", "wide_resnet50": "wide_resnet50_2", "wide_resnet101": "wide_resnet101_2",
	"squeezenet11": "squeezenet1_1", "mobilenetv3large": "mobilenet_v3_large", "mobilenetv3small": "mobilenet_v3_small",
	"efficientnetb0": "efficientnet_b0", "efficientnetb1": "efficientnet_b1", "efficientnetb2": "efficientnet_b2", "efficientnetb3": "efficientnet_b3",
	"regnetx400mf": "regnet_x_400mf", "regnety400mf": "regnet_y_400mf",
	"convnexttiny": "convnext_tiny",
	"inceptionv3":  "inception_v3", "googlenetv3": "inception_v3",
}

// texts maps each preset's canonical name to its text, read on first use.
var texts = sync.OnceValue(func() map[string]string {
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
})

// Names lists the canonical names of the presets, sorted.
func Names() []string {
	names := make([]string, 0, len(texts()))
	for n := range texts() {
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
	if text, ok = texts()[n]; ok {
		return text, n, true
	}
	// resnet_50, mobilenet_v_2: the name with its underscores dropped.
	if squeezed := strings.ReplaceAll(n, "_", ""); squeezed != n {
		if a, found := aliases[squeezed]; found {
			squeezed = a
		}
		if text, ok = texts()[squeezed]; ok {
			return text, squeezed, true
		}
	}
	return "", n, false
}

// Is reports whether word names a preset (or an alias of one).
func Is(word string) bool {
	_, _, ok := Lookup(word)
	return ok
}

// Spelled returns the canonical name of the preset word names once its
// hyphens are read as underscores or dropped ("resnet-50", "efficientnet-b0"),
// and whether there is one.
func Spelled(word string) (string, bool) {
	w := normal(word)
	for _, c := range []string{w, strings.ReplaceAll(w, "_", "")} {
		if _, name, ok := Lookup(c); ok {
			return name, true
		}
	}
	return "", false
}

// Closest returns up to n preset names nearest to name (case-insensitive,
// "-" read as "_"): the longest shared beginning first, then the fewest
// edits, then by name. It never returns an empty name.
func Closest(name string, n int) []string {
	w := normal(name)
	names := Names()
	type scored struct {
		name          string
		prefix, edits int
	}
	all := make([]scored, 0, len(names))
	for _, c := range names {
		all = append(all, scored{c, sharedPrefix(w, c), edits(w, c)})
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].prefix != all[j].prefix {
			return all[i].prefix > all[j].prefix
		}
		return all[i].edits < all[j].edits
	})
	out := make([]string, 0, n)
	for _, s := range all {
		if len(out) == n || len(out) > 0 && all[0].prefix >= 3 && s.prefix < 3 {
			break // past the family of the best match
		}
		out = append(out, s.name)
	}
	return out
}

// Family reports whether word names a network of a family the presets hold
// without being a preset: a family's name followed by a version, a size or
// a variant ("mobilenet_v4", "resnet200", "efficientnet-b7",
// "convnext_base"), or a family's bare name that could mean several
// ("shufflenet"), so the bot can say which presets are closest rather
// than guess.
func Family(word string) bool {
	w := normal(word)
	if _, ok := Spelled(word); ok {
		return false
	}
	for _, f := range families() {
		rest, ok := strings.CutPrefix(w, f)
		if !ok {
			continue
		}
		if rest == "" {
			// A family's bare name (shufflenet, convnext) that no preset
			// or alias claims: several networks answer to it.
			if strings.HasSuffix(f, "net") || strings.HasSuffix(f, "next") {
				return true
			}
			continue
		}
		switch r := rest[0]; {
		case r >= '0' && r <= '9', r == '_':
			return true
		case r == 'v' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9':
			return true
		}
	}
	return false
}

// families are the presets' names up to their first digit or underscore:
// alexnet, convnext, densenet, ..., vgg, wide.
var families = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range Names() {
		f := strings.TrimRightFunc(n[:strings.IndexFunc(n+"0", func(r rune) bool { return r == '_' || r >= '0' && r <= '9' })], func(r rune) bool { return r == 'v' })
		if len(f) >= 3 && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
})

func normal(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "-", "_")
}

func sharedPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// edits is the Levenshtein distance between a and b, in bytes (preset
// names are ASCII).
func edits(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
