package importer

import "dangjian/internal/i18n"

// UI strings of the import and export pages and of the command line import,
// and the import's row errors.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.import_kind_invalid":      {ZH: "未知的导入类型：%s（可选 members、units、posts）", EN: "unknown import kind %s (members, units or posts)"},
		"err.import_required":          {ZH: "不能为空", EN: "must not be empty"},
		"err.import_value_invalid":     {ZH: "“%s”不是有效值，可填：%s", EN: "%q is not a valid value; allowed: %s"},
		"err.import_date_invalid":      {ZH: "“%s”不是有效日期", EN: "%q is not a valid date"},
		"err.import_org_unknown":       {ZH: "在您的管辖范围内找不到“%s”", EN: "no %q within your scope"},
		"err.import_org_ambiguous":     {ZH: "有多个名为“%s”的组织或社区，请填写编号", EN: "several organisations or communities are called %q; give its number"},
		"err.import_duplicate":         {ZH: "与第 %d 行重复", EN: "duplicate of row %d"},
		"err.import_row_failed":        {ZH: "无法处理：%s", EN: "could not be processed: %s"},
		"err.import_id_masked":         {ZH: "身份证号已脱敏，这一行又没有人员编号，无法确定是哪一位人员；请导出完整号码或保留人员编号", EN: "the ID number is masked and the row has no person number, so its person cannot be found; export the full numbers or keep the person number"},
		"err.import_person_no_invalid": {ZH: "人员编号“%s”应为正整数", EN: "the person number %q must be a positive whole number"},
		"err.import_file_required":     {ZH: "请选择要导入的文件", EN: "choose a file to import"},
		"err.import_file_too_large":    {ZH: "文件超过 %d MB", EN: "the file is larger than %d MB"},
		"err.import_job_unknown":       {ZH: "找不到这次导入（可能已过期）", EN: "no such import (it may have expired)"},
		"ui.import.title":              {ZH: "导入与导出", EN: "Import and export"},
		"ui.import.intro":              {ZH: "导入党员、驻区单位或班子成员的 Excel（.xlsx）或 CSV 文件。先试运行检查每一行；全部无误后才能导入，导入要么全部写入，要么一行也不写。同一文件可以重复导入，不会产生重复记录。", EN: "Import an Excel (.xlsx) or CSV file of members, stationed units or leadership posts. A dry run checks every row first; the import writes all rows or none, and the same file can be imported again without making duplicates."},
		"ui.import.kind":               {ZH: "类型", EN: "Kind"},
		"ui.import.kind.members":       {ZH: "党员", EN: "Members"},
		"ui.import.kind.units":         {ZH: "驻区单位", EN: "Stationed units"},
		"ui.import.kind.posts":         {ZH: "班子成员", EN: "Leadership posts"},
		"ui.import.file":               {ZH: "文件", EN: "File"},
		"ui.import.dry_run":            {ZH: "试运行（只检查）", EN: "Dry run (check only)"},
		"ui.import.run":                {ZH: "导入", EN: "Import"},
		"ui.import.progress":           {ZH: "正在处理：已读 %d 行（%d%%）", EN: "Working: %d rows read (%d%%)"},
		"ui.import.progress_title":     {ZH: "正在导入", EN: "Importing"},
		"ui.import.errors":             {ZH: "%d 行共有 %d 处问题，未写入任何数据", EN: "%d rows have %d problems; nothing was written"},
		"ui.import.who":                {ZH: "人员", EN: "Person"},
		"ui.import.more_errors":        {ZH: "另有 %d 处错误未列出", EN: "%d more errors not listed"},
		"ui.import.line":               {ZH: "行号", EN: "Row"},
		"ui.import.column":             {ZH: "列", EN: "Column"},
		"ui.import.message":            {ZH: "问题", EN: "Problem"},
		"ui.import.ready":              {ZH: "%d 行均无误，可以导入（新增 %d，更新 %d，无变化 %d）", EN: "all %d rows are fine and ready to import (%d new, %d changed, %d unchanged)"},
		"ui.import.done":               {ZH: "已导入 %d 行：新增 %d，更新 %d，无变化 %d", EN: "imported %d rows: %d new, %d changed, %d unchanged"},
		"ui.import.again":              {ZH: "重新选择文件", EN: "Choose another file"},
		"ui.import.export":             {ZH: "导出", EN: "Export"},
		"ui.import.export_intro":       {ZH: "导出您管辖范围内的数据，列与导入相同。", EN: "Export the data of your scope, in the same columns as the import."},
		"ui.import.export_masked":      {ZH: "身份证号和手机号已隐去部分数字；这样的文件不能再导入。", EN: "ID and phone numbers are partly hidden; such a file cannot be imported back."},
		"ui.import.export_full":        {ZH: "您有查看完整个人信息的权限：导出的身份证号和手机号是完整的，文件可以再导入。请妥善保管。", EN: "You may see personal data in full: the exported ID and phone numbers are complete and the file can be imported back. Keep it safe."},
		"ui.import.confirm":            {ZH: "确认导入", EN: "Import now"},
		"ui.import.failed":             {ZH: "导入失败：%s", EN: "the import failed: %s"},
	})
}
