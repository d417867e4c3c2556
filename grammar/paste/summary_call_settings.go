package paste

// A setting said after the words' call for a blank row: "conv2d_2 is
// Conv2D(64, 3) with strides=2", "Conv2D(64, 3), strides=2", "with stride
// 2". The setting is the call's: read without it, the row is rebuilt at
// stride 1 (60x60 for 30x30).

import (
	"regexp"
	"strings"
)

// bcAfterSettingRE is a setting written straight after a call: ", strides=2",
// " with stride 2", " and padding='same'". Group 1 is the setting's name,
// group 2 its value.
var bcAfterSettingRE = regexp.MustCompile(`^[ \t]*(?:,[ \t]*|(?:with|and|using)[ \t]+(?:a[ \t]+)?)(strides?|padding|dilation(?:_rate)?)[ \t]*(?:=|of)?[ \t]*(\([ \t]*\d+[ \t]*,[ \t]*\d+[ \t]*\)|\d+|'\w+'|"\w+")`)

// bcSettingKeys are a setting's keyword in each framework.
var bcSettingKeys = map[string][2]string{ // keras, pytorch
	"stride": {"strides", "stride"}, "strides": {"strides", "stride"},
	"padding": {"padding", "padding"}, "dilation": {"dilation_rate", "dilation"}, "dilation_rate": {"dilation_rate", "dilation"},
}

// withAfterSettings is call, written in words up to end, with the
// settings written after it as its keyword arguments, for the call's
// framework (nn. is PyTorch's).
func withAfterSettings(call, words string, end int) string {
	fw := 0
	if strings.HasPrefix(call, "nn.") {
		fw = 1
	}
	for {
		m := bcAfterSettingRE.FindStringSubmatchIndex(words[end:])
		if m == nil {
			return call
		}
		name, value := words[end+m[2]:end+m[3]], words[end+m[4]:end+m[5]]
		key := bcSettingKeys[strings.ToLower(name)][fw]
		if strings.Contains(call, key+"=") {
			return call
		}
		call = strings.TrimSuffix(call, ")") + ", " + key + "=" + value + ")"
		end += m[1]
	}
}
