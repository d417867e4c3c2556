module github.com/cnnbot/cnnbot

go 1.26.8

require (
	github.com/gorilla/websocket v1.5.3
	github.com/peterbourgon/ff/v3 v3.4.0
)
