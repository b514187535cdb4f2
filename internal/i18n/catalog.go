package i18n

// The catalogs are assembled from parts so that each package's messages
// live in one file: errors here, UI strings in ui.go.
var zh, en = merge(errorsZH, uiZH, uiAccountZH, uiAdminZH, apiZH, authZH, xlsxZH, peopleZH, uiPeopleZH, uiImportZH), merge(errorsEN, uiEN, uiAccountEN, uiAdminEN, apiEN, authEN, xlsxEN, peopleEN, uiPeopleEN, uiImportEN)

func merge(parts ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, p := range parts {
		for k, v := range p {
			if _, dup := out[k]; dup {
				panic("i18n: duplicate key " + k)
			}
			out[k] = v
		}
	}
	return out
}
