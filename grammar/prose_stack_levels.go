package grammar

import (
	"regexp"
	"strconv"
)

// An encoder said by its levels: "3x3 convs with no padding, two per
// level, maxpool 2x2, 3 downsampling steps ... the bottleneck after its
// two convs" (the original U-Net's contracting path). Each level is its
// convs then a pool; the bottleneck is the convs of one level more, with
// no pool after them. Read only when the bottleneck is what is asked, as
// it is the one place of the path the words name.

var (
	levelsSaid   = regexp.MustCompile(`(?i)\b(\d|two|three|four|five)\s+(?:down-?sampling|pooling|max[\s-]?pool(?:ing)?|encoder)\s*(?:steps|stages|levels|layers|operations|blocks)?\b`)
	perLevelSaid = regexp.MustCompile(`(?i)\b(two|three|[23])\s+(?:(?:\d+\s*[x×]\s*\d+\s+)?conv(?:olution)?s?\s+)?(?:per|at\s+each|in\s+each|on\s+each|each)\s+(?:level|stage|step|resolution|block)\b`)
	levelConv    = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*\d+\s+conv(?:olution)?s?\b`)
	levelPool    = regexp.MustCompile(`(?i)\bmax[\s-]?pool(?:ing)?\s*(?:of\s+)?(\d+)\s*[x×]\s*\d+|\b(\d+)\s*[x×]\s*\d+\s+max[\s-]?pool(?:ing)?\b`)
	bottleneck   = regexp.MustCompile(`(?i)\bbottleneck\b`)
)

// encoderLevels writes out the contracting path levelsSaid describes, up
// to the bottleneck's convs.
func encoderLevels(src string) (string, []stackLayer) {
	lv, per := levelsSaid.FindStringSubmatchIndex(src), perLevelSaid.FindStringSubmatchIndex(src)
	kc, kp := levelConv.FindStringSubmatchIndex(src), levelPool.FindStringSubmatchIndex(src)
	if lv == nil || per == nil || kc == nil || kp == nil || !bottleneck.MatchString(src) {
		return "", nil
	}
	levels, each := countWord(src[lv[2]:lv[3]]), countWord(src[per[2]:per[3]])
	k, _ := strconv.Atoi(src[kc[2]:kc[3]])
	w, _ := strconv.Atoi(subText(src, kp[2], kp[3]) + subText(src, kp[4], kp[5]))
	if levels < 1 || levels > 6 || k <= 0 || w <= 0 {
		return "", nil
	}
	conv := stackLayer{kind: "conv", k: k, pad: padForAll(src)}
	var layers []stackLayer
	for i := 0; i <= levels; i++ {
		for j := 0; j < each; j++ {
			layers = append(layers, conv)
		}
		if i < levels {
			layers = append(layers, stackLayer{kind: "maxpool", k: w, pad: -1})
		}
	}
	spans := [][2]int{{lv[0], lv[1]}, {per[0], per[1]}, {kc[0], kc[1]}, {kp[0], kp[1]}}
	return replaceSpans(src, spans, stackText(layers)), layers
}
