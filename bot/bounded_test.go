package bot_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/cnnbot/cnnbot/bot"
)

// The per-question bounds of issue 9: every question of at most 4,000
// characters is answered or refused with at most maxAlloc bytes allocated
// (Answer plus one medium's rendering, measured with runtime.MemStats:
// deterministic, so asserted as is) and within maxTime. The time goal is
// 50 ms; the test's ceiling is 20 times that (and 10 times more under the
// race detector) so that a loaded CI machine cannot fail it — it catches a
// question that takes seconds, which is the bug class (Conv10000000d took
// 0.3 s and 100 MB; Conv4294967296d ran out of memory). The figures for
// the worst cases are measured by BenchmarkWorstCase.
const (
	maxAlloc = 32 << 20
	maxTime  = 20 * 50 * time.Millisecond
)

// hugeNumbers go into every numeric slot of every front-end.
var hugeNumbers = []string{
	"0", "2147483648", "4294967296", "9007199254740993", "9223372036854775807", "9223372036854775808",
	"18446744073709551616", "1" + strings.Repeat("0", 30), strings.Repeat("9", 400),
}

// templates are questions of every front-end with their numeric slots
// marked #; each slot in turn takes each huge number, the others a small
// one.
var templates = []string{
	// spec
	"conv #x# #-># stride # pad # dilation # groups # input #x#",
	"conv1d # #-># stride # input #",
	"conv3d #x#x# #-># input #x#x#",
	"deconv #x# #-># stride # pad # outpad # dilation # input #x#",
	"maxpool # stride # pad # dilation # input #x#x#",
	"avgpool # stride # input #x#x# ceil",
	"batchnorm #", "linear #->#", "dropout 0.#",
	"input #x#x#\nconv 3x3 # pad #\nrelu\nmaxpool #\nflatten\nlinear #",
	"input #x#x#; repeat # { conv 3x3 # pad 1; relu }",
	"input 32x32x3; repeat # { repeat # { relu } }",
	"input #x#x#\nresidual { conv 3x3 # pad 1 } shortcut { conv 1x1 # }\nconcat { branch { conv 1x1 # } branch { maxpool 3 stride 1 pad 1 } }",
	"input 32x32x3\nconv 3x3 16\nbatch #\ndepth #",
	"resnet# batch #", "show vgg#",
	// PyTorch
	"nn.Conv2d(#, #, #, #, #)", "nn.Conv2d(#, #, kernel_size=(#, #), stride=#, padding=#, dilation=#, groups=#)",
	"Conv#d(3, 8, 3)", "nn.MaxPool#d(2) on 8x8x3", "nn.ConvTranspose2d(#, #, #, stride=#, output_padding=#)",
	"nn.Linear(#, #)", "nn.BatchNorm2d(#)",
	"model = nn.Sequential(\n    nn.Conv2d(#, #, #),\n    nn.ReLU(),\n    nn.MaxPool2d(#),\n    nn.Flatten(),\n    nn.Linear(#, #),\n)\n# input is 1 x # x # x #",
	// Keras
	"layers.Conv2D(#, #, strides=#, padding='same', input_shape=(#, #, #))",
	"model = keras.Sequential([\n    layers.Conv2D(#, (#, #), activation='relu', input_shape=(#, #, #)),\n    layers.MaxPooling2D((#, #)),\n    layers.Flatten(),\n    layers.Dense(#),\n])",
	" conv2d (Conv2D)             (None, #, #, #)          #",
	// English
	"how many parameters does a conv layer with # #x# filters on a #x#x# input have?",
	"what padding keeps #x# with a #x# kernel and stride #?",
	"what is the output size of a #x# conv with stride # and padding # on a #x# image?",
	"a fully connected layer from # to # neurons: how many weights?",
}

