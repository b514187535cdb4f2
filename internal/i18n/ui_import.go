package i18n

// UI strings of the import and export pages.
var uiImportZH = map[string]string{}

var uiImportEN = map[string]string{}
