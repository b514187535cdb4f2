package services

import "dangjian/internal/i18n"

// The words of part four (b)'s sheets (sheet*.go, page_sheet.go,
// api_sheet.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.svc_sheet_number":                   {ZH: "编号“%s”无效，请使用平台导出的表格", EN: "number %q is not valid; use the sheet the platform exports"},
		"err.svc_sheet_twice":                    {ZH: "该记录已在第 %d 行出现", EN: "this record is already on line %d"},
		"err.svc_sheet_date":                     {ZH: "“%s”不是有效日期", EN: "%q is not a valid date"},
		"err.svc_sheet_value":                    {ZH: "“%s”不是此列可填的值", EN: "%q is not a value this column takes"},
		"err.svc_sheet_area_unknown":             {ZH: "您的管辖范围内没有名为“%s”的地区", EN: "no area named %q in your scope"},
		"err.svc_sheet_outlet_unknown":           {ZH: "该地区没有名为“%s”的服务站点", EN: "the area has no outlet named %q"},
		"err.svc_sheet_cell_fixed":               {ZH: "此列不能在表格中修改（平台中为“%s”）", EN: "this column cannot be changed in the sheet (the platform has %q)"},
		"err.svc_sheet_id_masked":                {ZH: "新增记录的身份证号应完整填写或留空，不能是遮挡后的号码", EN: "a new placement's ID number must be given in full or left empty, not masked"},
		"err.svc_sheet_placed_on_required":       {ZH: "请填写就业日期", EN: "the date of the placement is required"},
		"err.svc_sheet_format":                   {ZH: "格式“%s”应为 xlsx 或 csv", EN: "format %q must be xlsx or csv"},
		"ui.svc_sheet.title.outlets":             {ZH: "服务站点导入导出", EN: "Service outlets: export and import"},
		"ui.svc_sheet.title.designations":        {ZH: "命名小区导入导出", EN: "Designated estates: export and import"},
		"ui.svc_sheet.title.service_records":     {ZH: "服务记录导入导出", EN: "Service records: export and import"},
		"ui.svc_sheet.title.placements":          {ZH: "再就业导入导出", EN: "Re-employment: export and import"},
		"ui.svc_sheet.title.good_deeds":          {ZH: "好事实事导入导出", EN: "Good deeds: export and import"},
		"ui.svc_sheet.intro":                     {ZH: "导出表格，修改或新增行后导入。有编号的行更正该记录，无编号的行新增记录（已有的同一记录则更正它）。先检查，无误后导入；有任何问题则不写入任何一行，同一份表格重复导入不会重复记录。", EN: "Export the sheet, change or add rows, and load it back. A row with a number corrects that record; a row without one adds a record (or corrects the same record when it is there). Check it first; with any problem no row is written, and loading the same sheet twice records nothing twice."},
		"ui.svc_sheet.records_intro":             {ZH: "服务记录每行一个站点（或地区）、一类服务、一个月（如 2024-03）或一天，填写服务人次和志愿服务时数；已有记录的格子按表格更正，与按月填报表相同。", EN: "A row of service records is one outlet (or area), kind of service and month (such as 2024-03) or day, with the person-times and volunteer hours; a cell already recorded is corrected, as in the monthly grid."},
		"ui.svc_sheet.placements_intro":          {ZH: "导出的身份证号已遮挡；导入时遮挡的号码保持不变，新增人员的身份证号可完整填写（加密保存）或留空。", EN: "ID numbers are exported masked; a masked number imports unchanged, and a new person's ID number may be given in full (stored encrypted) or left empty."},
		"ui.svc_sheet.export":                    {ZH: "导出表格：", EN: "Export the sheet:"},
		"ui.svc_sheet.file":                      {ZH: "表格文件（XLSX 或 CSV）", EN: "Sheet file (XLSX or CSV)"},
		"ui.svc_sheet.check":                     {ZH: "检查", EN: "Check"},
		"ui.svc_sheet.apply":                     {ZH: "导入", EN: "Import"},
		"ui.svc_sheet.checked":                   {ZH: "检查通过：共 %d 行，%d 行将新增或更正，%d 行无变化。", EN: "Checked: %d rows, %d to add or correct, %d unchanged."},
		"ui.svc_sheet.done":                      {ZH: "已导入：共 %d 行，%d 行已新增或更正，%d 行无变化。", EN: "Imported: %d rows, %d added or corrected, %d unchanged."},
		"ui.svc_sheet.problems":                  {ZH: "发现 %d 处问题，未写入任何一行：", EN: "%d problems found; no row was written:"},
		"ui.svc_sheet.others":                    {ZH: "其他表格", EN: "The other sheets"},
		"ui.svc_sheet.line":                      {ZH: "行", EN: "Line"},
		"ui.svc_sheet.column":                    {ZH: "列", EN: "Column"},
		"ui.svc_sheet.message":                   {ZH: "问题", EN: "Problem"},
		"ui.audit.action.import.outlets":         {ZH: "导入服务站点表", EN: "Outlet sheet imported"},
		"ui.audit.action.import.designations":    {ZH: "导入命名小区表", EN: "Designation sheet imported"},
		"ui.audit.action.import.service_records": {ZH: "导入服务记录表", EN: "Service record sheet imported"},
		"ui.audit.action.import.placements":      {ZH: "导入再就业表", EN: "Placement sheet imported"},
		"ui.audit.action.import.good_deeds":      {ZH: "导入好事实事表", EN: "Good deed sheet imported"},
	})
}
