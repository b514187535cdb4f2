// Command bareserver is the baseline of scripts/loadtest.sh (issue 15 item 9):
// a bare net/http handler writing a small JSON body, so that wrk's requests per
// second against it, taken in the same run as against dangjian, say what the
// application's stack costs on this machine. It is not part of dangjian.
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18090", "address to listen on")
	flag.Parse()
	body := []byte(`{"items":[{"id":1,"name":"bare"}],"next":""}` + "\n")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
	log.Fatal(http.ListenAndServe(*addr, h))
}
