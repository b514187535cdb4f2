package report

import "dangjian/internal/i18n"

// The words of the workbook download and the figures by sub-area.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.workbook.download":         {ZH: "下载统计工作簿（Excel）", EN: "Download the statistics workbook (Excel)"},
		"ui.figures.by_area":           {ZH: "按下级区域分列", EN: "By sub-area"},
		"ui.by_area.title":             {ZH: "统计数据（按下级区域）", EN: "Figures by sub-area"},
		"ui.by_area.level":             {ZH: "分列到：", EN: "Break down to:"},
		"ui.by_area.part":              {ZH: "部分：", EN: "Part:"},
		"ui.by_area.hint":              {ZH: "点击表头排序，点击数值查看明细记录；合计行是本区域自身的数值（有的指标按不重复的单位计数，不等于各行之和）。括号内为比上年同期增减。", EN: "Click a heading to sort and a value to see its records. The total row is the scope's own figure (some figures count distinct units and are not the sum of the rows). The change from a year earlier is in brackets."},
		"ui.by_area.ended":             {ZH: "%s撤销", EN: "ended %s"},
		"ui.by_area.none":              {ZH: "该范围内没有这一级别的下级区域。", EN: "There are no areas at that level in this scope."},
		"ui.by_area.col_area":          {ZH: "区域", EN: "Area"},
		"ui.by_area.col_parent":        {ZH: "所属街道", EN: "In subdistrict"},
		"ui.by_area.col_year_earlier":  {ZH: "上年同期", EN: "A year earlier"},
		"ui.by_area.col_change":        {ZH: "增减", EN: "Change"},
		"ui.by_area.level_subdistrict": {ZH: "街道", EN: "Subdistricts"},
		"ui.by_area.level_community":   {ZH: "社区", EN: "Communities"},
		"ui.by_area.total":             {ZH: "合计", EN: "In all"},
		"err.by_area_part":             {ZH: "“%s”不是讲话的部分（1–4）", EN: "%q is not a part of the speech (1–4)"},
		"err.by_area_sort":             {ZH: "不能按“%s”排序", EN: "cannot sort by %q"},
	})
}
