package services

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The grid: a month's services for all outlets of a community on one page,
// one row per outlet and kind of service, a cell for the person-times and
// one for the volunteer hours. It is saved in one transaction: every cell,
// or none, with a refusal next to each cell that is wrong.

// GridRow is one outlet and kind of service in a month: the cells' text
// (the stored values, or what the user typed) and their refusals.
type GridRow struct {
	OutletID   int64
	OutletName string
	OutletKind OutletKind
	Kind       ServiceKind
	// First marks the outlet's first row (the page names the outlet once).
	First    bool
	RecordID int64
	PT, VH   string
	PTErr    *i18n.Error
	VHErr    *i18n.Error
}

// Name is the input name of a row's cell (pt or vh).
func (r GridRow) Name(cell string) string {
	return cell + "_" + strconv.FormatInt(r.OutletID, 10) + "_" + string(r.Kind)
}

// Grid is a community's month.
type Grid struct {
	Community area.Area
	Month     date.Date
	Rows      []GridRow
}

// GridCell is what the user typed for one outlet and kind: "" is blank.
type GridCell struct {
	OutletID       int64
	Kind           ServiceKind
	PersonTimes    string
	VolunteerHours string
}

// ErrGridRefused is the refusal of a grid with wrong cells; the grid
// returned with it holds each cell's refusal.
var ErrGridRefused = errors.New("services: grid refused")

// Grid returns the month's rows for the outlets of community open in it,
// with the records already kept.
func (s *Store) Grid(ctx context.Context, communityID int64, month date.Date) (Grid, error) {
	return s.grid(ctx, s.DB.Reader(), communityID, month)
}

func (s *Store) grid(ctx context.Context, q db.Q, communityID int64, month date.Date) (Grid, error) {
	g := Grid{Month: MonthOf(month)}
	if month.IsZero() {
		return g, i18n.Errf("month", "err.date_required")
	}
	a, err := s.placeOn(ctx, "area_id", communityID, date.Date{}, area.Community)
	if err != nil {
		return g, err
	}
	g.Community = a
	if g.Month.After(s.Today()) {
		return g, i18n.Errf("month", "err.date_future", g.Month.String())
	}
	end := monthEnd(g.Month)
	outlets, err := list(ctx, q, scanOutlet, "SELECT "+outletCols+" FROM outlet o WHERE o.area_id = ? AND o.from_on <= ? AND (o.to_on IS NULL OR o.to_on > ?) ORDER BY o.kind, o.name, o.id",
		communityID, end, g.Month)
	if err != nil {
		return g, err
	}
	recs, err := list(ctx, q, scanRecord, "SELECT "+recordCols+recordFrom+" WHERE o.area_id = ? AND r.span = 'month' AND r.on_date = ?", communityID, g.Month)
	if err != nil {
		return g, err
	}
	kept := map[string]Record{}
	for _, r := range recs {
		kept[strconv.FormatInt(r.OutletID, 10)+"/"+string(r.Kind)] = r
	}
	sortOutlets(outlets)
	for _, o := range outlets {
		for _, k := range ServiceKinds {
			row := GridRow{OutletID: o.ID, OutletName: o.Name, OutletKind: o.Kind, Kind: k, First: k == ServiceKinds[0]}
			if r, ok := kept[strconv.FormatInt(o.ID, 10)+"/"+string(k)]; ok {
				row.RecordID, row.PT, row.VH = r.ID, itoa(r.PersonTimes), itoa(r.VolunteerHours)
			}
			g.Rows = append(g.Rows, row)
		}
	}
	return g, nil
}

// sortOutlets orders outlets by the order of OutletKinds, then name.
func sortOutlets(os []Outlet) {
	rank := map[OutletKind]int{}
	for i, k := range OutletKinds {
		rank[k] = i
	}
	for i := 1; i < len(os); i++ {
		for j := i; j > 0 && (rank[os[j].Kind] < rank[os[j-1].Kind] || (rank[os[j].Kind] == rank[os[j-1].Kind] && os[j].Name < os[j-1].Name)); j-- {
			os[j], os[j-1] = os[j-1], os[j]
		}
	}
}

// parseCell reads a cell: blank is -1, else a whole number not below 0.
func parseCell(field, v string) (int64, *i18n.Error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return -1, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, i18n.Errf(field, "err.svc_count_invalid")
	}
	if n < 0 {
		return 0, i18n.Errf(field, "err.svc_negative")
	}
	return n, nil
}

// SaveGrid saves the cells of a community's month in one transaction. A
// cell whose pair is blank and has no record stays without one; a kept
// record whose cells are blanked is corrected to 0 (nothing is deleted).
// When any cell is wrong nothing is saved: the grid comes back with the
// typed text and each cell's refusal, and the error is ErrGridRefused.
func (s *Store) SaveGrid(ctx context.Context, communityID int64, month date.Date, cells []GridCell) (Grid, error) {
	var g Grid
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		if g, err = s.grid(ctx, q, communityID, month); err != nil {
			return err
		}
		index := map[string]int{}
		for i, r := range g.Rows {
			index[r.Name("")] = i
		}
		bad := 0
		for _, c := range cells {
			i, ok := index[GridRow{OutletID: c.OutletID, Kind: c.Kind}.Name("")]
			if !ok {
				return &i18n.Error{Field: "outlet_id", Key: "err.grid_outlet_unknown", Args: []any{c.OutletID}, Err: ErrGridRefused}
			}
			row := &g.Rows[i]
			row.PT, row.VH = strings.TrimSpace(c.PersonTimes), strings.TrimSpace(c.VolunteerHours)
			if _, row.PTErr = parseCell(row.Name("pt"), row.PT); row.PTErr != nil {
				bad++
			}
			if _, row.VHErr = parseCell(row.Name("vh"), row.VH); row.VHErr != nil {
				bad++
			}
		}
		if bad > 0 {
			return &i18n.Error{Field: "grid", Key: "err.grid_refused", Args: []any{bad}, Err: ErrGridRefused}
		}
		for i := range g.Rows {
			if err := s.saveRow(ctx, q, g.Month, communityID, &g.Rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return g, err
}

// saveRow writes one row of a valid grid.
func (s *Store) saveRow(ctx context.Context, q db.Q, month date.Date, communityID int64, row *GridRow) error {
	pt, _ := parseCell("", row.PT)
	vh, _ := parseCell("", row.VH)
	if pt < 0 && vh < 0 && row.RecordID == 0 {
		return nil
	}
	pt, vh = max(pt, 0), max(vh, 0)
	if row.RecordID != 0 {
		if _, err := q.ExecContext(ctx, "UPDATE service_record SET person_times = ?, volunteer_hours = ? WHERE id = ?", pt, vh, row.RecordID); err != nil {
			return err
		}
		return record(ctx, q, "service_record.update", "service_record", row.RecordID, RecordChange{PersonTimes: pt, VolunteerHours: vh})
	}
	in, err := s.checkRecord(ctx, q, RecordInput{OutletID: row.OutletID, Kind: row.Kind, Span: Month, On: month, PersonTimes: pt, VolunteerHours: vh}, nil)
	if err != nil {
		if e, ok := err.(*i18n.Error); ok {
			row.PTErr = &i18n.Error{Field: row.Name("pt"), Key: e.Key, Args: e.Args}
		}
		return &i18n.Error{Field: "grid", Key: "err.grid_refused", Args: []any{1}, Err: ErrGridRefused}
	}
	id, err := insertRecord(ctx, q, in)
	if err != nil {
		return err
	}
	row.RecordID = id
	return record(ctx, q, "service_record.create", "service_record", id, in)
}
