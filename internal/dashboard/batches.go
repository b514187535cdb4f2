package dashboard

import (
	"context"
	"runtime"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// period is one batch's period; the scope's area is the same for all.
type period struct{ from, to date.Date }

// batches gathers the figures to compute per period, each figure once,
// and computes each period's with one figures.ComputeList.
type batches struct {
	scope  map[period]figures.Scope
	order  []period
	figs   map[period][]*figures.Figure
	seen   map[period]map[string]bool
	values map[period]map[string]float64
}

func newBatches() *batches {
	return &batches{scope: map[period]figures.Scope{}, figs: map[period][]*figures.Figure{}, seen: map[period]map[string]bool{}}
}

// add asks for fs over s.
func (b *batches) add(s figures.Scope, fs ...*figures.Figure) {
	p := period{s.From, s.To}
	if b.seen[p] == nil {
		b.seen[p] = map[string]bool{}
		b.scope[p] = s
		b.order = append(b.order, p)
	}
	for _, f := range fs {
		if !b.seen[p][f.Key] {
			b.seen[p][f.Key] = true
			b.figs[p] = append(b.figs[p], f)
		}
	}
}

// run computes every batch, a few periods at once (each ComputeList also
// runs its own queries side by side on the reader pool).
func (b *batches) run(ctx context.Context, q db.Q, lang i18n.Lang) error {
	vals := make([][]figures.Value, len(b.order))
	tasks := make([]func() error, len(b.order))
	for i, p := range b.order {
		tasks[i] = func() (err error) {
			vals[i], err = figures.ComputeList(ctx, q, b.scope[p], lang, b.figs[p])
			return err
		}
	}
	if err := runAll(q, parallelPeriods, tasks); err != nil {
		return err
	}
	b.values = make(map[period]map[string]float64, len(b.order))
	for i, p := range b.order {
		m := make(map[string]float64, len(vals[i]))
		for _, v := range vals[i] {
			m[v.Key] = v.Value
		}
		b.values[p] = m
	}
	return nil
}

// value is the value of key over s, computed by run.
func (b *batches) value(s figures.Scope, key string) float64 {
	return b.values[period{s.From, s.To}][key]
}

// parallelPeriods bounds the periods computed at once: figures.ComputeList
// bounds its own queries by the cores and the SQLite reader pool (four).
var parallelPeriods = max(2, min(4, runtime.GOMAXPROCS(0)))

// bySubArea computes f over each of subs, the areas under s, with the
// breakdown of internal/figures (over whole years it reads every area's
// counts at once).
func bySubArea(ctx context.Context, q db.Q, s figures.Scope, subs []figures.Scope, f *figures.Figure, lang i18n.Lang) ([]float64, error) {
	if len(subs) == 0 {
		return nil, nil
	}
	areas := make([]figures.SubArea, len(subs))
	for i, sub := range subs {
		areas[i] = figures.SubArea{ID: sub.AreaID, Name: sub.AreaName, Level: sub.Level}
	}
	b, err := figures.ComputeForAreas(ctx, q, s, subs[0].Level, areas, lang, []*figures.Figure{f})
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(subs))
	for i := range out {
		out[i] = b.Values[i][0]
	}
	return out, nil
}

// runAll runs tasks on at most n goroutines (one when q is a transaction,
// which runs one query at a time) and returns the first error.
func runAll(q db.Q, n int, tasks []func() error) error {
	if !q.Pooled() {
		n = 1
	}
	return figures.RunAll(tasks, n)
}
