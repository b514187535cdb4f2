package i18n

import (
	"fmt"
	"sort"
)

// The two catalogs, filled by Register. Each package registers its own
// messages from an init function: Go runs a package's init functions after
// those of every package it imports and before anything that imports it, all
// in one goroutine, so the catalogs are complete before main or a test runs
// and T, Has and Keys read them without a lock.
var zh, en = map[string]string{}, map[string]string{}

// Message is one message in both languages: a format string for fmt.Sprintf
// (or plain text), Simplified Chinese first.
type Message struct{ ZH, EN string }

// Register adds messages to the catalogs. Call it only from a package's init
// function: it is not safe to call while other goroutines look messages up.
// It panics, adding nothing, when a key is empty or already registered, or a
// message lacks its Chinese or English text.
func Register(msgs map[string]Message) {
	register(zh, en, msgs)
}

func register(zh, en map[string]string, msgs map[string]Message) {
	keys := make([]string, 0, len(msgs))
	for k := range msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first problem in key order, whatever the map order
	for _, k := range keys {
		m := msgs[k]
		switch {
		case k == "":
			panic("i18n: empty message key")
		case m.ZH == "":
			panic(fmt.Sprintf("i18n: message %s has no Chinese text", k))
		case m.EN == "":
			panic(fmt.Sprintf("i18n: message %s has no English text", k))
		}
		_, inZH := zh[k]
		_, inEN := en[k]
		if inZH || inEN {
			panic(fmt.Sprintf("i18n: message %s is registered twice", k))
		}
	}
	for _, k := range keys {
		zh[k], en[k] = msgs[k].ZH, msgs[k].EN
	}
}
