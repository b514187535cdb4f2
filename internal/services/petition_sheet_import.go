package services

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// ImportPetitionSheet reads the petitions' sheet from r (a file named
// file, size bytes) and, unless dryRun, applies it in one transaction:
// every case received and every step taken through the store's own rules
// (receiveQ, dispatchQ, …), each with its audit entry, then the import's.
// With any bad row it returns the result with every problem, by line and
// column, and ErrSheetRows, and nothing is written; a dry run checks
// everything the same way and writes nothing. A refused file returns the
// reader's error.
func (s *PetitionStore) ImportPetitionSheet(ctx context.Context, r io.ReaderAt, size int64, file string, dryRun bool) (*SheetResult, error) {
	rd, err := xlsx.Open(r, size, file, petitionSheetSchema())
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	res := &SheetResult{DryRun: dryRun}
	err = s.DB.Tx(ctx, func(q db.Q) error {
		// The services' importer reads the cells (its Store finds areas
		// in the same scope); the petition store takes the steps.
		im := &importer{s: &Store{DB: s.DB, Areas: s.Areas, Keys: s.Keys, Today: s.Today}, ctx: ctx, q: q, rd: rd, res: res,
			seen: map[string]int{}, outlets: map[int64]Outlet{}}
		pi := &petitionImporter{importer: im, ps: s}
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			res.Rows++
			before := len(res.Errors)
			res.Errors = append(res.Errors, row.Problems...)
			im.row, im.changed, im.before = row, false, before
			if err := pi.take(); err != nil {
				return err
			}
			if len(res.Errors) == before {
				if im.changed {
					res.Changed++
				} else {
					res.Unchanged++
				}
			}
		}
		if !res.OK() {
			return fmt.Errorf("%w: %d", ErrSheetRows, len(res.Errors))
		}
		if dryRun {
			return db.ErrRollback
		}
		return audit.Append(ctx, q, audit.Entry{Action: "import.petitions", TargetType: "import",
			After: map[string]any{"rows": res.Rows, "changed": res.Changed, "unchanged": res.Unchanged, "format": rd.Format()}})
	})
	return res, err
}

// petitionImporter checks and applies the rows of the petitions' sheet.
type petitionImporter struct {
	*importer
	ps *PetitionStore
}

// petitionRow is a row of the sheet as read.
type petitionRow struct {
	title                                   string
	typ                                     PetitionType
	channel                                 PetitionChannel
	collective                              string
	headcount                               int64
	received, dispatched, accepted, replied time.Time
	agency, reply                           string
	resolved, verified, calledBack          date.Date
	sat                                     Satisfaction
}

// take checks the current row and receives its case or takes its
// missing steps.
func (pi *petitionImporter) take() error {
	id := pi.number()
	a := pi.area(id)
	c := petitionRow{title: strings.TrimSpace(pi.row.Get("title")), typ: PetitionType(pi.enum("type")), channel: PetitionChannel(pi.enum("channel")),
		collective: pi.enum("collective"), headcount: pi.count("headcount"), received: pi.moment("received_at"),
		agency: strings.TrimSpace(pi.row.Get("agency")), dispatched: pi.moment("dispatched_at"), accepted: pi.moment("accepted_at"),
		replied: pi.moment("replied_at"), reply: strings.TrimSpace(pi.row.Get("reply")),
		resolved: pi.date("resolved_on"), verified: pi.date("verified_on"), calledBack: pi.date("called_back_on"), sat: Satisfaction(pi.enum("satisfaction"))}
	if pi.bad() || id < 0 {
		return nil
	}
	p, found, err := pi.caseOf(id, a, c)
	if err != nil || pi.bad() {
		return err
	}
	if !found {
		return pi.receive(a, c)
	}
	pi.same(p, c)
	if pi.bad() {
		return nil
	}
	return pi.steps(p, c)
}

// caseOf finds the case a row names by its number (in the scope), or
// without a number the same case already received (the same area, title
// and minute of receipt); found is false for a row that receives a new
// case.
func (pi *petitionImporter) caseOf(id int64, a area.Area, c petitionRow) (p Petition, found bool, err error) {
	if id > 0 {
		if p, err = pi.ps.load(pi.ctx, pi.q, "id", id); err != nil {
			return p, false, pi.refused(err, "id")
		}
		pi.fixedArea(p.AreaID)
		return p, true, nil
	}
	if !pi.once("title", "petition/"+itoa(a.ID)+"/"+norm(c.title)+"/"+PetitionTime(c.received)) || c.received.IsZero() {
		return p, false, nil
	}
	from := c.received.Truncate(time.Minute)
	other, err := pi.find("SELECT id FROM petition_case WHERE area_id = ? AND title = ? AND received_at >= ? AND received_at < ? ORDER BY id LIMIT 1",
		a.ID, c.title, stampOf(from), stampOf(from.Add(time.Minute)))
	if err != nil || other == 0 {
		return p, false, err
	}
	p, err = pi.ps.load(pi.ctx, pi.q, "id", other)
	return p, err == nil, err
}

// receive receives the row's case (one request, with no caller: the
// sheet holds no personal data) and takes its steps.
func (pi *petitionImporter) receive(a area.Area, c petitionRow) error {
	id, err := pi.ps.receiveQ(pi.ctx, pi.q, PetitionReceipt{AreaID: a.ID, Title: c.title, Type: c.typ, Collective: c.collective == "yes",
		Headcount: int(c.headcount), ReceivedAt: c.received, Channel: c.channel})
	if err := pi.refused(err, "title"); err != nil || pi.bad() {
		return err
	}
	pi.changed = true
	return pi.steps(Petition{ID: id, ReceivedAt: c.received}, c)
}

