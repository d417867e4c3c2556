package paste

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug2(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("P8F"))
	src := string(b)
	blank := tsBlankRows(src)
	fmt.Printf("%q\n", blank)
	f, err := ptParseTree(blank)
	fmt.Println(err)
	if err == nil {
		p := ptReadProse(f)
		fmt.Printf("%+v\n", p)
	}
	fmt.Println(tsFromOneRow(src, tsOneRow(src)))
}
