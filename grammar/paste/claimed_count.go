package paste

// A count the asker already has, written with its thousands grouped —
// "is 31,370 right for Dense(10)", "summary says 1,179,712 for the dense",
// "I get 2,432 params" — is a claim to check, never a shape: its comma
// groups digits, it does not separate sizes. Read as a shape ("input 31x370")
// it replaces the real input and every number after it is wrong.

import (
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptClaimAfter are words after a grouped count that say it is a count the
// asker claims or quotes: "31,370 right?", "1,179,712 params".
var ptClaimAfter = map[string]bool{"right": true, "correct": true, "wrong": true, "ok": true, "okay": true, "true": true,
	"params": true, "param": true, "parameters": true, "parameter": true, "weights": true, "trainable": true,
	"macs": true, "flops": true, "features": true, "values": true, "elements": true, "neurons": true, "units": true,
	"connections": true, "bytes": true, "total": true}

// ptClaimBefore are words before a grouped count that quote it: "summary
// says 31,370", "I got 3,136".
var ptClaimBefore = map[string]bool{"says": true, "say": true, "said": true, "shows": true, "showing": true, "show": true,
	"got": true, "get": true, "getting": true, "reports": true, "reported": true, "prints": true, "printed": true,
	"claims": true, "expected": true, "expect": true}

// groupedCount reports whether the nodes from j on are one number with its
// thousands grouped ("31,370", "1,179,712": every comma touches its
// digits, every group after the first has three) that the words around it
// quote as a count.
func (r *ptProseReader) groupedCount(j int) bool {
	if j < 0 || j >= len(r.nodes) || r.nodes[j].Num == "" || len(r.nodes[j].Num) > 3 {
		return false
	}
	end := j
	for k := j; k+2 < len(r.nodes) && r.punct(k+1) == ","; k += 2 {
		comma, next := r.nodes[k+1], r.nodes[k+2]
		if next.Num == "" || len(next.Num) != 3 || comma.Pos.Offset != r.nodes[k].Pos.Offset+len(r.nodes[k].Num) || next.Pos.Offset != comma.Pos.Offset+1 {
			break
		}
		end = k + 2
	}
	if end == j {
		return false
	}
	return ptClaimAfter[r.word(end+1)] || ptClaimBefore[r.word(j-1)]
}

// ptClaimedCountRE is a grouped count the words quote as the asker's own:
// "is 31,370 right", "summary says 8,256 params", "I got 1,204,234".
var ptClaimedCountRE = regexp.MustCompile(`(?i)\b(?:(?:says|say|said|shows|showing|got|get|getting|reports|printed|prints|claims|is)\s+)(\d{1,3}(?:,\d{3})+)\b|\b(\d{1,3}(?:,\d{3})+)\s+(?:is\s+)?(?:right|correct|wrong|ok|okay|params|parameters|trainable)\b`)

// ptWithClaims names, in q's unused numbers, each count the words quote
// as the asker's own ("is 31,370 right for ..."): the question asks to
// check it, so it sizes nothing, and the reply's own count is the check.
func ptWithClaims(src string, q *lang.Question, err error) (*lang.Question, error) {
	if err != nil || q == nil {
		return q, err
	}
	for _, m := range ptClaimedCountRE.FindAllStringSubmatchIndex(src, 8) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		text := src[m[g]:m[g+1]]
		if slices.ContainsFunc(q.Unused, func(u lang.Unused) bool { return u.Text == text }) {
			continue
		}
		q.Unused = append(q.Unused, lang.Unused{Text: text, Pos: ptOffsetPos(src, m[g]), Why: "the count the question quotes, to check: the answer's own count is worked out without it"})
	}
	return q, nil
}
