#!/usr/bin/env bash
# Bytes a browser transfers for GraphiQL against a running server (`npm start`), headers
# included: the page and every /assets/ file it names, with brotli accepted (a first visit), the
# schema introspection GraphiQL posts on each visit (compressed and plain), and the page again
# with its ETag (a second visit: the hashed assets are immutable and not asked for again).
# Usage: bash bench/graphiql-transfer.sh http://127.0.0.1:4000
set -euo pipefail
base=$1
page=$(mktemp); hdr=$(mktemp)
first=0; second=0
read -r size head < <(curl -s -o "$page" -D "$hdr" -H 'accept: text/html' -H 'accept-encoding: br, gzip' -w '%{size_download} %{size_header}\n' "$base/graphql")
first=$((first + size + head))
etag=$(grep -i '^etag:' "$hdr" | cut -d' ' -f2 | tr -d '\r')
html=$(curl -s -H 'accept: text/html' "$base/graphql")
assets=$(echo "$html" | grep -o '/assets/[A-Za-z0-9._-]*' | sort -u)
for a in $assets; do
  read -r size head < <(curl -s -o /dev/null -D "$hdr" -H 'accept-encoding: br, gzip' -w '%{size_download} %{size_header}\n' "$base$a")
  first=$((first + size + head))
done
intro='{"query":"query IntrospectionQuery { __schema { queryType { name } types { kind name description fields(includeDeprecated: true) { name description args { name description type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } defaultValue } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } isDeprecated deprecationReason } inputFields { name } interfaces { name } enumValues(includeDeprecated: true) { name description } possibleTypes { name } } directives { name description locations args { name } } } }"}'
read -r isize ihead < <(curl -s -o /dev/null -H 'content-type: application/json' -H 'accept-encoding: br, gzip' -w '%{size_download} %{size_header}\n' -d "$intro" "$base/graphql")
read -r psize phead < <(curl -s -o /dev/null -H 'content-type: application/json' -w '%{size_download} %{size_header}\n' -d "$intro" "$base/graphql")
read -r size head < <(curl -s -o /dev/null -H 'accept: text/html' -H 'accept-encoding: br, gzip' -H "if-none-match: $etag" -w '%{size_download} %{size_header}\n' "$base/graphql")
second=$((size + head))
echo "assets: $(echo "$assets" | wc -l); first visit page+assets: $first B; introspection: $((isize + ihead)) B compressed ($((psize + phead)) B plain); second visit page (304): $second B"
