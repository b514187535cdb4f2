package speech

import "dangjian/internal/i18n"

// Messages of the template language: each refusal names the part and the line.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.speech_unclosed":       {ZH: "第%d部分第%d行：“{{”没有对应的“}}”", EN: "part %d, line %d: “{{” is not closed by “}}”"},
		"err.speech_empty":          {ZH: "第%d部分第%d行：“{{}}”中什么也没写", EN: "part %d, line %d: nothing is written between “{{” and “}}”"},
		"err.speech_syntax":         {ZH: "第%d部分第%d行：“{{%s}}”写法不对，应写作 %s", EN: "part %d, line %d: “{{%s}}” is not well formed; write %s"},
		"err.speech_misplaced":      {ZH: "第%d部分第%d行：%s 前面没有对应的 {{if}} 或 {{example}}", EN: "part %d, line %d: %s has no {{if}} or {{example}} before it"},
		"err.speech_unended":        {ZH: "第%d部分第%d行：%s 没有对应的 {{end}}", EN: "part %d, line %d: %s is not closed by {{end}}"},
		"err.speech_unknown_figure": {ZH: "第%d部分第%d行：没有名为“%s”的指标", EN: "part %d, line %d: no figure is named “%s”"},
		"err.speech_unknown_rule":   {ZH: "第%d部分第%d行：没有名为“%s”的示例规则", EN: "part %d, line %d: no example rule is named “%s”"},
		"err.speech_unknown_field":  {ZH: "第%d部分第%d行：示例规则“%s”没有字段“%s”", EN: "part %d, line %d: the example rule “%s” has no field “%s”"},
		"err.speech_field_outside":  {ZH: "第%d部分第%d行：字段“.%s”只能写在 {{example …}} 与 {{end}} 之间", EN: "part %d, line %d: the field “.%s” can only stand between {{example …}} and {{end}}"},
		"err.speech_unknown_word":   {ZH: "第%d部分第%d行：“%s”不是指标、时间词或字段", EN: "part %d, line %d: “%s” is not a figure, a word or a field"},
	})
}
