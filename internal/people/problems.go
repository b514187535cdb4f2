package people

import "dangjian/internal/i18n"

// problems collects the refusals of one input, at most one per field, so
// that a sheet's row (or a form) can show them all at once.
type problems struct {
	errs   []error
	fields map[string]bool
}

// add records err unless it is nil or its field already has a refusal;
// it returns whether err was nil.
func (p *problems) add(err error) bool {
	if err == nil {
		return true
	}
	field := ""
	if ie, ok := err.(*i18n.Error); ok {
		field = ie.Field
	}
	if p.fields == nil {
		p.fields = map[string]bool{}
	}
	if field == "" || !p.fields[field] {
		p.fields[field] = field != ""
		p.errs = append(p.errs, err)
	}
	return false
}

// firstProblem is the first of errs, or nil.
func firstProblem(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}
