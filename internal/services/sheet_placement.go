package services

import (
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// sealIDNumber checks the ID number of in (GB 11643), normalises it in
// place and returns it encrypted and hashed, as CreatePlacement stores it
// ("" for none).
func (s *Store) sealIDNumber(in *PlacementInput) (enc, hash string, err error) {
	if pii.Normalize(in.IDNumber) == "" {
		return "", "", nil
	}
	if in.IDNumber, _, err = people.ParseIDNumber("id_number", in.IDNumber, s.Today()); err != nil {
		return "", "", err
	}
	if s.Keys == nil {
		return "", "", i18n.Errf("id_number", "err.placement_no_key")
	}
	if enc, err = s.Keys.EncryptFor(ColIDNumber, in.IDNumber); err != nil {
		return "", "", err
	}
	return enc, s.Keys.Hash(ColIDNumber, in.IDNumber), nil
}

// placement checks a row of the placement sheet and adds or corrects its
// placement; an end date on a job that goes on ends it (EndPlacement's
// rules). The ID number is exported masked: a masked cell keeps the
// number, a number in clear is taken (encrypted) only for a new
// placement, and neither is ever audited in clear.
func (im *importer) placement() error {
	id := im.number()
	a := im.area(id)
	in := PlacementInput{AreaID: a.ID, Name: strings.TrimSpace(im.row.Get("name")), IDNumber: im.row.Get("id_number"), BeforeStatus: BeforeStatus(im.enum("before_status")),
		Employer: im.row.Get("employer"), Work: im.row.Get("work"), PlacedBy: im.row.Get("placed_by"), PlacedOn: im.date("placed_on"), Note: im.row.Get("note")}
	ended := im.date("ended_on")
	if im.bad() || id < 0 {
		return nil
	}
	masked := strings.Contains(in.IDNumber, "*")
	var enc, hash string
	if id == 0 {
		var err error
		switch {
		case masked:
			im.problem("id_number", "err.svc_sheet_id_masked")
		case in.PlacedOn.IsZero():
			im.problem("placed_on", "err.svc_sheet_placed_on_required")
		default:
			enc, hash, err = im.s.sealIDNumber(&in)
		}
		if err := im.refused(err, "id_number"); err != nil || im.bad() {
			return err
		}
	}
	cur, found, err := recordOf(im, id, im.s.loadPlacement, func(p Placement) (int64, date.Date) { return p.AreaID, p.PlacedOn }, "placed_on", in.PlacedOn,
		sameRecord{"name", "placement/" + itoa(a.ID) + "/" + in.Name + "/" + in.PlacedOn.String() + "/" + hash,
			"SELECT id FROM placement WHERE area_id = ? AND name = ? AND placed_on = ? AND COALESCE(id_number_hash, '') = ? ORDER BY id LIMIT 1", []any{a.ID, in.Name, in.PlacedOn, hash}})
	if err == nil && found && id > 0 && in.IDNumber != "" && in.IDNumber != cur.IDNumber {
		err = im.sameIDNumber(cur, in, masked)
	}
	if err != nil || im.bad() {
		return err
	}
	if !found {
		return im.newPlacement(in, enc, hash, ended)
	}
	ch := PlacementInput{Name: im.keep("name", in.Name, cur.Name), BeforeStatus: BeforeStatus(im.keep("before_status", string(in.BeforeStatus), string(cur.BeforeStatus))),
		Employer: im.keep("employer", in.Employer, cur.Employer), Work: im.keep("work", in.Work, cur.Work), PlacedBy: im.keep("placed_by", in.PlacedBy, cur.PlacedBy),
		Note: im.keep("note", in.Note, cur.Note)}
	if err := im.refused(placementText(&ch), "name"); err != nil || im.bad() {
		return err
	}
	if ch.Name != cur.Name || ch.BeforeStatus != cur.BeforeStatus || ch.Employer != cur.Employer || ch.Work != cur.Work || ch.PlacedBy != cur.PlacedBy || ch.Note != cur.Note {
		if _, err := im.write("placement.update", "placement", cur.ID, ch.masked(), "UPDATE placement SET name = ?, before_status = ?, employer = ?, work = ?, placed_by = ?, note = ? WHERE id = ?",
			ch.Name, ch.BeforeStatus, ch.Employer, ch.Work, ch.PlacedBy, ch.Note, cur.ID); err != nil {
			return err
		}
	}
	return im.endPlacement(cur, ended)
}

// sameIDNumber records a problem when the ID number a row gives for
// placement p (masked, or in clear) is not the one kept: it cannot change
// through the sheet.
func (im *importer) sameIDNumber(p Placement, in PlacementInput, masked bool) error {
	if !masked {
		_, hash, err := im.s.sealIDNumber(&in)
		if err != nil {
			return im.refused(err, "id_number")
		}
		var kept string
		if err := im.q.QueryRowContext(im.ctx, "SELECT COALESCE(id_number_hash, '') FROM placement WHERE id = ?", p.ID).Scan(&kept); err != nil {
			return err
		}
		if kept == hash {
			return nil
		}
	}
	im.problem("id_number", "err.svc_sheet_cell_fixed", p.IDNumber)
	return nil
}

// newPlacement adds the placement in (its ID number sealed as enc and
// hash) by CreatePlacement's rules, ended on ended when given.
func (im *importer) newPlacement(in PlacementInput, enc, hash string, ended date.Date) error {
	var err error
	if _, err = im.s.placeOn(im.ctx, "area_id", in.AreaID, date.Date{}, area.Subdistrict, area.Community); err == nil {
		if err = placementText(&in); err == nil {
			if err = im.s.checkDate("placed_on", in.PlacedOn); err == nil {
				_, err = im.s.placeOn(im.ctx, "area_id", in.AreaID, in.PlacedOn, area.Subdistrict, area.Community)
			}
		}
	}
	if err == nil && hash != "" {
		var n int
		if err := im.q.QueryRowContext(im.ctx, "SELECT COUNT(*) FROM placement WHERE id_number_hash = ? AND placed_on = ?", hash, in.PlacedOn).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			err = &i18n.Error{Field: "id_number", Key: "err.placement_twice", Args: []any{in.PlacedOn.String()}, Err: fault.Conflict}
		}
	}
	if err := im.refused(err, "name"); err != nil || im.bad() {
		return err
	}
	id, err := im.write("placement.create", "placement", 0, in.masked(), `INSERT INTO placement (area_id, name, id_number_enc, id_number_hash, before_status, employer, work, placed_by, placed_on, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		in.AreaID, in.Name, db.Null(enc), db.Null(hash), in.BeforeStatus, in.Employer, in.Work, in.PlacedBy, in.PlacedOn, in.Note)
	if err != nil {
		return err
	}
	return im.endPlacement(Placement{ID: id, PlacedOn: in.PlacedOn}, ended)
}

// endPlacement records that placement p's job ended on day when the sheet
// gives an end for a job that goes on; an ended job's end cannot change.
func (im *importer) endPlacement(p Placement, day date.Date) error {
	if day.IsZero() || day == p.EndedOn {
		return nil
	}
	if !p.EndedOn.IsZero() {
		im.fixedDate("ended_on", day, p.EndedOn)
		return nil
	}
	if err := im.refused(im.s.checkEnd("ended_on", p.PlacedOn, day), "ended_on"); err != nil || im.bad() {
		return err
	}
	_, err := im.write("placement.end", "placement", p.ID, map[string]any{"ended_on": day}, "UPDATE placement SET ended_on = ? WHERE id = ?", day, p.ID)
	return err
}
