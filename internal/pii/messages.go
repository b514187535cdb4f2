package pii

import "dangjian/internal/i18n"

// Messages of the pii package.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.pii.reveal": {ZH: "查看完整个人信息", EN: "Personal data revealed"},
	})
}
