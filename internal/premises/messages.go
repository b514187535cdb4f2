package premises

import "dangjian/internal/i18n"

func init() {
	i18n.Register(map[string]i18n.Message{
		"err.premises_required":              {ZH: "此项必填", EN: "this is required"},
		"err.premises_not_community":         {ZH: "“%s”不是社区", EN: "%q is not a community"},
		"err.premises_community_inactive":    {ZH: "“%s”在 %s 不在存续期", EN: "%q was not active on %s"},
		"err.premises_end_before_start":      {ZH: "结束日期应晚于开始日期（%s）", EN: "the end must be after the start (%s)"},
		"err.premises_not_positive":          {ZH: "应大于 0", EN: "must be above 0"},
		"err.premises_use_invalid":           {ZH: "用途应为办公用房或服务用房", EN: "the use must be office or service"},
		"err.premises_tenure_invalid":        {ZH: "产权应为自有、租用、借用或与单位共用", EN: "the tenure must be owned, rented, lent or shared"},
		"err.premises_unknown":               {ZH: "用房 %d 不存在", EN: "premises %d do not exist"},
		"err.premises_closed":                {ZH: "该用房已于 %s 停用", EN: "the premises were closed on %s"},
		"err.premises_area_invalid":          {ZH: "面积应为不小于 0 的数（平方米，最多两位小数）", EN: "give an area of 0 or more (m², at most two decimals)"},
		"err.premises_money_invalid":         {ZH: "金额应为不小于 0 的数（元，最多两位小数）", EN: "give an amount of 0 or more (yuan, at most two decimals)"},
		"err.premises_count_negative":        {ZH: "户数不能为负", EN: "a count cannot be negative"},
		"err.room_kind_invalid":              {ZH: "用房类型应为党员活动室、电教室、健身室、图书馆、会议室、服务大厅或其他", EN: "the kind must be party activity room, e-learning room, fitness room, library, meeting room, service hall or other"},
		"err.room_larger_than_premises":      {ZH: "房间面积大于所在用房（%s 平方米）", EN: "the room is larger than its premises (%s m²)"},
		"err.room_outside_premises":          {ZH: "房间的日期应在所在用房的使用期内（%s 至 %s）", EN: "the room's dates must lie within its premises' (%s to %s)"},
		"err.funding_year_invalid":           {ZH: "年度应在 1949 到 %d 之间", EN: "the year must be between 1949 and %d"},
		"err.funding_year_outside_community": {ZH: "“%s”在 %d 年尚未设立或已撤销", EN: "%q did not exist in %d"},
		"err.funding_source_invalid":         {ZH: "资金来源应为市、区、街道、居委自筹、单位或其他", EN: "the source must be city, district, subdistrict, self, unit or other"},
		"err.standard_empty":                 {ZH: "请至少填写最低面积或每百户面积", EN: "give a minimum area or an area per 100 households"},
		"err.step_invalid":                   {ZH: "步骤应为选址论证、资金落实、报建审批、开工或竣工", EN: "the step must be siting, funding, approval, construction or completed"},
		"err.step_completed_needs_premises":  {ZH: "竣工时请填写建成的用房", EN: "completing needs the premises it built"},
		"err.step_before_project":            {ZH: "日期不能早于项目开始（%s）", EN: "the date cannot be before the project started (%s)"},
		"err.step_reached":                   {ZH: "该步骤（%s）已经记录", EN: "the step %s was already reached"},
		"err.step_out_of_order":              {ZH: "请先记录上一步骤（%s）", EN: "reach the step before first (%s)"},
		"err.step_before_previous":           {ZH: "日期不能早于上一步骤（%s）", EN: "the date cannot be before the previous step (%s)"},
		"err.project_funding_over_cost":      {ZH: "到位资金 %s 万元超过项目造价 %s 万元，请在备注中说明", EN: "funding of %s (10k yuan) exceeds the cost of %s; say why in the note"},
		"err.survey_room_needs_premises":     {ZH: "填写功能室面积时请填写所在用房的地址", EN: "a room needs the address of its premises"},
		"err.survey_funding_differs":         {ZH: "%d 年已登记办公经费 %s 元，与表中不符；请在社区阵地页面核对", EN: "%d's office funding is recorded as %s yuan; check it on the community's page"},
		"err.survey_households_differ":       {ZH: "%s 已登记户数 %d，与表中不符", EN: "on %s, %d households are recorded"},
		"err.survey_premises_differ":         {ZH: "用房“%s”已登记为 %s，与表中不符；请在社区阵地页面修改", EN: "the premises at %q are recorded as %s; change them on the community's page"},
		"err.survey_new_premises_needs":      {ZH: "新登记用房“%s”须填写此项", EN: "new premises at %q need this"},
		"err.survey_format":                  {ZH: "格式应为 xlsx 或 csv，而不是“%s”", EN: "the format must be xlsx or csv, not %q"},
		"err.premises_bool_invalid":          {ZH: "应为 true 或 false，而不是“%s”", EN: "give true or false, not %q"},
		"err.project_unknown":                {ZH: "建设项目 %d 不存在", EN: "building project %d does not exist"},
	})
}
