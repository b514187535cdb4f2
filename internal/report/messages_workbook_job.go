package report

import "dangjian/internal/i18n"

// The words of the workbook built as a job.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.workbook_job_unknown":   {ZH: "没有这个工作簿任务（或已过期）", EN: "there is no such workbook job (or it has expired)"},
		"err.workbook_job_not_ready": {ZH: "工作簿尚未生成完成", EN: "the workbook is not ready yet"},
		"ui.workbook_job.start":      {ZH: "后台生成统计工作簿", EN: "Build the statistics workbook in the background"},
		"ui.workbook_job.title":      {ZH: "统计工作簿", EN: "Statistics workbook"},
		"ui.workbook_job.progress":   {ZH: "正在生成……已完成 %d%%", EN: "Building… %d%% done"},
		"ui.workbook_job.queued":     {ZH: "排队等待中……", EN: "Waiting in the queue…"},
		"ui.workbook_job.cancel":     {ZH: "取消", EN: "Cancel"},
		"ui.workbook_job.done":       {ZH: "工作簿已生成（%d 字节），保留 24 小时，仅本人可下载。", EN: "The workbook is ready (%d bytes); it is kept for 24 hours, for you alone."},
		"ui.workbook_job.download":   {ZH: "下载 %s", EN: "Download %s"},
		"ui.workbook_job.failed":     {ZH: "未能生成：%s", EN: "Could not build it: %s"},
		"ui.workbook_job.cancelled":  {ZH: "已取消", EN: "cancelled"},
		"ui.workbook_job.back":       {ZH: "返回统计数据", EN: "Back to the figures"},
	})
}
