#!/usr/bin/env python3
"""obdiag's `gather awr` against ocp-mock, call for call, with obdiag's encodings.

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/awr_flow.py build/mock/ocp-mock

obdiag (src/handler/gather/gather_awr.py, src/common/ocp/ocp_task.py), as
docs/reference/ocp-client-flows.md section 5 reads it: list the cluster's workload snapshots and
keep those in its window (a `snapshotTime` without a fraction of a second would be dropped), ask
for a report from the first kept to the last as a form body (`name`, `startSnapshotId`,
`endSnapshotId`), poll the report's task (twice at once, then every 20 s: here the test moves
the mock's clock 20 s instead of sleeping) until SUCCESSFUL, find the report by name in the
list, download it and save it as `<name>.html`. Then the request journal says what the client
sent, in which order. Exits 0 when every check holds.
"""

import base64
import datetime
import json
import os
import sys
import tempfile
import urllib.parse
import urllib.request

from wait_task import start_mock

CLUSTER_ID = 2
CLUSTER_NAME = "obcluster-prod-hz"
AUTH = "Basic " + base64.b64encode(b"admin:Admin@123").decode()


def send(url, method="GET", data=None, headers=None):
    """(status, Content-Type, body bytes): obdiag checks no status but the snapshots'."""
    request = urllib.request.Request(url, data=data, method=method,
                                     headers=dict({"Authorization": AUTH}, **(headers or {})))
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, answer.headers.get("Content-Type", ""), answer.read()


def get_json(url, method="GET", data=None, headers=None):
    return json.loads(send(url, method, data, headers)[2])


def kept_snapshots(snapshots, hours=3):
    """obdiag's filter, reduced to what matters here: the time parses only as
    `snapshotTime.split(".")[0]` with %Y-%m-%dT%H:%M:%S, so one without a fraction (still ending
    in `Z`) raises and is skipped; of the rest, the last `hours` + 1 (a 3 h window)."""
    kept = []
    for s in snapshots:
        try:
            datetime.datetime.strptime(s["snapshotTime"].split(".")[0], "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            continue
        kept.append(s)
    return kept[-(hours + 1):]


def main(binary):
    process, url = start_mock(binary)
    try:
        base = f"{url}/api/v2/ob/clusters/{CLUSTER_ID}/performance/workload"
        # 1. Snapshots: no query; obdiag requires data.contents.
        snapshots = get_json(base + "/snapshots")["data"]["contents"]
        assert len(snapshots) > 4, len(snapshots)
        assert all("." in s["snapshotTime"] and s["snapshotTime"].endswith("Z")
                   for s in snapshots), snapshots[:3]
        kept = kept_snapshots(snapshots)
        assert len(kept) == 4, "every snapshot parses: none dropped"
        start, end = kept[0], kept[-1]
        assert start["snapshotId"] < end["snapshotId"], (start, end)

        # 2. The report, as a form body in obdiag's dict order.
        name = f"OBAWR_obcluster_{CLUSTER_NAME}_{start['snapshotId']}_{end['snapshotId']}"
        form = urllib.parse.urlencode({"name": name, "startSnapshotId": start["snapshotId"],
                                       "endSnapshotId": end["snapshotId"]}).encode()
        report = get_json(base + "/reports", "POST", form,
                          {"Content-Type": "application/x-www-form-urlencoded"})["data"]
        assert report["status"] == "CREATING" and report["name"] == name, report
        task_id = report["taskInstanceId"]

        # 3. The task: the constructor's GET, wait_done's GET at once, then one every 20 s.
        task_url = f"{url}/api/v2/tasks/instances/{task_id}"
        task = get_json(task_url)["data"]
        polls = 1
        while True:
            task = get_json(task_url)["data"]
            polls += 1
            if task["status"] == "SUCCESSFUL":
                break
            assert task["status"] == "RUNNING" and polls < 20, task["status"]
            get_json(url + "/__mock/clock/advance?seconds=20", "POST")

        # 4. The list: the id of the first report with that name.
        reports = get_json(base + "/reports")["data"]["contents"]
        report_id = next((r["id"] for r in reports if r["name"] == name), 0)
        assert report_id == report["id"], reports
        assert next(r for r in reports if r["id"] == report_id)["status"] == "SUCCESSFUL"

        # 5. The download, saved as <name>.html whatever came back.
        status, content_type, html = send(f"{base}/reports/{report_id}")
        assert status == 200 and content_type.startswith("text/html"), (status, content_type)
        with tempfile.TemporaryDirectory() as store:
            path = os.path.join(store, name + ".html")
            with open(path, "wb") as out:
                out.write(html)
            text = open(path, encoding="utf-8").read()
        assert text.startswith("<!DOCTYPE html>"), text[:80]
        for fact in (CLUSTER_NAME, name, str(start["snapshotId"]), str(end["snapshotId"]),
                     start["snapshotTime"], end["snapshotTime"]):
            assert fact in text, fact

        # The journal: what obdiag sent, oldest first.
        journal = get_json(url + "/__mock/requests?size=100")["data"]["contents"][::-1]
        sent = [(e["method"], e["path"]) for e in journal]
        workload = f"/api/v2/ob/clusters/{CLUSTER_ID}/performance/workload"
        expected = ([("GET", workload + "/snapshots"), ("POST", workload + "/reports")]
                    + [("GET", f"/api/v2/tasks/instances/{task_id}")] * polls
                    + [("GET", workload + "/reports"), ("GET", f"{workload}/reports/{report_id}")])
        assert sent == expected, sent
        assert all(e["user"] == "admin" and e["status"] == 200 for e in journal), journal
        post = journal[1]
        assert post["query"] == "" and not post["params"], "the parameters went in the body"
        print(f"ok: report {report_id} ({name}) from snapshots {start['snapshotId']} to "
              f"{end['snapshotId']}, task {task_id} polled {polls} times, {len(html)} bytes of HTML")
        return 0
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
