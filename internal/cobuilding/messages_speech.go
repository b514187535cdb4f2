package cobuilding

import "dangjian/internal/i18n"

// The words of part four's example slots (speech.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"speech.cob_gave.land":        {ZH: "土地", EN: "land"},
		"speech.cob_gave.money":       {ZH: "资金", EN: "money"},
		"speech.cob_quoted":           {ZH: "“%s”", EN: "“%s”"},
		"speech.cob_took.under_month": {ZH: "不到一个月便", EN: "in under a month"},
		"speech.cob_took.month":       {ZH: "用一个月", EN: "in a month"},
		"speech.cob_took.month_more":  {ZH: "用一个多月", EN: "in just over a month"},
		"speech.cob_took.year":        {ZH: "历时一年", EN: "in a year"},
		"speech.cob_took.year_more":   {ZH: "历时一年多", EN: "in just over a year"},
		"speech.cob_took.months":      {ZH: "用%s个月", EN: "in %s months"},
		"speech.cob_took.months_more": {ZH: "用%s个多月", EN: "in just over %s months"},
		"speech.cob_took.years":       {ZH: "历时%s年", EN: "in %s years"},
		"speech.cob_took.years_more":  {ZH: "历时%s年多", EN: "in just over %s years"},
		"speech.cob_banners.one":      {ZH: "一面", EN: "a banner"},
		"speech.cob_banners.many":     {ZH: "%s面", EN: "%s banners"},
	})
}
