package grammar

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	src := os.Getenv("Q")
	if src == "" {
		t.Skip()
	}
	for _, f := range frontEnds(src) {
		q, err := f.read(src)
		if err != nil {
			fmt.Println(f.name, "ERR", err)
			continue
		}
		reports, sizes := computed(q)
		used := presetValues(q, reports)
		var u []Unused
		if f.name == "preset" {
			if q.Preset == "" {
				for k, v := range readingValues(q, reports) {
					used[k] = v
				}
			}
			u = partNames(src, withoutCounts(src, account(src, q, used), reports))
		} else {
			u = account(src, q, readingValues(q, reports))
		}
		fmt.Println(f.name, "sizes", sizes, "score", unexplained(u), q.Canonical)
		for _, x := range u {
			fmt.Printf("   %q %s\n", x.Text, x.Why)
		}
	}
}
