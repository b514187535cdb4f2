package coordination

import "dangjian/internal/i18n"

// The strings of the campaign pages and form.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.campaigns.title":           {ZH: "专项行动", EN: "Campaigns"},
		"ui.campaigns.none":            {ZH: "您的范围内还没有专项行动。", EN: "No campaign in your scope yet."},
		"ui.campaign.area":             {ZH: "覆盖区域", EN: "Area covered"},
		"ui.campaign.dates":            {ZH: "起止日期", EN: "Dates"},
		"ui.campaign.started_on":       {ZH: "开始日期", EN: "Started"},
		"ui.campaign.ended_on":         {ZH: "结束日期", EN: "Ended"},
		"ui.campaign.conference":       {ZH: "牵头的联席会议", EN: "Led by"},
		"ui.campaign.no_conference":    {ZH: "（无）", EN: "(none)"},
		"ui.campaign.running":          {ZH: "进行中", EN: "running"},
		"ui.campaign.units":            {ZH: "参与单位", EN: "Participating units"},
		"ui.campaign.no_units":         {ZH: "没有登记参与单位。", EN: "No participating units recorded."},
		"ui.campaign.results":          {ZH: "成果", EN: "Results"},
		"ui.campaign.no_results":       {ZH: "还没有登记成果。", EN: "No results recorded yet."},
		"ui.campaign.measure":          {ZH: "项目", EN: "Measure"},
		"ui.campaign.quantity":         {ZH: "数量", EN: "Quantity"},
		"ui.campaign.unit":             {ZH: "单位", EN: "Unit"},
		"ui.campaign_new.title":        {ZH: "登记专项行动", EN: "Record a campaign"},
		"ui.campaign_new.intro":        {ZH: "专项行动的类型、覆盖区域、起止日期、牵头的联席会议、参与单位和成果（如：清理垃圾 120 吨）一并登记。", EN: "Record the campaign's kind, area, dates, leading conference, participating units and results (such as 120 tonnes of rubbish cleared) at once."},
		"ui.campaign_new.ended_help":   {ZH: "尚未结束的留空", EN: "Leave empty while it runs"},
		"ui.campaign_new.units_help":   {ZH: "驻在覆盖区域内的单位，每格一个；空格不计。", EN: "Units stationed in the area covered, one a box; empty boxes are skipped."},
		"ui.campaign_new.results_help": {ZH: "每行一项成果：项目、数量和单位；空行不计。", EN: "One result a row: measure, quantity and unit; empty rows are skipped."},
		"ui.campaign_new.submit":       {ZH: "登记专项行动", EN: "Record the campaign"},
		"ui.flash.campaign_created":    {ZH: "已登记专项行动“%s”", EN: "Campaign %s recorded"},
		"err.coord_quantity_invalid":   {ZH: "“%s”不是数字", EN: "%q is not a number"},
	})
}
