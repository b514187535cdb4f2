package services

import (
	"context"
	"io"
	"strconv"
	"strings"
	"sync"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// The petitions' sheet: one row per case, with where it stands (who it
// was sent to and when each step was taken), exported for a scope and a
// period of receipt and imported back the way the services' sheets are
// (sheet.go, sheet_import.go): a row without a number receives a new case
// and takes its steps in order through the store's own rules; a row with
// a number takes only the steps its case has not taken yet. Callers and
// their phones are personal data and stay out of the sheet: an imported
// case gets one request with neither.

// PetitionSheetName is the petitions' sheet, as the export and import
// paths name it.
const PetitionSheetName = "petitions"

// collectiveValues are the values of the collective column.
var collectiveValues = []string{"yes", "no"}

// petitionSheetSchema builds the schema once, after the messages that
// label its values are registered.
var petitionSheetSchema = sync.OnceValue(func() *xlsx.Schema {
	return xlsx.NewSchema(PetitionSheetName,
		idColumn("诉求编号", "Case no."),
		areaColumn("受理地区", "Area", "地区", "社区", "街道或社区", "受理社区"),
		xlsx.Column{Key: "title", ZH: "诉求事项", EN: "Title", Required: true, Aliases: []string{"事项", "标题"}},
		xlsx.Column{Key: "type", ZH: "诉求类型", EN: "Type", Kind: xlsx.Enum, Aliases: []string{"类型"}, Values: enumValues("ui.petition.type.", PetitionTypes, nil)},
		xlsx.Column{Key: "channel", ZH: "受理渠道", EN: "Channel", Kind: xlsx.Enum, Aliases: []string{"渠道"},
			Values: enumValues("ui.petition.channel.", PetitionChannels, map[string][]string{"hotline": {"12345", "热线"}})},
		xlsx.Column{Key: "collective", ZH: "集体诉求", EN: "Collective", Kind: xlsx.Enum, Aliases: []string{"是否集体"},
			Values: enumValues("ui.petition_sheet.collective.", collectiveValues, map[string][]string{"yes": {"集体", "y", "1", "true"}, "no": {"个人", "n", "0", "false"}})},
		xlsx.Column{Key: "headcount", ZH: "人数", EN: "Headcount", Aliases: []string{"诉求人数"}},
		xlsx.Column{Key: "received_at", ZH: "受理时间", EN: "Received at", Aliases: []string{"接收时间"}},
		xlsx.Column{Key: "agency", ZH: "承办部门或单位", EN: "Department or unit", Aliases: []string{"承办部门", "承办单位", "派单对象"}},
		xlsx.Column{Key: "dispatched_at", ZH: "派单时间", EN: "Dispatched at"},
		xlsx.Column{Key: "accepted_at", ZH: "签收时间", EN: "Accepted at", Aliases: []string{"接单时间"}},
		xlsx.Column{Key: "replied_at", ZH: "答复时间", EN: "Replied at"},
		xlsx.Column{Key: "reply", ZH: "答复内容", EN: "Reply", Aliases: []string{"答复"}},
		xlsx.Column{Key: "resolved_on", ZH: "办结日期", EN: "Resolved on", Kind: xlsx.Date},
		xlsx.Column{Key: "verified_on", ZH: "核查日期", EN: "Verified on", Kind: xlsx.Date},
		xlsx.Column{Key: "called_back_on", ZH: "回访日期", EN: "Called back on", Kind: xlsx.Date},
		xlsx.Column{Key: "satisfaction", ZH: "满意度", EN: "Satisfaction", Kind: xlsx.Enum, Aliases: []string{"回访结果"},
			Values: enumValues("ui.petition.satisfaction.", Satisfactions, nil)},
	)
})

// PetitionSheetSchema is the schema of the petitions' sheet.
func PetitionSheetSchema() *xlsx.Schema { return petitionSheetSchema() }

// PetitionSheetFilter chooses the cases a sheet exports: those under
// AreaID (0: the caller's scope) received from From to To (zero: open).
type PetitionSheetFilter struct {
	AreaID   int64
	From, To date.Date
}

// ExportPetitionSheet writes the cases f chooses in format
// (xlsx.FormatXLSX or xlsx.FormatCSV), headers and labels in lang, a page
// of cases at a time, in the order they were numbered. It returns how
// many rows it wrote.
func (s *PetitionStore) ExportPetitionSheet(ctx context.Context, w io.Writer, format string, lang i18n.Lang, f PetitionSheetFilter) (int, error) {
	schema := petitionSheetSchema()
	root := s.scope(ctx)
	if f.AreaID != 0 {
		if _, err := s.inScope(ctx, "area", f.AreaID); err != nil {
			return 0, err
		}
		root = f.AreaID
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return 0, i18n.Errf("to", "err.petition_sheet_period", f.From.String(), f.To.String())
	}
	wr, err := xlsx.NewWriter(w, format, schema, lang)
	if err != nil {
		return 0, err
	}
	lbl := func(col, code string) string {
		if code == "" {
			return ""
		}
		return schema.Columns[schema.Col(col)].Label(code, lang)
	}
	n := 0
	for after := int64(0); ; {
		page, err := s.sheetPage(ctx, root, f, after)
		if err != nil {
			return 0, err
		}
		for _, p := range page {
			collective := "no"
			if p.Collective {
				collective = "yes"
			}
			if err := wr.Write([]string{strconv.FormatInt(p.ID, 10), p.AreaName, p.Title, lbl("type", string(p.Type)), lbl("channel", string(p.Channel)),
				lbl("collective", collective), strconv.Itoa(p.Headcount), PetitionTime(p.ReceivedAt), p.Agency(), PetitionTime(p.DispatchedAt),
				PetitionTime(p.AcceptedAt), PetitionTime(p.RepliedAt), p.Reply, dateCell(p.ResolvedOn), dateCell(p.VerifiedOn), dateCell(p.CalledBackOn),
				lbl("satisfaction", string(p.Satisfaction))}); err != nil {
				return 0, err
			}
			n++
		}
		if len(page) < petitionSheetPage {
			return n, wr.Close()
		}
		after = page[len(page)-1].ID
	}
}

// petitionSheetPage is how many cases an export reads at a time.
const petitionSheetPage = 200

// sheetPage reads the cases under root (0: all) that f's period chooses,
// numbered after after, in number order.
func (s *PetitionStore) sheetPage(ctx context.Context, root int64, f PetitionSheetFilter, after int64) ([]Petition, error) {
	where, args := []string{"p.id > ?"}, []any{after}
	if root != 0 {
		where, args = append(where, "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = p.area_id AND c.to_on IS NULL)"), append(args, root)
	}
	if !f.From.IsZero() {
		where, args = append(where, "p.received_on >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, "p.received_on <= ?"), append(args, f.To)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+petitionCols+petitionFrom+" WHERE "+strings.Join(where, " AND ")+
		" ORDER BY p.id LIMIT "+strconv.Itoa(petitionSheetPage), args...)
	if err != nil {
		return nil, err
	}
	return collectPetitions(rows)
}
