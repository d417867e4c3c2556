# syntax=docker/dockerfile:1
# cnnbot: build a static binary, run it as a non-root user with no shell.
#   docker build -t cnnbot .
#   docker run --rm -e DISCORD_TOKEN cnnbot
FROM golang:1.26 AS build
WORKDIR /src
# Dependencies first, in their own layer: it is reused until go.mod or go.sum changes.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# The same command as the README's local build: CGO off for a static binary, paths trimmed.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/cnnbot .

# distroless/static: CA certificates and tzdata, no shell, no package manager; runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/cnnbot /cnnbot
USER nonroot:nonroot
ENV CNNBOT_HEALTH_ADDR=:8080 CNNBOT_LOG_FORMAT=json
EXPOSE 8080
# Exec form, no shell: the binary asks its own /livez (the process works; /readyz is for
# orchestrators that should stop routing, not restart, during a Discord outage).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/cnnbot", "health"]
ENTRYPOINT ["/cnnbot"]
CMD ["serve"]
