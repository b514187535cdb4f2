package services

import "dangjian/internal/i18n"

// The refusals of part four (b).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.svc_required":                     {ZH: "此项必填", EN: "this is required"},
		"err.svc_negative":                     {ZH: "不能为负数", EN: "cannot be negative"},
		"err.svc_count_invalid":                {ZH: "应为整数", EN: "give a whole number"},
		"err.svc_not_community":                {ZH: "“%s”不是社区", EN: "%q is not a community"},
		"err.svc_not_subdistrict_or_community": {ZH: "“%s”不是街道或社区", EN: "%q is not a subdistrict or a community"},
		"err.svc_area_inactive":                {ZH: "“%s”在 %s 不在存续期", EN: "%q was not active on %s"},
		"err.svc_end_before_start":             {ZH: "结束日期应晚于开始日期（%s）", EN: "the end must be after the start (%s)"},
		"err.outlet_kind_invalid":              {ZH: "站点类型应为环境卫生服务站、清洁队、老人服务中心、计生服务中心、家政服务中心、残疾人服务中心或其他", EN: "the kind must be sanitation station, cleaning team, elderly centre, family-planning centre, housekeeping centre, disability centre or other"},
		"err.outlet_closed":                    {ZH: "“%s”已于 %s 撤销", EN: "%q closed on %s"},
		"err.outlet_records_after":             {ZH: "该站点在此日期之后还有 %d 条服务记录", EN: "the outlet has %d service records from that day on"},
		"err.outlet_unknown":                   {ZH: "服务站点 %d 不存在", EN: "outlet %d does not exist"},
		"err.designation_kind_invalid":         {ZH: "称号应为安全文明小区或其他（写明称号）", EN: "the title must be safe and civilised neighbourhood or another, named"},
		"err.designation_reason_invalid":       {ZH: "结束原因应为撤销或到期", EN: "the reason must be revoked or expired"},
		"err.designation_ended":                {ZH: "“%s”的称号已于 %s 结束", EN: "the title of %q ended on %s"},
		"err.designation_unknown":              {ZH: "命名 %d 不存在", EN: "designation %d does not exist"},
		"err.service_kind_invalid":             {ZH: "服务类型应为技术培训、就业指导、医疗保健、老人护理或其他", EN: "the kind must be training, job guidance, health care, elderly care or other"},
		"err.service_span_invalid":             {ZH: "记录周期应为日或月", EN: "the span must be a day or a month"},
		"err.service_outlet_or_area":           {ZH: "请选择服务站点或地区（只选一个）", EN: "choose an outlet or an area, one of them"},
		"err.service_outlet_closed":            {ZH: "“%s”的存续期为 %s 至 %s，此日期不在其内", EN: "%q was open from %s to %s, not on this date"},
		"err.service_record_twice":             {ZH: "该站点此期间的这类服务已有记录（%d），请更正该记录", EN: "this outlet already has a record of that kind for the period (%d): correct it"},
		"err.service_record_unknown":           {ZH: "服务记录 %d 不存在", EN: "service record %d does not exist"},
		"err.grid_outlet_unknown":              {ZH: "站点 %d 不是本社区该月存续的站点", EN: "outlet %d is not an outlet of the community open that month"},
		"err.grid_refused":                     {ZH: "有 %d 个格子填写有误，均未保存", EN: "%d cells are wrong; nothing was saved"},
		"err.placement_status_invalid":         {ZH: "原状态应为下岗或失业", EN: "the status before must be laid off or unemployed"},
		"err.placement_twice":                  {ZH: "此人 %s 已有一条安置记录", EN: "this person already has a placement on %s"},
		"err.placement_ended":                  {ZH: "该就业已于 %s 结束", EN: "the job ended on %s"},
		"err.placement_unknown":                {ZH: "再就业记录 %d 不存在", EN: "placement %d does not exist"},
		"err.deed_kind_invalid":                {ZH: "类型应为扶贫帮困或实事", EN: "the kind must be poverty relief or practical"},
		"err.deed_unknown":                     {ZH: "好事实事 %d 不存在", EN: "good deed %d does not exist"},
	})
}

func init() {
	i18n.Register(map[string]i18n.Message{
		"err.svc_kind_unknown":          {ZH: "未知的类型“%s”", EN: "unknown kind %q"},
		"err.service_record_cell_taken": {ZH: "该站点此期间的这类服务已有记录", EN: "this outlet already has a record of that kind for the period"},
		"err.placement_no_key":          {ZH: "未配置加密密钥，不能保存身份证号", EN: "no encryption key is set: the ID number cannot be stored"},
	})
}
