package coordination

import "dangjian/internal/i18n"

// The strings of a whistle's page and the form that raises one.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.whistle_new.title":        {ZH: "吹哨", EN: "Raise a whistle"},
		"ui.whistle_new.intro":        {ZH: "社区或街道吹哨：写明问题，召集有关部门或驻区单位，并给出各自报到的时限（小时）。", EN: "A community or subdistrict raises an issue and summons departments or stationed units, each with the hours it has to report in."},
		"ui.whistle_new.area_help":    {ZH: "吹哨的社区或街道", EN: "The community or subdistrict that raises it"},
		"ui.whistle_new.time_help":    {ZH: "日期 YYYY-MM-DD 和时间 HH:MM（北京时间）", EN: "Date YYYY-MM-DD and time HH:MM (China Standard Time)"},
		"ui.whistle_new.parties_help": {ZH: "每行召集一方：选择驻区单位，或填写部门名称；空行不计。", EN: "One party a row: choose a stationed unit or name a department; empty rows are skipped."},
		"ui.whistle_new.submit":       {ZH: "吹哨", EN: "Raise the whistle"},
		"ui.whistle.area":             {ZH: "吹哨单位", EN: "Raised by"},
		"ui.whistle.subject":          {ZH: "问题", EN: "Issue"},
		"ui.whistle.raised_at":        {ZH: "吹哨时间", EN: "Raised at"},
		"ui.whistle.raised_on":        {ZH: "吹哨日期", EN: "Date raised"},
		"ui.whistle.raised_time":      {ZH: "吹哨时刻", EN: "Time raised"},
		"ui.whistle.parties":          {ZH: "被召集的部门和单位", EN: "Summoned"},
		"ui.whistle.unit":             {ZH: "驻区单位", EN: "Stationed unit"},
		"ui.whistle.department":       {ZH: "或部门", EN: "Or department"},
		"ui.whistle.hours":            {ZH: "报到时限（小时）", EN: "Deadline (hours)"},
		"ui.whistle.open":             {ZH: "未解决", EN: "open"},
		"ui.whistle.resolved_on":      {ZH: "%s 已解决", EN: "resolved %s"},
		"ui.whistle.report_in":        {ZH: "记录报到", EN: "Record report-in"},
		"ui.whistle.score":            {ZH: "评分", EN: "Score"},
		"ui.whistle.actions":          {ZH: "转为议定事项", EN: "Actions it became"},
		"ui.whistle.no_actions":       {ZH: "尚未转为议定事项。", EN: "No actions yet."},
		"ui.whistle.resolve":          {ZH: "解决", EN: "Resolve"},
		"ui.whistle.resolve_on":       {ZH: "解决日期", EN: "Resolved on"},
		"ui.whistle.resolve_submit":   {ZH: "标记为已解决", EN: "Mark resolved"},
		"ui.whistle_action.new":       {ZH: "转为议定事项", EN: "Make it an action"},
		"ui.whistle_action.title":     {ZH: "转为议定事项：%s", EN: "Make an action of: %s"},
		"ui.whistle_action.intro":     {ZH: "由吹哨的社区或街道跟踪办理，直至办结。", EN: "The raising area follows it to the end."},
		"ui.whistle_action.submit":    {ZH: "添加议定事项", EN: "Add the action"},
		"ui.whistle_action.on_help":   {ZH: "议定的日期，不早于吹哨日期，格式 YYYY-MM-DD", EN: "The day it was agreed, not before the whistle (YYYY-MM-DD)"},
		"ui.flash.whistle_raised":     {ZH: "已吹哨：%s", EN: "Whistle raised: %s"},
		"ui.flash.whistle_reported":   {ZH: "已记录报到：%s", EN: "Report-in recorded: %s"},
		"ui.flash.whistle_scored":     {ZH: "已评分：%s", EN: "Score recorded: %s"},
		"ui.flash.whistle_resolved":   {ZH: "已解决：%s", EN: "Resolved: %s"},
		"ui.flash.whistle_action":     {ZH: "已转为议定事项：%s", EN: "Action added: %s"},
		"err.coord_clock_invalid":     {ZH: "“%s”不是有效的时间（YYYY-MM-DD HH:MM）", EN: "%q is not a valid time (YYYY-MM-DD HH:MM)"},
	})
}
