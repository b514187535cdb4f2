package workbook

import "dangjian/internal/i18n"

// Messages of the statistics workbook: its sheets, headers and refusals.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.workbook_level":       {ZH: "“%s”不是可选的分组级别（subdistrict 街道、community 社区）", EN: "%q is not a level to break down to (subdistrict, community)"},
		"err.workbook_level_below": {ZH: "分组级别“%s”须低于所选区域的级别（%s）", EN: "the level %q must be below the scope's own level (%s)"},
		"err.workbook_needs_out":   {ZH: "统计工作簿需要用 --out 指定输出文件（.xlsx）", EN: "the workbook needs --out FILE.xlsx to write to"},
		"err.workbook_out_ext":     {ZH: "输出文件“%s”的扩展名应为 .xlsx", EN: "the output file %q must end in .xlsx"},
		"err.cli_flag":             {ZH: "--%s：%s", EN: "--%s: %s"},
		"xlsx.wb_sheet_part":       {ZH: "第%s部分", EN: "Part %s"},
		"xlsx.wb_sheet_stats":      {ZH: "党员情况统计表", EN: "Party statistics"},
		"xlsx.wb_title_part":       {ZH: "%s统计表（第%s部分）", EN: "%s: statistics, part %s"},
		"xlsx.wb_title_stats":      {ZH: "%s街道、社区(居委会)党员情况", EN: "%s: party members and organisations of subdistricts and communities"},
		"xlsx.wb_period":           {ZH: "统计范围：%s；本期 %s 至 %s；上年同期 %s 至 %s", EN: "Scope: %s; period %s to %s; a year earlier %s to %s"},
		"xlsx.wb_period_stats":     {ZH: "统计范围：%s；统计期 %s 至 %s", EN: "Scope: %s; period %s to %s"},
		"xlsx.wb_unit":             {ZH: "（%s）", EN: " (%s)"},
		"xlsx.wb_now":              {ZH: "本期", EN: "Period"},
		"xlsx.wb_before":           {ZH: "上年同期", EN: "A year earlier"},
		"xlsx.wb_change":           {ZH: "增减", EN: "Change"},
		"xlsx.wb_change_points":    {ZH: "增减（百分点）", EN: "Change (points)"},
		"xlsx.wb_total":            {ZH: "%s合计", EN: "%s, in all"},
		"xlsx.wb_ended":            {ZH: "%s（%s撤销）", EN: "%s (ended %s)"},
		"xlsx.wb_col_subdistrict":  {ZH: "街道", EN: "Subdistrict"},
		"xlsx.wb_col_community":    {ZH: "社区", EN: "Community"},
		"xlsx.wb_col_parent":       {ZH: "所属街道", EN: "In subdistrict"},
		"xlsx.wb_stats_units":      {ZH: "单位数", EN: "Units"},
		"xlsx.wb_stats_orgs":       {ZH: "社区党组织", EN: "Community party organisations"},
		"xlsx.wb_stats_members":    {ZH: "党员", EN: "Party members"},
		"xlsx.wb_stats_stationed":  {ZH: "驻区单位", EN: "Stationed units"},
		"xlsx.wb_stats_leaders":    {ZH: "社区班子", EN: "Community leadership"},
		"xlsx.wb_stats_key_col":    {ZH: "甲", EN: "A"},
		"xlsx.wb_stats_key_col2":   {ZH: "乙", EN: "B"},
	})
}
