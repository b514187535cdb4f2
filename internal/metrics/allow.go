package metrics

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Allow is who may read /metrics: the networks of the clients let in.
// The zero value lets nobody in.
type Allow struct {
	nets []netip.Prefix
}

// Loopback is the default: the machine itself (127.0.0.0/8 and ::1).
var Loopback = Allow{nets: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}}

// ParseAllow reads a --metrics-allow value: "" is Loopback, "none" lets
// nobody in (the route is not served), else a comma-separated list of
// CIDR networks or single addresses. ok is false for a malformed entry,
// which bad names.
func ParseAllow(s string) (a Allow, bad string, ok bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "":
		return Loopback, "", true
	case "none":
		return Allow{}, "", true
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if p, err := netip.ParsePrefix(part); err == nil {
			a.nets = append(a.nets, p.Masked())
			continue
		}
		if ip, err := netip.ParseAddr(part); err == nil {
			a.nets = append(a.nets, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
			continue
		}
		return Allow{}, part, false
	}
	return a, "", true
}

// None reports whether a lets nobody in.
func (a Allow) None() bool { return len(a.nets) == 0 }

// String lists a's networks ("none" when empty).
func (a Allow) String() string {
	if a.None() {
		return "none"
	}
	s := make([]string, len(a.nets))
	for i, p := range a.nets {
		s[i] = p.String()
	}
	return strings.Join(s, ",")
}

// Contains reports whether ip is in one of a's networks.
func (a Allow) Contains(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range a.nets {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// forwardHeaders are the headers a reverse proxy adds to say whom it
// forwards a request for.
var forwardHeaders = []string{"X-Forwarded-For", "X-Real-Ip", "Forwarded"}

// Client is the address Guard checks for r, and false when it cannot be
// known. A request that a proxy forwarded comes from the proxy's address
// (often loopback), so the peer address is not its client:
//
//   - with trustProxy, the client is the last X-Forwarded-For entry (the
//     one the proxy appended, as for the audit trail); a forwarded request
//     without a readable one is refused;
//   - without it, a request that carries forwarding headers is refused:
//     either a proxy forwards it and the operator forgot --trust-proxy, or
//     the client wrote them itself, and in neither case is the peer address
//     the client's.
//
// A scraper on the machine itself sends none of these headers and is
// judged by its peer address.
func Client(r *http.Request, trustProxy bool) (netip.Addr, bool) {
	forwarded := false
	for _, h := range forwardHeaders {
		if len(r.Header.Values(h)) > 0 {
			forwarded = true
		}
	}
	if forwarded {
		if !trustProxy {
			return netip.Addr{}, false
		}
		f := r.Header.Values("X-Forwarded-For")
		if len(f) == 0 {
			return netip.Addr{}, false
		}
		last := f[len(f)-1]
		ip, err := netip.ParseAddr(strings.TrimSpace(last[strings.LastIndexByte(last, ',')+1:]))
		if err != nil {
			return netip.Addr{}, false
		}
		return ip.Unmap(), true
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap(), true
}

// Guard serves next to the clients a lets in and answers 403 to others.
func Guard(next http.Handler, a Allow, trustProxy bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ip, ok := Client(r, trustProxy); !ok || !a.Contains(ip) {
			http.Error(w, "403 forbidden: /metrics is not open to this address (see --metrics-allow)", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
