package web

import "dangjian/internal/i18n"

// UI strings of the application's own pages and of what every page shares:
// the layout, navigation, error pages, forms and the scope picker.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.access.denied": {ZH: "拒绝访问", EN: "Access denied"},
		"ui.app.name":                   {ZH: "社区党建工作平台", EN: "Community Party Building"},
		"ui.nav.label":                  {ZH: "主导航", EN: "Main navigation"},
		"ui.lang.label":                 {ZH: "界面语言", EN: "Language"},
		"ui.lang.self":                  {ZH: "中文", EN: "English"},
		"ui.footer":                     {ZH: "社区党建工作平台 · 数据仅供工作参考", EN: "Community party building platform · for working reference"},
		"ui.back_home":                  {ZH: "返回首页", EN: "Back to the start page"},

		"ui.error.not_found_title": {ZH: "页面不存在", EN: "Page not found"},
		"ui.error.internal_title":  {ZH: "服务器错误", EN: "Server error"},

		"ui.col.name": {ZH: "名称", EN: "Name"},

		"err.sheet_file_required": {ZH: "请选择要导入的文件", EN: "choose the file to import"},
		"err.sheet_too_large":     {ZH: "文件超过 %d MB", EN: "the file is larger than %d MB"},
		"ui.field.on":             {ZH: "日期", EN: "Date"},
		"ui.field.note":           {ZH: "备注", EN: "Note"},
		"ui.help.date":            {ZH: "变更发生的日期，格式 YYYY-MM-DD，例如 2024-03-01", EN: "The date the change happened, YYYY-MM-DD, for example 2024-03-01"},

		"ui.scope.area":   {ZH: "范围", EN: "Scope"},
		"ui.scope.from":   {ZH: "开始日期", EN: "From"},
		"ui.scope.to":     {ZH: "结束日期", EN: "To"},
		"ui.scope.submit": {ZH: "统计", EN: "Compute"},

		"err.pick_none":      {ZH: "找不到“%s”，请输入名称的一部分后从列表中选择，或输入其编号", EN: "nothing matches %q; type part of the name and choose from the list, or type its number"},
		"err.pick_ambiguous": {ZH: "有多个记录与“%s”相符，请从列表中选择，或输入其编号", EN: "several records match %q; choose one from the list, or type its number"},
	})
}
