#!/usr/bin/env bash
# Secures the street-light fleet with the AWS CLI against a running Lamplighter, after
# street-lights.sh: a certificate per lamp, a least-privilege policy on the fleet's thing group,
# a deny on firmware topics for a pilot group, TestAuthorization explaining decisions, and a
# compromised certificate revoked and replaced.
#
# Device keys are written to ./street-light-keys (mode 0700): the server returns each private key
# once and keeps no copy.
#
# Usage: AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... docs/examples/street-light-security.sh [endpoint]
set -euo pipefail

endpoint="${1:-http://localhost:8080}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
iot() { aws --endpoint-url "$endpoint" iot "$@"; }
keys=./street-light-keys
mkdir -p "$keys" && chmod 700 "$keys"

fleet_arn=$(iot describe-thing-group --thing-group-name street-lights --query thingGroupArn --output text)
account=$(echo "$fleet_arn" | cut -d: -f5)
prefix="arn:aws:iot:$AWS_DEFAULT_REGION:$account"

cat >"$keys/own-topics.json" <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "iot:Connect",
     "Resource": "$prefix:client/\${iot:Connection.Thing.ThingName}",
     "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}}},
    {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
     "Resource": "$prefix:topic/lights/\${iot:Connection.Thing.ThingName}/*"},
    {"Effect": "Allow", "Action": "iot:Subscribe",
     "Resource": "$prefix:topicfilter/lights/\${iot:Connection.Thing.ThingName}/*"}
  ]
}
EOF
cat >"$keys/no-firmware.json" <<EOF
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Deny", "Action": "iot:Publish", "Resource": "$prefix:topic/lights/*/firmware"}]}
EOF

iot create-policy --policy-name LightsOwnTopics --policy-document "file://$keys/own-topics.json" >/dev/null
iot attach-policy --policy-name LightsOwnTopics --target "$fleet_arn"
pilot_arn=$(iot create-thing-group --thing-group-name firmware-pilot --query thingGroupArn --output text)
iot create-policy --policy-name NoFirmwareTopics --policy-document "file://$keys/no-firmware.json" >/dev/null
iot attach-policy --policy-name NoFirmwareTopics --target "$pilot_arn"
iot add-thing-to-thing-group --thing-group-name firmware-pilot --thing-name turin-lamp-2

for lamp in turin-lamp-1 turin-lamp-2 turin-lamp-3; do
  iot create-keys-and-certificate --set-as-active \
    --certificate-pem-outfile "$keys/$lamp.cert.pem" \
    --private-key-outfile "$keys/$lamp.key.pem" \
    --query certificateArn --output text >"$keys/$lamp.arn"
  chmod 600 "$keys/$lamp.key.pem"
  iot attach-thing-principal --thing-name "$lamp" --principal "$(cat "$keys/$lamp.arn")" \
    --thing-principal-type EXCLUSIVE_THING
done
curl -fsS "$endpoint/root-ca.pem" -o "$keys/root-ca.pem"

decide() { # lamp action resource
  iot test-authorization --principal "$(cat "$keys/$1.arn")" --client-id "$1" \
    --auth-infos "actionType=$2,resources=$3" \
    --query 'authResults[0].[authDecision, join(`,`, allowed.policies[].policyName),
             join(`,`, denied.explicitDeny.policies[].policyName)]' --output text
}
echo "== decision, allowing policies, denying policies"
echo "turin-lamp-1 publishes on its own topic:     $(decide turin-lamp-1 PUBLISH "$prefix:topic/lights/turin-lamp-1/status")"
echo "turin-lamp-1 publishes on turin-lamp-2's:    $(decide turin-lamp-1 PUBLISH "$prefix:topic/lights/turin-lamp-2/status")"
echo "turin-lamp-2 (pilot) publishes firmware:     $(decide turin-lamp-2 PUBLISH "$prefix:topic/lights/turin-lamp-2/firmware")"
echo "turin-lamp-1 connects as turin-lamp-2:       $(decide turin-lamp-1 CONNECT "$prefix:client/turin-lamp-2")"

echo "== policies in force for turin-lamp-2"
iot get-effective-policies --principal "$(cat "$keys/turin-lamp-2.arn")" --thing-name turin-lamp-2 \
  --query 'effectivePolicies[].policyName' --output text

echo "== turin-lamp-3's certificate is compromised: revoke it and give the lamp a new one"
old=$(cat "$keys/turin-lamp-3.arn")
iot update-certificate --certificate-id "${old##*/}" --new-status REVOKED
iot describe-certificate --certificate-id "${old##*/}" --query certificateDescription.status --output text
iot detach-thing-principal --thing-name turin-lamp-3 --principal "$old"
iot create-keys-and-certificate --set-as-active \
  --certificate-pem-outfile "$keys/turin-lamp-3.cert.pem" \
  --private-key-outfile "$keys/turin-lamp-3.key.pem" \
  --query certificateArn --output text >"$keys/turin-lamp-3.arn"
chmod 600 "$keys/turin-lamp-3.key.pem"
iot attach-thing-principal --thing-name turin-lamp-3 --principal "$(cat "$keys/turin-lamp-3.arn")" \
  --thing-principal-type EXCLUSIVE_THING
echo "turin-lamp-3 with its new certificate:       $(decide turin-lamp-3 PUBLISH "$prefix:topic/lights/turin-lamp-3/status")"
