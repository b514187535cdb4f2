package cobuilding

import (
	"context"
	"sort"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// Category is what a demand is about.
type Category string

// Categories in the order a form offers them.
var Categories = []Category{"road", "sanitation", "drainage", "greening", "security", "elderly_care", "employment", "culture", "other"}

// Tags are the four kinds of local work (四性工作) a demand may be tagged
// with: regional, social, mass, public welfare.
var Tags = []string{"regional", "social", "mass", "public_welfare"}

// DemandStatus is where a demand stands: open → matched (a project meets
// it) → done (the project is done), or closed without a project.
type DemandStatus string

const (
	Open    DemandStatus = "open"
	Matched DemandStatus = "matched"
	Done    DemandStatus = "done"
	Closed  DemandStatus = "closed"
)

// DemandInput is a community's need raised by residents on a date.
type DemandInput struct {
	AreaID     int64     `json:"area_id"`
	Title      string    `json:"title"`
	Category   Category  `json:"category"`
	Tags       []string  `json:"tags"`
	Households int64     `json:"households"`
	RaisedBy   string    `json:"raised_by"`
	RaisedOn   date.Date `json:"raised_on"`
	Note       string    `json:"note"`
}

// Demand is a stored demand.
type Demand struct {
	ID         int64        `json:"id"`
	AreaID     int64        `json:"area_id"`
	Title      string       `json:"title"`
	Category   Category     `json:"category"`
	Tags       []string     `json:"tags"`
	Households int64        `json:"households"`
	RaisedBy   string       `json:"raised_by"`
	RaisedOn   date.Date    `json:"raised_on"`
	Status     DemandStatus `json:"status"`
	ClosedOn   date.Date    `json:"closed_on,omitzero"`
	Note       string       `json:"note"`
}

// Settled reports whether the demand is done or closed: it takes no
// project any more.
func (d Demand) Settled() bool { return d.Status == Done || d.Status == Closed }

// AgeDays is how long the demand has waited on day: from the day it was
// raised to the day it was settled, or to day while it is still open or
// matched.
func (d Demand) AgeDays(day date.Date) int {
	end := day
	if d.Settled() {
		end = d.ClosedOn
	}
	return int(end.Time().Sub(d.RaisedOn.Time()).Hours() / 24)
}

// cleanDemand checks the fields a demand's create and update share.
func cleanDemand(in *DemandInput) error {
	var err error
	if in.Title, err = text("title", in.Title, 200, true); err != nil {
		return err
	}
	if !oneOf(in.Category, Categories) {
		return i18n.Errf("category", "err.demand_category_invalid")
	}
	seen := map[string]bool{}
	for _, t := range in.Tags {
		if !oneOf(t, Tags) {
			return i18n.Errf("tags", "err.demand_tag_invalid", t)
		}
		seen[t] = true
	}
	in.Tags = in.Tags[:0:0]
	for t := range seen {
		in.Tags = append(in.Tags, t)
	}
	sort.Strings(in.Tags)
	if err := notNegative("households", in.Households); err != nil {
		return err
	}
	if in.RaisedBy, err = text("raised_by", in.RaisedBy, 100, false); err != nil {
		return err
	}
	in.Note, err = text("note", in.Note, 500, false)
	return err
}

// CreateDemand records a demand of an active community in the scope.
func (s *Store) CreateDemand(ctx context.Context, in DemandInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.createDemand(ctx, q, in)
		return err
	})
	return id, err
}

// createDemand is CreateDemand on q, inside the caller's transaction.
func (s *Store) createDemand(ctx context.Context, q db.Q, in DemandInput) (int64, error) {
	if err := cleanDemand(&in); err != nil {
		return 0, err
	}
	if err := s.checkDate("raised_on", in.RaisedOn); err != nil {
		return 0, err
	}
	if _, err := s.community(ctx, "area_id", in.AreaID, in.RaisedOn); err != nil {
		return 0, err
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO demand (area_id, title, category, tags, households, raised_by, raised_on, status, note) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id",
		in.AreaID, in.Title, in.Category, strings.Join(in.Tags, ","), in.Households, in.RaisedBy, in.RaisedOn, in.Note).Scan(&id); err != nil {
		return 0, err
	}
	return id, record(ctx, q, "demand.create", "demand", id, in)
}

// DemandChange corrects what a demand says; its community, date and status
// are not changed here.
type DemandChange struct {
	Title      string   `json:"title"`
	Category   Category `json:"category"`
	Tags       []string `json:"tags"`
	Households int64    `json:"households"`
	RaisedBy   string   `json:"raised_by"`
	Note       string   `json:"note"`
}

// UpdateDemand corrects a demand in the scope.
func (s *Store) UpdateDemand(ctx context.Context, id int64, ch DemandChange) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.updateDemand(ctx, q, id, ch) })
}