// same records a problem for each cell of the receipt that says other
// than case p: they cannot change through the sheet.
func (pi *petitionImporter) same(p Petition, c petitionRow) {
	pi.fixed("title", c.title, p.Title)
	pi.fixedCode("type", string(c.typ), string(p.Type))
	pi.fixedCode("channel", string(c.channel), string(p.Channel))
	pi.fixedCode("collective", c.collective, yesNo(p.Collective))
	if pi.row.Get("headcount") != "" && c.headcount != int64(p.Headcount) {
		pi.problem("headcount", "err.svc_sheet_cell_fixed", strconv.Itoa(p.Headcount))
	}
	pi.fixedTime("received_at", c.received, p.ReceivedAt)
}

// petitionSheetStep is one step of a row: whether the case took it,
// whether the row gives it, the check of a step taken (its cells must
// match) and the store's call for one not taken.
type petitionSheetStep struct {
	have, given bool
	same        func()
	take        func() error
}

// steps takes, in order, each step the row gives and case p has not
// taken, through the store's rules; a step p took must match the row or
// be empty there. The first refused step ends the row.
func (pi *petitionImporter) steps(p Petition, c petitionRow) error {
	ctx, q, s := pi.ctx, pi.q, pi.ps
	for _, st := range []petitionSheetStep{
		{!p.DispatchedAt.IsZero(), c.agency != "" || !c.dispatched.IsZero(), func() {
			pi.fixed("agency", c.agency, p.Agency())
			pi.fixedTime("dispatched_at", c.dispatched, p.DispatchedAt)
		}, func() error {
			in := PetitionStep{At: c.dispatched}
			if in.At.IsZero() {
				in.At = p.ReceivedAt
			}
			unit, err := pi.unitNamed(c.agency)
			if err != nil {
				return err
			}
			if unit != 0 {
				in.UnitID = unit
			} else {
				in.Department = c.agency
			}
			return pi.stepRefused(s.dispatchQ(ctx, q, p.ID, in), "dispatched_at", "agency")
		}},
		{!p.AcceptedAt.IsZero(), !c.accepted.IsZero(), func() { pi.fixedTime("accepted_at", c.accepted, p.AcceptedAt) }, func() error {
			return pi.stepRefused(s.acceptQ(ctx, q, p.ID, c.accepted), "accepted_at", "accepted_at")
		}},
		{!p.RepliedAt.IsZero(), !c.replied.IsZero() || c.reply != "", func() {
			pi.fixedTime("replied_at", c.replied, p.RepliedAt)
			pi.fixed("reply", c.reply, p.Reply)
		}, func() error {
			return pi.stepRefused(s.replyQ(ctx, q, p.ID, c.replied, c.reply), "replied_at", "reply")
		}},
		{!p.ResolvedOn.IsZero(), !c.resolved.IsZero(), func() { pi.fixedDate("resolved_on", c.resolved, p.ResolvedOn) }, func() error {
			return pi.stepRefused(s.resolveQ(ctx, q, p.ID, c.resolved), "resolved_on", "resolved_on")
		}},
		{!p.VerifiedOn.IsZero(), !c.verified.IsZero(), func() { pi.fixedDate("verified_on", c.verified, p.VerifiedOn) }, func() error {
			return pi.stepRefused(s.verifyQ(ctx, q, p.ID, c.verified), "verified_on", "verified_on")
		}},
		{!p.CalledBackOn.IsZero(), !c.calledBack.IsZero() || c.sat != "", func() {
			pi.fixedDate("called_back_on", c.calledBack, p.CalledBackOn)
			pi.fixedCode("satisfaction", string(c.sat), string(p.Satisfaction))
		}, func() error {
			return pi.stepRefused(s.callBackQ(ctx, q, p.ID, c.calledBack, c.sat), "called_back_on", "satisfaction")
		}},
	} {
		switch {
		case st.have && st.given:
			st.same()
		case st.given:
			if err := st.take(); err != nil {
				return err
			}
			if !pi.bad() {
				pi.changed = true
			}
		}
		if pi.bad() {
			return nil
		}
	}
	return nil
}

// stepRefused turns a step's refusal into the row's problem: one of its
// time or day in column timeCol, another in the column of its field (col
// when the sheet has none); only a database failure is returned.
func (pi *petitionImporter) stepRefused(err error, timeCol, col string) error {
	var ie *i18n.Error
	if err == nil || !errors.As(err, &ie) {
		return err
	}
	if ie.Field == "at" || ie.Field == "on" {
		pi.problem(timeCol, ie.Key, ie.Args...)
		return nil
	}
	return pi.refused(err, col)
}

// moment reads the time in column col, in China Standard Time (zero when
// empty or bad; the problem recorded).
func (pi *petitionImporter) moment(col string) time.Time {
	t, err := ParsePetitionTime(col, pi.row.Get(col))
	if e, ok := err.(*i18n.Error); ok {
		pi.problem(col, e.Key, e.Args...)
	}
	return t
}

// fixedTime is fixed for a time cell, to the minute.
func (pi *petitionImporter) fixedTime(col string, got, want time.Time) {
	if !got.IsZero() && PetitionTime(got) != PetitionTime(want) {
		pi.problem(col, "err.svc_sheet_cell_fixed", PetitionTime(want))
	}
}

// unitNamed is the stationed unit that the department or unit cell names
// when exactly one unit has that name, 0 otherwise (the cell is then a
// department).
func (pi *petitionImporter) unitNamed(name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	var id int64
	var n int
	err := pi.q.QueryRowContext(pi.ctx, "SELECT COALESCE(MIN(id), 0), COUNT(*) FROM unit WHERE name = ?", name).Scan(&id, &n)
	if err != nil || n != 1 {
		return 0, err
	}
	return id, nil
}

// yesNo is the collective column's code of b.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
