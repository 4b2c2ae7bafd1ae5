#!/usr/bin/env python3
"""Writes the committed test vectors of Wharf.Protocol.Tests with botocore, offline.

- query-requests.json: Query, EC2 and RPC v2 CBOR request bodies exactly as botocore
  serializes them, each with the same input serialized by botocore's JSON serializer
  (the expected result of decoding the body into the wire type and writing it as JSON).
- sigv4.json: requests signed by botocore's SigV4Auth / SigV4QueryAuth at a fixed time.

Run from anywhere: python3 test/Wharf.Protocol.Tests/Vectors/make_vectors.py
"""
import base64
import hashlib
import datetime
import json
import os
from unittest import mock

import botocore.auth
import botocore.session
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.serialize import create_serializer

HERE = os.path.dirname(os.path.abspath(__file__))
SESSION = botocore.session.get_session()
TS = datetime.datetime(2024, 1, 2, 3, 4, 5, 123000, tzinfo=datetime.timezone.utc)
# botocore's CBOR serializer writes whole seconds.
TS_WHOLE = TS.replace(microsecond=0)

QUERY_CASES = [
    ("elbv2", "query", "CreateTargetGroup", {
        "Name": "web", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-1", "HealthCheckPath": "/health",
        "HealthCheckEnabled": True, "Matcher": {"HttpCode": "200-299"}, "TargetType": "ip",
        "Tags": [{"Key": "team", "Value": "a b&c=d/é+%"}, {"Key": "env", "Value": ""}],
    }),
    ("elbv2", "query", "CreateRule", {
        "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/lb/1/2", "Priority": 10,
        "Conditions": [{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/a/*", "/b"]}},
                       {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Env", "Values": ["blue"]}}],
        "Actions": [{"Type": "forward", "Order": 1, "ForwardConfig": {
            "TargetGroups": [{"TargetGroupArn": "arn:tg/1", "Weight": 10}, {"TargetGroupArn": "arn:tg/2", "Weight": 0}],
            "TargetGroupStickinessConfig": {"Enabled": False}}}],
    }),
    ("elbv2", "query", "RegisterTargets", {
        "TargetGroupArn": "arn:tg/1",
        "Targets": [{"Id": "i-1", "Port": 80}, {"Id": "10.0.0.1", "Port": 8080, "AvailabilityZone": "all"}],
    }),
    ("elbv2", "query", "DescribeLoadBalancers", {"Names": [], "PageSize": 400}),
    ("elbv2", "query", "ModifyTargetGroupAttributes", {
        "TargetGroupArn": "arn:tg/1", "Attributes": [{"Key": "deregistration_delay.timeout_seconds", "Value": "30"}],
    }),
    ("cloudwatch", "query", "PutMetricData", {
        "Namespace": "Wharf/Test",
        "MetricData": [{
            "MetricName": "CPUUtilization", "Dimensions": [{"Name": "ServiceName", "Value": "web"}],
            "Timestamp": TS, "Value": 1.5, "Unit": "Percent", "Values": [1.0, 2.25], "Counts": [1.0, 2.0],
            "StorageResolution": 1,
        }],
    }),
    ("cloudwatch", "query", "GetMetricStatistics", {
        "Namespace": "AWS/ECS", "MetricName": "CPUUtilization", "StartTime": TS,
        "EndTime": TS + datetime.timedelta(hours=1), "Period": 60, "Statistics": ["Average", "Maximum"],
        "Dimensions": [{"Name": "ClusterName", "Value": "default"}],
    }),
    ("ec2", "ec2", "DescribeSubnets", {
        "Filters": [{"Name": "vpc-id", "Values": ["vpc-1", "vpc-2"]}, {"Name": "default-for-az", "Values": ["true"]}],
        "SubnetIds": ["subnet-1"], "DryRun": False, "MaxResults": 10,
    }),
    ("ec2", "ec2", "DescribeVpcAttribute", {"Attribute": "enableDnsSupport", "VpcId": "vpc-1"}),
    ("ec2", "ec2", "DescribeSecurityGroups", {"GroupIds": ["sg-1", "sg-2"], "GroupNames": ["default"]}),
    ("sts", "query", "GetCallerIdentity", {}),
    ("cloudwatch", "smithy-rpc-v2-cbor", "PutMetricData", {
        "Namespace": "Wharf/Test",
        "MetricData": [{"MetricName": "Memory", "Timestamp": TS_WHOLE, "Value": 3.0, "Unit": "Megabytes",
                        "Dimensions": [{"Name": "ServiceName", "Value": "web"}]}],
    }),
    ("cloudwatch", "smithy-rpc-v2-cbor", "GetMetricStatistics", {
        "Namespace": "AWS/ECS", "MetricName": "CPUUtilization", "StartTime": TS_WHOLE,
        "EndTime": TS_WHOLE + datetime.timedelta(hours=1), "Period": 60, "Statistics": ["Average"],
    }),
]


def to_json(value, shape):
    """The input as the wire types' JSON: member names (not locationName), epoch timestamps."""
    kind = shape.type_name
    if kind == "structure":
        return {k: to_json(v, shape.members[k]) for k, v in value.items()}
    if kind == "list":
        return [to_json(v, shape.member) for v in value]
    if kind == "map":
        return {k: to_json(v, shape.value) for k, v in value.items()}
    if kind == "timestamp":
        seconds = value.timestamp()
        return int(seconds) if seconds == int(seconds) else round(seconds, 3)
    if kind == "blob":
        return base64.b64encode(value).decode()
    if kind in ("double", "float"):
        return float(value)
    return value


def query_vectors():
    vectors = []
    for service, protocol, op_name, params in QUERY_CASES:
        model = SESSION.get_service_model(service)
        op = model.operation_model(op_name)
        serialized = create_serializer(protocol, include_validation=True).serialize_to_request(params, op)
        body = serialized["body"]
        if isinstance(body, dict):
            body = AWSRequest(method="POST", url="http://localhost/", data=body).prepare().body
        if isinstance(body, str):
            body = body.encode("utf-8")
        expected = to_json(params, op.input_shape) if op.input_shape is not None else {}
        vectors.append({
            "service": service, "protocol": protocol, "operation": op_name,
            "path": serialized.get("url_path", "/"),
            "body": base64.b64encode(body or b"").decode(),
            "expectedJson": expected,
        })
    return vectors


SIGN_TIME = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
ACCESS_KEY, SECRET_KEY = "AKIDWHARFTEST000001", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def signed(name, method, url, service, headers=None, data=b"", presign=False):
    headers = dict(headers or {})
    netloc = url.split("/")[2]
    headers.setdefault("Host", netloc)
    request = AWSRequest(method=method, url=url, data=data, headers=headers)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=SIGN_TIME.replace(tzinfo=None)):
        signer = (SigV4QueryAuth if presign else SigV4Auth)(Credentials(ACCESS_KEY, SECRET_KEY), service, "us-east-1")
        signer.add_auth(request)
    prepared = request.prepare()
    path, _, query = prepared.url.split(netloc, 1)[1].partition("?")
    body = prepared.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return {
        "name": name, "method": method, "path": path, "query": query,
        "headers": [[k, v] for k, v in prepared.headers.items()],
        "body": base64.b64encode(body).decode(),
        "service": service,
    }


def sigv4_vectors():
    json_headers = {"Content-Type": "application/x-amz-json-1.1",
                    "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters"}
    form = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
    return {
        "accessKeyId": ACCESS_KEY, "secretAccessKey": SECRET_KEY, "region": "us-east-1",
        "signedAt": SIGN_TIME.isoformat(),
        "requests": [
            signed("json-post", "POST", "http://127.0.0.1:4566/", "ecs", json_headers, b'{"maxResults": 10}'),
            signed("json-empty-body", "POST", "http://localhost:4566/", "ecs", json_headers, b""),
            signed("query-post", "POST", "http://127.0.0.1:4566/", "elasticloadbalancing", form,
                   b"Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=a+b%2Fc"),
            signed("query-get", "GET", "http://127.0.0.1:4566/?Action=GetCallerIdentity&Version=2011-06-15&Z=a%20b&A=%2F~", "sts"),
            signed("path-special", "POST", "http://127.0.0.1:4566/service/GraniteServiceVersion20100801/operation/a%20b/./c//d",
                   "monitoring", {"Content-Type": "application/cbor", "smithy-protocol": "rpc-v2-cbor"}, b"\xa0"),
            signed("unsigned-payload", "POST", "http://127.0.0.1:4566/", "ecs",
                   {**json_headers, "X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD"}, b'{"maxResults": 5}'),
            signed("content-sha256", "POST", "http://127.0.0.1:4566/", "ecs",
                   {**json_headers, "X-Amz-Content-SHA256": hashlib.sha256(b'{}').hexdigest()}, b'{}'),
            signed("header-spaces", "POST", "http://127.0.0.1:4566/", "ecs",
                   {**json_headers, "X-Custom": "  a   b  c  "}, b"{}"),
            signed("presigned", "GET", "http://127.0.0.1:4566/?Action=GetCallerIdentity&Version=2011-06-15", "sts", presign=True),
        ],
    }


def main():
    with open(os.path.join(HERE, "query-requests.json"), "w") as f:
        json.dump(query_vectors(), f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(HERE, "sigv4.json"), "w") as f:
        json.dump(sigv4_vectors(), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
