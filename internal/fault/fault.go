// Package fault names the classes of error that the edges answer
// differently: a record that does not exist, a conflict with what is stored,
// an action the caller may not take (and its special case, a record outside
// the caller's subtree), and a reference in the input that names nothing.
// Every other error that carries a message for the user (an *i18n.Error
// without one of these) is input refused by a rule.
//
// Domain errors wrap a class (i18n.Error.Err, or %w); the web pages and the
// API choose a status with errors.Is on these sentinels, never by looking at
// message keys or error texts.
package fault

// class is a sentinel that may belong to a wider class.
type class struct {
	text   string
	parent *class
}

func (c *class) Error() string { return c.text }

// Is lets errors.Is see a class as its wider class too.
func (c *class) Is(target error) bool {
	for p := c.parent; p != nil; p = p.parent {
		if target == p {
			return true
		}
	}
	return false
}

var (
	// NotFound: the record named does not exist (404 when it is the thing
	// asked for).
	NotFound error = &class{text: "not found"}
	// Conflict: the write conflicts with what is stored (a duplicate, or a
	// change made meanwhile).
	Conflict error = &class{text: "conflict"}
	// Forbidden: the caller may not do this.
	Forbidden error = forbidden
	// OutOfScope: the record lies outside the caller's subtree; it is also
	// Forbidden.
	OutOfScope error = &class{text: "outside the scope", parent: forbidden}
	// BadReference: the input names another record that does not exist (a
	// parent, a target): the request is refused (422), not aimed at a
	// missing resource (404). It is also NotFound.
	BadReference error = &class{text: "reference to nothing", parent: notFound()}
)

var forbidden = &class{text: "forbidden"}

func notFound() *class { return NotFound.(*class) }
