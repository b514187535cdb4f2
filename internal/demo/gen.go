package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// GenStats counts what Generate wrote.
type GenStats struct {
	Areas, Events, Orgs int
	// Communities and Subdistricts are those active at the end (today).
	Communities, Subdistricts int
	ClosureRows, OrgEvents    int
}

func (s GenStats) String() string {
	return fmt.Sprintf("%d areas, %d events, %d party organisations", s.Areas, s.Events, s.Orgs)
}

// DefaultSeed is the seed `dangjian gen` uses, so two runs on the same day
// build the same data.
const DefaultSeed = 20240701

// ErrGenNotEmpty is returned when Generate is pointed at a database that
// already holds areas.
var ErrGenNotEmpty = errors.New("gen: the database already holds areas; synthetic data is generated only into an empty database")

// GenOptions says what Generate builds.
type GenOptions struct {
	Tier Tier
	// Seed drives every random choice: the same seed and Today give the same rows.
	Seed uint64
	// Today is the last day of the ten years of history.
	Today date.Date
}

// Generate builds a synthetic tree of tier t with ten years of history ending
// today, using DefaultSeed.
func Generate(ctx context.Context, d *db.DB, t Tier, progress io.Writer) (GenStats, error) {
	return GenerateWith(ctx, d, GenOptions{Tier: t, Seed: DefaultSeed, Today: date.Today()}, progress)
}

// GenerateWith builds, into an empty database, a tree of the tier's size
// (exactly Tier.Subdistricts subdistricts and Tier.Communities communities
// active today) with ten years of creations, merges, splits, moves,
// boundary adjustments, renames, dissolutions and party organisations. The
// rows are those area.Store would write for the same operations (see memDB),
// inserted in bulk in one transaction.
func GenerateWith(ctx context.Context, d *db.DB, o GenOptions, progress io.Writer) (GenStats, error) {
	if progress == nil {
		progress = io.Discard
	}
	say := func(format string, args ...any) { fmt.Fprintf(progress, "gen: "+format+"\n", args...) }
	var n int
	if err := d.Writer().QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&n); err != nil {
		return GenStats{}, fmt.Errorf("gen: %w", err)
	}
	if n > 0 {
		return GenStats{}, fmt.Errorf("%w (it has %d)", ErrGenNotEmpty, n)
	}
	start := time.Now()
	p, err := plan(o)
	if err != nil {
		return GenStats{}, err
	}
	m := p.m
	say("tier %s: planned %d operations from %s to %s in %s", o.Tier.Name, len(m.ops), p.start, o.Today, time.Since(start).Round(time.Millisecond))
	if err := ctx.Err(); err != nil {
		return GenStats{}, err
	}
	start = time.Now()
	if err := m.write(ctx, d, say); err != nil {
		return GenStats{}, err
	}
	say("written in %s", time.Since(start).Round(time.Millisecond))
	return GenStats{
		Areas: len(m.areas), Events: len(m.events), Orgs: len(m.orgs),
		Communities: p.comms.len(), Subdistricts: p.subs.len(),
		ClosureRows: len(m.closure), OrgEvents: len(m.orgEvents),
	}, nil
}

// plan runs the planner for o, in memory only.
func plan(o GenOptions) (*planner, error) {
	if o.Tier.Communities <= 0 || o.Tier.Subdistricts <= 0 {
		return nil, fmt.Errorf("gen: tier %q has no size", o.Tier.Name)
	}
	if o.Today.IsZero() {
		return nil, fmt.Errorf("gen: no end date")
	}
	p := newPlanner(o.Tier, o.Seed, o.Today)
	if err := p.run(); err != nil {
		return nil, err
	}
	return p, nil
}
