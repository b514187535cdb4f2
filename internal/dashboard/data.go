package dashboard

import (
	"strconv"

	"dangjian/internal/figures"
)

// Data is the dashboard of one scope and period, in one language: what
// GET /api/v1/dashboard answers and the charts are drawn from. Every label
// is in the request's language, so the script holds no words of its own.
type Data struct {
	Scope figures.Scope `json:"scope"`
	From  string        `json:"from"`
	To    string        `json:"to"`
	// EarlierFrom and EarlierTo are the same period a year earlier, the
	// headline's comparison.
	EarlierFrom string `json:"earlier_from"`
	EarlierTo   string `json:"earlier_to"`
	// Labels are the page's words the script shows (chart frame, the
	// change's wording, the empty list).
	Labels   map[string]string `json:"labels"`
	Headline []Headline        `json:"headline"`
	Charts   []Chart           `json:"charts"`
	Lists    []List            `json:"lists"`
}

// Headline is one headline figure: its value for the period, for the same
// period a year earlier, and the change.
type Headline struct {
	Key     string  `json:"key"`
	Label   string  `json:"label"`
	Unit    string  `json:"unit"`
	Value   float64 `json:"value"`
	Text    string  `json:"text"`
	Earlier float64 `json:"earlier"`
	// Change is Value − Earlier, in the figure's unit (percentage points
	// for a rate), as text in ChangeText with its sign.
	Change     float64 `json:"change"`
	ChangeText string  `json:"change_text"`
	// Link is the records behind the value; EarlierLink those of the year
	// before.
	Link        string `json:"link"`
	EarlierLink string `json:"earlier_link"`
}

// Chart is one chart: bars or lines over categories, or a pie. Each
// point carries the link to its records.
type Chart struct {
	// Key names the chart (its element id is "chart-" + Key).
	Key   string `json:"key"`
	Type  string `json:"type"` // bar, line or pie
	Title string `json:"title"`
	// Categories are the x axis (sub-areas, years, kinds); a pie has none.
	Categories []string `json:"categories,omitempty"`
	// Axes name the value axes by unit: the first series' unit on the
	// left, a second unit on the right.
	Axes   []string `json:"axes,omitempty"`
	Series []Series `json:"series"`
	// Empty is said instead of the chart when it has nothing to draw.
	Empty string `json:"empty,omitempty"`
}

// Series is one series of a chart.
type Series struct {
	Key  string  `json:"key"`
	Name string  `json:"name"`
	Unit string  `json:"unit"`
	Axis int     `json:"axis"` // index into Chart.Axes
	Data []Point `json:"data"`
}

// Point is one element of a chart: its value (and name, for a pie) and
// the records behind it.
type Point struct {
	Name  string  `json:"name,omitempty"`
	Value float64 `json:"value"`
	Text  string  `json:"text"`
	Link  string  `json:"link"`
}

// List is one list of records that ask for action, at most ListCap of
// them; More links to all of them when there are others.
type List struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	Items []Item `json:"items"`
	// More is the link to the whole list, set when there are more than
	// the items shown; All always links to it.
	More  string `json:"more,omitempty"`
	All   string `json:"all"`
	Empty string `json:"empty"`
}

// Item is one record of a list.
type Item struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Detail string `json:"detail,omitempty"`
	On     string `json:"on,omitempty"`
	Link   string `json:"link"`
}

// idLink is path + "/" + id.
func idLink(path string, id int64) string { return path + "/" + strconv.FormatInt(id, 10) }
