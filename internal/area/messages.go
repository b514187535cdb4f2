package area

import "dangjian/internal/i18n"

// Messages of the area tree, its events and party organisations, and the
// names of area levels, organisation kinds and event kinds.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.area.create":        {ZH: "新设区域", EN: "Area created"},
		"ui.audit.type.area":                 {ZH: "区域", EN: "area"},
		"ui.audit.type.party_org":            {ZH: "党组织", EN: "party organisation"},
		"ui.audit.action.area.rename":        {ZH: "区域更名", EN: "Area renamed"},
		"ui.audit.action.area.adjust":        {ZH: "区域调整", EN: "Area adjusted"},
		"ui.audit.action.area.merge":         {ZH: "区域合并", EN: "Area merged"},
		"ui.audit.action.area.split":         {ZH: "区域拆分", EN: "Area split"},
		"ui.audit.action.area.dissolve":      {ZH: "区域撤销", EN: "Area dissolved"},
		"ui.audit.action.party_org.create":   {ZH: "成立党组织", EN: "Party organisation set up"},
		"ui.audit.action.party_org.reform":   {ZH: "党组织改建", EN: "Party organisation re-formed"},
		"ui.audit.action.party_org.dissolve": {ZH: "撤销党组织", EN: "Party organisation dissolved"},
		"err.area_name_unknown":              {ZH: "找不到名为“%s”的区域", EN: "no area is named %q"},
		"err.area_name_ambiguous":            {ZH: "名为“%s”的区域有 %d 个，请改用编号", EN: "%q names %d areas; use the id instead"},
		"err.no_root":                        {ZH: "数据库中还没有区域，请先加载示范数据或创建区", EN: "the database has no areas yet; load the demo data or create the district first"},
		"err.name_too_long":                  {ZH: "名称不能超过 %d 个字", EN: "a name can have at most %d characters"},
		"err.code_format":                    {ZH: "区划代码应为 12 位数字", EN: "a division code has 12 digits"},
		"err.date_before_established":        {ZH: "日期不能早于“%s”的设立日期 %s", EN: "the date cannot precede the establishment of %q on %s"},
		"err.date_before_last_event":         {ZH: "日期不能早于“%s”最近一次变更的日期 %s", EN: "the date cannot precede the latest change to %q on %s"},
		"err.area_ended":                     {ZH: "“%s”已于 %s 撤销或合并，不能再变更", EN: "%q ended on %s and cannot be changed"},
		"err.parent_required":                {ZH: "请选择上级区域", EN: "choose the parent area"},
		"err.parent_is_community":            {ZH: "“%s”是社区，下面不能再设区域", EN: "%q is a community; no area can be placed under it"},
		"err.level_invalid":                  {ZH: "区域层级无效", EN: "invalid area level"},
		"err.level_mismatch":                 {ZH: "“%s”下面不能设这一层级的区域", EN: "an area of this level cannot be placed under %q"},
		"err.name_taken":                     {ZH: "同一上级下在 %[2]s 已有名为“%[1]s”的区域", EN: "an area named %q already exists under the same parent on %s"},
		"err.target_required":                {ZH: "请选择合并到的社区", EN: "choose the community to merge into"},
		"err.merge_self":                     {ZH: "不能把区域合并到它自己", EN: "an area cannot be merged into itself"},
		"err.merge_target_ended":             {ZH: "不能合并到已撤销的“%s”（%s 撤销）", EN: "cannot merge into %q, which ended on %s"},
		"err.merge_target_not_yet":           {ZH: "“%s”在 %s 才设立，合并日期不能早于此", EN: "%q was established on %s; the merge cannot be dated earlier"},
		"err.merge_level":                    {ZH: "“%s”与“%s”层级不同，不能合并", EN: "%q and %q are of different levels and cannot be merged"},
		"err.split_two_names":                {ZH: "拆分至少要填写两个新名称", EN: "a split needs at least two new names"},
		"err.split_duplicate":                {ZH: "新名称“%s”重复", EN: "the new name %q is given twice"},
		"err.area_has_attached":              {ZH: "“%s”还有 %d 条在用记录（党员、职务、驻区单位或报到），请选择由哪个区域承接", EN: "%q still has %d active records (members, posts, units or registrations); choose the area that takes them"},
		"err.has_children":                   {ZH: "“%s”下面还有 %d 个区域，请先调整它们", EN: "%q still has %d areas under it; move them first"},
		"err.adjust_note_required":           {ZH: "只调整边界时请说明调整内容", EN: "describe the boundary change"},
		"err.rename_same":                    {ZH: "新名称与原名称“%s”相同", EN: "the new name is the same as the old one, %q"},
		"err.org_not_found":                  {ZH: "党组织 %d 不存在", EN: "party organisation %d does not exist"},
		"err.org_kind_invalid":               {ZH: "党组织类型无效", EN: "invalid party organisation kind"},
		"err.org_kind_level":                 {ZH: "“%s”是社区，不能设党工委", EN: "%q is a community and cannot have a working committee"},
		"err.org_area_inactive":              {ZH: "“%s”在 %s 不存在，不能设党组织", EN: "%q did not exist on %s; no party organisation can be attached"},
		"err.org_ended":                      {ZH: "“%s”已于 %s 撤销", EN: "%q ended on %s"},
		"err.reform_same":                    {ZH: "改建后的党组织类型和名称不能都与原来相同", EN: "the re-formed organisation must differ in kind or name"},
		"err.kind_invalid":                   {ZH: "事件类型无效", EN: "invalid event kind"},
		"err.own_area_change":                {ZH: "这是您所辖的区域本身：它的撤并、拆分、调整和更名须由上级办理", EN: "this is the area you are responsible for: merging, splitting, adjusting or renaming it is for the level above"},

		// Names of levels, organisation kinds and event kinds, shown on the pages.
		"ui.level.province":    {ZH: "省", EN: "province"},
		"ui.level.city":        {ZH: "市", EN: "city"},
		"ui.level.district":    {ZH: "区", EN: "district"},
		"ui.level.subdistrict": {ZH: "街道", EN: "subdistrict"},
		"ui.level.community":   {ZH: "社区", EN: "community"},

		"ui.kind.committee":         {ZH: "党委", EN: "committee"},
		"ui.kind.working_committee": {ZH: "党工委", EN: "working committee"},
		"ui.kind.general_branch":    {ZH: "党总支", EN: "general branch"},
		"ui.kind.branch":            {ZH: "党支部", EN: "branch"},

		"ui.event_kind.create":   {ZH: "增设", EN: "created"},
		"ui.event_kind.merge":    {ZH: "合并", EN: "merged"},
		"ui.event_kind.split":    {ZH: "拆分", EN: "split"},
		"ui.event_kind.adjust":   {ZH: "调整", EN: "adjusted"},
		"ui.event_kind.rename":   {ZH: "更名", EN: "renamed"},
		"ui.event_kind.dissolve": {ZH: "撤销", EN: "dissolved"},
	})
}
