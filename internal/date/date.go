// Package date is a calendar date without time or zone, stored as "YYYY-MM-DD"
// on both database engines.
package date

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// Layout is the only accepted text form of a date.
const Layout = "2006-01-02"

// Date is a civil date. The zero value is "no date".
type Date struct{ t time.Time }

// ErrInvalid is returned for text that is not a YYYY-MM-DD date.
var ErrInvalid = errors.New("date: invalid date")

// Parse reads a YYYY-MM-DD date. It is on the path of every row read, so it
// parses the ten bytes itself rather than through time.Parse.
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: %q", ErrInvalid, s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return Date{}, fmt.Errorf("%w: %q", ErrInvalid, s)
	}
	return New(y, time.Month(m), d), nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MustParse is Parse for literals in tests and demo data.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Of returns the date of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return New(y, m, d)
}

// New builds a date; out-of-range parts are normalised as time.Date does.
func New(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// Today is the current date in local time.
func Today() Date { return Of(time.Now()) }

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats d as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendText(make([]byte, 0, 10)))
}

// appendText appends YYYY-MM-DD without time.Format's layout interpretation.
func (d Date) appendText(b []byte) []byte {
	y, m, day := d.t.Date()
	if y < 0 || y > 9999 {
		return d.t.AppendFormat(b, Layout)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Year is the calendar year of d.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.t.Day() }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// InSpan reports whether [from, to) holds d; a zero to is open. It is
// the Go side of the SQL every dated row is read with (figures.ValidRow).
func InSpan(from, to, d Date) bool { return !from.After(d) && (to.IsZero() || d.Before(to)) }

// YearBounds returns the first and last day of year y.
func YearBounds(y int) (Date, Date) { return New(y, 1, 1), New(y, 12, 31) }

// Value stores d as text; the zero date is NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan accepts the text form (SQLite) and time.Time (PostgreSQL DATE).
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = Of(x.UTC())
	case string:
		p, err := Parse(firstTen(x))
		if err != nil {
			return err
		}
		*d = p
	case []byte:
		return d.Scan(string(x))
	default:
		return fmt.Errorf("date: cannot scan %T", v)
	}
	return nil
}

func firstTen(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendText(make([]byte, 0, 10)), nil
}

// UnmarshalText reads YYYY-MM-DD; empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
