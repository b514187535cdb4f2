package i18n

// UI strings of the members, units, leadership and registration pages.
var uiPeopleZH = map[string]string{}

var uiPeopleEN = map[string]string{}
