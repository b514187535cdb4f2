package services

import (
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
)

// deed checks a row of the good deed sheet and adds or corrects its good
// deed (its area and date cannot change, as UpdateDeed keeps them).
func (im *importer) deed() error {
	id := im.number()
	a := im.area(id)
	in := DeedInput{AreaID: a.ID, Kind: DeedKind(im.enum("kind")), Title: strings.TrimSpace(im.row.Get("title")), Beneficiaries: im.count("beneficiaries"),
		DoneBy: im.row.Get("done_by"), DoneOn: im.date("done_on"), Note: im.row.Get("note")}
	if im.bad() || id < 0 {
		return nil
	}
	cur, found, err := recordOf(im, id, im.s.loadDeed, func(g Deed) (int64, date.Date) { return g.AreaID, g.DoneOn }, "done_on", in.DoneOn,
		sameRecord{"title", "deed/" + itoa(a.ID) + "/" + in.Title + "/" + in.DoneOn.String(),
			"SELECT id FROM good_deed WHERE area_id = ? AND title = ? AND done_on = ? ORDER BY id LIMIT 1", []any{a.ID, in.Title, in.DoneOn}})
	if err != nil || im.bad() {
		return err
	}
	if !found {
		return im.newDeed(in)
	}
	ch := DeedInput{Kind: DeedKind(im.keep("kind", string(in.Kind), string(cur.Kind))), Title: im.keep("title", in.Title, cur.Title), Beneficiaries: in.Beneficiaries,
		DoneBy: im.keep("done_by", in.DoneBy, cur.DoneBy), Note: im.keep("note", in.Note, cur.Note)}
	if im.row.Get("beneficiaries") == "" {
		ch.Beneficiaries = cur.Beneficiaries
	}
	if err := im.refused(deedText(&ch), "title"); err != nil || im.bad() {
		return err
	}
	if ch.Kind == cur.Kind && ch.Title == cur.Title && ch.Beneficiaries == cur.Beneficiaries && ch.DoneBy == cur.DoneBy && ch.Note == cur.Note {
		return nil
	}
	_, err = im.write("good_deed.update", "good_deed", cur.ID, ch, "UPDATE good_deed SET kind = ?, title = ?, beneficiaries = ?, done_by = ?, note = ? WHERE id = ?",
		ch.Kind, ch.Title, ch.Beneficiaries, ch.DoneBy, ch.Note, cur.ID)
	return err
}

// newDeed adds the good deed in by CreateDeed's rules.
func (im *importer) newDeed(in DeedInput) error {
	var err error
	if _, err = im.s.placeOn(im.ctx, "area_id", in.AreaID, date.Date{}, area.Subdistrict, area.Community); err == nil {
		if err = deedText(&in); err == nil {
			if err = im.s.checkDate("done_on", in.DoneOn); err == nil {
				_, err = im.s.placeOn(im.ctx, "area_id", in.AreaID, in.DoneOn, area.Subdistrict, area.Community)
			}
		}
	}
	if err := im.refused(err, "title"); err != nil || im.bad() {
		return err
	}
	_, err = im.write("good_deed.create", "good_deed", 0, in, "INSERT INTO good_deed (area_id, kind, title, beneficiaries, done_by, done_on, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		in.AreaID, in.Kind, in.Title, in.Beneficiaries, in.DoneBy, in.DoneOn, in.Note)
	return err
}
