package grammar

import (
	"regexp"
	"strings"
)

// The stem is often named with its network before it, or with no depth at
// all: "rf after resnet stem (7x7 s2 conv then 3x3 s2 maxpool)?", "size
// after resnet18's stem", "the stem of a resnet". Every torchvision ResNet
// (and ResNeXt, Wide ResNet) has the same stem, so a ResNet named without
// its depth still sizes it. stemWithNet rewrites these as the network and
// the place after its max pool, as stemSaid does "after the stem"; the
// recall of the stem's layers in brackets goes with the name it recalls.

// stemRecall matches the stem's layers recalled in brackets after it:
// "(7x7 s2 conv then 3x3 s2 maxpool)", "(conv1 + maxpool)".
const stemRecall = `(?:\s*\([^)]{0,60}\b(?:conv\w*|\w*pool\w*)[^)]{0,40}\))?`

// stemOfNet matches the stem named with its network: "after resnet stem",
// "after the resnet50's stem", "after the stem of resnet".
var stemOfNet = regexp.MustCompile(`(?i)\b(?:after|through|past|output\s+of|out\s+of|end\s+of)\s+(?:the\s+|an?\s+)?(?:((?:wide_?)?res\s*-?\s*ne(?:t|xt)[\w-]*?)(?:'s)?\s+stem\b|stem\s+of\s+(?:the\s+|an?\s+)?((?:wide_?)?res\s*-?\s*ne(?:t|xt)[\w-]*))` + stemRecall)

// stemBare matches the stem named with its network and no place word
// before it: "resnet50 stem rf", "rf of the stem of resnet". It asks of
// the stem as well (the whole network was answered), read as the place
// after the max pool when a size or field is asked; the stem's
// parameters are no place's, so a count asked is left to the readers, and
// a stem whose layers follow in brackets is the asker's own stack.
var stemBare = regexp.MustCompile(`(?i)\b(?:the\s+|an?\s+)?(?:((?:wide_?)?res\s*-?\s*ne(?:t|xt)[\w-]*?)(?:'s)?\s+stem\b|stem\s+of\s+(?:the\s+|an?\s+)?((?:wide_?)?res\s*-?\s*ne(?:t|xt)[\w-]*))`)

// stemLayersGiven matches a stem named then its layers in brackets, or a
// layer of it and what it gives: "resnet stem conv output is 112x112x64"
// is a tensor stated, not the place after the stem.
var stemLayersGiven = regexp.MustCompile(stemBare.String() + `\s*(?:\(|conv\w*\b|(?:output\s+)?(?:is|was|=)\s)`)

// stemCountAsked matches a count asked of the stem, which no place answers.
var stemCountAsked = regexp.MustCompile(`(?i)\bparam\w*|\bweights?\b|\bmacs?\b|\bflops?\b|\bmult\w*`)

// stemWithNet returns src with the stem named with its network rewritten
// as the network and the place after its max pool ("resnet18 after the
// maxpool"); a ResNet without its depth is read as resnet50, whose stem
// every torchvision ResNet shares. src itself when it names no such stem.
func stemWithNet(src string) string {
	out := stemOfNet.ReplaceAllStringFunc(src, stemPlace(stemOfNet))
	if out != src || stemCountAsked.MatchString(src) || stemLayersGiven.MatchString(src) {
		return out
	}
	return stemBare.ReplaceAllStringFunc(src, stemPlace(stemBare))
}

// stemPlace returns the rewrite of one match of re as its network and the
// place after its max pool.
func stemPlace(re *regexp.Regexp) func(string) string {
	return func(s string) string {
		m := re.FindStringSubmatch(s)
		name := m[1] + m[2]
		if !strings.ContainsAny(name, "0123456789") {
			name = "resnet50"
		}
		return name + " after the maxpool"
	}
}
