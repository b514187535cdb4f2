package cobuilding

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// The three co-building sheets offices keep: the demand list (需求清单),
// the resource list (资源清单) and the project list (项目清单) with a row per
// participant and what it gave. Each exports with the headers offices
// write and imports back: a row with a number corrects that record, a row
// without one adds a record unless the same record is already there (the
// same community, title and date; the same giver, kind, content and start;
// the same giver, kind, value and date). An import is all or nothing
// (every problem of every row in one dry run, nothing written) and
// repeatable (the same sheet again changes nothing).

// Sheet names, as the export and import paths name them.
const (
	DemandSheetName   = "demands"
	ResourceSheetName = "resources"
	ProjectSheetName  = "co-projects"
)

var (
	categoryValues = []xlsx.Value{
		{Code: "road", ZH: "道路", EN: "road"}, {Code: "sanitation", ZH: "环境卫生", EN: "sanitation", Aliases: []string{"卫生", "环卫"}},
		{Code: "drainage", ZH: "排水", EN: "drainage", Aliases: []string{"下水道"}}, {Code: "greening", ZH: "绿化", EN: "greening"},
		{Code: "security", ZH: "治安", EN: "security", Aliases: []string{"安全"}}, {Code: "elderly_care", ZH: "养老", EN: "elderly care", Aliases: []string{"为老服务"}},
		{Code: "employment", ZH: "就业", EN: "employment"}, {Code: "culture", ZH: "文化", EN: "culture"}, {Code: "other", ZH: "其他", EN: "other"},
	}
	tagValues = []xlsx.Value{
		{Code: "regional", ZH: "地区性", EN: "regional"}, {Code: "social", ZH: "社会性", EN: "social"},
		{Code: "mass", ZH: "群众性", EN: "mass"}, {Code: "public_welfare", ZH: "公益性", EN: "public welfare"},
	}
	statusValues = []xlsx.Value{
		{Code: string(Open), ZH: "待解决", EN: "open", Aliases: []string{"未解决"}}, {Code: string(Matched), ZH: "已对接", EN: "matched"},
		{Code: string(Done), ZH: "已解决", EN: "done"}, {Code: string(Closed), ZH: "已关闭", EN: "closed"},
	}
	kindValues = []xlsx.Value{
		{Code: "land", ZH: "场地用地", EN: "land", Aliases: []string{"场地", "用地", "土地"}}, {Code: "money", ZH: "资金", EN: "money"},
		{Code: "venue", ZH: "活动场所", EN: "venue", Aliases: []string{"场所"}}, {Code: "free_service", ZH: "义务服务", EN: "free service", Aliases: []string{"无偿服务"}},
		{Code: "skill", ZH: "技能", EN: "skill"}, {Code: "volunteers", ZH: "志愿者", EN: "volunteers"}, {Code: "equipment", ZH: "设备", EN: "equipment"},
	}
	contributionValues = []xlsx.Value{
		{Code: "land", ZH: "土地", EN: "land", Aliases: []string{"用地", "场地"}}, {Code: "money", ZH: "资金", EN: "money", Aliases: []string{"出资"}},
		{Code: "free_service", ZH: "义务服务", EN: "free service", Aliases: []string{"无偿服务"}}, {Code: "labour", ZH: "劳务", EN: "labour", Aliases: []string{"出工"}},
		{Code: "other", ZH: "其他", EN: "other"},
	}
)

// DemandSheet is the demand list's schema, in export order.
var DemandSheet = xlsx.NewSchema("demands",
	xlsx.Column{Key: "demand_no", ZH: "需求编号", EN: "Demand no.", Kind: xlsx.Digits, Aliases: []string{"编号", "序号"}},
	xlsx.Column{Key: "community", ZH: "社区", EN: "Community", Required: true, Aliases: []string{"所在社区", "社区名称"}},
	xlsx.Column{Key: "title", ZH: "需求事项", EN: "Demand", Required: true, Aliases: []string{"需求", "需求内容", "需求名称"}},
	xlsx.Column{Key: "category", ZH: "类别", EN: "Category", Kind: xlsx.Enum, Values: categoryValues, Aliases: []string{"需求类别"}},
	xlsx.Column{Key: "tags", ZH: "四性", EN: "Four kinds", Aliases: []string{"四性工作", "属性"}},
	xlsx.Column{Key: "households", ZH: "涉及户数", EN: "Households", Aliases: []string{"受益户数", "户数"}},
	xlsx.Column{Key: "raised_by", ZH: "提出人", EN: "Raised by", Aliases: []string{"提出人员", "反映人"}},
	xlsx.Column{Key: "raised_on", ZH: "提出日期", EN: "Raised on", Kind: xlsx.Date, Aliases: []string{"提出时间", "反映日期"}},
	xlsx.Column{Key: "status", ZH: "状态", EN: "Status", Kind: xlsx.Enum, Values: statusValues, Aliases: []string{"办理状态"}},
	xlsx.Column{Key: "closed_on", ZH: "解决日期", EN: "Settled on", Kind: xlsx.Date, Aliases: []string{"办结日期"}},
	xlsx.Column{Key: "note", ZH: "备注", EN: "Note"},
)

