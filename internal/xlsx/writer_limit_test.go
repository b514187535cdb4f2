package xlsx

import (
	"errors"
	"io"
	"testing"

	"dangjian/internal/i18n"
)

// TestCSVHasNoRowLimit: CSV goes on past the rows a sheet holds, XLSX
// stops there.
func TestCSVHasNoRowLimit(t *testing.T) {
	row := []string{"甲"}
	for _, tc := range []struct {
		format string
		ok     bool
	}{{FormatCSV, true}, {FormatXLSX, false}} {
		wr, err := NewWriter(io.Discard, tc.format, Units, i18n.ZH)
		if err != nil {
			t.Fatal(err)
		}
		if tc.format == FormatXLSX {
			wr.n = MaxSheetRows // skip a million rows of XML
		} else {
			for range MaxSheetRows {
				if err := wr.Write(row); err != nil {
					t.Fatal(err)
				}
			}
		}
		err = wr.Write(row)
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrTooManyRows)) {
			t.Errorf("%s: row %d: %v", tc.format, MaxSheetRows+1, err)
		}
		wr.Close()
	}
}
