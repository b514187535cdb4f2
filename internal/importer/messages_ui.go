package importer

import "dangjian/internal/i18n"

// The importer pages' words.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.nav.import": {ZH: "导入导出", EN: "Import"},
	})
}
