package coordination

import "dangjian/internal/i18n"

// The strings of a unit's actions page.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.unit_actions.title": {ZH: "%s承办的议定事项", EN: "Actions owned by %s"},
		"ui.unit_actions.short": {ZH: "承办的议定事项", EN: "Actions owned"},
		"ui.unit_actions.intro": {ZH: "本单位承办的联席会议议定事项和吹哨事项，未办结的在前，逾期的标出；请及时记录进展。", EN: "The actions agreed at joint conferences or raised by whistles that this unit owns, open ones first, overdue ones marked; record their progress as it happens."},
		"ui.unit_actions.none":  {ZH: "本单位没有承办的议定事项。", EN: "This unit owns no actions."},
		"ui.unit_actions.link":  {ZH: "承办的议定事项", EN: "Actions it owns"},
	})
}
