package speechtpl

import (
	"strconv"
	"time"

	"dangjian/internal/i18n"
)

// when writes a version's time as China Standard Time, as the users read it.
func when(t time.Time) string {
	return t.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04")
}

// originWords says how a version came to be.
func originWords(l i18n.Lang, v Version) string {
	switch v.Origin {
	case Restored:
		return i18n.T(l, "ui.tpl.origin_restore", strconv.Itoa(v.RestoredFrom))
	case Default:
		return i18n.T(l, "ui.tpl.origin_default")
	}
	return i18n.T(l, "ui.tpl.origin_edit")
}
