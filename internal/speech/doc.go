// Package speech is the language the speech templates are written in: the
// seed's own words with actions between {{ and }} that fill them from data.
//
//	{{communities.total}}             a figure's value
//	{{about services.person_times}}   the same in the "×××多" style (2,345 → 2300多)
//	{{names communities.created}}     the names of its records: up to three, then 等
//	{{change members.total}}          its change from the same period a year earlier
//	                                  (比上年增加3名, 比上年减少2.5个百分点, 与上年持平;
//	                                  "3 more than a year earlier"), see Change
//	{{scope}} {{from}} {{to}}         the scope's name and the period's days
//	{{when}} {{as_of}} {{at_start}}   time words that follow the period (近年来, 去年, 2025年; 目前, 截至2024年底; 2022年初)
//	{{if key}} … {{else}} … {{end}}   a clause kept only when the figure is not 0
//	                                  (key may be "a or b", "a and b", "not a", "one a"
//	                                  (exactly 1, for plurals), a field, or district /
//	                                  subdistrict / community: the scope's level)
//	{{else if key}}                   another condition before the same {{end}}
//	{{- … -}}                          a dash trims the spaces and line breaks beside the action
//	{{example rule}} … {{end}}        a clause told from one record that rule picks;
//	                                  inside it {{.field}} reads the record's fields,
//	                                  and the clause is left out when there is none
//
// Parse reads a template and Check refuses one that names an unknown figure,
// rule, field or word, with its part and line. Render fills a checked
// template from Data into segments: prose, and the values that link to
// their records. Domains register their example rules with Register.
package speech
