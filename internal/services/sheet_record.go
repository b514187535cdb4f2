package services

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/date"
)

// monthCell is a month as the sheet writes it: 2024-03.
var monthCell = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)

// onDate reads the day or month of a service record: a month as YYYY-MM
// (or any day of it), a day as a date; an empty span is a month when the
// cell names one.
func (im *importer) onDate(span *Span) date.Date {
	v := im.row.Get("on_date")
	if m := monthCell.FindStringSubmatch(v); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			im.problem("on_date", "err.svc_sheet_date", v)
			return date.Date{}
		}
		if *span == "" {
			*span = Month
		}
		return date.New(y, time.Month(mo), 1)
	}
	return im.date("on_date")
}

// record checks a row of the service record sheet. A row with a number
// corrects that record's counts and note; a row without one is checked by
// the batch rules of CreateRecords and adds the record of its cell (an
// outlet or area, a kind, a day or month) or, when the cell is recorded
// already, corrects it as the grid does.
func (im *importer) record() error {
	id := im.number()
	a := im.area(id)
	kind, span := ServiceKind(im.enum("kind")), Span(im.enum("span"))
	on := im.onDate(&span)
	pt, vh := im.count("person_times"), im.count("volunteer_hours")
	outlet := strings.TrimSpace(im.row.Get("outlet_id"))
	if im.bad() || id < 0 {
		return nil
	}
	var cur Record
	if id > 0 {
		r, err := im.s.loadRecord(im.ctx, im.q, "id", id)
		if err != nil {
			return im.refused(err, "id")
		}
		cur = r
		im.fixedArea(r.AreaID)
		im.fixed("outlet_id", outlet, r.OutletName)
		im.fixedCode("kind", string(kind), string(r.Kind))
		im.fixedCode("span", string(span), string(r.Span))
		if r.Span == Month && !on.IsZero() {
			on = MonthOf(on)
		}
		im.fixedDate("on_date", on, r.On)
		if im.bad() {
			return nil
		}
	} else {
		in := RecordInput{Kind: kind, Span: span, On: on, PersonTimes: pt, VolunteerHours: vh, Note: im.row.Get("note")}
		if outlet == "" {
			in.AreaID = a.ID
		} else {
			o, err := im.outletNamed(a.ID, outlet, on)
			if err != nil || o == 0 {
				return err
			}
			in.OutletID = o
		}
		in, err := im.s.checkRecord(im.ctx, im.q, in, im.outlets)
		if err != nil {
			return im.refused(err, "on_date")
		}
		if !im.once("on_date", "record/"+itoa(in.AreaID)+"/"+itoa(in.OutletID)+"/"+string(in.Kind)+"/"+string(in.Span)+"/"+in.On.String()) {
			return nil
		}
		cell, err := findCell(im.ctx, im.q, in)
		if err != nil {
			return err
		}
		if cell == 0 {
			if _, err := insertRecord(im.ctx, im.q, in); err != nil {
				return err
			}
			im.added++
			im.changed = true
			return nil
		}
		if cur, err = im.s.loadRecord(im.ctx, im.q, "id", cell); err != nil {
			return err
		}
	}
	ch := RecordChange{PersonTimes: pt, VolunteerHours: vh, Note: im.keep("note", im.row.Get("note"), cur.Note)}
	if im.row.Get("person_times") == "" {
		ch.PersonTimes = cur.PersonTimes
	}
	if im.row.Get("volunteer_hours") == "" {
		ch.VolunteerHours = cur.VolunteerHours
	}
	var err error
	if ch.Note, err = text("note", ch.Note, 500, false); err != nil {
		return im.refused(err, "note")
	}
	if ch == (RecordChange{PersonTimes: cur.PersonTimes, VolunteerHours: cur.VolunteerHours, Note: cur.Note}) {
		return nil
	}
	_, err = im.write("service_record.update", "service_record", cur.ID, ch, "UPDATE service_record SET person_times = ?, volunteer_hours = ?, note = ? WHERE id = ?",
		ch.PersonTimes, ch.VolunteerHours, ch.Note, cur.ID)
	return err
}

// outletNamed finds the outlet named name at area areaID: the one open on
// on when several bear the name (0 when none; the problem recorded).
func (im *importer) outletNamed(areaID int64, name string, on date.Date) (int64, error) {
	rows, err := list(im.ctx, im.q, scanOutlet, "SELECT "+outletCols+" FROM outlet o WHERE o.area_id = ? AND o.name = ? ORDER BY o.id DESC", areaID, name)
	if err != nil || len(rows) == 0 {
		if err == nil {
			im.problem("outlet_id", "err.svc_sheet_outlet_unknown", name)
		}
		return 0, err
	}
	for _, o := range rows {
		if o.OpenIn(MonthOf(on), monthEnd(MonthOf(on))) {
			return o.ID, nil
		}
	}
	return rows[0].ID, nil
}
