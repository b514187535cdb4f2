package coordination

import "dangjian/internal/i18n"

// The words of the action sheet (sheet.go, sheet_pages.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.sheet_action_no":            {ZH: "事项编号“%s”无效，请使用平台导出的台账", EN: "action number %q is not valid; use the sheet the platform exports"},
		"err.sheet_action_twice":         {ZH: "该事项已在第 %d 行出现", EN: "this action is already on line %d"},
		"err.sheet_action_unknown":       {ZH: "事项编号 %s 不存在或不在您的管辖范围内", EN: "action %s does not exist or is outside your scope"},
		"err.sheet_cell_fixed":           {ZH: "此列不能在台账中修改（平台中为“%s”）", EN: "this column cannot be changed in the sheet (the platform has %q)"},
		"err.sheet_date":                 {ZH: "“%s”不是有效日期", EN: "%q is not a valid date"},
		"err.sheet_progress":             {ZH: "进度“%s”应为 0 到 100 的整数", EN: "progress %q must be a whole number from 0 to 100"},
		"err.sheet_format":               {ZH: "格式“%s”应为 xlsx 或 csv", EN: "format %q must be xlsx or csv"},
		"ui.sheet.line":                  {ZH: "行", EN: "Line"},
		"ui.sheet.column":                {ZH: "列", EN: "Column"},
		"ui.sheet.message":               {ZH: "问题", EN: "Problem"},
		"ui.sheet.file":                  {ZH: "台账文件（XLSX 或 CSV）", EN: "Sheet file (XLSX or CSV)"},
		"ui.sheet.title":                 {ZH: "议定事项台账", EN: "Action sheet"},
		"ui.sheet.intro":                 {ZH: "导出议定事项台账，在表格中填写进度、办理状态、进展情况和办理结果后导入。先检查，无误后导入；有任何问题则不写入任何一行，同一份台账重复导入不会重复记录。", EN: "Export the action sheet, fill in progress, status, notes and results, and load it back. Check it first; with any problem no row is written, and loading the same sheet twice records nothing twice."},
		"ui.sheet.export":                {ZH: "导出台账：", EN: "Export the sheet:"},
		"ui.sheet.check":                 {ZH: "检查", EN: "Check"},
		"ui.sheet.apply":                 {ZH: "导入", EN: "Import"},
		"ui.sheet.checked":               {ZH: "检查通过：共 %d 行，%d 行将更新，%d 行无变化。", EN: "Checked: %d rows, %d to update, %d unchanged."},
		"ui.sheet.done":                  {ZH: "已导入：共 %d 行，%d 行已更新，%d 行无变化。", EN: "Imported: %d rows, %d updated, %d unchanged."},
		"ui.sheet.problems":              {ZH: "发现 %d 处问题，未写入任何一行：", EN: "%d problems found; no row was written:"},
		"ui.audit.action.import.actions": {ZH: "导入议定事项台账", EN: "Action sheet imported"},
	})
}