// extremes are the other worst cases: deep nesting, 10,000-row
// summaries, and 4,000 characters of one token.
func extremes() []string {
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "relu" + strings.Repeat(close, n)
	}
	qs := []string{
		"input 8x8x3\n" + nest("repeat 2 { ", " }", 16),
		"input 8x8x3\n" + nest("repeat 2 { ", " }", 17),
		"input 8x8x3\n" + nest("repeat 1 { ", " }", 300),
		"input 8x8x3\n" + nest("residual { ", " } shortcut { }", 200),
		nest("nn.Sequential(", ")", 600),
		nest("(", ")", 1900), nest("[", "]", 1900), nest("{", "}", 1900),
		"input 32x32x3; repeat 10 { repeat 1000 { relu } }",
		"input 224x224x3; repeat 10 { repeat 1000 { conv 3x3 64 pad 1 } }",
		"input 32x32x64\nblock " + strings.Repeat("n", 3900) + " { repeat 10 { repeat 1000 { relu } } }",
		"input 8x8x3\n" + strings.Repeat("relu\n", 799),
		"input 64x64x3\n" + strings.Repeat("conv 3x3 8 pad 1\n", 235),
		strings.Repeat(" dense (Dense)  (None, 10)  110\n", 120),
	}
	for _, tok := range []string{"9", "a", "conv", "(", ")", "x", "3x", "->", ";", "\n", "é", "\x00", "\x1b", "`", "#", "{", "repeat ", "€", "\u202e"} {
		n := 4000 / utf8.RuneCountInString(tok)
		qs = append(qs, strings.Repeat(tok, n))
	}
	return qs
}

// generated fills each template's slots with each huge number in turn.
func generated() []string {
	var qs []string
	for _, tpl := range templates {
		slots := strings.Count(tpl, "#")
		for slot := range slots {
			for _, n := range hugeNumbers {
				k := 0
				q := ""
				for _, part := range strings.SplitAfter(tpl, "#") {
					if strings.HasSuffix(part, "#") {
						v := "3"
						if k == slot {
							v = n
						}
						part = strings.TrimSuffix(part, "#") + v
						k++
					}
					q += part
				}
				qs = append(qs, q)
			}
		}
	}
	return qs
}

// corpus is every question the repository keeps: the fuzz corpora of all
// packages, the golden inputs and the reference phrasings.
func corpus(t *testing.T) []string {
	var qs []string
	root := filepath.Join("..")
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.ToSlash(path), "/testdata/fuzz/") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for _, line := range strings.Split(string(data), "\n") {
			if s, ok := strings.CutPrefix(line, "string("); ok {
				if q, err := strconv.Unquote(strings.TrimSuffix(s, ")")); err == nil {
					qs = append(qs, q)
				}
			}
		}
		return nil
	})
	golden, _ := filepath.Glob(filepath.Join(root, "testdata", "golden", "*.txtar"))
	for _, g := range golden {
		a, err := txtar.ParseFile(g)
		if err != nil {
			continue
		}
		for _, f := range a.Files {
			if f.Name == "input" {
				qs = append(qs, strings.TrimSuffix(string(f.Data), "\n"))
			}
		}
	}
	if f, err := os.Open(filepath.Join(root, "testdata", "phrasings.jsonl")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var p struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &p) == nil && p.Text != "" {
				qs = append(qs, p.Text)
			}
		}
	}
	if len(qs) < 50 {
		t.Fatalf("only %d questions in the corpus: where did the fuzz corpora and goldens go?", len(qs))
	}
	return qs
}

