package cli

import "dangjian/internal/i18n"

// What backup and restore print.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.backup_no_database": {ZH: "--db：%s 处没有数据库", EN: "--db: there is no database at %s"},
		"ui.cli.backup_done": {ZH: "已写入备份 %s（%s，迁移 %d，审计记录 %d 条，末条 %s，SHA-256 %s）。备份中没有个人信息密钥：请另行妥善保存密钥文件或 DANGJIAN_KEY",
			EN: "wrote the backup %s (%s, migration %d, %d audit entries, head %s, SHA-256 %s). The personal-data key is not in it: keep the key file or DANGJIAN_KEY safe, apart from the backup"},
		"ui.cli.backup_checked": {ZH: "备份 %s 完好（%s，备份于 %s，审计记录 %d 条，末条 %s），与所给密钥相符",
			EN: "the backup %s is sound (%s, taken %s, %d audit entries, head %s) and matches the key"},
		"ui.cli.restore_done": {ZH: "已将备份 %s（备份于 %s）恢复到 %s：审计记录 %d 条校验通过（备份时末条 %s），补做迁移 %d 个",
			EN: "restored the backup %s (taken %s) into %s: %d audit entries verified (head at the backup %s), %d migrations applied"},
	})
}
