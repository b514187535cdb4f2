package coordination

import "dangjian/internal/i18n"

// The words of part two's API and record reads (api_*.go, detail.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.campaign_unknown":   {ZH: "专项行动 %d 不存在", EN: "campaign %d does not exist"},
		"err.coord_time_invalid": {ZH: "“%s”不是有效的时间（如 2024-07-01T09:00:00+08:00）", EN: "%q is not a valid time (like 2024-07-01T09:00:00+08:00)"},
		"err.coord_query_range":  {ZH: "“%s”应为 1 到 500 之间的整数", EN: "%q must be a whole number from 1 to 500"},
	})
}
