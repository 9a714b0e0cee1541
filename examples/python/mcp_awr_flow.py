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
and changes nothing. The journal then says who sent what. Exits 0 when every check holds. The
client is mcp_ocp_client.py's, which mcp_topology_flow.py shares.
"""

import sys

from mcp_ocp_client import McpOcpClient, encoded_query, journal
from wait_task import start_mock

CLUSTER_ID = 2


def main(binary):
    process, url = start_mock(binary)
    try:
        client = McpOcpClient(url)
        base = f"/api/v2/ob/clusters/{CLUSTER_ID}/performance/workload"
        snapshots = client.call("GET", base + "/snapshots")["data"]["contents"]
        start, end = snapshots[-3]["snapshotId"], snapshots[-1]["snapshotId"]

        # A wrong secret: 401, and no report is created.
        params = {"name": "mcp report: last 2 h", "startSnapshotId": str(start),
                  "endSnapshotId": str(end)}
        status, _, body = client.send("POST", base + "/reports", params, secret="not-the-secret")
        assert status == 401, (status, body[:300])
        assert client.call("GET", base + "/reports")["data"]["contents"] == []

        # The report: parameters in the query (a space and a colon in the name), no body.
        report = client.call("POST", base + "/reports", params)["data"]
        assert report["name"] == params["name"] and report["status"] == "CREATING", report
        task = f"/api/v2/tasks/instances/{report['taskInstanceId']}"
        while client.call("GET", task)["data"]["status"] != "SUCCESSFUL":
            status, _, _ = client.send("POST", "/__mock/clock/advance", {"seconds": "20"})
            assert status == 200, status

        # The download: id and reportId repeated in the query, Accept */*.
        report_path = f"{base}/reports/{report['id']}"
        status, content_type, html = client.send(
            "GET", report_path, {"id": CLUSTER_ID, "reportId": report["id"]}, accept="*/*")
        assert status == 200 and content_type.startswith("text/html"), (status, content_type)
        assert params["name"].encode() in html, html[:200]

        # The journal: every signed call is the admin's, the query exactly as encoded.
        entries = journal(url)
        posts = [e for e in entries if e["method"] == "POST" and e["path"] == base + "/reports"]
        assert [e["status"] for e in posts] == [401, 200], posts
        assert posts[1]["user"] == "admin", posts[1]
        assert posts[1]["query"] == encoded_query(params), posts[1]["query"]
        download = next(e for e in entries if e["path"] == report_path)
        assert download["query"] == f"id={CLUSTER_ID}&reportId={report['id']}", download
        assert all(e["user"] == "admin" for e in entries if e["status"] == 200), entries
        print(f"ok: report {report['id']} from snapshots {start} to {end}, signed with AK/SK, "
              f"{len(html)} bytes of HTML; a wrong secret was refused with 401")
        return 0
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
