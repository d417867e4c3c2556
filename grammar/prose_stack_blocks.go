package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// A block said once, its count, and a channel list bound to the blocks in
// turn: "4 blocks of conv3x3 -> maxpool2, channels 16, 32, 64, 128",
// "three blocks of Conv2d(k=3, padding=1) + MaxPool2d(2), channels 32,
// 64, 128", "3 conv pad1 + maxpool2 each, 3->32->64->128", "5 blocks of
// conv3x3(no pad)+maxpool2". The i-th channel count is every conv's of
// the i-th block; a chain one longer than the blocks starts with the
// input's channels. A list of another length is no reading.

var (
	// blocksHead matches a block count before the block's body: "4
	// blocks of", "three conv blocks:", "2 blocks, each".
	blocksHead = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six|seven|eight)\s+(?:(?:conv(?:olutional)?|identical|such|simple|vgg[- ]?(?:style|like))\s+)?blocks?\s*(?:of\b|:|,?\s*each\s+(?:being|is|=|of|with)?|consisting\s+of|with)?\s*`)
	// eachHead matches a count right before the body, the body then ending
	// in "each": "3 conv pad1 + maxpool2 each".
	eachHead = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six|seven|eight)\s+(?:x\s*)?(?:\(\s*)?`)
	eachTail = regexp.MustCompile(`(?i)^\s*\)?\s*(?:each|per\s+block)\b`)
	// channelList matches the channels bound to the blocks, right after
	// the body: "channels 16, 32, 64, 128", "32, 64 and 128 filters",
	// "3->32->64->128".
	channelList = regexp.MustCompile(`(?i)^[\s,;:(]*(?:(?:with|and|using)\s+)?(?:(?:channels?|filters?|out(?:put)?\s+channels|feature\s+maps)\s*(?:of|=|:|are)?\s*\(?(` + numList + `)\)?|\(?(` + numList + `)\)?\s*(?:channels|filters|feature\s+maps)\b|(\d+(?:\s*(?:->|→)\s*\d+){2,}))\)?`)
	// padAdded matches a padding the asker put on every conv afterwards:
	// "I fixed it by adding padding=1 to every conv".
	padAdded = regexp.MustCompile(`(?i)\b(?:add(?:ed|ing)?|put(?:ting)?|set(?:ting)?|us(?:e|ed|ing)|with)\s+(?:a\s+)?padding\s*(?:=|of)?\s*(\d+)\s+(?:to|on|for|in)\s+(?:every|each|all(?:\s+the)?|both)\s+(?:of\s+the\s+)?(?:conv\w*|layers?)`)
)

// numList is two or more numbers in a list: "16, 32, 64", "32, 64 and
// 128", "32/64/128".
const numList = `\d+(?:\s*(?:,|/)\s*\d+)+(?:\s*,?\s*(?:and|&)\s*\d+)?`

// countWord is a count in digits or words, 0 when it is neither.
func countWord(s string) int {
	words := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
	if n, ok := words[strings.ToLower(s)]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// blocksWithChannels writes out the first block said with its count.
func blocksWithChannels(src string) (string, []stackLayer) {
	for _, m := range blocksHead.FindAllStringSubmatchIndex(src, -1) {
		if out, layers := unrollBlocks(src, m[0], m[1], countWord(src[m[2]:m[3]]), false); len(layers) > 0 {
			return out, layers
		}
	}
	for _, m := range eachHead.FindAllStringSubmatchIndex(src, -1) {
		if out, layers := unrollBlocks(src, m[0], m[1], countWord(src[m[2]:m[3]]), true); len(layers) > 0 {
			return out, layers
		}
	}
	return "", nil
}

// unrollBlocks reads the body starting at src[body:] and the channels
// after it, and writes n copies out in place of src[start:...]. With
// each, the body must end in "each".
func unrollBlocks(src string, start, body, n int, each bool) (string, []stackLayer) {
	if n < 2 || n > 12 {
		return "", nil
	}
	block, used := stackItems(src[body:])
	if !wellFormed(block) {
		return "", nil
	}
	end := body + used
	if each {
		t := eachTail.FindStringIndex(src[end:])
		if t == nil {
			return "", nil
		}
		end += t[1]
	}
	outs, in, took, ok := blockChannels(src[end:], n)
	if !ok || each && outs == nil {
		return "", nil // "2 3x3 convs each with 32 filters" binds no list
	}
	end += took
	if m := padAdded.FindStringSubmatch(src); m != nil {
		p, _ := strconv.Atoi(m[1])
		for i := range block {
			if strings.HasPrefix(block[i].kind, "conv") {
				block[i].pad, block[i].same = p, false
			}
		}
	}
	var layers []stackLayer
	for i := 0; i < n; i++ {
		for _, l := range block {
			if outs != nil && strings.HasPrefix(l.kind, "conv") {
				l.out = outs[i]
			}
			layers = append(layers, l)
		}
	}
	chainChannels(layers, in)
	out := src[:start] + stackText(layers) + src[end:]
	return padAdded.ReplaceAllString(out, ""), layers // the padding added is in every conv written out
}

// wellFormed reports whether a block has a layer that sizes, and a
// kernel on every one.
func wellFormed(block []stackLayer) bool {
	if len(block) == 0 {
		return false
	}
	for _, l := range block {
		if l.k <= 0 || l.k > 15 {
			return false
		}
	}
	return true
}

// blockChannels reads the channel list right after a body: one count per
// block (outs), or a chain one longer whose first is the input's (in).
// No list is fine (nil, 0); a list of another length is not.
func blockChannels(s string, n int) (outs []int, in, took int, ok bool) {
	m := channelList.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, 0, 0, true
	}
	var nums []int
	for _, f := range regexp.MustCompile(`\d+`).FindAllString(s[m[0]:m[1]], -1) {
		v, _ := strconv.Atoi(f)
		nums = append(nums, v)
	}
	switch {
	case len(nums) == n:
		return nums, 0, m[1], true
	case len(nums) == n+1 && m[6] >= 0:
		return nums[1:], nums[0], m[1], true
	}
	return nil, 0, 0, false
}
