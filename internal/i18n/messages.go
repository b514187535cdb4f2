package i18n

// Messages that belong to no one domain: dates, ids, names and request
// formats every edge checks, generic words of the pages, and
// err.area_not_found, which auth reports without importing area. A domain's
// own messages are registered by its package, in its messages.go.
func init() {
	Register(map[string]Message{
		"err.area_not_found":  {ZH: "区域 %d 不存在", EN: "area %d does not exist"},
		"err.name_required":   {ZH: "请填写名称", EN: "enter a name"},
		"err.date_required":   {ZH: "请填写日期（格式 YYYY-MM-DD）", EN: "enter a date (YYYY-MM-DD)"},
		"err.date_invalid":    {ZH: "日期“%s”无效，格式应为 YYYY-MM-DD", EN: "%q is not a date; use YYYY-MM-DD"},
		"err.date_future":     {ZH: "日期 %s 晚于今天，不能登记尚未发生的变更", EN: "%s is after today; only changes that have happened can be recorded"},
		"err.text_too_long":   {ZH: "不能超过 %d 个字", EN: "at most %d characters"},
		"err.id_invalid":      {ZH: "编号“%s”无效", EN: "%q is not a valid id"},
		"err.period_inverted": {ZH: "开始日期 %s 晚于结束日期 %s", EN: "the start date %s is after the end date %s"},
		"err.format_invalid":  {ZH: "格式“%s”无效，可选：%s", EN: "format %q is invalid; choose one of %s"},
		"err.body_invalid":    {ZH: "请求内容无法解析：%s", EN: "the request body cannot be read: %s"},
		"err.internal":        {ZH: "服务器内部错误，请稍后再试", EN: "internal server error; try again later"},
		"err.not_found":       {ZH: "页面不存在", EN: "page not found"},

		// Generic words of the pages.
		"ui.cancel":   {ZH: "取消", EN: "Cancel"},
		"ui.choose":   {ZH: "— 请选择 —", EN: "— choose —"},
		"ui.none":     {ZH: "无", EN: "none"},
		"ui.unknown":  {ZH: "（未知）", EN: "(unknown)"},
		"ui.list_sep": {ZH: "、", EN: ", "},
	})
}
