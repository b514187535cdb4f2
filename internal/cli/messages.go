package cli

import "dangjian/internal/i18n"

// What the commands print for people, in the language of DANGJIAN_LANG or
// LANG (Chinese unless it says English).
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.cli.serving": {ZH: "dangjian 已启动：数据库 %s，请在浏览器中打开 %s://%s/",
			EN: "dangjian is serving %s on %s://%s/"},
		"ui.cli.key_created": {ZH: "已在 %s 生成新的加密密钥：请与数据库一起备份；没有它，个人信息将无法读取",
			EN: "created a new encryption key in %s: back it up with the database; without it personal data cannot be read"},
		"ui.cli.admin_created": {ZH: "已创建系统管理员账号：用户名 admin，一次性密码 %s\n（仅显示这一次；首次登录时必须修改）",
			EN: "created the administrator account: username admin, one-time password %s\n(shown only now; it must be changed at the first sign-in)"},
		"ui.cli.demo_accounts": {ZH: "演示账号（一次性密码，仅显示这一次）：", EN: "demo accounts (one-time passwords, shown only now):"},
		"err.docx_needs_out":   {ZH: "Word 文档需要用 --out 指定输出文件", EN: "a Word document needs --out FILE to write to"},
		"ui.cli.password_set":  {ZH: "已为 %s 设置新密码；其原有的登录会话已结束", EN: "set the password of %s; their other sessions have ended"},
		"ui.cli.token_password_pending": {ZH: "注意：账号 %[1]s 尚未修改初始密码，在此之前 API 会拒绝这个令牌。可在网页上登录修改，或在服务器上运行：dangjian user password %[1]s（从标准输入读入新密码）",
			EN: "note: %[1]s has not changed the initial password yet, and the API refuses the token until then. Sign in on the web page to change it, or run on the server: dangjian user password %[1]s (reads the new password from standard input)"},
	})
}
