#!/usr/bin/env bash
# A street-light firmware campaign with the AWS CLI against a running Lamplighter: the operator
# targets the dynamic group "street lights on an old firmware" with a continuous job whose document
# downloads the new image, installs it and reboots (the steps of the managed Download-File,
# Install-Application and Reboot templates), rolled out at a rate with abort, timeout and retry
# rules; the lamps (here played by the CLI's iot-jobs-data commands) take the job, report progress
# and finish; a lamp that falls behind later joins the group and gets the job too. A managed
# template (AWS-Reboot) is then used as it ships.
#
# Usage: AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... docs/examples/street-light-jobs.sh [endpoint] [data-dir]
set -euo pipefail

endpoint="${1:-http://localhost:8080}"
data_dir="${2:-./data}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
iot() { aws --endpoint-url "$endpoint" iot "$@"; }
jobs_data() { aws --endpoint-url "$endpoint" iot-jobs-data "$@"; }

# Waits until a command's text output contains a word.
await() {
  local expected="$1"; shift
  for _ in $(seq 1 100); do
    if "$@" --output text | grep -w -- "$expected" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for $expected" >&2
  return 1
}

# The fleet: street lights with a firmware attribute, and the dynamic group of old firmware.
iot create-thing-type --thing-type-name StreetLight >/dev/null 2>&1 || true
for i in 1 2 3 4; do
  firmware=$([ "$i" -le 3 ] && echo "1.4.2" || echo "2.1.0")
  iot create-thing --thing-name "jobs-lamp-$i" --thing-type-name StreetLight \
    --attribute-payload "{\"attributes\":{\"city\":\"Turin\",\"firmware\":\"$firmware\"}}" >/dev/null
done
account=$(iot describe-thing --thing-name jobs-lamp-1 --query thingArn --output text | cut -d: -f5)
iot create-dynamic-thing-group --thing-group-name old-firmware-lamps \
  --query-string 'thingTypeName:StreetLight AND attributes.firmware:1.*' >/dev/null
await jobs-lamp-3 iot list-things-in-thing-group --thing-group-name old-firmware-lamps

# The new image goes into the built-in file store; job documents name it by an S3 URL.
image=$(mktemp)
head -c 65536 /dev/urandom > "$image"
"$root/lamplighter" files put --data-dir "$data_dir" firmware/lamp-2.1.0.bin "$image"
rm -f "$image"

# A job template with the campaign's document and rules; events of executions turned on.
cat > /tmp/street-light-firmware.json <<'DOC'
{"version":"1.0","steps":[
 {"action":{"name":"Download-File","type":"runHandler","input":{"handler":"download-file.sh",
  "args":["${aws:iot:s3-presigned-url:https://s3.amazonaws.com/firmware/lamp-2.1.0.bin}","/opt/lamp/firmware.bin"]}}},
 {"action":{"name":"Install-Application","type":"runHandler","input":{"handler":"install-packages.sh",
  "args":["lamp-firmware"]}}},
 {"action":{"name":"Reboot","type":"runHandler","input":{"handler":"reboot.sh"}}}]}
DOC
iot create-job-template --job-template-id street-light-firmware-2-1 \
  --description "Street-light firmware 2.1.0: download, install, reboot" \
  --document file:///tmp/street-light-firmware.json \
  --presigned-url-config expiresInSec=900 \
  --timeout-config inProgressTimeoutInMinutes=60 \
  --abort-config 'criteriaList=[{failureType=FAILED,action=CANCEL,thresholdPercentage=30,minNumberOfExecutedThings=10}]' \
  --job-executions-retry-config 'criteriaList=[{failureType=FAILED,numberOfRetries=1}]' >/dev/null
iot update-event-configurations \
  --event-configurations '{"JOB":{"Enabled":true},"JOB_EXECUTION":{"Enabled":true}}'

# The campaign: a continuous job on the dynamic group, at most 100 lamps a minute.
iot create-job --job-id street-light-fw-2-1 \
  --targets "arn:aws:iot:$AWS_DEFAULT_REGION:$account:thinggroup/old-firmware-lamps" \
  --target-selection CONTINUOUS \
  --job-template-arn "arn:aws:iot:$AWS_DEFAULT_REGION:$account:jobtemplate/street-light-firmware-2-1" \
  --job-executions-rollout-config maximumPerMinute=100
await jobs-lamp-3 iot list-job-executions-for-job --job-id street-light-fw-2-1
echo "Executions queued:"
iot list-job-executions-for-job --job-id street-light-fw-2-1 \
  --query 'executionSummaries[].[thingArn,jobExecutionSummary.status]' --output text

# The lamps take the job: each gets the document with a download URL valid for 15 minutes.
url=$(jobs_data start-next-pending-job-execution --thing-name jobs-lamp-1 \
  --status-details step=download --query execution.jobDocument --output text \
  | grep -o 'https://[^"]*' | head -1)
echo "jobs-lamp-1 downloads from $url"
for lamp in jobs-lamp-1 jobs-lamp-2; do
  [ "$lamp" = jobs-lamp-2 ] && jobs_data start-next-pending-job-execution --thing-name "$lamp" >/dev/null
  jobs_data update-job-execution --thing-name "$lamp" --job-id street-light-fw-2-1 \
    --status IN_PROGRESS --status-details step=install >/dev/null
  jobs_data update-job-execution --thing-name "$lamp" --job-id street-light-fw-2-1 \
    --status SUCCEEDED --status-details step=rebooted
  iot update-thing --thing-name "$lamp" --attribute-payload '{"attributes":{"firmware":"2.1.0"},"merge":true}'
done
# jobs-lamp-3 fails once; the retry queues it again.
jobs_data start-next-pending-job-execution --thing-name jobs-lamp-3 >/dev/null
jobs_data update-job-execution --thing-name jobs-lamp-3 --job-id street-light-fw-2-1 \
  --status FAILED --status-details error=checksum >/dev/null
iot describe-job-execution --job-id street-light-fw-2-1 --thing-name jobs-lamp-3 \
  --query 'execution.[status,statusDetails.detailsMap.error]' --output text

# A lamp that was fine falls behind (a technician flashed an old image): it joins the group and
# the continuous job reaches it.
iot update-thing --thing-name jobs-lamp-4 --attribute-payload '{"attributes":{"firmware":"1.0.0"},"merge":true}'
await jobs-lamp-4 iot list-job-executions-for-job --job-id street-light-fw-2-1
echo "After jobs-lamp-4 fell behind:"
iot list-job-executions-for-job --job-id street-light-fw-2-1 \
  --query 'executionSummaries[].[thingArn,jobExecutionSummary.status,jobExecutionSummary.retryAttempt]' --output text
iot describe-job --job-id street-light-fw-2-1 \
  --query 'job.[status,jobProcessDetails.numberOfSucceededThings,jobProcessDetails.numberOfQueuedThings]' --output text

# An AWS managed template as it ships: reboot one lamp as its own user.
iot describe-managed-job-template --template-name AWS-Reboot --query 'documentParameters[].key' --output text
iot create-job --job-id street-light-reboot-4 \
  --targets "arn:aws:iot:$AWS_DEFAULT_REGION:$account:thing/jobs-lamp-4" \
  --job-template-arn "arn:aws:iot:$AWS_DEFAULT_REGION::jobtemplate/AWS-Reboot:1.0" \
  --document-parameters runAsUser=lamp >/dev/null
await street-light-reboot-4 iot list-job-executions-for-thing --thing-name jobs-lamp-4
iot get-job-document --job-id street-light-reboot-4 --output text
