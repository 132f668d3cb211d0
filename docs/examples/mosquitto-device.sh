#!/usr/bin/env bash
# A device on MQTT with Mosquitto's own clients, set up with the AWS CLI against a running
# Lamplighter: a thing with its certificate and a least-privilege policy, a retained message
# published on its own topic and read back, an iot-data Publish reaching it, and the refusals for
# another thing's topics.
#
# Needs the AWS CLI and Mosquitto's clients (Debian: apt-get install mosquitto-clients). Device
# keys are written to ./mosquitto-device-keys (mode 0700): the private key is returned only once.
#
# Usage: AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... docs/examples/mosquitto-device.sh [endpoint] [mqtt-port]
set -euo pipefail

endpoint="${1:-http://localhost:8080}"
mqtt_port="${2:-8883}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
iot() { aws --endpoint-url "$endpoint" iot "$@"; }
keys=./mosquitto-device-keys
mkdir -p "$keys" && chmod 700 "$keys"

thing=porch-lamp
neighbour=garden-lamp
thing_arn=$(iot create-thing --thing-name "$thing" --query thingArn --output text)
iot create-thing --thing-name "$neighbour" >/dev/null
account=$(echo "$thing_arn" | cut -d: -f5)
prefix="arn:aws:iot:$AWS_DEFAULT_REGION:$account"

cat >"$keys/own-topics.json" <<EOF
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "iot:Connect",
   "Resource": "$prefix:client/\${iot:Connection.Thing.ThingName}"},
  {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
   "Resource": "$prefix:topic/home/\${iot:Connection.Thing.ThingName}/*"},
  {"Effect": "Allow", "Action": "iot:Subscribe",
   "Resource": "$prefix:topicfilter/home/\${iot:Connection.Thing.ThingName}/*"}]}
EOF
iot create-policy --policy-name HomeOwnTopics --policy-document "file://$keys/own-topics.json" >/dev/null
for lamp in "$thing" "$neighbour"; do
  cert_arn=$(iot create-keys-and-certificate --set-as-active \
    --certificate-pem-outfile "$keys/$lamp.cert.pem" \
    --private-key-outfile "$keys/$lamp.key.pem" \
    --query certificateArn --output text)
  chmod 600 "$keys/$lamp.key.pem"
  iot attach-policy --policy-name HomeOwnTopics --target "$cert_arn"
  iot attach-thing-principal --thing-name "$lamp" --principal "$cert_arn"
done
curl -fsS "$endpoint/root-ca.pem" -o "$keys/root-ca.pem"

as() { # lamp: Mosquitto's TLS options for that device, its thing name as the client id
  echo -h localhost -p "$mqtt_port" --cafile "$keys/root-ca.pem" \
    --cert "$keys/$1.cert.pem" --key "$keys/$1.key.pem" -i "$1" -q 1
}

echo "== $thing publishes a retained state on its own topic and reads it back"
# shellcheck disable=SC2046
mosquitto_pub $(as "$thing") -t "home/$thing/state" -m '{"on":true}' -r
# shellcheck disable=SC2046
mosquitto_sub $(as "$thing") -t "home/$thing/state" -C 1 -W 10

echo "== iot-data Publish (HTTP, SigV4) reaches the device"
# shellcheck disable=SC2046
mosquitto_sub $(as "$thing") -t "home/$thing/commands" -C 1 -W 10 &
listener=$!
sleep 1
binary_format=()  # AWS CLI v2 reads blobs as base64 unless told otherwise; v1 takes them raw
if aws --version 2>&1 | grep -q '^aws-cli/2'; then binary_format=(--cli-binary-format raw-in-base64-out); fi
aws --endpoint-url "$endpoint" iot-data publish --topic "home/$thing/commands" --qos 1 \
  "${binary_format[@]}" --payload '{"dim":40}'
wait "$listener"

echo "== $neighbour may not read $thing's topics (expect a denial)"
# shellcheck disable=SC2046
answer=$(mosquitto_sub $(as "$neighbour") -t "home/$thing/#" -W 5 2>&1 || true)
echo "$answer"
if ! grep -q "denied" <<<"$answer"; then
  echo "unexpected: the subscription was granted" >&2
  exit 1
fi
echo "== done"
