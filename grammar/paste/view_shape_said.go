package paste

// A lone view line with what reaches it said in the words: "i did
// x.view(-1, 32*8*8) but my conv output is [16, 32, 16, 16]", "x.shape
// before the view is torch.Size([8, 64, 7, 7])". The batched shape gives
// what one sample brings to the view (C·H·W), the figure that goes in it;
// a view or batch message beside it must agree with that shape, or the
// shape is not taken.

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// vsShapeRE is a batched shape the words give as what reaches the view:
// "(conv) output is [16, 32, 16, 16]", "x.shape = torch.Size([8, 64, 7,
// 7])", "the tensor before the view is (4, 16, 5, 5)".
var vsShapeRE = regexp.MustCompile(`(?i)\b(?:output|shape|size|tensor|x|gives|returns|produces|outputs|is|are|was)\b[^\n\[(.?!]{0,30}?(?:torch\.Size\(\s*)?[\[(]\s*(\d{1,5})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*[\])]`)

// vsViewRowsRE is a view or reshape with its rows -1 or a number (the
// batch written in it): x.view(16, 16*5*5).
var vsViewRowsRE = regexp.MustCompile(`\.(?:view|reshape)\(\s*(?:-1|\d+)\s*,\s*\d+(?:\s*\*\s*\d+)*\s*\)`)

// ptLoneViewShape fixes a lone view's figure from the batched shape the
// words give; false when they give none, or one a message disagrees with.
func ptLoneViewShape(src string, c *ptCall, text string, was int64, q *lang.Question) bool {
	m := vsShapeRE.FindStringSubmatchIndex(src)
	if m == nil {
		return false
	}
	var dims []int
	for k := 1; k <= 4 && m[2*k] >= 0; k++ {
		v, _ := strconv.Atoi(src[m[2*k]:m[2*k+1]])
		if v < 1 || v > calc.MaxSize {
			return false
		}
		dims = append(dims, v)
	}
	in := calc.Shape(dims[1:])
	per, err := in.Elements()
	if err != nil || per == was || per > calc.MaxSize {
		return false
	}
	if size, _, ok := ptMessageSize(src, dims[0]); ok && size != int64(dims[0])*per {
		return false // the message's values are not this shape's batch
	}
	q.Input = in
	q.Layers = []lang.Layer{{Layer: calc.Flatten{}, Pos: c.Pos}}
	line := fmt.Sprintf("x.view(-1, %s)", ptProductText(in))
	why := fmt.Sprintf("what reaches the view is %s a sample (the shape %v without its batch of %d): %s values, not %d (x.view(x.size(0), -1) follows any size)",
		ptShapeText(in), dims, dims[0], lang.Group(int(per)), was)
	q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	q.Unused = append(q.Unused,
		lang.Unused{Text: text, Pos: c.Pos, Why: "the view's figure, which the shape before it shows is wrong"},
		lang.Unused{Text: src[m[2]:m[3]], Pos: ptOffsetPos(src, m[2]), Why: "the batch size does not change what one sample brings"})
	q.Asked = []string{"output"}
	return true
}

// ptProductText writes a shape as a product: "32 * 16 * 16".
func ptProductText(s calc.Shape) string {
	out := ""
	for i, d := range s {
		if i > 0 {
			out += " * "
		}
		out += strconv.Itoa(d)
	}
	return out
}
