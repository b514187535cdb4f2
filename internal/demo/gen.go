package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/pii"
	"dangjian/internal/tally"
)

// GenStats counts what Generate wrote.
type GenStats struct {
	Areas, Events, Orgs int
	// Communities and Subdistricts are those active at the end (today).
	Communities, Subdistricts int
	ClosureRows, OrgEvents    int
	// The people: persons (each with at least one membership), their
	// memberships, stationed units (UnitOrgs of them with their own party
	// organisation, counted in Orgs too), terms, posts, registrations.
	Persons, Memberships, Units, UnitOrgs, Terms, Posts, Registrations int
	// Part two: joint conferences, their member units, sessions, actions
	// (agreed at sessions or raised by whistles), whistles, campaigns.
	Conferences, ConferenceMembers, Sessions, Actions, Whistles, Campaigns int
	// Part three: premises, their rooms, office funding rows, land,
	// building projects, the committees three-lacks at the start and those
	// of them given an office, household counts and standards.
	Premises, Rooms, OfficeFunding, Land, Projects, ThreeLacks, Solved, Households, Standards int
	// Part four (a): demands, resources, co-building projects (and those
	// done), contributions, feedback.
	Demands, Resources, CoProjects, CoProjectsDone, Contributions, Feedback int
	// Part four (b): service outlets, their monthly records, designations,
	// placements, good deeds.
	Outlets, ServiceRecords, Designations, Placements, Deeds int
	// Petitions: cases and the residents' requests about them.
	Petitions, PetitionRequests int
}

func (s GenStats) String() string {
	return fmt.Sprintf("%d areas, %d events, %d party organisations; %d members (%d memberships), %d units, %d terms, %d posts, %d registrations; "+
		"%d joint conferences (%d member units), %d sessions, %d actions, %d whistles, %d campaigns; "+
		"%d premises, %d rooms, %d office funding rows, %d land, %d building projects (%d of %d three-lacks committees solved), %d household counts, %d standards; "+
		"%d demands, %d resources, %d co-building projects (%d done), %d contributions, %d feedback; "+
		"%d outlets (%d monthly records), %d designations, %d placements, %d good deeds; %d petitions (%d requests)",
		s.Areas, s.Events, s.Orgs, s.Persons, s.Memberships, s.Units, s.Terms, s.Posts, s.Registrations,
		s.Conferences, s.ConferenceMembers, s.Sessions, s.Actions, s.Whistles, s.Campaigns,
		s.Premises, s.Rooms, s.OfficeFunding, s.Land, s.Projects, s.Solved, s.ThreeLacks, s.Households, s.Standards,
		s.Demands, s.Resources, s.CoProjects, s.CoProjectsDone, s.Contributions, s.Feedback,
		s.Outlets, s.ServiceRecords, s.Designations, s.Placements, s.Deeds, s.Petitions, s.PetitionRequests)
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
	// Keys encrypts the people's ID and phone numbers; required when the
	// tier has members.
	Keys *pii.Keyring
}

// peopleChunk is how many people the generator plans before writing them.
const peopleChunkSize = 50_000

// Generate builds a synthetic tree of tier t with ten years of history ending
// today, using DefaultSeed.
func Generate(ctx context.Context, d *db.DB, t Tier, keys *pii.Keyring, progress io.Writer) (GenStats, error) {
	return GenerateWith(ctx, d, GenOptions{Tier: t, Seed: DefaultSeed, Today: date.Today(), Keys: keys}, progress)
}

