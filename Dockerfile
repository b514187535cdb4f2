# dangjian in a container: a static binary on distroless/static, which has
# CA certificates, time zone data and a non-root user (65532) and nothing else.
#
#   docker build --build-arg VERSION=v1.2.3 -t dangjian:v1.2.3 .
#   docker run -d --name dangjian -p 8080:8080 \
#     -v dangjian-data:/var/lib/dangjian -v dangjian-key:/etc/dangjian dangjian:v1.2.3
#
# docs/operations.md ("Docker") says how to read the first administrator's
# password and where the key goes.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# The same flags as scripts/release.sh.
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X dangjian/internal/cli.Version=${VERSION}" \
      -o /out/dangjian ./cmd/dangjian \
 && mkdir -p /out/var/lib/dangjian /out/etc/dangjian \
 && chmod 700 /out/var/lib/dangjian /out/etc/dangjian

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/dangjian /usr/local/bin/dangjian
# Owned by the non-root user so that the named volumes mounted here are too.
COPY --from=build --chown=65532:65532 /out/var/lib/dangjian /var/lib/dangjian
COPY --from=build --chown=65532:65532 /out/etc/dangjian /etc/dangjian
USER 65532:65532
WORKDIR /var/lib/dangjian
# The database, and apart from it the personal-data key and the audit anchor
# key (or set DANGJIAN_KEY and DANGJIAN_ANCHOR_KEY).
VOLUME ["/var/lib/dangjian", "/etc/dangjian"]
ENV DANGJIAN_DB=sqlite:/var/lib/dangjian/dangjian.db
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/dangjian"]
CMD ["serve", "--addr", ":8080", "--key-file", "/etc/dangjian/dangjian.key", "--anchor-key", "/etc/dangjian/dangjian-anchor.key"]
