package auth

import "dangjian/internal/i18n"

// Messages of accounts, sign-in and tokens.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.account.create":              {ZH: "创建账号", EN: "Account created"},
		"ui.audit.action.account.disable":             {ZH: "停用账号", EN: "Account disabled"},
		"ui.audit.action.account.enable":              {ZH: "启用账号", EN: "Account enabled"},
		"ui.audit.action.account.reset":               {ZH: "重置密码", EN: "Password reset"},
		"ui.audit.action.account.password_set":        {ZH: "在命令行设置密码", EN: "Password set on the command line"},
		"ui.audit.action.auth.signin":                 {ZH: "登录", EN: "Signed in"},
		"ui.audit.action.auth.signin_failed":          {ZH: "登录失败", EN: "Sign-in failed"},
		"ui.audit.action.auth.signout":                {ZH: "退出登录", EN: "Signed out"},
		"ui.audit.action.auth.locked":                 {ZH: "账号锁定", EN: "Account locked"},
		"ui.audit.action.auth.password_changed":       {ZH: "修改密码", EN: "Password changed"},
		"ui.audit.action.auth.password_change_failed": {ZH: "修改密码失败", EN: "Password change failed"},
		"ui.audit.action.token.create":                {ZH: "创建 API 令牌", EN: "API token created"},
		"ui.audit.action.token.revoke":                {ZH: "吊销 API 令牌", EN: "API token revoked"},
		"ui.audit.action.token.use_write":             {ZH: "以 API 令牌写入", EN: "Write with an API token"},
		"ui.audit.action.setting.change":              {ZH: "修改设置", EN: "Setting changed"},
		"err.password_short":                          {ZH: "密码至少需要 %d 个字符", EN: "a password needs at least %d characters"},
		"err.password_classes":                        {ZH: "密码须包含大写字母、小写字母、数字、符号中的至少三类", EN: "a password needs three of: upper-case letters, lower-case letters, digits, symbols"},
		"err.password_is_username":                    {ZH: "密码不能与用户名相同", EN: "the password cannot be the username"},
		"err.password_wrong":                          {ZH: "原密码不正确", EN: "the current password is wrong"},
		"err.password_unchanged":                      {ZH: "新密码不能与原密码相同", EN: "the new password must differ from the current one"},
		"err.password_mismatch":                       {ZH: "两次输入的新密码不一致", EN: "the two new passwords differ"},
		"err.username_format":                         {ZH: "用户名应为 2–32 个小写字母、数字、点、下划线或连字符，以字母或数字开头", EN: "a username has 2–32 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit"},
		"err.username_taken":                          {ZH: "用户名“%s”已被使用", EN: "the username %q is taken"},
		"err.role_invalid":                            {ZH: "角色无效", EN: "invalid role"},
		"err.role_needs_area":                         {ZH: "该角色须指定所辖区域", EN: "this role needs an area"},
		"err.role_needs_unit":                         {ZH: "驻区单位联络员须指定所属单位", EN: "a unit liaison needs a stationed unit"},
		"err.role_no_unit":                            {ZH: "只有驻区单位联络员可以指定单位", EN: "only a unit liaison is given a unit"},
		"err.unit_account_not_found":                  {ZH: "单位 %d 不存在或已撤销", EN: "unit %d does not exist or has ended"},
		"err.role_cannot_reveal":                      {ZH: "该角色不能授予查看完整个人信息的权限", EN: "this role cannot be allowed to reveal personal data"},
		"err.account_not_found":                       {ZH: "账号“%s”不存在", EN: "there is no account %q"},
		"err.account_disabled":                        {ZH: "账号“%s”已停用", EN: "the account %q is disabled"},
		"err.token_ttl":                               {ZH: "令牌有效期须大于零且不超过 %d 天", EN: "a token's lifetime must be above zero and at most %d days"},
		"err.token_not_found":                         {ZH: "令牌 %d 不存在或已撤销", EN: "token %d does not exist or is already revoked"},
		"err.signin_failed":                           {ZH: "用户名或密码不正确", EN: "wrong username or password"},
		"err.signin_locked":                           {ZH: "登录失败次数过多，请 %d 分钟后再试", EN: "too many failed sign-ins; try again in %d minutes"},
		"err.signin_rate":                             {ZH: "登录尝试过于频繁，请稍后再试", EN: "too many sign-in attempts; try again shortly"},
		"err.unauthenticated":                         {ZH: "请先登录", EN: "sign in first"},
		"err.forbidden":                               {ZH: "无权进行此操作", EN: "you are not allowed to do this"},
		"err.out_of_scope":                            {ZH: "该区域不在您的管辖范围内", EN: "this area is outside your scope"},
		"err.password_change_required":                {ZH: "请先修改初始密码", EN: "change your initial password first"},
	})
}