// GenerateWith builds, into an empty database, a tree of the tier's size
// (exactly Tier.Subdistricts subdistricts and Tier.Communities communities
// active today) with ten years of creations, merges, splits, moves,
// boundary adjustments, renames, dissolutions and party organisations, and
// its people (Tier.Members members, Tier.Units stationed units, terms, posts
// and registrations; see gen_people.go), part two (gen_coord.go) and part
// three (premises, rooms, funding, land, building projects, households and
// standards; gen_premises.go), part four (a) (demands, resources,
// co-building projects; gen_cobuilding.go) and part four (b) (outlets and
// their monthly services, designations, placements, good deeds;
// gen_services.go; petitions, gen_petitions.go). The rows are those area.Store, people.Store,
// coordination.Store and premises.Store would write for the same
// operations (see memDB and peoplePlanner), inserted in bulk in one
// transaction; the people are planned and written a chunk at a time.
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
	if o.Tier.Members > 0 && o.Keys == nil {
		return GenStats{}, fmt.Errorf("gen: the people's ID and phone numbers need an encryption key")
	}
	pp := planPeople(p, o)
	if err := ctx.Err(); err != nil {
		return GenStats{}, err
	}
	planned := time.Now()
	cp := planCoordination(p, pp, o, false)
	say("part two: planned %d conferences, %d sessions, %d actions, %d whistles, %d campaigns in %s",
		len(cp.conferences), len(cp.sessions), len(cp.actions), len(cp.whistles), len(cp.campaigns), time.Since(planned).Round(time.Millisecond))
	planned = time.Now()
	pr := planPremises(p, o, false)
	say("part three: planned %d premises, %d rooms, %d office funding rows, %d land, %d building projects (%d of %d three-lacks committees solved, %d under way), %d household counts, %d standards in %s",
		len(pr.premises), len(pr.rooms), len(pr.office), len(pr.land), len(pr.projects), pr.solved, pr.threeLacks, pr.underWay, len(pr.households), len(pr.standards),
		time.Since(planned).Round(time.Millisecond))
	planned = time.Now()
	cb := planCobuilding(cp, o, false)
	say("part four (a): planned %d demands, %d resources, %d co-building projects (%d done), %d contributions, %d feedback in %s",
		len(cb.demands), len(cb.resources), len(cb.projects), cb.done(), len(cb.contributions), len(cb.feedback), time.Since(planned).Round(time.Millisecond))
	planned = time.Now()
	sv := planServices(cp, o, false)
	say("part four (b): planned %d outlets (%d monthly records), %d designations, %d placements, %d good deeds in %s",
		len(sv.outlets), len(sv.records), len(sv.designations), len(sv.placements), len(sv.deeds), time.Since(planned).Round(time.Millisecond))
	planned = time.Now()
	pt := planPetitions(cp, o, false)
	say("petitions: planned %d cases (%d requests) in %s", len(pt.cases), len(pt.requests), time.Since(planned).Round(time.Millisecond))
	start = time.Now()
	var counts peopleCounts
	err = m.write(ctx, d, say, func(q db.Q) error {
		err := withoutIndexes(ctx, q, d.Dialect, peopleTables, func() error {
			if err := pp.writeUnits(ctx, q); err != nil {
				return err
			}
			say("units: %d, their party organisations: %d", len(pp.units), len(pp.unitOrgs))
			err := pp.plan(peopleChunkSize, func(c *peopleChunk) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := writeChunk(ctx, q, o.Keys, c, &counts); err != nil {
					return err
				}
				say("members: %d (%d memberships), terms: %d, posts: %d, registrations: %d", counts.persons, counts.memberships, counts.terms, counts.posts, counts.registrations)
				return nil
			})
			if err == nil {
				say("people written; building their indexes")
			}
			return err
		})
		if err != nil {
			return err
		}
		written := time.Now()
		if err := withoutIndexes(ctx, q, d.Dialect, coordTables, func() error { return cp.write(ctx, q) }); err != nil {
			return err
		}
		say("part two written in %s", time.Since(written).Round(time.Millisecond))
		written = time.Now()
		if err := pr.write(ctx, q); err != nil {
			return err
		}
		say("part three written in %s", time.Since(written).Round(time.Millisecond))
		written = time.Now()
		if err := cb.write(ctx, q); err != nil {
			return err
		}
		say("part four (a) written in %s", time.Since(written).Round(time.Millisecond))
		written = time.Now()
		if err := sv.write(ctx, q); err != nil {
			return err
		}
		say("part four (b) written in %s", time.Since(written).Round(time.Millisecond))
		written = time.Now()
		if err := pt.write(ctx, q, o.Keys); err != nil {
			return err
		}
		say("petitions written in %s", time.Since(written).Round(time.Millisecond))
		// Every area, as the loader ran without the triggers that note
		// what each row touched (on SQLite).
		counted := time.Now()
		if err := tally.MarkAll(ctx, q); err != nil {
			return err
		}
		n, err := tally.Flush(ctx, q)
		if err == nil {
			say("counts of %d areas brought up to date in %s", n, time.Since(counted).Round(time.Millisecond))
		}
		return err
	})
	if err != nil {
		return GenStats{}, err
	}
	say("written in %s", time.Since(start).Round(time.Millisecond))
	if d.Dialect == db.Postgres {
		// Fresh statistics, so that the first queries are planned on them,
		// and the visibility map set, so that index-only scans stay so.
		start = time.Now()
		if _, err := d.Writer().ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
			return GenStats{}, fmt.Errorf("gen: vacuum analyze: %w", err)
		}
		say("vacuumed and analysed in %s", time.Since(start).Round(time.Millisecond))
	}
	return GenStats{
		Areas: len(m.areas), Events: len(m.events), Orgs: len(m.orgs) + len(pp.unitOrgs),
		Communities: p.comms.len(), Subdistricts: p.subs.len(),
		ClosureRows: len(m.closure), OrgEvents: len(m.orgEvents) + len(pp.orgEvts),
		Persons: counts.persons, Memberships: counts.memberships, Units: len(pp.units), UnitOrgs: len(pp.unitOrgs),
		Terms: counts.terms, Posts: counts.posts, Registrations: counts.registrations,
		Conferences: len(cp.conferences), ConferenceMembers: len(cp.members), Sessions: len(cp.sessions), Actions: len(cp.actions),
		Whistles: len(cp.whistles), Campaigns: len(cp.campaigns),
		Premises: len(pr.premises), Rooms: len(pr.rooms), OfficeFunding: len(pr.office), Land: len(pr.land), Projects: len(pr.projects),
		ThreeLacks: pr.threeLacks, Solved: pr.solved, Households: len(pr.households), Standards: len(pr.standards),
		Demands: len(cb.demands), Resources: len(cb.resources), CoProjects: len(cb.projects), CoProjectsDone: cb.done(),
		Contributions: len(cb.contributions), Feedback: len(cb.feedback),
		Outlets: len(sv.outlets), ServiceRecords: len(sv.records), Designations: len(sv.designations), Placements: len(sv.placements), Deeds: len(sv.deeds),
		Petitions: len(pt.cases), PetitionRequests: len(pt.requests),
	}, nil
}

// planPeople prepares the people planner of a planned tree and plans its
// units (the members are planned while they are written).
func planPeople(p *planner, o GenOptions) *peoplePlanner {
	pp := newPeoplePlanner(p.m, o.Seed, o.Today, p.start, o.Tier.Members)
	pp.prepare()
	pp.planUnits(o.Tier.Units)
	return pp
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
