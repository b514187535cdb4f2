package i18n

// UI strings of the web pages, filled by the web package's author.
var uiZH = map[string]string{}

var uiEN = map[string]string{}
