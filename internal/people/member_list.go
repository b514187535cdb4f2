package people

import (
	"context"
	"dangjian/internal/figures"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// MemberFilter selects a page of the member list: people with a membership
// active on ActiveOn (default today) in an organisation under the scope,
// narrowed by name prefix, branch, category and status, in person id order
// after After (keyset pagination: pass the last row's PersonID).
type MemberFilter struct {
	AreaID int64 `json:"area_id"` // within the caller's scope; 0 = the scope itself
	// Name keeps the members whose name contains it (any part of it).
	Name     string    `json:"name"`
	OrgID    int64     `json:"org_id"`
	Category Category  `json:"category"`
	Status   Status    `json:"status"`
	ActiveOn date.Date `json:"active_on"`
	After    int64     `json:"after"`
	Limit    int       `json:"limit"` // 1–500, default 50
}

// MemberRow is one line of the member list, ID and phone numbers masked.
type MemberRow struct {
	Person     Person     `json:"person"`
	Membership Membership `json:"membership"`
}

// maxPageOrgs is how many organisations a scope may hold for the list to
// read them one by one through membership_org; a larger scope walks
// membership_person in id order and checks the scope per row instead, which
// finds a page quickly because most rows then qualify.
var maxPageOrgs = 1024

// maxWalkOrgs bounds the organisations the walk checks each row against as
// a list; a scope with more (not met in the city tier short of the whole
// tree, which needs no check) checks each row through the closure.
var maxWalkOrgs = 50000

// A scope of more than smallScopeOrgs organisations (a subdistrict with its
// units' organisations) is read through membership_org only when its
// organisations hold at most maxPageRows memberships: reading and sorting
// those few thousand rows beats the walk, which for a selective filter (a
// name prefix in a subdistrict: one member in some ten thousand) would read
// hundreds of thousands of rows to fill a page. Counting stops at
// maxPageRows+1 index entries, so the check costs a millisecond or two.
var (
	smallScopeOrgs = 64
	maxPageRows    = 20000
)

// ListMembers returns one page of the member list.
//
// Plans (see the indexes in 0004_people.sql): a branch filter seeks
// membership_org (org_id, person_id > After) and reads in order; a small
// scope (a community, a subdistrict: up to smallScopeOrgs organisations, or
// up to maxPageOrgs holding at most maxPageRows memberships) reads each of
// its organisations that way and sorts the few thousand rows; a large scope
// (a district, the city) walks membership_person in person order and stops
// at the page's end; a name matches any part of it (LIKE '%x%'), checked on
// the rows the plan reads.
// BenchmarkMemberListCity (internal/demo) measures them on the city tier.
func (s *Store) ListMembers(ctx context.Context, f MemberFilter) ([]MemberRow, error) {
	q := s.DB.Reader()
	mq, err := s.memberQuery(ctx, q, &f)
	if err != nil || mq.none {
		return nil, err
	}
	args := append(mq.args, f.Limit)
	rows, err := q.QueryContext(ctx, "SELECT "+personCols+", "+membershipCols+membershipFrom+
		" WHERE "+mq.where+" ORDER BY "+mq.order+" LIMIT ?", args...)
	if err != nil {
		return nil, wrap("list members", err)
	}
	defer rows.Close()
	var out []MemberRow
	for rows.Next() {
		var r MemberRow
		m := &r.Membership
		p := &r.Person
		if err := rows.Scan(&p.ID, &p.Name, &p.Gender, &p.Ethnicity, &p.BirthDate, &p.idEnc, &p.phoneEnc, &p.Education, &p.Address,
			&m.ID, &m.PersonID, &m.PersonName, &m.OrgID, &m.OrgName, &m.Status, &m.Category, &m.JoinedPartyOn, &m.FullOn,
			&m.From, &m.To, &m.StartReason, &m.EndReason, &m.FromOrgName, &m.ToOrgName, &m.PreviousID, &m.Note); err != nil {
			return nil, wrap("list members", err)
		}
		if err := s.mask(p); err != nil {
			return nil, wrap("list members", err)
		}
		if m.Status == Full && !m.FullOn.IsZero() && f.ActiveOn.Before(m.FullOn) {
			m.Status = Probationary
		}
		out = append(out, r)
	}
	return out, wrap("list members", rows.Err())
}

// CountMembers counts the members of the list's filter (After and Limit
// aside), up to max: a city's two million are not counted row by row for
// a heading; more than max answers max+1 ("more than max").
func (s *Store) CountMembers(ctx context.Context, f MemberFilter, max int) (int, error) {
	q := s.DB.Reader()
	f.After = 0
	mq, err := s.memberQuery(ctx, q, &f)
	if err != nil || mq.none {
		return 0, err
	}
	var n int
	err = q.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1"+membershipFrom+" WHERE "+mq.where+" ORDER BY "+mq.order+" LIMIT ?) x", append(mq.args, max+1)...).Scan(&n)
	return n, wrap("count members", err)
}

// MemberTotal is the exact number of members under areaID (0: the
// caller's scope, or the whole tree) on on, read from the maintained counts
// of the figure members.total, for a list without other filters.
func (s *Store) MemberTotal(ctx context.Context, areaID int64, on date.Date) (int, error) {
	q := s.DB.Reader()
	scope, err := s.subtree(ctx, q, areaID)
	if err != nil {
		return 0, err
	}
	if scope == 0 {
		root, err := s.Areas.Root(ctx)
		if err != nil {
			return 0, err
		}
		scope = root.ID
	}
	v, err := figures.Get("members.total").Compute(ctx, q, figures.Scope{AreaID: scope, From: on, To: on})
	return int(v), err
}

