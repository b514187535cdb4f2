package importer

import "dangjian/internal/i18n"

// The words of the exports built as jobs.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.export_job_unknown":          {ZH: "没有这个导出任务（或已过期）", EN: "there is no such export job (or it has expired)"},
		"err.export_job_not_ready":        {ZH: "导出文件尚未生成完成", EN: "the export is not ready yet"},
		"ui.export_job.title":             {ZH: "后台导出", EN: "Export in the background"},
		"ui.export_job.start":             {ZH: "后台导出", EN: "in the background"},
		"ui.export_job.queued":            {ZH: "排队等待中……", EN: "Waiting in the queue…"},
		"ui.export_job.progress":          {ZH: "正在导出……已写 %d 行，完成 %d%%", EN: "Exporting… %d rows written, %d%% done"},
		"ui.export_job.cancel":            {ZH: "取消", EN: "Cancel"},
		"ui.export_job.done":              {ZH: "导出完成：%d 行（%d 字节），保留 24 小时，仅本人可下载。", EN: "Exported %d rows (%d bytes); kept for 24 hours, for you alone."},
		"ui.export_job.download":          {ZH: "下载 %s", EN: "Download %s"},
		"ui.export_job.failed":            {ZH: "导出失败：%s", EN: "The export failed: %s"},
		"ui.export_job.back":              {ZH: "返回导入导出", EN: "Back to import and export"},
		"ui.audit.type.job":               {ZH: "后台任务", EN: "background job"},
		"ui.audit.action.export.download": {ZH: "下载后台导出文件", EN: "Background export downloaded"},
	})
}
