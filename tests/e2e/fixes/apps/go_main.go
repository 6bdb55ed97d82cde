// main.go of a Go API as its developer has it; CORS Lens's cors.go is written next to it, verbatim.
// Usage: go run main.go cors.go PORT (Debian's golang-go, golang-github-rs-cors-dev, GOPATH mode).
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/items", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodPut, http.MethodDelete:
			w.Header().Set("X-Request-Id", "go-42")
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"ok":true}`)
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
	// The one change cors.go asks for: serve withCORS(mux) instead of mux.
	if err := http.ListenAndServe("127.0.0.1:"+os.Args[1], withCORS(mux)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
