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
		"ui.audit.action.import.actions": {ZH: "导入议定事项台账", EN: "Action sheet imported"},
	})
}
