//go:build race

package picture

// raceEnabled thins the rendering sweeps under the race detector, which
// makes drawing some ten times slower; the sweeps' full sample runs
// without it.
const raceEnabled = true
