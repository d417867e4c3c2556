package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// flood limits each user's questions with a token bucket
// (golang.org/x/time/rate). A question over the limit is not queued — a
// queue would pile up behind a flooder — but answered with a polite notice,
// itself limited to one a user per noticeEvery so that the notices cannot
// flood the channel in turn. It is safe for concurrent use.
type flood struct {
	limit       rate.Limit
	burst       int
	noticeEvery time.Duration
	idle        time.Duration // a user's bucket is forgotten after this long unused

	mu        sync.Mutex
	users     map[string]*floodUser
	lastSweep time.Time
}

type floodUser struct {
	questions  *rate.Limiter
	lastNotice time.Time
	lastSeen   time.Time
}

// verdict is what to do with a question.
type verdict int

const (
	allow  verdict = iota // answer it
	notice                // over the limit: send the polite notice
	drop                  // over the limit, notice already sent recently
)

// newFlood allows perMinute questions a minute with bursts of burst; zero
// values mean 10 and 5.
func newFlood(perMinute float64, burst int) *flood {
	if perMinute <= 0 {
		perMinute = 10
	}
	if burst <= 0 {
		burst = 5
	}
	return &flood{
		limit:       rate.Limit(perMinute / 60),
		burst:       burst,
		noticeEvery: 30 * time.Second,
		idle:        10 * time.Minute,
		users:       map[string]*floodUser{},
	}
}

// check records one question from user at now and returns the verdict and,
// for notice, how long until the user may ask again.
func (f *flood) check(user string, now time.Time) (verdict, time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sweep(now)
	u := f.users[user]
	if u == nil {
		u = &floodUser{questions: rate.NewLimiter(f.limit, f.burst)}
		f.users[user] = u
	}
	u.lastSeen = now
	r := u.questions.ReserveN(now, 1)
	if r.OK() && r.DelayFrom(now) == 0 {
		return allow, 0
	}
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	if now.Sub(u.lastNotice) < f.noticeEvery {
		return drop, wait
	}
	u.lastNotice = now
	return notice, wait
}

// sweep forgets users idle for longer than f.idle, at most once a minute, so
// that memory stays bounded by the users active recently.
func (f *flood) sweep(now time.Time) {
	if now.Sub(f.lastSweep) < time.Minute {
		return
	}
	f.lastSweep = now
	for id, u := range f.users {
		if now.Sub(u.lastSeen) > f.idle {
			delete(f.users, id)
		}
	}
}
