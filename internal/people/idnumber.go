package people

import (
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// provinces are the first two digits of a valid region code (GB/T 2260):
// the 31 mainland provinces, Taiwan (71), Hong Kong (81), Macau (82) and
// Taiwan residents' residence permits (83).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// weights of the ISO 7064 MOD 11-2 check over the first 17 digits.
var weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// checkChars maps the weighted sum mod 11 to the check character.
const checkChars = "10X98765432"

// CheckDigit returns the GB 11643 check character of the first 17 digits.
func CheckDigit(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * weights[i]
	}
	return checkChars[sum%11]
}

// ParseIDNumber checks a resident ID number (GB 11643) and returns it in its
// canonical 18-character form with the birth date it carries. It accepts 18
// characters (17 digits and a digit or X check character) and the 15-digit
// legacy form (6-digit region, YYMMDD born in the 1900s, 3-digit sequence),
// which it converts to 18 characters so both forms find the same person.
// The refusal names the rule that failed: length, characters, region,
// birth date, future birth date or check digit. field names the input.
func ParseIDNumber(field, raw string, today date.Date) (string, date.Date, error) {
	v := pii.Normalize(raw)
	switch len(v) {
	case 18, 15:
	default:
		return "", date.Date{}, i18n.Errf(field, "err.id_number_length", len([]rune(v)))
	}
	digits := len(v)
	if digits == 18 {
		digits = 17
	}
	for i := 0; i < digits; i++ {
		if v[i] < '0' || v[i] > '9' {
			return "", date.Date{}, i18n.Errf(field, "err.id_number_chars")
		}
	}
	if len(v) == 18 && (v[17] < '0' || v[17] > '9') && v[17] != 'X' {
		return "", date.Date{}, i18n.Errf(field, "err.id_number_chars")
	}
	if !provinces[v[:2]] {
		return "", date.Date{}, i18n.Errf(field, "err.id_number_region", v[:2])
	}
	birthText := ""
	if len(v) == 15 {
		birthText = "19" + v[6:12]
	} else {
		birthText = v[6:14]
	}
	born, err := date.Parse(birthText[:4] + "-" + birthText[4:6] + "-" + birthText[6:8])
	if err != nil || born.Year() < 1880 {
		return "", date.Date{}, i18n.Errf(field, "err.id_number_date", birthText)
	}
	if born.After(today) {
		return "", date.Date{}, i18n.Errf(field, "err.id_number_future", born.String())
	}
	if len(v) == 15 {
		first17 := v[:6] + "19" + v[6:]
		return first17 + string(CheckDigit(first17)), born, nil
	}
	if want := CheckDigit(v[:17]); v[17] != want {
		return "", date.Date{}, i18n.Errf(field, "err.id_number_check", string(want))
	}
	return v, born, nil
}

// ageOn is the age in whole years of someone born on born, on d.
func ageOn(born, d date.Date) int {
	bt, dt := born.Time(), d.Time()
	years := dt.Year() - bt.Year()
	if dt.Month() < bt.Month() || (dt.Month() == bt.Month() && dt.Day() < bt.Day()) {
		years--
	}
	return years
}

// GenderFromID is the gender an 18-character ID number gives (17th digit
// odd: male), "" when it cannot tell.
func GenderFromID(id string) Gender {
	id = strings.TrimSpace(id)
	if len(id) == 18 && id[16] >= '0' && id[16] <= '9' {
		if (id[16]-'0')%2 == 1 {
			return Male
		}
		return Female
	}
	return ""
}
