package bot

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// pool answers questions on a fixed number of workers fed by a bounded
// queue, so that a crowd cannot make the bot hold more answers in memory
// than it has workers: a question that finds the queue full is refused
// politely at once (see busyNotice), never piled up.
type pool struct {
	jobs chan func()
	quit chan struct{}
	wg   sync.WaitGroup
	// onPanic, when set, is told of a job that panicked; the worker goes
	// on with the next job either way.
	onPanic func(v any, stack []byte)
}

// newPool starts workers workers (zero means GOMAXPROCS) with room for
// queue waiting jobs (zero means 32 a worker).
func newPool(workers, queue int) *pool {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if queue <= 0 {
		queue = 32 * workers
	}
	p := &pool{jobs: make(chan func(), queue), quit: make(chan struct{})}
	p.wg.Add(workers)
	for range workers {
		go p.work()
	}
	return p
}

func (p *pool) work() {
	defer p.wg.Done()
	for {
		select {
		case job := <-p.jobs:
			p.run(job)
		case <-p.quit:
			return
		}
	}
}

// run runs one job; a panic in it is reported, and ends the job, not the
// process.
func (p *pool) run(job func()) {
	defer func() {
		if v := recover(); v != nil && p.onPanic != nil {
			p.onPanic(v, debug.Stack())
		}
	}()
	job()
}

// submit queues job and reports whether there was room; it never blocks.
func (p *pool) submit(job func()) bool {
	select {
	case p.jobs <- job:
		return true
	default:
		return false
	}
}

// full reports whether the queue is full (for /readyz).
func (p *pool) full() bool { return len(p.jobs) == cap(p.jobs) }

// queued is the number of jobs waiting.
func (p *pool) queued() int { return len(p.jobs) }

// stop ends the workers once they finish the job in hand; jobs still
// queued are dropped. Call it after draining.
func (p *pool) stop() {
	close(p.quit)
	p.wg.Wait()
}
