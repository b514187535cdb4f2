package importer

import "strconv"

// directory finds the records of one kind in the scope by name or by the
// number an export writes beside the name.
type directory struct {
	byName map[string][]int64
	byID   map[int64]string
}

func newDirectory() *directory {
	return &directory{byName: map[string][]int64{}, byID: map[int64]string{}}
}

func (d *directory) add(id int64, name string) {
	d.byName[norm(name)] = append(d.byName[norm(name)], id)
	d.byID[id] = name
}

// one picks the single id of a name (or of a number typed in its place):
// "" when found, else the error key.
func (d *directory) one(v string) (int64, string) {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil {
		if _, ok := d.byID[id]; ok {
			return id, ""
		}
	}
	switch ids := d.byName[norm(v)]; len(ids) {
	case 0:
		return 0, "err.import_org_unknown"
	case 1:
		return ids[0], ""
	default:
		return 0, "err.import_org_ambiguous"
	}
}

// resolve reads the required name in column key and the number in column
// noKey beside it. The number, where given, wins: it must be of a record in
// the scope and of the same name, so that a row edited in one column only
// is refused rather than read two ways. 0 when the row is refused.
func (c *cells) resolve(names map[int64]string, key, noKey string, byName func(string) (int64, string)) int64 {
	v := c.required(key)
	no := c.number(noKey)
	if no != 0 {
		name, ok := names[no]
		switch {
		case !ok:
			c.fail(noKey, "err.import_no_unknown", no)
			return 0
		case v != "" && norm(v) != norm(name):
			c.fail(noKey, "err.import_no_mismatch", no, name, v)
			return 0
		}
		return no
	}
	if v == "" {
		return 0
	}
	id, msg := byName(v)
	if msg != "" {
		c.fail(key, msg, v)
	}
	return id
}
