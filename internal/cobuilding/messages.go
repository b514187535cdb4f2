package cobuilding

import "dangjian/internal/i18n"

// The refusals of part four (a).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.cob_required":                    {ZH: "此项必填", EN: "this is required"},
		"err.cob_money_invalid":               {ZH: "金额应为数字（元，最多两位小数）", EN: "give an amount in yuan, at most two decimals"},
		"err.cob_count_invalid":               {ZH: "应为数字", EN: "give a number"},
		"err.cob_negative":                    {ZH: "不能为负数", EN: "cannot be negative"},
		"err.cob_not_community":               {ZH: "“%s”不是社区", EN: "%q is not a community"},
		"err.cob_community_inactive":          {ZH: "“%s”在 %s 不在存续期", EN: "%q was not active on %s"},
		"err.cob_end_before_start":            {ZH: "结束日期应晚于开始日期（%s）", EN: "the end must be after the start (%s)"},
		"err.cob_giver_required":              {ZH: "请选择驻区单位或填写部门名称", EN: "choose a stationed unit or name a department"},
		"err.cob_giver_both":                  {ZH: "单位和部门只能填写一个", EN: "give a unit or a department, not both"},
		"err.cob_unit_unknown":                {ZH: "单位 %d 不存在", EN: "unit %d does not exist"},
		"err.cob_unit_not_started":            {ZH: "“%s”于 %s 才进驻", EN: "%q was only stationed from %s"},
		"err.cob_unit_ended":                  {ZH: "“%s”已于 %s 撤销", EN: "%q ended on %s"},
		"err.cob_org_unknown":                 {ZH: "党组织 %d 不存在", EN: "party organisation %d does not exist"},
		"err.cob_org_inactive":                {ZH: "“%s”在 %s 不在存续期", EN: "%q was not active on %s"},
		"err.cob_org_elsewhere":               {ZH: "“%s”不是该社区或其上级的党组织", EN: "%q is not a party organisation of the community or above it"},
		"err.cob_before_project":              {ZH: "日期不能早于项目开始（%s）", EN: "the date cannot be before the project started (%s)"},
		"err.demand_category_invalid":         {ZH: "类别应为道路、环境卫生、排水、绿化、治安、养老、就业、文化或其他", EN: "the category must be road, sanitation, drainage, greening, security, elderly care, employment, culture or other"},
		"err.demand_tag_invalid":              {ZH: "“%s”不是四性工作之一（地区性、社会性、群众性、公益性）", EN: "%q is not one of the four kinds (regional, social, mass, public welfare)"},
		"err.demand_closed_before_raised":     {ZH: "关闭日期不能早于提出日期（%s）", EN: "a demand cannot close before it was raised (%s)"},
		"err.demand_settled":                  {ZH: "需求“%s”已于 %s 办结或关闭", EN: "the demand %q was done or closed on %s"},
		"err.demand_status_invalid":           {ZH: "状态应为待解决、已对接、已办结或已关闭", EN: "the status must be open, matched, done or closed"},
		"err.demand_unknown":                  {ZH: "需求 %d 不存在", EN: "demand %d does not exist"},
		"err.resource_kind_invalid":           {ZH: "资源类型应为场地用地、资金、活动场所、义务服务、技能、志愿者或设备", EN: "the kind must be land, money, venue, free service, skill, volunteers or equipment"},
		"err.resource_unknown":                {ZH: "资源 %d 不存在", EN: "resource %d does not exist"},
		"err.resource_not_offered":            {ZH: "资源“%s”在 %s 不在提供期内", EN: "the resource %q was not offered on %s"},
		"err.co_project_unknown":              {ZH: "共建项目 %d 不存在", EN: "co-building project %d does not exist"},
		"err.project_demand_elsewhere":        {ZH: "需求“%s”不属于项目所在社区", EN: "the demand %q is not of the project's community"},
		"err.project_cost_without_done":       {ZH: "填写实际费用时请填写完成日期", EN: "an actual cost needs the date the project was done"},
		"err.project_done_before_start":       {ZH: "完成日期不能早于开始日期（%s）", EN: "a project cannot be done before it started (%s)"},
		"err.project_done_cleared":            {ZH: "项目已于 %s 完成，完成日期只能更正不能清除", EN: "the project was done on %s; the date may be corrected, not cleared"},
		"err.contribution_kind_invalid":       {ZH: "贡献类型应为土地、资金、义务服务、劳务或其他", EN: "the kind must be land, money, free service, labour or other"},
		"err.contribution_unit_not_stationed": {ZH: "“%s”当时不是本街道的驻区单位；区外部门请填写部门名称", EN: "%q was not stationed in the subdistrict then; name an outside department instead"},
		"err.feedback_kind_invalid":           {ZH: "反馈类型应为锦旗、感谢信或评分", EN: "the kind must be banner, letter or rating"},
		"err.feedback_rating_range":           {ZH: "评分应为 1 到 5", EN: "a rating is 1 to 5"},
		"err.feedback_before_start":           {ZH: "反馈日期不能早于项目开始（%s）", EN: "feedback cannot be dated before the project started (%s)"},
	})
}
