package auth

import "dangjian/internal/i18n"

// Messages of the sign-in hardening (issue 15 item 6).
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.auth.slowed":    {ZH: "账号登录受限（多地址失败过多）", EN: "Account sign-in slowed (too many failures across addresses)"},
		"err.password_contains_username": {ZH: "密码不能包含用户名（包括倒序）", EN: "the password must not contain the username (forwards or backwards)"},
		"err.password_common":            {ZH: "密码过于常见（或只是常见密码加数字、符号），容易被猜中，请换一个", EN: "the password is too common (or a common password with digits or symbols added) and easy to guess; choose another"},
	})
}