// ResourceSheet is the resource list's schema, in export order.
var ResourceSheet = xlsx.NewSchema("resources",
	xlsx.Column{Key: "resource_no", ZH: "资源编号", EN: "Resource no.", Kind: xlsx.Digits, Aliases: []string{"编号", "序号"}},
	xlsx.Column{Key: "unit", ZH: "驻区单位", EN: "Unit", Aliases: []string{"单位", "单位名称", "提供单位"}},
	xlsx.Column{Key: "department", ZH: "部门", EN: "Department", Aliases: []string{"职能部门", "提供部门"}},
	xlsx.Column{Key: "area", ZH: "服务区域", EN: "Area served", Aliases: []string{"社区", "所在社区", "区域"}},
	xlsx.Column{Key: "kind", ZH: "资源类别", EN: "Kind", Kind: xlsx.Enum, Values: kindValues, Aliases: []string{"类别", "资源类型"}},
	xlsx.Column{Key: "description", ZH: "资源内容", EN: "Description", Required: true, Aliases: []string{"内容", "资源名称", "资源描述"}},
	xlsx.Column{Key: "from_on", ZH: "起始日期", EN: "From", Kind: xlsx.Date, Aliases: []string{"开始日期", "提供日期"}},
	xlsx.Column{Key: "to_on", ZH: "截止日期", EN: "To", Kind: xlsx.Date, Aliases: []string{"结束日期"}},
)

// ProjectSheet is the project list's schema, in export order: a row per
// participant's contribution (a row without one for a project nobody has
// given to yet), the project's columns repeated on each.
var ProjectSheet = xlsx.NewSchema("co-projects",
	xlsx.Column{Key: "project_no", ZH: "项目编号", EN: "Project no.", Kind: xlsx.Digits, Aliases: []string{"编号", "序号"}},
	xlsx.Column{Key: "community", ZH: "社区", EN: "Community", Required: true, Aliases: []string{"所在社区", "社区名称"}},
	xlsx.Column{Key: "title", ZH: "项目名称", EN: "Project", Required: true, Aliases: []string{"项目"}},
	xlsx.Column{Key: "org", ZH: "协调党组织", EN: "Coordinating organisation", Aliases: []string{"牵头党组织", "协调单位"}},
	xlsx.Column{Key: "started_on", ZH: "开工日期", EN: "Started on", Kind: xlsx.Date, Aliases: []string{"开始日期", "启动日期"}},
	xlsx.Column{Key: "done_on", ZH: "完工日期", EN: "Done on", Kind: xlsx.Date, Aliases: []string{"完成日期", "竣工日期"}},
	xlsx.Column{Key: "estimated_cost", ZH: "预算（元）", EN: "Estimated cost (yuan)", Aliases: []string{"预算", "概算（元）", "预计费用（元）"}},
	xlsx.Column{Key: "actual_cost", ZH: "实际费用（元）", EN: "Actual cost (yuan)", Aliases: []string{"实际费用", "实际支出（元）"}},
	xlsx.Column{Key: "unit", ZH: "参与单位", EN: "Participating unit", Aliases: []string{"共建单位", "驻区单位"}},
	xlsx.Column{Key: "department", ZH: "参与部门", EN: "Participating department", Aliases: []string{"职能部门"}},
	xlsx.Column{Key: "kind", ZH: "贡献方式", EN: "Contribution", Kind: xlsx.Enum, Values: contributionValues, Aliases: []string{"贡献类别", "出资方式"}},
	xlsx.Column{Key: "value", ZH: "折合金额（元）", EN: "Value (yuan)", Aliases: []string{"价值（元）", "金额（元）", "折合金额"}},
	xlsx.Column{Key: "description", ZH: "贡献内容", EN: "What was given", Aliases: []string{"具体内容"}},
	xlsx.Column{Key: "given_on", ZH: "贡献日期", EN: "Given on", Kind: xlsx.Date, Aliases: []string{"捐助日期"}},
)

// SheetSchema is the schema of the sheet name (DemandSheetName, …), nil
// for none.
func SheetSchema(name string) *xlsx.Schema {
	switch name {
	case DemandSheetName:
		return DemandSheet
	case ResourceSheetName:
		return ResourceSheet
	case ProjectSheetName:
		return ProjectSheet
	}
	return nil
}

// label is code's label in column col of schema s, in lang.
func label(s *xlsx.Schema, col, code string, lang i18n.Lang) string {
	return s.Columns[s.Col(col)].Label(code, lang)
}

// yuanCell writes fen as 元 (1200, 1200.5).
func yuanCell(fen int64) string { return strconv.FormatFloat(float64(fen)/100, 'f', -1, 64) }

// dateCell is d as a cell, empty for the zero date.
func dateCell(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// tagsCell writes a demand's tags in lang, joined by 、.
func tagsCell(tags []string, lang i18n.Lang) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = (&xlsx.Column{Values: tagValues}).Label(t, lang)
	}
	return strings.Join(out, "、")
}

