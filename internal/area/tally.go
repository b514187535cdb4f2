package area

// Part one's counts of communities and their organisations, maintained in
// internal/tally (migrations 0015, 0016); each mirrors a figure's SQL in
// figures.go, which the tests hold them to.

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

var (
	// TallyCommunities is 1 while the area is a community in existence
	// (part three's communities at the start read it too).
	TallyCommunities = tally.NewColumn("communities")
	tallyBranches    = tally.NewColumn("community_branches")
	tallyCovered     = tally.NewColumn("communities_with_org")
)

func init() {
	tally.AddSource(tally.Source{Name: "communities and their organisations", Count: countCommunities})
}

// orgSpan is one organisation of an area, while it exists.
type orgSpan struct {
	kind     string
	from, to date.Date
}

// countCommunities counts, per community, the days it exists, its branches
// while both exist, and the days it exists with any organisation.
func countCommunities(ctx context.Context, q db.Q, in string, args []any, c tally.Counter) error {
	rows, err := q.QueryContext(ctx, strings.Replace(`SELECT a.id, a.established_on, a.ended_on, o.kind, o.started_on, o.ended_on
FROM area a LEFT JOIN party_org o ON o.area_id = a.id
WHERE a.level = 'community' AND a.id IN (…) ORDER BY a.id`, "(…)", in, 1), args...)
	if err != nil {
		return err
	}
	type row struct {
		area     int64
		from, to date.Date
		org      *orgSpan
	}
	all, err := db.Collect(rows, func(r *sql.Rows) (x row, err error) {
		var kind sql.NullString
		var of, ot date.Date
		if err := r.Scan(&x.area, &x.from, &x.to, &kind, &of, &ot); err != nil {
			return x, err
		}
		if kind.Valid {
			x.org = &orgSpan{kind.String, of, ot}
		}
		return x, nil
	})
	if err != nil {
		return err
	}
	for lo := 0; lo < len(all); {
		hi := lo + 1
		for hi < len(all) && all[hi].area == all[lo].area {
			hi++
		}
		var orgs []orgSpan
		for _, r := range all[lo:hi] {
			if r.org != nil {
				orgs = append(orgs, *r.org)
			}
		}
		countCommunity(c, all[lo].area, all[lo].from, all[lo].to, orgs)
		lo = hi
	}
	return nil
}

// countCommunity adds one community: its life, each branch within it, and
// the union of its organisations' spans within it.
func countCommunity(c tally.Counter, id int64, from, to date.Date, orgs []orgSpan) {
	c.Span(id, TallyCommunities, from, to)
	var spans []orgSpan
	for _, o := range orgs {
		s, ok := overlap(o, orgSpan{from: from, to: to})
		if !ok {
			continue
		}
		if o.kind == "branch" {
			c.Span(id, tallyBranches, s.from, s.to)
		}
		spans = append(spans, s)
	}
	for _, s := range unionSpans(spans) {
		c.Span(id, tallyCovered, s.from, s.to)
	}
}

// overlap is the part of [a.from, a.to) within [b.from, b.to); a zero end
// is open.
func overlap(a, b orgSpan) (orgSpan, bool) {
	s := orgSpan{from: a.from, to: a.to}
	if b.from.After(s.from) {
		s.from = b.from
	}
	if s.to.IsZero() || (!b.to.IsZero() && b.to.Before(s.to)) {
		s.to = b.to
	}
	return s, s.to.IsZero() || s.from.Before(s.to)
}

// unionSpans merges spans that overlap or touch.
func unionSpans(ss []orgSpan) []orgSpan {
	slices.SortFunc(ss, func(a, b orgSpan) int { return a.from.Time().Compare(b.from.Time()) })
	var out []orgSpan
	for _, s := range ss {
		if n := len(out); n > 0 && (out[n-1].to.IsZero() || !s.from.After(out[n-1].to)) {
			if !out[n-1].to.IsZero() && (s.to.IsZero() || s.to.After(out[n-1].to)) {
				out[n-1].to = s.to
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
