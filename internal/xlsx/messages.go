package xlsx

import "dangjian/internal/i18n"

// Messages of internal/xlsx: refused files, problems the reader finds in a
// row, and the cell-level messages the import runner shares.
func init() {
	i18n.Register(map[string]i18n.Message{
		"xlsx.not_xlsx":         {ZH: "文件“%s”的内容不是 XLSX（扩展名与内容不符或文件已损坏），请在 Excel 中另存为 .xlsx 后再导入", EN: "the content of %q is not XLSX (its extension does not match, or the file is damaged); save it as .xlsx in Excel and import it again"},
		"xlsx.not_csv":          {ZH: "文件“%s”的内容不是 CSV 文本（扩展名与内容不符）", EN: "the content of %q is not CSV text (its extension does not match)"},
		"xlsx.old_xls":          {ZH: "文件“%s”是旧版 Excel（.xls）或加密的工作簿，请在 Excel 中另存为 .xlsx（不设密码）后再导入", EN: "%q is an old Excel (.xls) or encrypted workbook; save it as .xlsx without a password in Excel and import it again"},
		"xlsx.ext_unsupported":  {ZH: "不支持文件“%s”的类型，请上传 .xlsx 或 .csv 文件", EN: "the type of %q is not supported; upload an .xlsx or .csv file"},
		"xlsx.damaged":          {ZH: "文件“%s”已损坏，无法读取", EN: "%q is damaged and cannot be read"},
		"xlsx.damaged_after":    {ZH: "文件“%s”第 %d 行之后已损坏，无法读取；整个文件都未导入，请修复或重新导出后再上传", EN: "%q is damaged after line %d and cannot be read; nothing of it was imported: repair or export it again"},
		"xlsx.zip_bomb":         {ZH: "文件“%s”解压后超出大小限制（部件 %s），疑似压缩炸弹，已拒绝", EN: "%q inflates beyond the size limits (part %s), like a zip bomb; refused"},
		"xlsx.no_sheet":         {ZH: "文件“%s”中没有可读取的工作表", EN: "%q has no worksheet to read"},
		"xlsx.formula":          {ZH: "单元格 %s 含有公式；请把整张表复制后“选择性粘贴 → 数值”，再导入", EN: "cell %s holds a formula; copy the sheet and use Paste Special → Values, then import it again"},
		"xlsx.header_missing":   {ZH: "缺少必填列：%s（表头应位于前 %d 行之内）", EN: "required columns missing: %s (the header must be within the first %d rows)"},
		"xlsx.header_duplicate": {ZH: "“%s”列与“%s”列是同一列，请删除其中一列", EN: "columns %q and %q are the same column; delete one of them"},
		"xlsx.too_many_rows":    {ZH: "数据超过 %d 行的上限（读到第 %d 行时停止），请拆分文件后分批导入", EN: "more than %d data rows (stopped at row %d); split the file and import the parts"},
		"xlsx.invalid_text":     {ZH: "含有无法识别的字符，请把文件另存为 UTF-8 编码的 CSV", EN: "holds characters that are not text; save the file as UTF-8 CSV"},
		"xlsx.float_mangled":    {ZH: "“%s”被 Excel 存成了数字，后几位已经丢失；请把该列设置为“文本”格式，重新填写后再导入", EN: "Excel stored %q as a number and lost its last digits; format the column as Text, enter the values again and import"},
		"xlsx.row_at":           {ZH: "第 %d 行：%s", EN: "row %d: %s"},
		"xlsx.cell_at":          {ZH: "第 %d 行“%s”列：%s", EN: "row %d, column %q: %s"},
		"xlsx.required":         {ZH: "不能为空", EN: "must not be empty"},
		"xlsx.date_invalid":     {ZH: "“%s”不是有效日期，可写作 2024-03-01、2024/3/1 或 2024年3月1日", EN: "%q is not a valid date; write 2024-03-01, 2024/3/1 or 2024年3月1日"},
		"xlsx.value_invalid":    {ZH: "“%s”不是可选值之一（%s）", EN: "%q is not one of the allowed values (%s)"},
		"xlsx.sheet.members":    {ZH: "党员", EN: "Members"},
		"xlsx.sheet.units":      {ZH: "驻区单位", EN: "Stationed units"},
		"xlsx.sheet.posts":      {ZH: "班子成员", EN: "Posts"},
		"xlsx.sheet.values":     {ZH: "可选值", EN: "Allowed values"},
	})
}
