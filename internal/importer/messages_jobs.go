package importer

import "dangjian/internal/i18n"

func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.import.cancel": {ZH: "取消导入", EN: "Cancel the import"},
	})
}
