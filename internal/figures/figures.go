// Package figures is the registry of the speech's named figures. Each figure
// is one SQL query over a scope (an area subtree, as the tree stood at the
// date that matters) and a period; the same query yields the value and the
// records behind it, so the two can never disagree.
package figures

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/memo"
	"dangjian/internal/metrics"
	"dangjian/internal/tally"
)

// Scope is what a report asks for: one area and everything under it, and a
// period whose both ends are inclusive.
type Scope struct {
	AreaID   int64     `json:"id"`
	AreaName string    `json:"name"`
	From     date.Date `json:"-"`
	To       date.Date `json:"-"`
	// Level is the level of the scope's area (district, subdistrict,
	// community), for the speech's wording.
	Level string `json:"-"`
}

// Aggregate says how a figure's records become its value.
type Aggregate int

const (
	// Count is the number of distinct record ids.
	Count Aggregate = iota
	// Percent is 100 × (records with Flag) ÷ records, one decimal; 0 when none.
	Percent
	// Sum adds the records' amounts (the flag column carries each record's
	// integer amount) and divides by Scale, two decimals: money kept in fen
	// shown in 万元.
	Sum
)

// Figure is one registered figure.
type Figure struct {
	Key     string
	LabelZH string
	LabelEN string
	UnitZH  string
	UnitEN  string
	// Part is the part of the speech the figure belongs to (1–4).
	Part int
	// RecordKind is what a record's ID points at: area, party_org, party_org_event,
	// person, membership, post, unit or registration.
	RecordKind string
	Agg        Aggregate
	// Scale divides a Sum figure's total (1e6: fen to 万元; 1: a sum of
	// counts, shown as a whole number).
	Scale float64
	// SQL selects the records: id, area_id, name, on_date, detail, flag.
	// ?1 is the scope area, ?2 the period start, ?3 the period end.
	SQL string
	// Tally, when set, reads the value from the maintained counts; SQL
	// still lists the records and defines the value.
	Tally *Tallied
	// Set, for a figure counting distinct ids that do not add up over
	// areas, reads the whole years of the period from the ids kept per area
	// and year in tally_set (sets.go); SQL still defines the value.
	Set *tally.Set
}

// Label is the figure's label in lang.
func (f *Figure) Label(l i18n.Lang) string {
	if l == i18n.EN {
		return f.LabelEN
	}
	return f.LabelZH
}

// Unit is the figure's unit in lang.
func (f *Figure) Unit(l i18n.Lang) string {
	if l == i18n.EN {
		return f.UnitEN
	}
	return f.UnitZH
}

// Format renders a value of this figure: one decimal for percentages, a
// whole number otherwise.
func (f *Figure) Format(v float64) string {
	switch f.Agg {
	case Percent:
		return fmt.Sprintf("%.1f", v)
	case Sum:
		if f.Scale == 1 {
			break // a count summed (person-times): a whole number
		}
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%d", int64(v))
}

var registry = map[string]*Figure{}

// All returns the figures in speech order (part, then registration key order
// as listed in the part's file).
func All() []*Figure {
	out := make([]*Figure, 0, len(registry))
	for _, f := range registry {
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Part != out[j].Part {
			return out[i].Part < out[j].Part
		}
		return order[out[i].Key] < order[out[j].Key]
	})
	return out
}

// Register adds figures, keeping the order they are given in as their
// speech order within their part. A domain registers its figures from an
// init function in its own package; a duplicate key is a programming error.
func Register(fs ...*Figure) {
	for _, f := range fs {
		if _, dup := registry[f.Key]; dup {
			panic("figures: duplicate key " + f.Key)
		}
		registry[f.Key] = f
		order[f.Key] = len(order)
		if f.Tally != nil {
			derivedOf(f) // the roll-up keeps what the figure reads (rollup.go)
		}
	}
}

// order keeps the speech's order within a part.
var order = map[string]int{}

// Get returns the figure with key, or nil.
func Get(key string) *Figure { return registry[key] }

