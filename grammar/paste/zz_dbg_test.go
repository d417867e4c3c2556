package paste

import (
	"os"
	"testing"
)

func TestZZDbg(t *testing.T) {
	b, _ := os.ReadFile("/tmp/p10/h10course-100.txt")
	t.Logf("kernel=%d rows=%+v", wordsKernel(string(b)), tsSummaryRows(string(b)))
}