// updateDemand is UpdateDemand on q, inside the caller's transaction.
func (s *Store) updateDemand(ctx context.Context, q db.Q, id int64, ch DemandChange) error {
	in := DemandInput{Title: ch.Title, Category: ch.Category, Tags: ch.Tags, Households: ch.Households, RaisedBy: ch.RaisedBy, Note: ch.Note}
	if err := cleanDemand(&in); err != nil {
		return err
	}
	if _, err := s.loadDemand(ctx, q, "demand_id", id); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, "UPDATE demand SET title = ?, category = ?, tags = ?, households = ?, raised_by = ?, note = ? WHERE id = ?",
		in.Title, in.Category, strings.Join(in.Tags, ","), in.Households, in.RaisedBy, in.Note, id); err != nil {
		return err
	}
	return record(ctx, q, "demand.update", "demand", id, in)
}

// CloseDemand closes an open or matched demand on a date without a project
// (solved otherwise, withdrawn, out of reach).
func (s *Store) CloseDemand(ctx context.Context, id int64, on date.Date, note string) error {
	if err := s.checkDate("closed_on", on); err != nil {
		return err
	}
	note, err := text("note", note, 500, false)
	if err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		d, err := s.loadDemand(ctx, q, "demand_id", id)
		if err != nil {
			return err
		}
		if d.Settled() {
			return settled("status", d)
		}
		if on.Before(d.RaisedOn) {
			return i18n.Errf("closed_on", "err.demand_closed_before_raised", d.RaisedOn.String())
		}
		if note != "" {
			d.Note = strings.TrimSpace(d.Note + "\n" + note)
		}
		if _, err := q.ExecContext(ctx, "UPDATE demand SET status = 'closed', closed_on = ?, note = ? WHERE id = ?", on, d.Note, id); err != nil {
			return err
		}
		return record(ctx, q, "demand.close", "demand", id, map[string]any{"closed_on": on, "note": note})
	})
}

// settled refuses a demand already done or closed.
func settled(field string, d Demand) error {
	return &i18n.Error{Field: field, Key: "err.demand_settled", Args: []any{d.Title, d.ClosedOn.String()}, Err: fault.Conflict}
}

const demandCols = "d.id, d.area_id, d.title, d.category, d.tags, d.households, d.raised_by, d.raised_on, d.status, d.closed_on, d.note"

func scanDemand(row interface{ Scan(...any) error }) (Demand, error) {
	var d Demand
	var tags string
	err := row.Scan(&d.ID, &d.AreaID, &d.Title, &d.Category, &tags, &d.Households, &d.RaisedBy, &d.RaisedOn, &d.Status, &d.ClosedOn, &d.Note)
	d.Tags = []string{}
	if tags != "" {
		d.Tags = strings.Split(tags, ",")
	}
	return d, err
}

// loadDemand reads demand id, refusing one outside the scope.
func (s *Store) loadDemand(ctx context.Context, q db.Q, field string, id int64) (Demand, error) {
	d, err := scanDemand(q.QueryRowContext(ctx, "SELECT "+demandCols+" FROM demand d WHERE d.id = ?", id))
	if db.IsNotFound(err) {
		return d, notFound(field, "err.demand_unknown", id)
	}
	if err != nil {
		return d, err
	}
	if _, err := s.Areas.Get(ctx, d.AreaID); err != nil {
		return d, notFound(field, "err.demand_unknown", id)
	}
	return d, nil
}

// Demand returns one demand in the scope.
func (s *Store) Demand(ctx context.Context, id int64) (Demand, error) {
	return s.loadDemand(ctx, s.DB.Reader(), "demand_id", id)
}

// DemandFilter chooses demands: under an area (the scope when 0), of a
// status and a category ("" for any), oldest first; After is the last
// demand of the previous page.
type DemandFilter struct {
	AreaID   int64
	Status   DemandStatus
	Category Category
	After    *Demand
	Limit    int
}

// ListDemands lists demands in the scope, oldest raised first, so that a
// need raised years ago and still open stands at the top.
func (s *Store) ListDemands(ctx context.Context, f DemandFilter) ([]Demand, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, err
	}
	where, args := []string{"1 = 1"}, []any{}
	if root != 0 {
		where, args = append(where, within("d.area_id")), append(args, root)
	}
	if f.Status != "" {
		where, args = append(where, "d.status = ?"), append(args, f.Status)
	}
	if f.Category != "" {
		where, args = append(where, "d.category = ?"), append(args, f.Category)
	}
	if f.After != nil {
		where, args = append(where, "(d.raised_on > ? OR (d.raised_on = ? AND d.id > ?))"), append(args, f.After.RaisedOn, f.After.RaisedOn, f.After.ID)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+demandCols+" FROM demand d WHERE "+strings.Join(where, " AND ")+
		" ORDER BY d.raised_on, d.id LIMIT "+itoa(page(f.Limit)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Demand{}
	for rows.Next() {
		d, err := scanDemand(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