// Value is one computed figure.
type Value struct {
	Key   string  `json:"key"`
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"-"`
}

// Record is one row behind a figure.
type Record struct {
	Kind   string    `json:"kind"`
	ID     int64     `json:"id"`
	AreaID int64     `json:"area_id"`
	Name   string    `json:"name"`
	On     date.Date `json:"on"`
	Detail string    `json:"detail,omitempty"`
	Flag   bool      `json:"flag"`
	// Amount is a Sum figure's record's amount, before Scale.
	Amount int64 `json:"amount,omitempty"`
}

// memoKey names a figure's value for a scope and period in a memo.
func memoKey(key string, s Scope) string {
	return "figure\x00" + key + "\x00" + strconv.FormatInt(s.AreaID, 10) + "\x00" + s.From.String() + "\x00" + s.To.String()
}

// Compute returns the value of one figure (kept in ctx's memo, if any:
// internal/memo).
func (f *Figure) Compute(ctx context.Context, q db.Q, s Scope) (float64, error) {
	return memo.Do(ctx, memoKey(f.Key, s), func() (float64, error) {
		cache, stamp, err := cacheFor(ctx, q)
		if err != nil {
			return 0, err
		}
		if v, ok := cache.get(stamp, memoKey(f.Key, s)); ok {
			return v, nil
		}
		v, err := f.compute(ctx, q, s)
		if err == nil {
			cache.put(stamp, memoKey(f.Key, s), v)
		}
		return v, err
	})
}

func (f *Figure) compute(ctx context.Context, q db.Q, s Scope) (float64, error) {
	defer metrics.FigureComputed(f.Key, time.Now())
	if f.talliedFor(s) || f.Set != nil {
		fresh, err := tally.Clean(ctx, q)
		if err != nil {
			return 0, err
		}
		if fresh && f.Set != nil {
			return computeSet(ctx, q, s, f)
		}
		if fresh {
			vals, err := computeTallied(ctx, q, s, []*Figure{f})
			return vals[f.Key], err
		}
	}
	return f.CountRows(ctx, q, s)
}

// CountRows computes the value from the figure's records, whatever the
// maintained counts say: the definition the counts are tested against.
func (f *Figure) CountRows(ctx context.Context, q db.Q, s Scope) (float64, error) {
	var query string
	switch f.Agg {
	case Percent, Sum:
		query = "SELECT COUNT(*), COALESCE(SUM(r.flag), 0) FROM (" + f.SQL + ") r" + typeParams(q)
	default:
		query = "SELECT COUNT(DISTINCT r.id), 0 FROM (" + f.SQL + ") r" + typeParams(q)
	}
	var n, flagged int64
	if err := q.QueryRowContext(ctx, query, s.AreaID, s.From, s.To).Scan(&n, &flagged); err != nil {
		return 0, fmt.Errorf("figures: %s: %w", f.Key, err)
	}
	return f.finish(n, flagged), nil
}

// Records lists the rows behind one figure: flagged rows last for
// percentages (so the communities still lacking come first), then by date.
func (f *Figure) Records(ctx context.Context, q db.Q, s Scope) ([]Record, error) {
	return f.records(ctx, q, s, "")
}

// RecordsUpTo lists at most n of the rows behind one figure, in the order
// of Records; more reports that there are others (a city's members are two
// million: a page lists the first ones and says so).
func (f *Figure) RecordsUpTo(ctx context.Context, q db.Q, s Scope, n int) (recs []Record, more bool, err error) {
	recs, err = f.records(ctx, q, s, " LIMIT "+strconv.Itoa(n+1))
	if len(recs) > n {
		return recs[:n], true, err
	}
	return recs, false, err
}

func (f *Figure) records(ctx context.Context, q db.Q, s Scope, limit string) ([]Record, error) {
	rows, err := q.QueryContext(ctx, "SELECT r.id, r.area_id, r.name, r.on_date, r.detail, r.flag FROM ("+f.SQL+") r"+typeParams(q)+" ORDER BY r.flag, r.on_date, r.id"+limit,
		s.AreaID, s.From, s.To)
	if err != nil {
		return nil, fmt.Errorf("figures: %s records: %w", f.Key, err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		r := Record{Kind: f.RecordKind}
		var flag int64
		if err := rows.Scan(&r.ID, &r.AreaID, &r.Name, &r.On, &r.Detail, &flag); err != nil {
			return nil, err
		}
		if f.Agg == Sum {
			r.Amount = flag
		} else {
			r.Flag = flag != 0
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ComputeAll computes every registered figure for s, in speech order.
func ComputeAll(ctx context.Context, q db.Q, s Scope, lang i18n.Lang) ([]Value, error) {
	return ComputeList(ctx, q, s, lang, All())
}

// ComputeList computes the figures fs for s, in their order. The figures
// read from the maintained counts are computed together, in two queries;
// those and the figures counted from rows run side by side on the reader
// pool, since each is one query and a machine has more than one core.
func ComputeList(ctx context.Context, q db.Q, s Scope, lang i18n.Lang, fs []*Figure) ([]Value, error) {
	defer metrics.FiguresComputed("list", time.Now())
	// The stamp first: values computed after it are kept under it.
	cache, stamp, err := cacheFor(ctx, q)
	if err != nil {
		return nil, err
	}
	vals, err := computeShared(ctx, cache, stamp, s, fs, func(ctx context.Context) ([]float64, error) {
		return computeValues(ctx, q, s, fs, cache, stamp)
	})
	if err != nil {
		return nil, err
	}
	out := make([]Value, len(fs))
	for i, f := range fs {
		out[i] = Value{Key: f.Key, Label: f.Label(lang), Value: vals[i], Unit: f.Unit(lang), Text: f.Format(vals[i])}
		memo.Put(ctx, memoKey(f.Key, s), vals[i])
		cache.put(stamp, memoKey(f.Key, s), vals[i])
	}
	return out, nil
}

// computeValues computes the values of fs for s, those kept under stamp
// taken from cache.
func computeValues(ctx context.Context, q db.Q, s Scope, fs []*Figure, cache *valueCache, stamp int64) ([]float64, error) {
	fresh, err := tally.Clean(ctx, q)
	if err != nil {
		return nil, err
	}
	vals := make([]float64, len(fs))
	index := make(map[string]int, len(fs))
	var tasks []func() error
	var tallied []*Figure
	for i, f := range fs {
		index[f.Key] = i
		if v, ok := cache.get(stamp, memoKey(f.Key, s)); ok {
			vals[i] = v
			continue
		}
		if fresh && f.talliedFor(s) {
			tallied = append(tallied, f)
			continue
		}
		tasks = append(tasks, func() (err error) {
			defer metrics.FigureComputed(f.Key, time.Now())
			if fresh && f.Set != nil {
				vals[i], err = computeSet(ctx, q, s, f)
				return err
			}
			vals[i], err = f.CountRows(ctx, q, s)
			return err
		})
	}
	if len(tallied) > 0 {
		// The one query of the tallied figures is the longest: first, so
		// that the row counts share the other cores while it runs.
		tasks = append([]func() error{func() error {
			defer metrics.FigureComputed("tallied", time.Now())
			got, err := computeTallied(ctx, q, s, tallied)
			for k, v := range got {
				vals[index[k]] = v
			}
			return err
		}}, tasks...)
	}
	parallel := min(maxParallelQueries, runtime.GOMAXPROCS(0))
	if !q.Pooled() {
		parallel = 1
	}
	if err := RunAll(tasks, parallel); err != nil {
		return nil, err
	}
	return vals, nil
}

// maxParallelQueries bounds the queries one computation runs at once (the
// SQLite reader pool holds four connections); no more than the cores
// either: on two cores four at once took 48 ms for what two took in 38–42.
const maxParallelQueries = 4

// RunAll runs tasks on at most n goroutines and returns the first error.
func RunAll(tasks []func() error, n int) error {
	next := make(chan func() error)
	errs := make(chan error, len(tasks))
	var wg sync.WaitGroup
	for range min(n, len(tasks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for task := range next {
				errs <- task()
			}
		}()
	}
	for _, task := range tasks {
		next <- task
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// typeParams names the types of the three parameters for PostgreSQL, which
// refuses a parameter that a figure's query does not use.
func typeParams(q db.Q) string {
	if q.Dialect() != db.Postgres {
		return ""
	}
	return " WHERE CAST(?1 AS BIGINT) IS NOT NULL AND CAST(?2 AS DATE) IS NOT NULL AND CAST(?3 AS DATE) IS NOT NULL"
}
