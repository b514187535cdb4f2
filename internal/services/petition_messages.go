package services

import "dangjian/internal/i18n"

// The petitions' refusals, step names and audit actions.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.petition_required":                 {ZH: "请填写此项", EN: "this field is required"},
		"err.petition_unknown":                  {ZH: "没有编号为 %d 的诉求（或不在您的范围内）", EN: "no petition %d (or not in your scope)"},
		"err.petition_time_required":            {ZH: "请填写时间（格式 YYYY-MM-DD HH:MM）", EN: "enter a time (YYYY-MM-DD HH:MM)"},
		"err.petition_time_invalid":             {ZH: "时间“%s”无效，格式为 YYYY-MM-DD HH:MM", EN: "invalid time %q: use YYYY-MM-DD HH:MM"},
		"err.petition_time_future":              {ZH: "时间不能晚于现在（%s）", EN: "the time cannot be after now (%s)"},
		"err.petition_channel_invalid":          {ZH: "请选择受理渠道", EN: "choose the channel"},
		"err.petition_type_invalid":             {ZH: "请选择诉求类型：咨询、求助、投诉、举报或建议", EN: "choose the type: consult, help, complaint, report or suggestion"},
		"err.petition_status_invalid":           {ZH: "状态只能是 open 或 closed", EN: "the status is open or closed"},
		"err.petition_headcount_collective":     {ZH: "集体诉求的人数至少为 2 人", EN: "a collective petition has a headcount of at least 2"},
		"err.petition_headcount_single":         {ZH: "人数超过 1 人的诉求请勾选“集体诉求”", EN: "a petition of more than one person is collective: tick collective"},
		"err.petition_area_level":               {ZH: "“%s”不是社区或街道：诉求由社区或街道受理", EN: "%s is not a community or a subdistrict: petitions are received by one"},
		"err.petition_area_inactive":            {ZH: "“%s”在 %s 未设立或已撤销", EN: "%s did not exist on %s"},
		"err.petition_closed":                   {ZH: "诉求“%s”已于 %s 办结，不再并入新的来电", EN: "petition %q was resolved on %s: it takes no more requests"},
		"err.petition_request_before_case":      {ZH: "来电时间不能早于该诉求的受理时间（%s）", EN: "a request cannot come before its case was received (%s)"},
		"err.petition_agency_required":          {ZH: "请填写承办部门或选择承办单位", EN: "name the department or choose the unit"},
		"err.petition_agency_both":              {ZH: "承办部门和承办单位只能填一个", EN: "name a department or choose a unit, not both"},
		"err.petition_unit_unknown":             {ZH: "没有编号为 %d 的驻区单位", EN: "no unit %d"},
		"err.petition_resolved_before_received": {ZH: "办结日期不能早于受理日期（%s）", EN: "a petition cannot be resolved before it was received (%s)"},
		"err.petition_satisfaction_invalid":     {ZH: "请选择满意度：满意、基本满意或不满意", EN: "choose the satisfaction: satisfied, basically satisfied or unsatisfied"},
		"err.petition_satisfaction_unresolved":  {ZH: "诉求尚未办结，不能回访满意度", EN: "the petition is not resolved yet: it takes no satisfaction"},
		"err.petition_step_missing":             {ZH: "尚未%[1]s，不能进行这一步", EN: "not %[2]s yet: this step cannot be taken"},
		"err.petition_step_done":                {ZH: "已于 %[3]s %[1]s，不能重复", EN: "already %[2]s on %[3]s"},
		"err.petition_step_before":              {ZH: "不能早于%[1]s的时间（%[3]s）", EN: "cannot be before it was %[2]s (%[3]s)"},
		"err.petition_rank_invalid":             {ZH: "排名依据只能是 resolution、response 或 satisfaction", EN: "rank by resolution, response or satisfaction"},
		"err.petition_period_reversed":          {ZH: "结束日期不能早于开始日期", EN: "the period cannot end before it starts"},

		"err.petition_open311_value": {ZH: "“%s”无效，可选：%s", EN: "%q is not one of: %s"},

		"ui.petition.type.consult":    {ZH: "咨询", EN: "Consultation"},
		"ui.petition.type.help":       {ZH: "求助", EN: "Request for help"},
		"ui.petition.type.complaint":  {ZH: "投诉", EN: "Complaint"},
		"ui.petition.type.report":     {ZH: "举报", EN: "Report"},
		"ui.petition.type.suggestion": {ZH: "建议", EN: "Suggestion"},
		"ui.petition.limit_days":      {ZH: "办理时限 %d 天", EN: "Time limit: %d days"},

		"ui.petition.stage.received":    {ZH: "已受理", EN: "Received"},
		"ui.petition.stage.dispatched":  {ZH: "已派单", EN: "Dispatched"},
		"ui.petition.stage.accepted":    {ZH: "已接单", EN: "Accepted"},
		"ui.petition.stage.replied":     {ZH: "已答复", EN: "Replied"},
		"ui.petition.stage.resolved":    {ZH: "已办结", EN: "Resolved"},
		"ui.petition.stage.verified":    {ZH: "已核查", EN: "Verified"},
		"ui.petition.stage.called_back": {ZH: "已回访", EN: "Called back"},

		"ui.petition.satisfaction.satisfied":   {ZH: "满意", EN: "Satisfied"},
		"ui.petition.satisfaction.basically":   {ZH: "基本满意", EN: "Basically satisfied"},
		"ui.petition.satisfaction.unsatisfied": {ZH: "不满意", EN: "Unsatisfied"},

		"ui.petition.channel.hotline": {ZH: "12345 热线", EN: "Hotline 12345"},
		"ui.petition.channel.visit":   {ZH: "来访", EN: "Visit"},
		"ui.petition.channel.letter":  {ZH: "来信", EN: "Letter"},
		"ui.petition.channel.online":  {ZH: "网上", EN: "Online"},
		"ui.petition.channel.other":   {ZH: "其他", EN: "Other"},

		"ui.petition.step.receive":  {ZH: "受理", EN: "received"},
		"ui.petition.step.dispatch": {ZH: "派单", EN: "dispatched"},
		"ui.petition.step.accept":   {ZH: "接单", EN: "accepted"},
		"ui.petition.step.reply":    {ZH: "答复", EN: "replied"},
		"ui.petition.step.resolve":  {ZH: "办结", EN: "resolved"},
		"ui.petition.step.verify":   {ZH: "核查", EN: "verified"},
		"ui.petition.step.callback": {ZH: "回访", EN: "called back"},

		"ui.audit.type.petition": {ZH: "诉求", EN: "Petition"},

		"ui.attached.petitions":                  {ZH: "%d件未办结的诉求", EN: "%d petitions not yet resolved"},
		"ui.audit.action.petition.move_attached": {ZH: "诉求随区域调整移交", EN: "Open petitions handed on with their area"},
		"ui.audit.action.petition.receive":       {ZH: "受理诉求", EN: "Petition received"},
		"ui.audit.action.petition.dispatch":      {ZH: "诉求派单", EN: "Petition dispatched"},
		"ui.audit.action.petition.accept":        {ZH: "诉求接单", EN: "Petition accepted"},
		"ui.audit.action.petition.reply":         {ZH: "诉求答复", EN: "Petition replied"},
		"ui.audit.action.petition.resolve":       {ZH: "诉求办结", EN: "Petition resolved"},
		"ui.audit.action.petition.verify":        {ZH: "诉求核查", EN: "Petition verified"},
		"ui.audit.action.petition.callback":      {ZH: "诉求回访", EN: "Petition called back"},
	})
}
