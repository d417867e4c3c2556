package bot

import (
	"testing"
	"time"
)

func TestFlood(t *testing.T) {
	f := newFlood(6, 2) // one question every 10 s, two at once
	t0 := time.Unix(1_000_000, 0)
	for _, tc := range []struct {
		name string
		user string
		at   time.Duration
		want verdict
	}{
		{"first", "a", 0, allow},
		{"burst", "a", 0, allow},
		{"over: notice", "a", time.Second, notice},
		{"over again soon: skipped", "a", 2 * time.Second, drop},
		{"others unaffected", "b", 2 * time.Second, allow},
		{"refilled", "a", 12 * time.Second, allow},
		{"over, notice window still open", "a", 13 * time.Second, drop},
		{"over after the notice window: notice again", "a", 40 * time.Second, allow},
		{"bucket full again", "a", 40 * time.Second, allow},
		{"over again: notice", "a", 40 * time.Second, notice},
	} {
		got, wait := f.check(tc.user, t0.Add(tc.at))
		if got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
		if got == notice && wait <= 0 {
			t.Errorf("%s: notice without a wait", tc.name)
		}
	}
}

func TestFloodForgetsIdleUsers(t *testing.T) {
	f := newFlood(6, 2)
	t0 := time.Unix(1_000_000, 0)
	f.check("a", t0)
	f.check("b", t0.Add(20*time.Minute))
	if _, ok := f.users["a"]; ok || len(f.users) != 1 {
		t.Errorf("users = %v, want only b", f.users)
	}
}
