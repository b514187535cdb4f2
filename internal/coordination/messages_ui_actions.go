package coordination

import "dangjian/internal/i18n"

// The strings of an action's page and its forms.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.action_status.open":            {ZH: "未开始", EN: "open"},
		"ui.action_status.in_progress":     {ZH: "推进中", EN: "in progress"},
		"ui.action_status.done":            {ZH: "已办结", EN: "done"},
		"ui.action_status.dropped":         {ZH: "已撤销", EN: "dropped"},
		"ui.action.status":                 {ZH: "状态", EN: "Status"},
		"ui.action.result":                 {ZH: "办理结果", EN: "Result"},
		"ui.action.agreed_at":              {ZH: "议定于", EN: "Agreed at"},
		"ui.action.from_whistle":           {ZH: "来自吹哨", EN: "From the whistle"},
		"ui.action.closed_on":              {ZH: "办结日期", EN: "Closed on"},
		"ui.action.mean_help":              {ZH: "（各子事项进度的平均）", EN: "(the mean of its sub-actions)"},
		"ui.action.timeline":               {ZH: "进展", EN: "Progress updates"},
		"ui.action.no_updates":             {ZH: "还没有进展记录。", EN: "No progress recorded yet."},
		"ui.action.sub_actions":            {ZH: "子事项", EN: "Sub-actions"},
		"ui.action.no_sub_actions":         {ZH: "没有子事项。", EN: "No sub-actions."},
		"ui.action_progress.new":           {ZH: "记录进展", EN: "Record progress"},
		"ui.action_progress.title":         {ZH: "记录进展：%s", EN: "Record progress: %s"},
		"ui.action_progress.intro":         {ZH: "目前进度 %d%%。进度低于上次时请在备注中说明原因。", EN: "Progress so far: %d%%. Say why in the note if it goes down."},
		"ui.action_progress.submit":        {ZH: "记录进展", EN: "Record the progress"},
		"ui.action_progress.on_help":       {ZH: "进展的日期；办结或撤销时即为办结日期，格式 YYYY-MM-DD", EN: "The date of the update; for a done or dropped action, the day it was closed (YYYY-MM-DD)"},
		"ui.action_progress.progress":      {ZH: "进度（%）", EN: "Progress (%)"},
		"ui.action_progress.progress_help": {ZH: "0 到 100 的整数；办结时为 100", EN: "A whole number from 0 to 100; 100 when done"},
		"ui.action_progress.result_help":   {ZH: "办结时填写办理结果", EN: "What was achieved, when it is done"},
		"ui.flash.action_updated":          {ZH: "已记录“%s”的进展", EN: "Progress of %s recorded"},
		"ui.action_split.new":              {ZH: "分解事项", EN: "Add a sub-action"},
		"ui.action_split.title":            {ZH: "分解事项：%s", EN: "Add a sub-action: %s"},
		"ui.action_split.intro":            {ZH: "子事项的期限不能晚于上级事项；上级事项的进度为各子事项进度的平均。", EN: "A sub-action is due no later than its action, whose progress becomes the mean of its sub-actions'."},
		"ui.action_split.submit":           {ZH: "添加子事项", EN: "Add the sub-action"},
		"err.action_done_date_required":    {ZH: "办结或撤销时请填写办结日期（格式 YYYY-MM-DD）", EN: "give the day it was closed (YYYY-MM-DD)"},
		"ui.flash.sub_action_added":        {ZH: "已添加子事项“%s”", EN: "Sub-action %s added"},
	})
}
