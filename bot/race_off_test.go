//go:build !race

package bot_test

// raceSlowdown is how much slower code runs under the race detector.
const raceSlowdown = 1