// ExportSheet writes the sheet name (DemandSheetName, ResourceSheetName or
// ProjectSheetName) of everything under areaID (0: the caller's scope) in
// format (xlsx.FormatXLSX or xlsx.FormatCSV), headers in lang. It returns
// how many rows it wrote.
func (s *Store) ExportSheet(ctx context.Context, w io.Writer, name, format string, lang i18n.Lang, areaID int64) (int, error) {
	schema := SheetSchema(name)
	if schema == nil {
		return 0, errors.New("cobuilding: no sheet " + name)
	}
	var rows [][]string
	var err error
	switch name {
	case DemandSheetName:
		rows, err = s.demandRows(ctx, lang, areaID)
	case ResourceSheetName:
		rows, err = s.resourceRows(ctx, lang, areaID)
	default:
		rows, err = s.projectRows(ctx, lang, areaID)
	}
	if err != nil {
		return 0, err
	}
	wr, err := xlsx.NewWriter(w, format, schema, lang)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if err := wr.Write(r); err != nil {
			return 0, err
		}
	}
	return len(rows), wr.Close()
}

func (s *Store) demandRows(ctx context.Context, lang i18n.Lang, areaID int64) ([][]string, error) {
	f := DemandFilter{AreaID: areaID, Limit: 200}
	var all []Demand
	for {
		page, err := s.ListDemands(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < f.Limit {
			break
		}
		f.After = &page[len(page)-1]
	}
	ids := make([]int64, len(all))
	for i, d := range all {
		ids[i] = d.AreaID
	}
	names, err := s.areaNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([][]string, 0, len(all))
	for _, d := range all {
		out = append(out, []string{strconv.FormatInt(d.ID, 10), names[d.AreaID], d.Title, label(DemandSheet, "category", string(d.Category), lang),
			tagsCell(d.Tags, lang), strconv.FormatInt(d.Households, 10), d.RaisedBy, d.RaisedOn.String(),
			label(DemandSheet, "status", string(d.Status), lang), dateCell(d.ClosedOn), d.Note})
	}
	return out, nil
}

func (s *Store) resourceRows(ctx context.Context, lang i18n.Lang, areaID int64) ([][]string, error) {
	f := ResourceFilter{AreaID: areaID, Limit: 200}
	var all []Resource
	for {
		page, err := s.ListResources(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].ID
	}
	ids := make([]int64, len(all))
	for i, r := range all {
		ids[i] = r.AreaID
	}
	names, err := s.areaNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([][]string, 0, len(all))
	for _, r := range all {
		out = append(out, []string{strconv.FormatInt(r.ID, 10), r.UnitName, r.Department, names[r.AreaID],
			label(ResourceSheet, "kind", string(r.Kind), lang), r.Description, r.FromOn.String(), dateCell(r.ToOn)})
	}
	return out, nil
}

func (s *Store) projectRows(ctx context.Context, lang i18n.Lang, areaID int64) ([][]string, error) {
	f := ProjectFilter{AreaID: areaID, Limit: 200}
	var all []Project
	for {
		page, err := s.ListProjects(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].ID
	}
	ids := make([]int64, len(all))
	for i, p := range all {
		ids[i] = p.AreaID
	}
	names, err := s.areaNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	q := s.DB.Reader()
	var out [][]string
	for _, p := range all {
		actual := ""
		if p.ActualCost != nil {
			actual = yuanCell(*p.ActualCost)
		}
		head := []string{strconv.FormatInt(p.ID, 10), names[p.AreaID], p.Title, p.OrgName, p.StartedOn.String(), dateCell(p.DoneOn), yuanCell(p.EstimatedCost), actual}
		cs, err := contributionsOf(ctx, q, p.ID)
		if err != nil {
			return nil, err
		}
		if len(cs) == 0 {
			out = append(out, append(head, "", "", "", "", "", ""))
		}
		for _, c := range cs {
			unit, dept := c.Giver, ""
			if c.UnitID == 0 {
				unit, dept = "", c.Giver
			}
			row := append(append([]string{}, head...), unit, dept, label(ProjectSheet, "kind", string(c.Kind), lang), yuanCell(c.Value), c.Description, c.GivenOn.String())
			out = append(out, row)
		}
	}
	return out, nil
}

// contributionsOf reads what was given to project id, in the order given.
func contributionsOf(ctx context.Context, q db.Q, id int64) ([]Contribution, error) {
	return collect(ctx, q, `SELECT c.id, c.project_id, COALESCE(c.unit_id, 0), COALESCE(u.name, c.department), c.kind, c.value, c.description, c.given_on
FROM co_contribution c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.project_id = ? ORDER BY c.given_on, c.id`, id, func(row interface{ Scan(...any) error }) (Contribution, error) {
		var c Contribution
		err := row.Scan(&c.ID, &c.ProjectID, &c.UnitID, &c.Giver, &c.Kind, &c.Value, &c.Description, &c.GivenOn)
		return c, err
	})
}
