#!/usr/bin/env python3
"""A client's task polling, as obdiag's Task.wait_done does it, tested against ocp-mock.

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/wait_task.py build/mock/ocp-mock

It starts the mock on a free port (reading its ready line, never sleeping), sets up a RUNNING
task at runtime, makes the detail endpoint fail twice in the middle of the polling (a 503, then
a dropped connection), and checks that the client still sees the task through to SUCCESSFUL and
that the journal saw every poll. Exits 0 when every check holds.
"""

import base64
import http.client
import json
import subprocess
import sys
import urllib.error
import urllib.request


class OcpClient:
    """The parts of an OCP client this example needs."""

    def __init__(self, base_url, user, password):
        self.base_url = base_url
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "Accept-Language": "en-US"}

    def call(self, method, path, body=None):
        """The decoded JSON answer; raises on HTTP errors and dropped connections."""
        data = json.dumps(body).encode() if body is not None else None
        headers = dict(self.headers, **({"Content-Type": "application/json"} if data else {}))
        request = urllib.request.Request(self.base_url + path, data=data, method=method,
                                         headers=headers)
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def task_status(self, task_id):
        return self.call("GET", f"/api/v2/tasks/instances/{task_id}")["data"]["status"]

    def wait_done(self, task_id, between_polls, max_polls=50, max_errors=5):
        """Polls until the task leaves RUNNING, tolerating transient failures like obdiag."""
        errors = 0
        for _ in range(max_polls):
            try:
                status = self.task_status(task_id)
            except (urllib.error.HTTPError, urllib.error.URLError,
                    http.client.RemoteDisconnected, ConnectionError) as failure:
                errors += 1
                if errors > max_errors:
                    raise RuntimeError(f"giving up after {errors} failures: {failure}")
                continue
            if status != "RUNNING":
                return status
            between_polls()
        raise RuntimeError("the task is still running")


def start_mock(binary, *flags):
    """ocp-mock on a free port with `flags` added ("--quirks", "client-ids"); its base URL."""
    process = subprocess.Popen([binary, "--port", "0", "--log-level", "warn", "--time-scale", "0",
                                *flags], stdout=subprocess.PIPE, text=True)
    for line in process.stdout:  # the ready line: "listening on http://127.0.0.1:PORT"
        if line.startswith("listening on "):
            return process, line.split()[-1]
    raise RuntimeError("ocp-mock exited before it was ready")


TASK = {"task": {
    "id": 9200001, "name": "Prepare host", "status": "RUNNING",
    "creator": {"id": 100, "name": "admin"},
    "subtasks": [
        {"id": 92000011, "name": "Check host", "description": "Check host",
         "operation": "EXECUTE", "status": "PENDING", "downstreams": [92000012]},
        {"id": 92000012, "name": "Install agent", "description": "Install agent",
         "operation": "EXECUTE", "status": "PENDING", "upstreams": [92000011]}]}}


def main(binary):
    process, url = start_mock(binary)
    try:
        client = OcpClient(url, "admin", "Admin@123")
        client.call("PUT", "/__mock/tasks/9200001", TASK)
        detail = "/api/v2/tasks/instances/9200001"
        polls = []

        def between_polls():
            polls.append(1)
            if len(polls) == 1:  # a fault in the middle: one 503, then one dropped connection
                for action in ({"type": "status", "status": 503}, {"type": "reset"}):
                    client.call("POST", "/__mock/faults",
                                {"match": {"path": detail}, "action": action, "times": 1})
            client.call("POST", "/__mock/clock/advance?seconds=20")

        status = client.wait_done(9200001, between_polls)
        assert status == "SUCCESSFUL", status
        seen = client.call("GET", f"/__mock/requests/count?path={detail}")["data"]["count"]
        failed = client.call("GET", f"/__mock/requests/count?path={detail}&status=503")
        assert seen == len(polls) + 1 + 2, (seen, len(polls))  # every poll, plus the 2 faulted
        assert failed["data"]["count"] == 1, failed
        print(f"ok: SUCCESSFUL after {len(polls)} clock moves and 2 faults; {seen} requests")
        return 0
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ocp-mock"))
