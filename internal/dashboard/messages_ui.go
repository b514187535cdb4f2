package dashboard

import "dangjian/internal/i18n"

// The dashboard's words: the pages', and those the script shows, which
// travel in Data.Labels in the request's language.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.dashboard.title":                {ZH: "工作概览", EN: "Dashboard"},
		"ui.dashboard.screen_title":         {ZH: "社区党建数据大屏", EN: "Community party building at a glance"},
		"ui.dashboard.open_screen":          {ZH: "数据大屏", EN: "Big screen"},
		"ui.dashboard.back":                 {ZH: "返回首页", EN: "Back to the dashboard"},
		"ui.dashboard.fullscreen":           {ZH: "全屏", EN: "Full screen"},
		"ui.dashboard.exit_fullscreen":      {ZH: "退出全屏", EN: "Leave full screen"},
		"ui.dashboard.loading":              {ZH: "正在加载……", EN: "Loading…"},
		"ui.dashboard.load_failed":          {ZH: "数据加载失败，稍后自动重试。", EN: "The data could not be loaded; trying again shortly."},
		"ui.dashboard.noscript":             {ZH: "图表需要启用 JavaScript；各项数据也可在“统计数据”页查看。", EN: "The charts need JavaScript; the figures page lists every figure too."},
		"ui.dashboard.headline":             {ZH: "主要数据", EN: "Headline figures"},
		"ui.dashboard.charts":               {ZH: "图表", EN: "Charts"},
		"ui.dashboard.lists":                {ZH: "待办事项", EN: "Needing attention"},
		"ui.dashboard.change":               {ZH: "比上年同期", EN: "vs a year earlier"},
		"ui.dashboard.earlier":              {ZH: "上年同期", EN: "A year earlier"},
		"ui.dashboard.more":                 {ZH: "查看全部", EN: "See all"},
		"ui.dashboard.updated":              {ZH: "更新于", EN: "Updated"},
		"ui.dashboard.refresh_every":        {ZH: "每 %d 秒自动刷新", EN: "Refreshes every %d seconds"},
		"ui.dashboard.chart_coverage":       {ZH: "各下级区域“一居一支部”覆盖率", EN: "One-branch-per-community coverage by sub-area"},
		"ui.dashboard.chart_part1":          {ZH: "第一部分 · 近十年", EN: "Part 1 · the last ten years"},
		"ui.dashboard.chart_part2":          {ZH: "第二部分 · 近十年", EN: "Part 2 · the last ten years"},
		"ui.dashboard.chart_part3":          {ZH: "第三部分 · 近十年", EN: "Part 3 · the last ten years"},
		"ui.dashboard.chart_part4":          {ZH: "第四部分 · 近十年", EN: "Part 4 · the last ten years"},
		"ui.dashboard.chart_funding":        {ZH: "办公用房建设资金来源", EN: "Building funding by source"},
		"ui.dashboard.chart_outlets":        {ZH: "服务站点（按类型）", EN: "Service outlets by kind"},
		"ui.dashboard.chart_petitions":      {ZH: "诉求办理“三率”", EN: "The three petition rates"},
		"ui.dashboard.no_subareas":          {ZH: "该范围没有下级区域。", EN: "This scope has no sub-areas."},
		"ui.dashboard.no_data":              {ZH: "这一期间没有数据。", EN: "No data in this period."},
		"ui.dashboard.list_overdue_actions": {ZH: "逾期未办结的议定事项", EN: "Overdue actions"},
		"ui.dashboard.list_open_whistles":   {ZH: "未办结的吹哨", EN: "Open whistles"},
		"ui.dashboard.list_open_demands":    {ZH: "待认领的群众需求", EN: "Open demands"},
		"ui.dashboard.list_three_lacks":     {ZH: "“三无”社区居委", EN: "Three-lacks committees"},
		"ui.dashboard.list_empty":           {ZH: "无。", EN: "None."},
	})
}

// scriptLabels are the words the script shows, by the name it knows them by.
var scriptLabels = map[string]string{
	"change":          "ui.dashboard.change",
	"earlier":         "ui.dashboard.earlier",
	"more":            "ui.dashboard.more",
	"updated":         "ui.dashboard.updated",
	"fullscreen":      "ui.dashboard.fullscreen",
	"exit_fullscreen": "ui.dashboard.exit_fullscreen",
	"load_failed":     "ui.dashboard.load_failed",
}

// labels are the script's words in lang.
func labels(lang i18n.Lang) map[string]string {
	out := make(map[string]string, len(scriptLabels))
	for name, key := range scriptLabels {
		out[name] = i18n.T(lang, key)
	}
	return out
}
