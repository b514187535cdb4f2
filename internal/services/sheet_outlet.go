package services

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// outletText is UpdateOutlet's refusals of a change (normalised in place).
func outletText(ch *OutletChange) error {
	if !oneOf(ch.Kind, OutletKinds) {
		return i18n.Errf("kind", "err.outlet_kind_invalid")
	}
	var err error
	if ch.Name, err = text("name", ch.Name, 100, true); err != nil {
		return err
	}
	ch.Note, err = text("note", ch.Note, 500, false)
	return err
}

// checkOutletInput is CreateOutlet's refusals of in (normalised in place).
func (s *Store) checkOutletInput(ctx context.Context, in *OutletInput) error {
	ch := OutletChange{Kind: in.Kind, Name: in.Name, Note: in.Note}
	if err := outletText(&ch); err != nil {
		return err
	}
	in.Name, in.Note = ch.Name, ch.Note
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return err
	}
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, in.FromOn, area.Subdistrict, area.Community); err != nil {
		return err
	}
	return s.checkEnd("to_on", in.FromOn, in.ToOn)
}

// outlet checks a row of the outlet sheet and adds or corrects its
// outlet; a closing date on an open outlet closes it (EndOutlet's rules).
func (im *importer) outlet() error {
	id := im.number()
	a := im.area(id)
	in := OutletInput{AreaID: a.ID, Kind: OutletKind(im.enum("kind")), Name: strings.TrimSpace(im.row.Get("name")), Note: im.row.Get("note"),
		FromOn: im.date("from_on"), ToOn: im.date("to_on")}
	if im.bad() || id < 0 {
		return nil
	}
	cur, found, err := recordOf(im, id, im.s.loadOutlet, func(o Outlet) (int64, date.Date) { return o.AreaID, o.FromOn }, "from_on", in.FromOn,
		sameRecord{"name", "outlet/" + itoa(a.ID) + "/" + in.Name + "/" + in.FromOn.String(),
			"SELECT id FROM outlet WHERE area_id = ? AND name = ? AND from_on = ? ORDER BY id LIMIT 1", []any{a.ID, in.Name, in.FromOn}})
	if err != nil || im.bad() {
		return err
	}
	if !found {
		if err := im.refused(im.s.checkOutletInput(im.ctx, &in), "name"); err != nil || im.bad() {
			return err
		}
		_, err := im.write("outlet.create", "outlet", 0, in, "INSERT INTO outlet (area_id, kind, name, from_on, to_on, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			in.AreaID, in.Kind, in.Name, in.FromOn, db.Null(in.ToOn), in.Note)
		return err
	}
	ch := OutletChange{Kind: OutletKind(im.keep("kind", string(in.Kind), string(cur.Kind))), Name: im.keep("name", in.Name, cur.Name), Note: im.keep("note", in.Note, cur.Note)}
	if err := im.refused(outletText(&ch), "name"); err != nil || im.bad() {
		return err
	}
	if ch.Kind != cur.Kind || ch.Name != cur.Name || ch.Note != cur.Note {
		if _, err := im.write("outlet.update", "outlet", cur.ID, ch, "UPDATE outlet SET kind = ?, name = ?, note = ? WHERE id = ?", ch.Kind, ch.Name, ch.Note, cur.ID); err != nil {
			return err
		}
	}
	return im.endOutlet(cur, in.ToOn)
}

// endOutlet closes outlet o on day when the sheet gives a closing date
// for an open outlet, by EndOutlet's rules; a closed outlet's date cannot
// change.
func (im *importer) endOutlet(o Outlet, day date.Date) error {
	if day.IsZero() || day == o.ToOn {
		return nil
	}
	if !o.ToOn.IsZero() {
		im.fixedDate("to_on", day, o.ToOn)
		return nil
	}
	if err := im.refused(im.s.checkEnd("to_on", o.FromOn, day), "to_on"); err != nil || im.bad() {
		return err
	}
	var later int
	if err := im.q.QueryRowContext(im.ctx, "SELECT COUNT(*) FROM service_record WHERE outlet_id = ? AND on_date >= ?", o.ID, day).Scan(&later); err != nil {
		return err
	}
	if later > 0 {
		im.problem("to_on", "err.outlet_records_after", later)
		return nil
	}
	_, err := im.write("outlet.end", "outlet", o.ID, map[string]any{"to_on": day}, "UPDATE outlet SET to_on = ? WHERE id = ?", day, o.ID)
	return err
}
