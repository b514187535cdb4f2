package services

import (
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
)

// designation checks a row of the designation sheet and adds or corrects
// its designation; an end date (with its reason) on a designation in
// force ends it (EndDesignation's rules).
func (im *importer) designation() error {
	id := im.number()
	a := im.area(id)
	in := DesignationInput{AreaID: a.ID, Estate: strings.TrimSpace(im.row.Get("estate")), Kind: DesignationKind(im.enum("kind")), Title: im.row.Get("title"),
		AwardedBy: im.row.Get("awarded_by"), FromOn: im.date("from_on"), Note: im.row.Get("note")}
	toOn, reason := im.date("to_on"), im.enum("end_reason")
	if im.bad() || id < 0 {
		return nil
	}
	cur, found, err := recordOf(im, id, im.s.loadDesignation, func(d Designation) (int64, date.Date) { return d.AreaID, d.FromOn }, "from_on", in.FromOn,
		sameRecord{"estate", "designation/" + itoa(a.ID) + "/" + in.Estate + "/" + string(in.Kind) + "/" + in.FromOn.String(),
			"SELECT id FROM designation WHERE area_id = ? AND estate = ? AND kind = ? AND from_on = ? ORDER BY id LIMIT 1", []any{a.ID, in.Estate, in.Kind, in.FromOn}})
	if err != nil || im.bad() {
		return err
	}
	if !found {
		return im.newDesignation(in, toOn, reason)
	}
	ch := DesignationInput{Estate: im.keep("estate", in.Estate, cur.Estate), Kind: DesignationKind(im.keep("kind", string(in.Kind), string(cur.Kind))),
		Title: im.keep("title", in.Title, cur.Title), AwardedBy: im.keep("awarded_by", in.AwardedBy, cur.AwardedBy), Note: im.keep("note", in.Note, cur.Note)}
	if err := im.refused(designationText(&ch), "estate"); err != nil || im.bad() {
		return err
	}
	if ch.Estate != cur.Estate || ch.Kind != cur.Kind || ch.Title != cur.Title || ch.AwardedBy != cur.AwardedBy || ch.Note != cur.Note {
		if _, err := im.write("designation.update", "designation", cur.ID, ch, "UPDATE designation SET estate = ?, kind = ?, title = ?, awarded_by = ?, note = ? WHERE id = ?",
			ch.Estate, ch.Kind, ch.Title, ch.AwardedBy, ch.Note, cur.ID); err != nil {
			return err
		}
	}
	return im.endDesignation(cur, toOn, reason)
}

// newDesignation adds the designation in by CreateDesignation's rules,
// ended on toOn when given.
func (im *importer) newDesignation(in DesignationInput, toOn date.Date, reason string) error {
	var err error
	if _, err = im.s.placeOn(im.ctx, "area_id", in.AreaID, date.Date{}, area.Community); err == nil {
		if err = designationText(&in); err == nil {
			if err = im.s.checkDate("from_on", in.FromOn); err == nil {
				_, err = im.s.placeOn(im.ctx, "area_id", in.AreaID, in.FromOn, area.Community)
			}
		}
	}
	if err := im.refused(err, "estate"); err != nil || im.bad() {
		return err
	}
	id, err := im.write("designation.create", "designation", 0, in, "INSERT INTO designation (area_id, estate, kind, title, awarded_by, from_on, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		in.AreaID, in.Estate, in.Kind, in.Title, in.AwardedBy, in.FromOn, in.Note)
	if err != nil {
		return err
	}
	return im.endDesignation(Designation{ID: id, FromOn: in.FromOn}, toOn, reason)
}

// endDesignation ends designation d on day for reason when the sheet
// gives an end for a designation in force; an ended one's end cannot
// change.
func (im *importer) endDesignation(d Designation, day date.Date, reason string) error {
	if day.IsZero() {
		if reason != "" && reason != d.EndReason {
			im.problem("to_on", "err.svc_required")
		}
		return nil
	}
	if !d.ToOn.IsZero() {
		im.fixedDate("to_on", day, d.ToOn)
		im.fixedCode("end_reason", reason, d.EndReason)
		return nil
	}
	if !oneOf(reason, EndReasons) {
		im.problem("end_reason", "err.designation_reason_invalid")
		return nil
	}
	if err := im.refused(im.s.checkEnd("to_on", d.FromOn, day), "to_on"); err != nil || im.bad() {
		return err
	}
	_, err := im.write("designation.end", "designation", d.ID, map[string]any{"to_on": day, "end_reason": reason},
		"UPDATE designation SET to_on = ?, end_reason = ? WHERE id = ?", day, reason, d.ID)
	return err
}
