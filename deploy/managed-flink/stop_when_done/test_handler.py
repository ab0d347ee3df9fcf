"""The stop-when-done function against a local HTTP endpoint standing in for AWS: the requests it
builds (DescribeApplication, StopApplication, the report's GetObject) are recorded and checked.
No real AWS is called. Run: python3 -m unittest discover -s deploy/managed-flink/stop_when_done
"""

import json
import os
import re
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
from botocore.config import Config

import handler

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "..", "template.yaml")


class FakeAws(BaseHTTPRequestHandler):
    """Answers Managed Flink's JSON API and S3's GetObject, recording every request."""

    status = "RUNNING"
    reports = {}
    requests = []

    def log_message(self, *args):
        pass

    def _reply(self, code, body, content_type):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        target = self.headers.get("X-Amz-Target", "")
        FakeAws.requests.append((target, json.loads(body), self.headers.get("Authorization", "")))
        if target.endswith(".DescribeApplication"):
            answer = {"ApplicationDetail": {
                "ApplicationARN": "arn:aws:kinesisanalytics:eu-west-1:123456789012:application/x",
                "ApplicationName": json.loads(body)["ApplicationName"],
                "RuntimeEnvironment": "FLINK-2_3",
                "ApplicationStatus": FakeAws.status,
                "ApplicationVersionId": 3}}
        else:
            answer = {}
        self._reply(200, json.dumps(answer), "application/x-amz-json-1.1")

    def do_GET(self):
        FakeAws.requests.append(("GET", self.path, self.headers.get("Authorization", "")))
        self._reply(200, FakeAws.reports[self.path], "application/json")


class StopWhenDoneTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), FakeAws)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        endpoint = "http://127.0.0.1:%d" % cls.server.server_address[1]
        session = boto3.session.Session(
            aws_access_key_id="AKIDTEST", aws_secret_access_key="secret", region_name="eu-west-1")
        cls.flink = session.client("kinesisanalyticsv2", endpoint_url=endpoint)
        cls.s3 = session.client("s3", endpoint_url=endpoint,
                                config=Config(s3={"addressing_style": "path"}))

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def setUp(self):
        FakeAws.requests = []
        FakeAws.status = "RUNNING"
        FakeAws.reports = {}

    def event(self, key):
        return {"detail-type": "Object Created", "source": "aws.s3",
                "detail": {"bucket": {"name": "train"}, "object": {"key": key}}}

    def run_for(self, key):
        return handler.handle(self.event(key), "sluice-nightly", self.flink, self.s3)

    def targets(self):
        return [request[0] for request in FakeAws.requests]

    def test_a_published_report_stops_the_running_application_gracefully(self):
        FakeAws.reports["/train/speech/2026-12-02/r1/_sluice/report.json"] = json.dumps(
            {"status": "complete"})

        outcome = self.run_for("speech/2026-12-02/r1/_sluice/report.json")

        self.assertTrue(outcome["stopped"])
        self.assertEqual(self.targets(), [
            "GET",
            "KinesisAnalytics_20180523.DescribeApplication",
            "KinesisAnalytics_20180523.StopApplication"])
        target, body, authorization = FakeAws.requests[-1]
        self.assertEqual(body, {"ApplicationName": "sluice-nightly", "Force": False})
        self.assertRegex(authorization,
                         r"^AWS4-HMAC-SHA256 Credential=AKIDTEST/\d{8}/eu-west-1/kinesisanalytics/")

    def test_a_failed_report_stops_the_application_without_reading_it(self):
        outcome = self.run_for("speech/r2/_sluice/failed-report.json")

        self.assertTrue(outcome["stopped"])
        self.assertEqual(self.targets(), [
            "KinesisAnalytics_20180523.DescribeApplication",
            "KinesisAnalytics_20180523.StopApplication"])

    def test_a_continuous_runs_report_leaves_the_application_running(self):
        FakeAws.reports["/train/live/_sluice/report.json"] = json.dumps({"status": "running"})

        outcome = self.run_for("live/_sluice/report.json")

        self.assertFalse(outcome["stopped"])
        self.assertEqual(self.targets(), ["GET"])

    def test_an_application_that_is_not_running_is_not_stopped_again(self):
        FakeAws.status = "STOPPING"

        outcome = self.run_for("speech/r3/_sluice/failed-report.json")

        self.assertEqual(outcome, {"stopped": False, "why": "sluice-nightly is STOPPING"})
        self.assertNotIn("KinesisAnalytics_20180523.StopApplication", self.targets())

    def test_other_objects_are_ignored(self):
        outcome = self.run_for("speech/r4/train/part-0.rec")

        self.assertFalse(outcome["stopped"])
        self.assertEqual(FakeAws.requests, [])

    def test_the_template_inlines_this_very_handler(self):
        with open(TEMPLATE) as f:
            template = f.read()
        inlined = re.search(r"ZipFile: \|\n((?: {10}.*\n|\n)+)", template).group(1)
        code = "\n".join(line[10:] for line in inlined.rstrip("\n").split("\n")) + "\n"
        with open(os.path.join(HERE, "handler.py")) as f:
            self.assertEqual(code, f.read())


if __name__ == "__main__":
    unittest.main()
