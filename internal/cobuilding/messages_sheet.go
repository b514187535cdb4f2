package cobuilding

import "dangjian/internal/i18n"

// The words of the co-building sheets (sheet.go, sheet_import.go,
// sheet_pages.go, unit_record_sheet.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.cob_sheet_number":                {ZH: "编号“%s”无效，请使用平台导出的清单", EN: "number %q is not valid; use the sheet the platform exports"},
		"err.cob_sheet_twice":                 {ZH: "该记录已在第 %d 行出现", EN: "this record is already on line %d"},
		"err.cob_sheet_date":                  {ZH: "“%s”不是有效日期", EN: "%q is not a valid date"},
		"err.cob_sheet_value":                 {ZH: "“%s”不是此列可填的值", EN: "%q is not a value this column takes"},
		"err.cob_sheet_count":                 {ZH: "“%s”应为整数", EN: "%q must be a whole number"},
		"err.cob_sheet_area_unknown":          {ZH: "找不到区域“%s”", EN: "no area is named %q"},
		"err.cob_sheet_unit_unknown":          {ZH: "您的管辖范围内没有名为“%s”的驻区单位", EN: "no stationed unit named %q in your scope"},
		"err.cob_sheet_org_unknown":           {ZH: "找不到党组织“%s”", EN: "no party organisation is named %q"},
		"err.cob_sheet_cell_fixed":            {ZH: "此列不能在清单中修改（平台中为“%s”）", EN: "this column cannot be changed in the sheet (the platform has %q)"},
		"err.cob_sheet_new_open":              {ZH: "新增的需求状态应为待解决", EN: "a new demand must be open"},
		"err.cob_sheet_project_differs":       {ZH: "同一项目的各行应一致（与第 %d 行不同）", EN: "the rows of one project must agree (this one differs from line %d)"},
		"err.cob_sheet_format":                {ZH: "格式“%s”应为 xlsx 或 csv", EN: "format %q must be xlsx or csv"},
		"ui.cob_sheet.title.demands":          {ZH: "需求清单导入导出", EN: "Demand list: export and import"},
		"ui.cob_sheet.title.resources":        {ZH: "资源清单导入导出", EN: "Resource list: export and import"},
		"ui.cob_sheet.title.co_projects":      {ZH: "项目清单导入导出", EN: "Project list: export and import"},
		"ui.cob_sheet.intro":                  {ZH: "导出清单，在表格中修改或新增行后导入。有编号的行修改该记录，无编号的行新增记录。先检查，无误后导入；有任何问题则不写入任何一行，同一份清单重复导入不会重复记录。", EN: "Export the list, change or add rows in the sheet, and load it back. A row with a number corrects that record; a row without one adds a record. Check it first; with any problem no row is written, and loading the same sheet twice records nothing twice."},
		"ui.cob_sheet.export":                 {ZH: "导出清单：", EN: "Export the list:"},
		"ui.cob_sheet.file":                   {ZH: "清单文件（XLSX 或 CSV）", EN: "Sheet file (XLSX or CSV)"},
		"ui.cob_sheet.check":                  {ZH: "检查", EN: "Check"},
		"ui.cob_sheet.apply":                  {ZH: "导入", EN: "Import"},
		"ui.cob_sheet.checked":                {ZH: "检查通过：共 %d 行，%d 行将新增或修改，%d 行无变化。", EN: "Checked: %d rows, %d to add or change, %d unchanged."},
		"ui.cob_sheet.done":                   {ZH: "已导入：共 %d 行，%d 行已新增或修改，%d 行无变化。", EN: "Imported: %d rows, %d added or changed, %d unchanged."},
		"ui.cob_sheet.problems":               {ZH: "发现 %d 处问题，未写入任何一行：", EN: "%d problems found; no row was written:"},
		"ui.cob_sheet.line":                   {ZH: "行", EN: "Line"},
		"ui.cob_sheet.column":                 {ZH: "列", EN: "Column"},
		"ui.cob_sheet.message":                {ZH: "问题", EN: "Problem"},
		"ui.cob_sheet.sheet":                  {ZH: "导入导出", EN: "Export and import"},
		"ui.cob_sheet.unit_export":            {ZH: "下载共建记录（XLSX）", EN: "Download the record (XLSX)"},
		"ui.cob_sheet.year_total":             {ZH: "%s 全年合计（%d 个项目）", EN: "%s: the year's total (%d projects)"},
		"ui.audit.action.import.co_demands":   {ZH: "导入需求清单", EN: "Demand list imported"},
		"ui.audit.action.import.co_resources": {ZH: "导入资源清单", EN: "Resource list imported"},
		"ui.audit.action.import.co_projects":  {ZH: "导入项目清单", EN: "Project list imported"},
	})
}
