package i18n

// Messages of the JSON API, filled by the api package's author.
var apiZH = map[string]string{}

var apiEN = map[string]string{}
