package audit

import "dangjian/internal/i18n"

// Messages of the audit package.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.audit.export": {ZH: "导出审计日志", EN: "Audit trail exported"},
		"ui.audit.action.audit.redact": {ZH: "审计日志脱敏", EN: "Audit trail redacted"},
	})
}
