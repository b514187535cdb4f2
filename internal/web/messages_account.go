package web

import "dangjian/internal/i18n"

// UI strings of signing in, accounts and the audit trail.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.error.forbidden_title":       {ZH: "无权访问", EN: "Access denied"},
		"ui.error.unauthenticated_title": {ZH: "请先登录", EN: "Sign in first"},
		"ui.signin.title":                {ZH: "登录", EN: "Sign in"},
		"ui.signin.demo_hint": {ZH: "演示模式：演示账号（每个角色一个）和它们的一次性密码，在首次启动时打印在运行 dangjian serve --demo 的终端窗口中，只显示那一次。如已遗失，可在服务器上运行 dangjian user passwd 用户名 重新生成。",
			EN: "Demo mode: the demo accounts (one per role) and their one-time passwords were printed, once, in the terminal that ran dangjian serve --demo at its first start. If they are lost, run dangjian user passwd USERNAME on the server for a new one."},
		"ui.signin.username":         {ZH: "用户名", EN: "Username"},
		"ui.signin.password":         {ZH: "密码", EN: "Password"},
		"ui.signin.submit":           {ZH: "登录", EN: "Sign in"},
		"ui.password.title":          {ZH: "修改密码", EN: "Change password"},
		"ui.password.forced":         {ZH: "这是初始密码，请先设置您自己的密码再继续使用。", EN: "This is an initial password: set your own before you go on."},
		"ui.password.policy":         {ZH: "密码至少 10 个字符，须包含大写字母、小写字母、数字、符号中的至少三类。", EN: "At least 10 characters, with three of: upper-case letters, lower-case letters, digits, symbols."},
		"ui.password.old_password":   {ZH: "原密码", EN: "Current password"},
		"ui.password.password":       {ZH: "新密码", EN: "New password"},
		"ui.password.password_again": {ZH: "再次输入新密码", EN: "New password again"},
		"ui.password.submit":         {ZH: "修改密码", EN: "Change password"},
		"ui.flash.signed_out":        {ZH: "您已退出登录。", EN: "You have signed out."},
		"ui.flash.password_changed":  {ZH: "密码已修改。", EN: "Your password was changed."},
		"ui.nav.signout":             {ZH: "退出", EN: "Sign out"},
		"ui.nav.account":             {ZH: "修改密码", EN: "Password"},
		"ui.nav.users":               {ZH: "用户管理", EN: "Users"},
		"ui.nav.admin":               {ZH: "管理", EN: "Admin"},
		"ui.nav.part_four":           {ZH: "共建服务", EN: "Services"},
		"ui.nav.audit":               {ZH: "审计日志", EN: "Audit"},
		"ui.role.admin":              {ZH: "系统管理员", EN: "administrator"},
		"ui.role.district":           {ZH: "区级", EN: "district"},
		"ui.role.subdistrict":        {ZH: "街道", EN: "subdistrict"},
		"ui.role.community":          {ZH: "社区", EN: "community"},
		"ui.role.unit":               {ZH: "驻区单位", EN: "stationed unit"},
		"ui.role.viewer":             {ZH: "只读", EN: "viewer"},
		"ui.role.auditor":            {ZH: "审计员", EN: "auditor"},
	})
}
