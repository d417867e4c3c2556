package paste

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("P8F"))
	src := string(b)
	fmt.Println("keras?", LooksLikeKeras(src), "pt?", LooksLikePyTorch(src))
	fmt.Printf("rows %+v\nts %+v\none %+v\n", kerasSummaryRows(src), tsSummaryRows(src), tsOneRow(src))
	q, err := ParseKeras(src)
	fmt.Printf("keras: %v\n", err)
	if q != nil {
		fmt.Printf("%s\n%+v\n%q\n", q.Canonical, q.At, q.Notes)
	}
	q, err = ParsePyTorch(src)
	fmt.Printf("pt: %v\n", err)
	if q != nil {
		fmt.Printf("%s\n%+v\n%q\n", q.Canonical, q.At, q.Notes)
	}
}
