package grammar

import (
	"regexp"
	"slices"
	"strings"
)

// Numbers written as words count as the asker's numbers too: a reading
// that leaves "sixty four filters" out has left a number out, as one that
// leaves out 64 has. Only numbers from ten up are counted: "one", "two"
// and "three" name layers and filters in ways ("the two", "one of them")
// no reading need explain.

// numberWord matches a run of number words: "sixty four", "thirty-two",
// "one hundred and twenty eight".
var numberWord = regexp.MustCompile(`(?i)\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(?:(?:[\s-]+|\s+and\s+)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b)*\b`)

// wordValues are the values of the number words.
var wordValues = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// wordNumbers finds the numbers of src written as words, from ten up.
func wordNumbers(src string) []written {
	var out []written
	for _, m := range numberWord.FindAllStringIndex(src, -1) {
		v, ok := wordValue(src[m[0]:m[1]])
		if ok && v >= 10 {
			out = append(out, written{text: src[m[0]:m[1]], off: m[0], end: m[1], val: float64(v)})
		}
	}
	return out
}

// wordValue is the value of a run of number words, and whether it is one
// number ("sixty four"; "five six" is two).
func wordValue(s string) (int, bool) {
	total, current, last := 0, 0, 1000
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\n' }) {
		switch w {
		case "and":
		case "hundred":
			current = max(current, 1) * 100
			last = 100
		case "thousand":
			total += max(current, 1) * 1000
			current, last = 0, 1000
		default:
			v := wordValues[w]
			size := 1
			if v >= 10 {
				size = 10
			}
			if size >= last || v >= 20 && current%100 != 0 {
				return 0, false // "five six", "sixty seventy": not one number
			}
			current += v
			last = size
			if v >= 10 && v < 20 {
				last = 1 // nothing follows a teen
			}
		}
	}
	return total + current, true
}

// withWordNumbers adds the word numbers of src to nums, in text order.
func withWordNumbers(src string, nums []written) []written {
	words := wordNumbers(src)
	if len(words) == 0 {
		return nums
	}
	all := append(slices.Clip(nums), words...)
	slices.SortFunc(all, func(a, b written) int { return a.off - b.off })
	return all
}
