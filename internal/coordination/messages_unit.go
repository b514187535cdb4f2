package coordination

import "dangjian/internal/i18n"

// The words of a unit liaison's actions (unit_actions.go).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.action_not_unit_owned": {ZH: "议定事项 %d 不由本单位承办", EN: "action %d is not owned by this unit"},
	})
}
