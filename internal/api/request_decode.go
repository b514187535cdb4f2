package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// MaxBody is the largest request body the API reads (1 MiB).
const MaxBody = 1 << 20

// DecodeBody reads one JSON object from the body into dst. It refuses a
// body that is not JSON, too large, malformed, has unknown fields or
// trailing data, each as a *requestError naming the field where it can.
func DecodeBody(w http.ResponseWriter, r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return &requestError{kind: kindMediaType, err: i18n.Errf("", "err.api_media_type", ct)}
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return bodyError(err)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return bodyError(err)
		}
		return &requestError{kind: kindBadRequest, err: i18n.Errf("", "err.api_body_trailing")}
	}
	return nil
}

// bodyError turns a decoding error into a *requestError.
func bodyError(err error) error {
	var (
		tooLarge *http.MaxBytesError
		syntax   *json.SyntaxError
		typ      *json.UnmarshalTypeError
	)
	bad := func(e *i18n.Error) error { return &requestError{kind: kindBadRequest, err: e} }
	switch {
	case errors.As(err, &tooLarge):
		return &requestError{kind: kindTooLarge, err: i18n.Errf("", "err.api_body_too_large", tooLarge.Limit)}
	case errors.Is(err, io.EOF):
		return bad(i18n.Errf("", "err.api_body_empty"))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bad(i18n.Errf("", "err.api_body_truncated"))
	case errors.As(err, &syntax):
		return bad(i18n.Errf("", "err.api_body_syntax", syntax.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return bad(i18n.Errf("", "err.api_body_not_object", typ.Value))
		}
		return bad(i18n.Errf(field, "err.api_body_type", field, jsonType(typ.Type)))
	}
	// encoding/json reports an unknown field only in its message.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if f, err := strconv.Unquote(name); err == nil {
			name = f
		}
		return bad(i18n.Errf(name, "err.api_body_unknown_field", name))
	}
	return bad(i18n.Errf("", "err.body_invalid", err.Error()))
}

// jsonType names the JSON type that a Go type decodes from.
func jsonType(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return t.String()
}

// PathID reads the {id} path value as a positive integer.
func PathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, &requestError{kind: kindBadRequest, err: i18n.Errf("id", "err.id_invalid", s)}
	}
	return id, nil
}

// ParseDate reads a YYYY-MM-DD value of field; empty is the zero date,
// which the domain refuses where a date is required.
func ParseDate(field, s string) (date.Date, error) {
	if s == "" {
		return date.Date{}, nil
	}
	d, err := date.Parse(s)
	if err != nil {
		return date.Date{}, i18n.Errf(field, "err.date_invalid", s)
	}
	return d, nil
}

// AsOf reads the as_of query parameter, today when absent.
func AsOf(r *http.Request, today date.Date) (date.Date, error) {
	s := r.URL.Query().Get("as_of")
	if s == "" {
		return today, nil
	}
	return ParseDate("as_of", s)
}

// Lang is the language of messages and labels: the lang query
// parameter, then the preferred supported language of Accept-Language,
// then Chinese.
func Lang(r *http.Request) i18n.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return i18n.Parse(l)
	}
	return acceptLanguage(r.Header.Get("Accept-Language"))
}

// acceptLanguage picks the supported language with the highest quality in
// an Accept-Language header; Chinese when none is supported.
func acceptLanguage(header string) i18n.Lang {
	best, bestQ := i18n.ZH, 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		var l i18n.Lang
		switch {
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			l = i18n.EN
		case tag == "zh" || strings.HasPrefix(tag, "zh-"):
			l = i18n.ZH
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}
