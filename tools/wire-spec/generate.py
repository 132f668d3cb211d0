#!/usr/bin/env python3
"""Derives Lamplighter's wire specification from AWS service models (botocore's service-2.json).

The output keeps, for every operation Lamplighter serves, its HTTP method and URI, and for every
shape reachable from it the facts the API edge validates and binds with: member locations,
required members, types, lengths, ranges, patterns and enums. Documentation text is dropped.

Usage: generate.py MODELS_DIR OUT_DIR
  MODELS_DIR holds iot/, iot-jobs-data/, iot-data/ and iotsecuretunneling/, each with a
  service-2.json. The operation lists below are the operations in scope.
"""
import json
import os
import sys

KEEP_SHAPE_KEYS = ("type", "required", "min", "max", "pattern", "enum", "payload",
                   "timestampFormat", "exception", "fault", "error", "sensitive", "box")
KEEP_MEMBER_KEYS = ("shape", "location", "locationName", "jsonvalue", "idempotencyToken",
                    "timestampFormat")

SERVICES = {
    "iot": {
        "signingNames": ["iot", "execute-api"],
        "operations": None,  # read from scope.txt
    },
    "iot-jobs-data": {
        "signingNames": ["iot-jobs-data"],
        "operations": ["DescribeJobExecution", "GetPendingJobExecutions",
                       "StartNextPendingJobExecution", "UpdateJobExecution"],
    },
    "iot-data": {
        "signingNames": ["iotdata"],
        "operations": ["Publish", "ListRetainedMessages", "GetRetainedMessage",
                       "DeleteConnection", "GetThingShadow", "UpdateThingShadow",
                       "DeleteThingShadow", "ListNamedShadowsForThing"],
    },
    "iotsecuretunneling": {
        "signingNames": ["IoTSecuredTunneling"],
        "operations": ["OpenTunnel", "CloseTunnel", "DescribeTunnel", "ListTunnels",
                       "RotateTunnelAccessToken", "TagResource", "UntagResource",
                       "ListTagsForResource"],
    },
}


def iot_operations():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "iot-operations.txt")) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def reachable(shapes, roots):
    seen = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for member in shape.get("members", {}).values():
            stack.append(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                stack.append(shape[key]["shape"])
    return seen


def slim_shape(shape):
    out = {k: shape[k] for k in KEEP_SHAPE_KEYS if k in shape}
    if "members" in shape:
        out["members"] = {name: {k: m[k] for k in KEEP_MEMBER_KEYS if k in m}
                          for name, m in shape["members"].items()}
    for key in ("member", "key", "value"):
        if key in shape:
            out[key] = {"shape": shape[key]["shape"]}
    return out


def generate(models_dir, service, config):
    with open(os.path.join(models_dir, service, "service-2.json")) as f:
        model = json.load(f)
    names = config["operations"] or iot_operations()
    operations = {}
    roots = []
    for name in names:
        op = model["operations"][name]
        entry = {"method": op["http"]["method"], "uri": op["http"]["requestUri"]}
        if "responseCode" in op["http"]:
            entry["responseCode"] = op["http"]["responseCode"]
        for part in ("input", "output"):
            if part in op:
                entry[part] = op[part]["shape"]
                roots.append(op[part]["shape"])
        entry["errors"] = [e["shape"] for e in op.get("errors", [])]
        roots.extend(entry["errors"])
        if "endpoint" in op:
            entry["hostPrefix"] = op["endpoint"].get("hostPrefix")
        operations[name] = entry
    shapes = model["shapes"]
    kept = {name: slim_shape(shapes[name]) for name in sorted(reachable(shapes, roots))}
    meta = model["metadata"]
    return {
        "service": service,
        "protocol": meta["protocol"],
        "apiVersion": meta["apiVersion"],
        "targetPrefix": meta.get("targetPrefix"),
        "jsonVersion": meta.get("jsonVersion"),
        "signingNames": config["signingNames"],
        "operations": operations,
        "shapes": kept,
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    models_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for service, config in SERVICES.items():
        spec = generate(models_dir, service, config)
        with open(os.path.join(out_dir, service + ".json"), "w") as f:
            json.dump(spec, f, indent=1, sort_keys=True)
            f.write("\n")
        print(service, len(spec["operations"]), "operations,", len(spec["shapes"]), "shapes")


if __name__ == "__main__":
    main()
