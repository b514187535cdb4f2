package services

import "dangjian/internal/i18n"

// The words of the petitions' sheet (petition_sheet*.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.petition_sheet.collective.yes": {ZH: "是", EN: "Yes"},
		"ui.petition_sheet.collective.no":  {ZH: "否", EN: "No"},
		"err.petition_sheet_period":        {ZH: "起始日期 %s 晚于截止日期 %s", EN: "the period starts on %s, after its end on %s"},
		"ui.petition_sheet.title":          {ZH: "诉求导入导出", EN: "Petitions: export and import"},
		"ui.petition_sheet.intro": {ZH: "导出诉求表格（可按受理日期筛选），修改或新增行后导入。无编号的行受理一件新诉求并依次办理表中已填的环节；有编号的行只能办理该诉求尚未办理的环节，已办理的环节须与平台一致或留空。来电人及电话属个人信息，不在表格中。先检查，无误后导入；有任何问题则不写入任何一行。",
			EN: "Export the petitions (filtered by the day received), change or add rows, and load the sheet back. A row without a number receives a new case and takes the steps the row gives, in order; a row with a number takes only the steps its case has not taken yet, and the steps taken must match the platform or be left empty. Callers and their phones are personal data and are not in the sheet. Check it first; with any problem no row is written."},
		"ui.audit.action.import.petitions": {ZH: "导入诉求表", EN: "Petition sheet imported"},
	})
}
