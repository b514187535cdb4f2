package xlsx

// Limits bound what the reader accepts. The zero value of a field means
// its default.
type Limits struct {
	// MaxRows is the most data rows (not counting the header and empty
	// rows); reading stops with ErrTooManyRows at the next one. Default
	// 1,000,000, the bound.
	MaxRows int
	// MaxLines is the most physical rows, empty ones included. Default
	// 1,048,576, the most a worksheet holds.
	MaxLines int
	// MaxUncompressed is the most bytes all parts of an XLSX may inflate
	// to. Default 3 GiB: a 1,000,000-row member sheet as this package
	// writes it is 947 MB of XML (86 MB zipped, docs/benchmarks.md), so a
	// real file passes with room and a bomb stops early.
	MaxUncompressed int64
	// MaxRatio is the most a part may inflate relative to its compressed
	// size, checked for parts larger than RatioFloor. Default 100: sheet XML
	// compresses about 11× (the member sheets above), zip bombs 1,000× and
	// more.
	MaxRatio int64
	// RatioFloor exempts small parts from MaxRatio (an empty, highly
	// repetitive styles part may well compress 100×). Default 1 MiB.
	RatioFloor int64
	// MaxParts is the most entries in the zip. Default 10,000.
	MaxParts int
}

func (l Limits) withDefaults() Limits {
	if l.MaxRows <= 0 {
		l.MaxRows = 1_000_000
	}
	if l.MaxLines <= 0 {
		l.MaxLines = 1_048_576
	}
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = 3 << 30
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = 100
	}
	if l.RatioFloor <= 0 {
		l.RatioFloor = 1 << 20
	}
	if l.MaxParts <= 0 {
		l.MaxParts = 10_000
	}
	return l
}
