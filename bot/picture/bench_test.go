package picture

import "testing"

// BenchmarkFor renders each example's still picture, PNG-encoded; the
// bytes metric is the file's size.
func BenchmarkFor(b *testing.B) {
	for _, ex := range examples {
		q := parse(b, ex.question)
		b.Run(ex.name, func(b *testing.B) {
			var n int
			start := cpuTime()
			for b.Loop() {
				data, _, ok, err := For(q)
				if err != nil || !ok {
					b.Fatal(ok, err)
				}
				n = len(data)
			}
			b.ReportMetric(float64(n), "bytes")
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkAnimation renders each example that has an animation as a GIF.
func BenchmarkAnimation(b *testing.B) {
	for _, ex := range examples {
		q := parse(b, ex.question)
		if _, _, ok, _ := Animation(q); !ok {
			continue
		}
		b.Run(ex.name, func(b *testing.B) {
			var n int
			start := cpuTime()
			for b.Loop() {
				data, _, _, err := Animation(q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(data)
			}
			b.ReportMetric(float64(n), "bytes")
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
