package jobs

import "dangjian/internal/i18n"

func init() {
	i18n.Register(map[string]i18n.Message{
		"err.job_abandoned": {ZH: "后台任务多次中断（服务器重启或故障），已停止重试，请重新提交", EN: "The background job was interrupted too many times (server restarts or failures) and will not be retried; please submit it again"},
		"err.job_cancelled": {ZH: "后台任务已取消，未写入任何内容", EN: "The background job was cancelled; nothing was written"},
	})
}
