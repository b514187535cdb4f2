package cobuilding

import "dangjian/internal/i18n"

// The words of part four (a)'s audit entries and its kinds.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.demand.create":       {ZH: "登记需求", EN: "Demand raised"},
		"ui.audit.action.demand.update":       {ZH: "更正需求", EN: "Demand corrected"},
		"ui.audit.action.demand.close":        {ZH: "关闭需求", EN: "Demand closed"},
		"ui.audit.action.resource.create":     {ZH: "登记资源", EN: "Resource offered"},
		"ui.audit.action.resource.update":     {ZH: "更正资源", EN: "Resource corrected"},
		"ui.audit.action.co_project.create":   {ZH: "新建共建项目", EN: "Co-building project created"},
		"ui.audit.action.co_project.update":   {ZH: "更新共建项目", EN: "Co-building project updated"},
		"ui.audit.action.co_contribution.add": {ZH: "登记共建贡献", EN: "Contribution recorded"},
		"ui.audit.action.co_result.add":       {ZH: "登记项目成效", EN: "Project result recorded"},
		"ui.audit.action.co_feedback.add":     {ZH: "登记群众反馈", EN: "Feedback recorded"},
		"ui.audit.type.demand":                {ZH: "需求", EN: "Demand"},
		"ui.audit.type.resource":              {ZH: "资源", EN: "Resource"},
		"ui.audit.type.co_project":            {ZH: "共建项目", EN: "Co-building project"},
		"ui.demand.category.road":             {ZH: "道路", EN: "Road"},
		"ui.demand.category.sanitation":       {ZH: "环境卫生", EN: "Sanitation"},
		"ui.demand.category.drainage":         {ZH: "排水", EN: "Drainage"},
		"ui.demand.category.greening":         {ZH: "绿化", EN: "Greening"},
		"ui.demand.category.security":         {ZH: "治安", EN: "Security"},
		"ui.demand.category.elderly_care":     {ZH: "养老", EN: "Elderly care"},
		"ui.demand.category.employment":       {ZH: "就业", EN: "Employment"},
		"ui.demand.category.culture":          {ZH: "文化", EN: "Culture"},
		"ui.demand.category.other":            {ZH: "其他", EN: "Other"},
		"ui.demand.status.open":               {ZH: "待解决", EN: "Open"},
		"ui.demand.status.matched":            {ZH: "已对接", EN: "Matched"},
		"ui.demand.status.done":               {ZH: "已办结", EN: "Done"},
		"ui.demand.status.closed":             {ZH: "已关闭", EN: "Closed"},
		"ui.demand.tag.regional":              {ZH: "地区性", EN: "Regional"},
		"ui.demand.tag.social":                {ZH: "社会性", EN: "Social"},
		"ui.demand.tag.mass":                  {ZH: "群众性", EN: "Mass"},
		"ui.demand.tag.public_welfare":        {ZH: "公益性", EN: "Public welfare"},
		"ui.resource.kind.land":               {ZH: "场地用地", EN: "Land"},
		"ui.resource.kind.money":              {ZH: "资金", EN: "Money"},
		"ui.resource.kind.venue":              {ZH: "活动场所", EN: "Venue"},
		"ui.resource.kind.free_service":       {ZH: "义务服务", EN: "Free service"},
		"ui.resource.kind.skill":              {ZH: "技能", EN: "Skill"},
		"ui.resource.kind.volunteers":         {ZH: "志愿者", EN: "Volunteers"},
		"ui.resource.kind.equipment":          {ZH: "设备", EN: "Equipment"},
		"ui.contribution.kind.land":           {ZH: "土地", EN: "Land"},
		"ui.contribution.kind.money":          {ZH: "资金", EN: "Money"},
		"ui.contribution.kind.free_service":   {ZH: "义务服务", EN: "Free service"},
		"ui.contribution.kind.labour":         {ZH: "劳务", EN: "Labour"},
		"ui.contribution.kind.other":          {ZH: "其他", EN: "Other"},
		"ui.feedback.kind.banner":             {ZH: "锦旗", EN: "Banner"},
		"ui.feedback.kind.letter":             {ZH: "感谢信", EN: "Letter of thanks"},
		"ui.feedback.kind.rating":             {ZH: "评分", EN: "Rating"},
	})
}

// The reasons of a suggested resource's rank.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.match.fits":             {ZH: "资源类型适合该类需求", EN: "its kind fits the need"},
		"ui.match.fits_not":         {ZH: "资源类型与需求类别不直接对应", EN: "its kind does not fit the need directly"},
		"ui.match.same_community":   {ZH: "本社区的资源", EN: "offered in the same community"},
		"ui.match.same_subdistrict": {ZH: "本街道的资源", EN: "offered in the same subdistrict"},
		"ui.match.above":            {ZH: "上级部门的资源", EN: "offered by a department above"},
		"ui.match.promised":         {ZH: "已承诺给其他 %d 个在建项目", EN: "already promised to %d other projects under way"},
	})
}
