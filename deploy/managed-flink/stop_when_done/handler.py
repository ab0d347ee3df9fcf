"""Stops a Sluice application on Managed Service for Apache Flink once its run has ended.

A bounded Flink job that finishes leaves its Managed Flink application RUNNING, and billed, until
something calls StopApplication. Sluice writes _sluice/report.json last when a run publishes, and
_sluice/failed-report.json when it fails; EventBridge invokes this function when either lands
under the application's output prefix. A continuous run rewrites report.json with status
"running" after every checkpoint; that one is left alone.

The same text is inlined in template.yaml (ZipFile); test_handler.py checks that they agree.
"""

import json
import os

REPORT = "_sluice/report.json"
FAILED_REPORT = "_sluice/failed-report.json"


def handler(event, context):
    import boto3

    return handle(event, os.environ["APPLICATION_NAME"],
                  boto3.client("kinesisanalyticsv2"), boto3.client("s3"))


def handle(event, application, flink, s3):
    detail = event.get("detail", {})
    bucket = detail.get("bucket", {}).get("name", "")
    key = detail.get("object", {}).get("key", "")
    if key.endswith(REPORT):
        report = json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read())
        if report.get("status") == "running":
            return {"stopped": False, "why": "a continuous run's report: " + key}
    elif not key.endswith(FAILED_REPORT):
        return {"stopped": False, "why": "not a Sluice report: " + key}
    detail = flink.describe_application(ApplicationName=application)["ApplicationDetail"]
    status = detail["ApplicationStatus"]
    if status != "RUNNING":
        return {"stopped": False, "why": application + " is " + status}
    # Graceful: the run has ended and snapshots are off, so there is nothing to save.
    flink.stop_application(ApplicationName=application, Force=False)
    print(json.dumps({"stopped": application, "after": "s3://" + bucket + "/" + key}))
    return {"stopped": True, "why": key}
