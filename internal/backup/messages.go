package backup

import "dangjian/internal/i18n"

// Messages of backup and restore; each error names the flag it is about.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.backup_out_required":  {ZH: "--out：请指定备份文件", EN: "--out: give the backup file to write"},
		"err.backup_out_exists":    {ZH: "--out：文件 %s 已存在，不会覆盖；请换一个文件名", EN: "--out: %s already exists and is not overwritten; choose another name"},
		"err.backup_out_folder":    {ZH: "--out：文件夹 %s 不存在或不可写", EN: "--out: folder %s does not exist or cannot be written"},
		"err.backup_in_required":   {ZH: "--in：请指定要恢复的备份文件", EN: "--in: give the backup file to restore"},
		"err.backup_in_unreadable": {ZH: "--in：无法读取文件 %s", EN: "--in: cannot read %s"},
		"err.backup_not_backup":    {ZH: "--in：%s 不是 dangjian 备份文件", EN: "--in: %s is not a dangjian backup"},
		"err.backup_version": {ZH: "--in：%s 是第 %d 版格式的备份，本程序只能读取第 %d 版",
			EN: "--in: %s is a backup of format version %d; this version reads version %d"},
		"err.backup_damaged": {ZH: "--in：备份文件 %s 已损坏（内容与其校验值不符），不能恢复",
			EN: "--in: the backup %s is damaged (its content does not match its checksum) and is not restored"},
		"err.backup_payload": {ZH: "--in：备份中的数据库副本无法使用：%s", EN: "--in: the database copy in the backup cannot be used: %s"},
		"err.backup_no_key": {ZH: "--key-file：恢复需要备份时所用的个人信息密钥：请用 --key-file 指定密钥文件，或设置 DANGJIAN_KEY",
			EN: "--key-file: a restore needs the personal-data key the backup was made with: give --key-file or set DANGJIAN_KEY"},
		"err.backup_key_mismatch": {ZH: "--key-file：所给密钥与备份不符：这不是备份时数据库所用的密钥",
			EN: "--key-file: the key does not match the backup: it is not the key the backed-up database used"},
		"err.backup_engine": {ZH: "--db：这是 %s 数据库的备份，不能恢复到 %s 数据库（不支持跨数据库类型恢复）",
			EN: "--db: this is a backup of a %s database and cannot be restored into a %s database (restoring across engines is not supported)"},
		"err.backup_newer": {ZH: "--in：备份来自较新的版本（迁移 %d，本程序最高到 %d）；请用较新的 dangjian 恢复",
			EN: "--in: the backup comes from a newer version (migration %d; this version knows up to %d); restore it with a newer dangjian"},
		"err.backup_target_not_empty": {ZH: "--force：目标数据库已有记录；恢复会替换它们，确需如此请加 --force",
			EN: "--force: the target database already holds records; a restore replaces them, so add --force if that is meant"},
		"err.backup_schema_taken": {ZH: "--db：目标数据库中已有备份的模式 %s，无法将其恢复为模式 %s；请使用其他数据库或在 URL 的 search_path 中指定 %[1]s",
			EN: "--db: the target database already has the backup's schema %s, so it cannot be restored as schema %s; use another database or search_path=%[1]s in the URL"},
		"err.backup_audit_broken": {ZH: "--in：恢复后的审计记录未通过校验（第 %d 条：%s），已撤销恢复",
			EN: "--in: the restored audit trail does not verify (entry %d: %s); the restore was undone"},
		"err.backup_tool_missing": {ZH: "--db：PostgreSQL 的备份与恢复需要 %s，但未找到该程序（请安装 postgresql-client）",
			EN: "--db: PostgreSQL backup and restore need %s, which is not installed (install postgresql-client)"},
		"ui.audit.action.backup.restore": {ZH: "从备份恢复数据库", EN: "Database restored from a backup"},
		"ui.audit.type.backup":           {ZH: "备份", EN: "backup"},
	})
}
