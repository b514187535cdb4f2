package report

import "dangjian/internal/i18n"

// The report pages' words.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.nav.figures":            {ZH: "统计数据", EN: "Figures"},
		"ui.nav.speech":             {ZH: "经验交流讲话", EN: "Speech"},
		"ui.part":                   {ZH: "第%s部分", EN: "Part %s"},
		"ui.col.part":               {ZH: "部分", EN: "Part"},
		"ui.col.figure":             {ZH: "指标", EN: "Figure"},
		"ui.col.value":              {ZH: "数值", EN: "Value"},
		"ui.col.unit":               {ZH: "单位", EN: "Unit"},
		"ui.col.coverage":           {ZH: "党组织", EN: "Party organisation"},
		"ui.col.date":               {ZH: "日期", EN: "Date"},
		"ui.col.detail":             {ZH: "说明", EN: "Detail"},
		"ui.scope.line":             {ZH: "范围：%s　期间：%s 至 %s", EN: "Scope: %s. Period: %s to %s."},
		"ui.figures.title":          {ZH: "统计数据", EN: "Figures"},
		"ui.figures.hint":           {ZH: "点击数值可查看构成该数值的明细记录。", EN: "Click a value to see the records behind it."},
		"ui.figure.no_records":      {ZH: "这一期间没有记录。", EN: "No records in this period."},
		"ui.figure.truncated":       {ZH: "记录太多，只列出前 %d 条；请选择更小的范围查看其余记录。", EN: "Too many records: only the first %d are listed; choose a smaller scope to see the rest."},
		"ui.figure.lacking_summary": {ZH: "%d 个社区尚未建立党组织（共 %d 个），列在最前。", EN: "%d communities (of %d) have no party organisation yet; they are listed first."},
		"ui.record.in_area":         {ZH: "所在社区：%s", EN: "in %s"},
		"ui.record.reformed_from":   {ZH: "由“%s”改建", EN: "re-formed from %s"},
		"ui.speech.title":           {ZH: "经验交流讲话", EN: "Speech"},
		"ui.speech.download":        {ZH: "下载：", EN: "Download:"},
		"ui.speech.hint":            {ZH: "讲话中的数字均由数据计算得出，点击可查看明细。", EN: "Every number in the speech is computed from the data; click one to see its records."},
	})
}
