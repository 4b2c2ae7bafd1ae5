#!/usr/bin/env python3
"""Parses HTTP responses with botocore's own response parsers, as the AWS CLI would.

Reads a JSON array from stdin; each item: service, operation, protocol, status, headers
(object), body (base64). Writes a JSON array: for a 2xx, the parsed output as JSON (member
names, timestamps as epoch seconds, blobs as base64) under "output" and the request id under
"requestId"; otherwise botocore's parsed "Error" (Code, Message, ...). Used by the tests to
check that what Wharf writes reads back through botocore; needs no network.
"""
import base64
import datetime
import json
import sys

import botocore.session
from botocore.parsers import create_parser


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        seconds = value.timestamp()
        return int(seconds) if seconds == int(seconds) else round(seconds, 3)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    return value


def main():
    session = botocore.session.get_session()
    results = []
    for item in json.load(sys.stdin):
        model = session.get_service_model(item["service"])
        op = model.operation_model(item["operation"])
        response = {
            "status_code": item["status"],
            "headers": {k.lower(): v for k, v in item["headers"].items()},
            "body": base64.b64decode(item["body"]),
        }
        parsed = create_parser(item["protocol"]).parse(response, op.output_shape)
        metadata = parsed.pop("ResponseMetadata", {})
        if item["status"] < 300:
            results.append({"output": plain(parsed), "requestId": metadata.get("RequestId")})
        else:
            results.append({"error": plain(parsed.get("Error", {})), "requestId": metadata.get("RequestId")})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