// memberSQL is the member list's WHERE clause, its arguments and its order.
type memberSQL struct {
	where, order string
	args         []any
	none         bool // the scope holds no organisation
}

// memberQuery builds the list's query for f (defaults filled in).
func (s *Store) memberQuery(ctx context.Context, q db.Q, fp *MemberFilter) (memberSQL, error) {
	f := fp
	if f.ActiveOn.IsZero() {
		f.ActiveOn = s.Today()
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	if f.Limit > 500 {
		f.Limit = 500
	}
	if f.Category != "" && !oneOf(f.Category, Resident, Retired, InService, Floating) {
		return memberSQL{}, i18n.Errf("category", "err.category_invalid")
	}
	if f.Status != "" && !oneOf(f.Status, Full, Probationary) {
		return memberSQL{}, i18n.Errf("status", "err.status_invalid")
	}
	scope, err := s.subtree(ctx, q, f.AreaID)
	if err != nil {
		return memberSQL{}, err
	}
	if whole, err := wholeTree(ctx, q, scope); err != nil {
		return memberSQL{}, err
	} else if whole {
		scope = 0 // a city's officer: no check of each row
	}
	on := f.ActiveOn.String()
	order := "m.person_id"
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	add("m.from_on <= ? AND (m.to_on IS NULL OR ? < m.to_on)", f.ActiveOn, f.ActiveOn)
	add("m.person_id > ?", f.After)
	if f.OrgID != 0 {
		if _, err := s.loadOrg(ctx, q, "org_id", f.OrgID); err != nil {
			return memberSQL{}, err
		}
		add("m.org_id = ?", f.OrgID)
	} else if scope != 0 {
		orgs, err := s.orgsUnder(ctx, q, scope, f.ActiveOn, maxWalkOrgs+1)
		if err != nil {
			return memberSQL{}, err
		}
		ids := make([]string, len(orgs))
		for i, id := range orgs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		inList := "m.org_id IN (" + strings.Join(ids, ", ") + ")"
		few := len(orgs) <= maxPageOrgs
		if few && len(orgs) > smallScopeOrgs {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM membership m WHERE "+inList+" LIMIT ?) x", maxPageRows+1).Scan(&n); err != nil {
				return memberSQL{}, wrap("list members", err)
			}
			few = n <= maxPageRows
		}
		switch {
		case len(orgs) == 0:
			return memberSQL{none: true}, nil
		case few:
			where = append(where, inList)
			// Read the scope's memberships and sort them: "+ 0" keeps
			// PostgreSQL from walking membership_person in person order
			// hoping to meet the scope's members early (they sit together
			// in id order, so it reads a million rows; SQLite sorts anyway).
			order = "m.person_id + 0"
		case len(orgs) <= maxWalkOrgs:
			// The walk in person order, each row's organisation looked up
			// in the scope's list (a district of a city: some thousands);
			// "+ 0" keeps the planner off membership_org, whose thousands
			// of ranges it would read whole and sort.
			where = append(where, "m.org_id + 0 IN ("+strings.Join(ids, ", ")+")")
		default:
			add(`EXISTS (SELECT 1 FROM party_org o2
LEFT JOIN unit_location ul ON ul.unit_id = o2.unit_id AND ul.from_on <= ? AND (ul.to_on IS NULL OR ? < ul.to_on)
JOIN area_closure c ON c.descendant_id = COALESCE(o2.area_id, ul.area_id) AND c.ancestor_id = ? AND c.from_on <= ? AND (c.to_on IS NULL OR ? < c.to_on)
WHERE o2.id = m.org_id)`, on, on, scope, on, on)
		}
	}
	if f.Category != "" {
		add("m.category = ?", f.Category)
	}
	switch f.Status {
	case Full:
		add("m.status = 'full' AND (m.full_on IS NULL OR m.full_on <= ?)", f.ActiveOn)
	case Probationary:
		add("(m.status = 'probationary' OR m.full_on > ?)", f.ActiveOn)
	}
	if p := strings.TrimSpace(f.Name); p != "" {
		add(`p.name LIKE ? ESCAPE '\'`, db.Contains(p))
	}
	return memberSQL{where: strings.Join(where, " AND "), order: order, args: args}, nil
}

// orgsUnder lists up to limit party organisations placed under area on on
// (attached to an area under it, or belonging to a unit located under it).
func (s *Store) orgsUnder(ctx context.Context, q db.Q, areaID int64, on date.Date, limit int) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id FROM area_closure c JOIN party_org o ON o.area_id = c.descendant_id
WHERE c.ancestor_id = ?1 AND c.from_on <= ?2 AND (c.to_on IS NULL OR ?2 < c.to_on)
UNION
SELECT o.id FROM area_closure c JOIN unit_location ul ON ul.area_id = c.descendant_id AND ul.from_on <= ?2 AND (ul.to_on IS NULL OR ?2 < ul.to_on)
JOIN party_org o ON o.unit_id = ul.unit_id
WHERE c.ancestor_id = ?1 AND c.from_on <= ?2 AND (c.to_on IS NULL OR ?2 < c.to_on)
LIMIT ?3`, areaID, on, limit)
	if err != nil {
		return nil, wrap("orgs under", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
