#!/usr/bin/env bash
# Searches a street-light fleet with the AWS CLI against a running Lamplighter, and keeps a
# dynamic group of "all street lights running an old firmware" that follows firmware updates.
#
# Usage: AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... docs/examples/street-light-index.sh [endpoint]
set -euo pipefail

endpoint="${1:-http://localhost:8080}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
iot() { aws --endpoint-url "$endpoint" iot "$@"; }

iot update-indexing-configuration --thing-indexing-configuration \
  'thingIndexingMode=REGISTRY,thingConnectivityIndexingMode=STATUS,customFields=[{name=attributes.wattage,type=Number}]'

iot create-thing-type --thing-type-name StreetLight >/dev/null 2>&1 || true
for i in 1 2 3 4 5 6; do
  firmware=$([ $((i % 3)) -eq 0 ] && echo "1.4.2" || echo "2.1.0")
  iot create-thing --thing-name "index-lamp-$i" --thing-type-name StreetLight \
    --attribute-payload "{\"attributes\":{\"city\":\"Turin\",\"firmware\":\"$firmware\",\"wattage\":\"$((i * 10))\"}}" >/dev/null
done

iot create-dynamic-thing-group --thing-group-name old-firmware-lights \
  --query-string 'thingTypeName:StreetLight AND attributes.firmware:1.*' >/dev/null

# Waits until a command's output, as the jq-free text the CLI prints, contains a word.
await() {
  local expected="$1"; shift
  for _ in $(seq 1 50); do
    if "$@" --output text | grep -qw -- "$expected"; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for $expected" >&2
  return 1
}

await index-lamp-6 iot list-things-in-thing-group --thing-group-name old-firmware-lights
echo "Old firmware:"
iot list-things-in-thing-group --thing-group-name old-firmware-lights --output text

iot update-thing --thing-name index-lamp-1 \
  --attribute-payload '{"attributes":{"firmware":"1.0.9"},"merge":true}'
await index-lamp-1 iot list-things-in-thing-group --thing-group-name old-firmware-lights
echo "After index-lamp-1 was downgraded:"
iot list-things-in-thing-group --thing-group-name old-firmware-lights --output text

echo "Searches and aggregations:"
iot search-index --query-string 'attributes.city:Turin AND attributes.wattage >= 40' \
  --query 'things[].thingName' --output text
iot get-statistics --query-string 'attributes.city:Turin' --aggregation-field attributes.wattage \
  --query 'statistics' --output json
iot get-buckets-aggregation --query-string 'thingTypeName:StreetLight' \
  --aggregation-field attributes.firmware --buckets-aggregation-type 'termsAggregation={maxBuckets=5}' \
  --output json
iot describe-thing-group --thing-group-name old-firmware-lights --query '[status,queryString]' --output text
