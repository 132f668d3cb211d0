#!/usr/bin/env bash
# Builds the street-light fleet's organisation with the AWS CLI against a running Lamplighter:
# a thing type, a static group per purpose, nested groups for geography, and a billing group per
# city tagged for cost allocation. Then reads it back.
#
# Usage: AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... docs/examples/street-lights.sh [endpoint]
set -euo pipefail

endpoint="${1:-http://localhost:8080}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
iot() { aws --endpoint-url "$endpoint" iot "$@"; }

iot create-thing-type --thing-type-name StreetLight \
  --thing-type-properties 'thingTypeDescription=LED street light,searchableAttributes=city,model' >/dev/null

iot create-thing-group --thing-group-name street-lights >/dev/null
iot create-thing-group --thing-group-name Italy >/dev/null
iot create-thing-group --thing-group-name Piedmont --parent-group-name Italy >/dev/null
iot create-thing-group --thing-group-name Lombardy --parent-group-name Italy >/dev/null
iot create-thing-group --thing-group-name Turin --parent-group-name Piedmont >/dev/null
iot create-thing-group --thing-group-name Milan --parent-group-name Lombardy >/dev/null

for city in Turin Milan; do
  iot create-billing-group --billing-group-name "billing-$city" \
    --tags "Key=CITY,Value=$city" "Key=ENVIRONMENT,Value=production" >/dev/null
  lower=$(echo "$city" | tr '[:upper:]' '[:lower:]')
  for i in 1 2 3; do
    iot create-thing --thing-name "$lower-lamp-$i" --thing-type-name StreetLight \
      --billing-group-name "billing-$city" \
      --attribute-payload "{\"attributes\":{\"city\":\"$city\",\"model\":\"LX-200\"}}" >/dev/null
    iot update-thing-groups-for-thing --thing-name "$lower-lamp-$i" \
      --thing-groups-to-add street-lights "$city"
  done
done

echo "== things in Italy, recursively"
iot list-things-in-thing-group --thing-group-name Italy --recursive --output text
echo "== groups below Italy"
iot list-thing-groups --parent-group Italy --recursive --query 'thingGroups[].groupName' --output text
echo "== Turin's path from the root"
iot describe-thing-group --thing-group-name Turin \
  --query 'thingGroupMetadata.rootToParentThingGroups[].groupName' --output text
echo "== groups of turin-lamp-1"
iot list-thing-groups-for-thing --thing-name turin-lamp-1 --query 'thingGroups[].groupName' --output text
for city in Turin Milan; do
  arn=$(iot describe-billing-group --billing-group-name "billing-$city" --query billingGroupArn --output text)
  echo "== billing-$city: tags, then things"
  iot list-tags-for-resource --resource-arn "$arn" --query 'tags[].[Key,Value]' --output text
  iot list-things-in-billing-group --billing-group-name "billing-$city" --output text
done
