package speechtpl

import "dangjian/internal/i18n"

// Refusals of the speech templates.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.tpl_lang":              {ZH: "模板语言“%s”无效，应为 zh 或 en", EN: "the template language “%s” is not valid; write zh or en"},
		"err.tpl_parts":             {ZH: "讲话模板应有%d个部分，提交了%d个", EN: "a speech template has %d parts; %d were given"},
		"err.tpl_version_not_found": {ZH: "找不到编号为%d的模板版本", EN: "no template version has the id %d"},
		"err.tpl_conflict":          {ZH: "另一位用户刚刚保存了这个模板，请重新打开后再保存", EN: "someone else has just saved this template; open it again and save once more"},
		"err.tpl_unknown":           {ZH: "--template 的值“%s”无效：应为 default、saved、一个模板目录或一个 .md 文件", EN: "--template “%s” is not valid: write default, saved, a template directory or a .md file"},
		"err.tpl_file":              {ZH: "--template 无法读取“%s”：%s", EN: "--template cannot read “%s”: %s"},
	})
}