// TestBoundedAnswers: every question of the corpus and of the generated
// extremes, at most 4,000 characters, is answered or refused within
// maxAlloc bytes and maxTime, on each medium; none is an internal error,
// and the Discord message fits.
func TestBoundedAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of questions; run without -short")
	}
	b := bot.New(bot.Options{})
	var qs []string
	qs = append(qs, corpus(t)...)
	qs = append(qs, extremes()...)
	qs = append(qs, generated()...)
	media := []struct {
		name   string
		render func(bot.Reply) int
	}{
		{"discord", func(r bot.Reply) int { return len(bot.RenderMarkdown(r).Content) }},
		{"text", func(r bot.Reply) int { return len(bot.RenderText(r)) }},
		{"json", func(r bot.Reply) int { return len(bot.RenderJSON(r)) }},
	}
	var worstAlloc uint64
	var worstTime time.Duration
	var worstQ string
	checked := 0
	for i, q := range qs {
		if utf8.RuneCountInString(q) > 4000 || raceSlowdown > 1 && i%8 != 0 {
			continue // under the race detector, every eighth question
		}
		checked++
		for _, m := range media {
			answer := func() {
				r := b.Answer(context.Background(), q)
				if r.Internal {
					t.Errorf("%.80q: internal error: %s", q, r.Err.Msg)
				}
				m.render(r)
			}
			alloc, took := measure(answer)
			// A busy machine (CI beside other jobs) can stall one run: an
			// answer over the bound is timed twice more and its fastest run
			// counts. A real hang or blow-up is slow every time.
			for retry := 0; retry < 2 && took > maxTime*raceSlowdown; retry++ {
				_, again := measure(answer)
				took = min(took, again)
			}
			// The race detector defeats sync.Pool on purpose (a 4,000-character
			// question then allocates 230 MB, not 7.5 MB): the bytes are
			// asserted without it.
			if alloc > maxAlloc && raceSlowdown == 1 {
				t.Errorf("%.80q (%d characters) on %s: %s bytes allocated, over %s", q, len(q), m.name, commas(alloc), commas(maxAlloc))
			}
			if took > maxTime*raceSlowdown {
				t.Errorf("%.80q (%d characters) on %s: took %v, over %v", q, len(q), m.name, took, maxTime*raceSlowdown)
			}
			if alloc > worstAlloc {
				worstAlloc, worstQ = alloc, fmt.Sprintf("%.60q on %s", q, m.name)
			}
			worstTime = max(worstTime, took)
		}
	}
	t.Logf("%d questions × 3 media: at most %s bytes allocated (%s), at most %v", checked, commas(worstAlloc), worstQ, worstTime)
}

// measure runs f and returns the bytes it allocated and how long it took.
func measure(f func()) (uint64, time.Duration) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, took
}

func commas(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// BenchmarkWorstCase measures the worst questions of issue 9 end to end
// for Discord (Answer and RenderMarkdown); the goal is 50 ms and 32 MB
// each:
//
//	go test -run '^$' -bench BenchmarkWorstCase -benchmem ./bot/
func BenchmarkWorstCase(b *testing.B) {
	bt := bot.New(bot.Options{})
	for _, q := range extremes()[8:11] {
		b.Run(fmt.Sprintf("%.24s", strings.ReplaceAll(q, "\n", " ")), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bot.RenderMarkdown(bt.Answer(context.Background(), q))
			}
		})
	}
}

// TestLeavesBudget: the per-answer budget of unrolled layers is checked in
// bot, before anything is unrolled, whatever the front-end allowed.
func TestLeavesBudget(t *testing.T) {
	b := bot.New(bot.Options{MaxLeaves: 100})
	for _, q := range []string{
		"input 8x8x3; repeat 2 { repeat 100 { relu } }",
		"input 8x8x3\n" + strings.Repeat("relu\n", 101),
		"nn.Sequential(" + strings.Repeat("nn.ReLU(), ", 101) + ")\n# input is 1 x 3 x 8 x 8",
	} {
		r := b.Answer(context.Background(), q)
		if r.OK() || !strings.Contains(r.Err.Msg, "more than 100 single layers") || r.Summary != nil {
			t.Errorf("%.40q: want a refusal before sizing, got ok=%v %v", q, r.OK(), r.Err)
		}
	}
	if r := b.Answer(context.Background(), "input 8x8x3; repeat 100 { relu }"); !r.OK() {
		t.Errorf("100 layers refused: %v", r.Err)
	}
}
