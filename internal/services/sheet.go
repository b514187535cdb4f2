package services

import (
	"context"
	"errors"
	"io"
	"strconv"
	"sync"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// The five sheets of part four (b) offices keep: outlets, designations,
// service records (a row per outlet or area, kind and month or day),
// placements and good deeds. Each exports with the headers offices write
// and imports back: a row with a number corrects that record, a row
// without one adds a record unless the same record is already there (the
// same area, name and opening; the same estate, title and date; the same
// cell of services; the same person placed that day; the same deed that
// day). An import is all or nothing (every problem of every row in one
// dry run, nothing written) and repeatable (the same sheet again changes
// nothing). A placed person's ID number is exported masked and taken in
// clear only when given.

// Sheet names, as the export and import paths name them.
const (
	OutletSheetName      = "outlets"
	DesignationSheetName = "designations"
	RecordSheetName      = "service-records"
	PlacementSheetName   = "placements"
	DeedSheetName        = "good-deeds"
)

// SheetNames are the sheets in the order the pages list them.
var SheetNames = []string{OutletSheetName, DesignationSheetName, RecordSheetName, PlacementSheetName, DeedSheetName}

// enumValues are codes labelled by the messages prefix+code, for an Enum
// column; aliases adds further spellings by code.
func enumValues[T ~string](prefix string, codes []T, aliases map[string][]string) []xlsx.Value {
	out := make([]xlsx.Value, len(codes))
	for i, c := range codes {
		k := string(c)
		out[i] = xlsx.Value{Code: k, ZH: i18n.T(i18n.ZH, prefix+k), EN: i18n.T(i18n.EN, prefix+k), Aliases: aliases[k]}
	}
	return out
}

// idColumn is a sheet's record number: a row with one corrects that
// record.
func idColumn(zh, en string) xlsx.Column {
	return xlsx.Column{Key: "id", ZH: zh, EN: en, Kind: xlsx.Digits, Aliases: []string{"编号", "序号"}}
}

// areaColumn is the subdistrict or community a record hangs on, by name.
func areaColumn(zh, en string, aliases ...string) xlsx.Column {
	return xlsx.Column{Key: "area_id", ZH: zh, EN: en, Required: true, Aliases: aliases}
}

var noteColumn = xlsx.Column{Key: "note", ZH: "备注", EN: "Note"}

// sheetSchemas builds the schemas once, after the messages that label
// their values are registered.
var sheetSchemas = sync.OnceValue(func() map[string]*xlsx.Schema {
	return map[string]*xlsx.Schema{
		OutletSheetName: xlsx.NewSchema(OutletSheetName,
			idColumn("站点编号", "Outlet no."),
			areaColumn("所在地区", "Area", "所在社区", "街道或社区", "社区"),
			xlsx.Column{Key: "kind", ZH: "站点类型", EN: "Kind", Kind: xlsx.Enum, Aliases: []string{"类型"},
				Values: enumValues("ui.outlet.kind.", OutletKinds, map[string][]string{"sanitation_station": {"环卫站"}, "family_planning_centre": {"计划生育服务中心"}})},
			xlsx.Column{Key: "name", ZH: "站点名称", EN: "Name", Required: true, Aliases: []string{"名称"}},
			xlsx.Column{Key: "from_on", ZH: "设立日期", EN: "Opened on", Kind: xlsx.Date, Aliases: []string{"成立日期"}},
			xlsx.Column{Key: "to_on", ZH: "撤销日期", EN: "Closed on", Kind: xlsx.Date},
			noteColumn),
		DesignationSheetName: xlsx.NewSchema(DesignationSheetName,
			idColumn("命名编号", "Designation no."),
			areaColumn("社区", "Community", "所在社区"),
			xlsx.Column{Key: "estate", ZH: "小区", EN: "Estate", Required: true, Aliases: []string{"小区名称"}},
			xlsx.Column{Key: "kind", ZH: "称号", EN: "Designation", Kind: xlsx.Enum, Values: enumValues("ui.designation.kind.", DesignationKinds, map[string][]string{"other": {"其他"}})},
			xlsx.Column{Key: "title", ZH: "其他称号名称", EN: "Other title", Aliases: []string{"称号名称"}},
			xlsx.Column{Key: "awarded_by", ZH: "命名单位", EN: "Awarded by"},
			xlsx.Column{Key: "from_on", ZH: "命名日期", EN: "Awarded on", Kind: xlsx.Date},
			xlsx.Column{Key: "to_on", ZH: "结束日期", EN: "Ended on", Kind: xlsx.Date},
			xlsx.Column{Key: "end_reason", ZH: "结束原因", EN: "End reason", Kind: xlsx.Enum, Values: enumValues("ui.designation.end.", EndReasons, nil)},
			noteColumn),
		RecordSheetName: xlsx.NewSchema(RecordSheetName,
			idColumn("记录编号", "Record no."),
			areaColumn("地区", "Area", "所在地区", "街道或社区", "社区"),
			xlsx.Column{Key: "outlet_id", ZH: "服务站点", EN: "Outlet", Aliases: []string{"站点", "站点名称"}},
			xlsx.Column{Key: "kind", ZH: "服务类型", EN: "Kind of service", Kind: xlsx.Enum, Values: enumValues("ui.service.kind.", ServiceKinds, map[string][]string{"other": {"其他"}})},
			xlsx.Column{Key: "span", ZH: "记录周期", EN: "Span", Kind: xlsx.Enum, Values: enumValues("ui.service.span.", []Span{Day, Month}, nil), Aliases: []string{"周期"}},
			xlsx.Column{Key: "on_date", ZH: "日期或月份", EN: "Day or month", Aliases: []string{"日期", "月份"}},
			xlsx.Column{Key: "person_times", ZH: "服务人次", EN: "Person-times", Aliases: []string{"人次"}},
			xlsx.Column{Key: "volunteer_hours", ZH: "志愿服务时数", EN: "Volunteer hours", Aliases: []string{"志愿服务时长", "时数"}},
			noteColumn),
		PlacementSheetName: xlsx.NewSchema(PlacementSheetName,
			idColumn("安置编号", "Placement no."),
			areaColumn("安置的街道或社区", "Placed by area", "地区", "社区", "街道"),
			xlsx.Column{Key: "name", ZH: "姓名", EN: "Name", Required: true},
			xlsx.Column{Key: "id_number", ZH: "身份证号", EN: "ID number", Kind: xlsx.Digits, Aliases: []string{"身份证号码", "公民身份号码"}},
			xlsx.Column{Key: "before_status", ZH: "原状态", EN: "Before", Kind: xlsx.Enum, Values: enumValues("ui.placement.before.", BeforeStatuses, nil)},
			xlsx.Column{Key: "employer", ZH: "就业单位", EN: "Employer"},
			xlsx.Column{Key: "work", ZH: "工作类别", EN: "Kind of work"},
			xlsx.Column{Key: "placed_by", ZH: "经办人或机构", EN: "Arranged by", Aliases: []string{"经办人", "经办机构"}},
			xlsx.Column{Key: "placed_on", ZH: "就业日期", EN: "Placed on", Kind: xlsx.Date, Aliases: []string{"安置日期"}},
			xlsx.Column{Key: "ended_on", ZH: "就业结束日期", EN: "Job ended on", Kind: xlsx.Date},
			noteColumn),
		DeedSheetName: xlsx.NewSchema(DeedSheetName,
			idColumn("好事编号", "Deed no."),
			areaColumn("街道或社区", "Area", "地区", "社区"),
			xlsx.Column{Key: "kind", ZH: "类型", EN: "Kind", Kind: xlsx.Enum, Values: enumValues("ui.deed.kind.", DeedKinds, map[string][]string{"practical": {"办实事"}})},
			xlsx.Column{Key: "title", ZH: "事项", EN: "What", Required: true, Aliases: []string{"好事实事"}},
			xlsx.Column{Key: "beneficiaries", ZH: "受益人数", EN: "Beneficiaries", Aliases: []string{"受益群众"}},
			xlsx.Column{Key: "done_by", ZH: "承办支部或单位", EN: "Done by", Aliases: []string{"承办单位"}},
			xlsx.Column{Key: "done_on", ZH: "办理日期", EN: "Done on", Kind: xlsx.Date, Aliases: []string{"日期"}},
			noteColumn),
	}
})

// SheetSchema is the schema of the sheet name (OutletSheetName, …), nil
// for none.
func SheetSchema(name string) *xlsx.Schema { return sheetSchemas()[name] }

// sheetLabel is code's label in column col of the sheet name, in lang.
func sheetLabel(name, col, code string, lang i18n.Lang) string {
	s := SheetSchema(name)
	return s.Columns[s.Col(col)].Label(code, lang)
}

// dateCell is d as a cell, empty for the zero date.
func dateCell(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// SheetFilter chooses what a sheet exports: the records under AreaID (0:
// the caller's scope) and, for service records, placements and good
// deeds, dated from From to To (zero: open).
type SheetFilter struct {
	AreaID   int64
	From, To date.Date
}

// ExportSheet writes the sheet name of the records f chooses in format
// (xlsx.FormatXLSX or xlsx.FormatCSV), headers in lang, a page of records
// at a time. It returns how many rows it wrote.
func (s *Store) ExportSheet(ctx context.Context, w io.Writer, name, format string, lang i18n.Lang, f SheetFilter) (int, error) {
	schema := SheetSchema(name)
	if schema == nil {
		return 0, errors.New("services: no sheet " + name)
	}
	wr, err := xlsx.NewWriter(w, format, schema, lang)
	if err != nil {
		return 0, err
	}
	n, err := s.writeRows(ctx, wr, name, lang, f)
	if err != nil {
		return 0, err
	}
	return n, wr.Close()
}

// writeRowsOf writes a row (made by cells, its area named) for every
// record fetch lists, a page at a time (fetch reads the page after an
// id).
func writeRowsOf[T any](ctx context.Context, s *Store, wr *xlsx.Writer, fetch func(after int64) ([]T, error), key func(T) (id, areaID int64), cells func(x T, area string) []string) (int, error) {
	names := map[int64]string{}
	n := 0
	for after := int64(0); ; {
		page, err := fetch(after)
		if err != nil {
			return 0, err
		}
		var unnamed []int64
		for _, x := range page {
			if _, a := key(x); names[a] == "" {
				unnamed = append(unnamed, a)
			}
		}
		more, err := (&pages{s: s}).areaNames(ctx, unnamed)
		if err != nil {
			return 0, err
		}
		for a, name := range more {
			names[a] = name
		}
		for _, x := range page {
			_, a := key(x)
			if err := wr.Write(cells(x, names[a])); err != nil {
				return 0, err
			}
			n++
		}
		if len(page) < 200 {
			return n, nil
		}
		after, _ = key(page[len(page)-1])
	}
}

// writeRows writes the rows of sheet name that f chooses, in lang.
func (s *Store) writeRows(ctx context.Context, wr *xlsx.Writer, name string, lang i18n.Lang, f SheetFilter) (int, error) {
	lbl := func(col, code string) string { return sheetLabel(name, col, code, lang) }
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	switch name {
	case OutletSheetName:
		return writeRowsOf(ctx, s, wr, func(after int64) ([]Outlet, error) {
			return s.ListOutlets(ctx, OutletFilter{AreaID: f.AreaID, After: after, Limit: 200})
		}, func(o Outlet) (int64, int64) { return o.ID, o.AreaID }, func(o Outlet, area string) []string {
			return []string{id(o.ID), area, lbl("kind", string(o.Kind)), o.Name, o.FromOn.String(), dateCell(o.ToOn), o.Note}
		})
	case DesignationSheetName:
		return writeRowsOf(ctx, s, wr, func(after int64) ([]Designation, error) {
			return s.ListDesignations(ctx, DesignationFilter{AreaID: f.AreaID, After: after, Limit: 200})
		}, func(d Designation) (int64, int64) { return d.ID, d.AreaID }, func(d Designation, area string) []string {
			reason := ""
			if d.EndReason != "" {
				reason = lbl("end_reason", d.EndReason)
			}
			return []string{id(d.ID), area, d.Estate, lbl("kind", string(d.Kind)), d.Title, d.AwardedBy, d.FromOn.String(), dateCell(d.ToOn), reason, d.Note}
		})
	case RecordSheetName:
		return writeRowsOf(ctx, s, wr, func(after int64) ([]Record, error) {
			return s.ListRecords(ctx, RecordFilter{AreaID: f.AreaID, From: f.From, To: f.To, After: after, Limit: 200})
		}, func(r Record) (int64, int64) { return r.ID, r.AreaID }, func(r Record, area string) []string {
			on := r.On.String()
			if r.Span == Month {
				on = monthText(r.On)
			}
			return []string{id(r.ID), area, r.OutletName, lbl("kind", string(r.Kind)), lbl("span", string(r.Span)), on, id(r.PersonTimes), id(r.VolunteerHours), r.Note}
		})
	case PlacementSheetName:
		return writeRowsOf(ctx, s, wr, func(after int64) ([]Placement, error) {
			return s.ListPlacements(ctx, PlacementFilter{AreaID: f.AreaID, From: f.From, To: f.To, After: after, Limit: 200})
		}, func(p Placement) (int64, int64) { return p.ID, p.AreaID }, func(p Placement, area string) []string {
			return []string{id(p.ID), area, p.Name, p.IDNumber, lbl("before_status", string(p.BeforeStatus)), p.Employer, p.Work, p.PlacedBy, p.PlacedOn.String(), dateCell(p.EndedOn), p.Note}
		})
	}
	return writeRowsOf(ctx, s, wr, func(after int64) ([]Deed, error) {
		return s.ListDeeds(ctx, DeedFilter{AreaID: f.AreaID, From: f.From, To: f.To, After: after, Limit: 200})
	}, func(g Deed) (int64, int64) { return g.ID, g.AreaID }, func(g Deed, area string) []string {
		return []string{id(g.ID), area, lbl("kind", string(g.Kind)), g.Title, id(g.Beneficiaries), g.DoneBy, g.DoneOn.String(), g.Note}
	})
}
