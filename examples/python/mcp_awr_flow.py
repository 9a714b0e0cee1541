#!/usr/bin/env python3
"""The OceanBase MCP server's performance-report tools against ocp-mock, signed with AK/SK.

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/mcp_awr_flow.py build/mock/ocp-mock

The MCP server (oceanbase/awesome-oceanbase-mcp, src/ocp_mcp_server/ocp_mcp/ocp_client.py and
ocp_tool.py), as docs/reference/ocp-client-flows.md sections 2.2, 2.3 and 5 read it, signs every
call with the caller's access key: the string to sign is the method, the body's MD5 (empty when
there is no body), the Content-Type it sets on every request (application/json), the Date, the
host, its x-ocp-* headers and the path with the parameters sorted and encoded as Python's
quote(safe=''). The URL it sends carries that same encoded query. It lists a cluster's snapshots,
creates a report with its three parameters in the query and no body, and downloads the report
with `id` and `reportId` repeated in the query. A request signed with a wrong secret is refused
and changes nothing. The journal then says who sent what. Exits 0 when every check holds.
"""

import base64
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from email.utils import formatdate

from wait_task import start_mock

CLUSTER_ID = 2
# The bundled admin's access key (fixtures/users.json).
ACCESS_KEY = "cqammmxBpfGjFlto"
SECRET = "2fc0c299cc94c6be266f2ceece765d4d"


def encoded_query(params):
    """The MCP client's query: sorted by key, key and value each quote(safe='')."""
    return "&".join(urllib.parse.quote(str(k), safe="") + "=" + urllib.parse.quote(str(v), safe="")
                    for k, v in sorted(params.items()))


def signed(url, method, path, params=None, secret=SECRET, accept=None):
    """(status, Content-Type, body bytes) of one call as OCPClient makes it."""
    host = url.split("://", 1)[1].rstrip("/")
    path_and_query = path + ("?" + encoded_query(params) if params else "")
    date = formatdate(usegmt=True)
    headers = {"Content-Type": "application/json", "x-ocp-origin": "mcp-server", "Date": date}
    to_sign = "\n".join([method, "", headers["Content-Type"], date, host,
                         "x-ocp-origin:mcp-server", path_and_query])
    digest = hmac.new(secret.encode(), to_sign.encode(), hashlib.sha1).digest()
    headers["Authorization"] = ("OCP-ACCESS-KEY-HMACSHA1 " + ACCESS_KEY + ":"
                                + base64.b64encode(digest).decode())
    if accept:
        headers["Accept"] = accept
    request = urllib.request.Request(url + path_and_query, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers.get("Content-Type", ""), refused.read()


def signed_json(url, method, path, params=None):
    status, _, body = signed(url, method, path, params)
    assert status == 200, (method, path, status, body[:300])
    return json.loads(body)


def main(binary):
    process, url = start_mock(binary)
    try:
        base = f"/api/v2/ob/clusters/{CLUSTER_ID}/performance/workload"
        snapshots = signed_json(url, "GET", base + "/snapshots")["data"]["contents"]
        start, end = snapshots[-3]["snapshotId"], snapshots[-1]["snapshotId"]

        # A wrong secret: 401, and no report is created.
        params = {"name": "mcp report: last 2 h", "startSnapshotId": str(start),
                  "endSnapshotId": str(end)}
        status, _, body = signed(url, "POST", base + "/reports", params, secret="not-the-secret")
        assert status == 401, (status, body[:300])
        assert signed_json(url, "GET", base + "/reports")["data"]["contents"] == []

        # The report: parameters in the query (a space and a colon in the name), no body.
        report = signed_json(url, "POST", base + "/reports", params)["data"]
        assert report["name"] == params["name"] and report["status"] == "CREATING", report
        task = f"/api/v2/tasks/instances/{report['taskInstanceId']}"
        while signed_json(url, "GET", task)["data"]["status"] != "SUCCESSFUL":
            status, _, _ = signed(url, "POST", "/__mock/clock/advance", {"seconds": "20"})
            assert status == 200, status

        # The download: id and reportId repeated in the query, Accept */*.
        report_path = f"{base}/reports/{report['id']}"
        status, content_type, html = signed(
            url, "GET", report_path, {"id": CLUSTER_ID, "reportId": report["id"]}, accept="*/*")
        assert status == 200 and content_type.startswith("text/html"), (status, content_type)
        assert params["name"].encode() in html, html[:200]

        # The journal: every signed call is the admin's, the query exactly as encoded.
        with urllib.request.urlopen(url + "/__mock/requests?size=100", timeout=10) as answer:
            journal = json.loads(answer.read())["data"]["contents"][::-1]
        posts = [e for e in journal if e["method"] == "POST" and e["path"] == base + "/reports"]
        assert [e["status"] for e in posts] == [401, 200], posts
        assert posts[1]["user"] == "admin", posts[1]
        assert posts[1]["query"] == encoded_query(params), posts[1]["query"]
        download = next(e for e in journal if e["path"] == report_path)
        assert download["query"] == f"id={CLUSTER_ID}&reportId={report['id']}", download
        assert all(e["user"] == "admin" for e in journal if e["status"] == 200), journal
        print(f"ok: report {report['id']} from snapshots {start} to {end}, signed with AK/SK, "
              f"{len(html)} bytes of HTML; a wrong secret was refused with 401")
        return 0
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
