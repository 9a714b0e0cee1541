#!/usr/bin/env python3
"""An assistant's diagnosis through the OceanBase MCP server's tools, against ocp-mock.

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/mcp_diagnosis_flow.py build/mock/ocp-mock

A test first steers the mock through /__mock/ (docs/alarms.md, docs/monitor.md,
docs/sql-diagnostics.md): one OBServer of cluster 1 runs at 95% CPU for ten minutes, a host
alarm says so, and tenant 171 (`trade`, MySQL) runs a slow statement meanwhile. Then the
assistant plays its diagnosis with the MCP server's tools, each request built as ocp_tool.py
builds it (mcp_diagnosis_tools.py) and signed as OCPClient signs it (mcp_ocp_client.py):

1. it finds the raised alarm among the active ones (get_alarms) and reads it (get_alarm_detail);
2. it reads the CPU series of that server around the alarm (get_metric_data_with_label);
3. it finds the tenant's slow SQL in the same window (get_tenant_slow_sql, get_tenant_top_sql);
4. it reads the statement's text (get_sql_text), then its plan and plan tree as another client
   does (topPlan, explain).

Then two fresh runs with the same --clock-start and --seed must answer the same calls with the
same data, and a clock advance must move a default window.

Each step asserts the values the test steered: the alarm's server and level, 95% at every point
inside the window and below it outside, the statement's text and elapsed time. The journal must
show the steering on the control plane and the assistant's calls on the OCP plane. The mock runs
with a fixed clock start and seed (--clock-start, --seed), so the run is the same every time.
Exits 0 when every check holds.
"""

import json
import sys
import urllib.request
from datetime import datetime, timedelta, timezone

import mcp_diagnosis_tools as tool
from mcp_ocp_client import McpOcpClient, encoded_query
from wait_task import start_mock

CLOCK_START = datetime(2026, 12, 5, 8, 0, 0, tzinfo=timezone.utc)
CLUSTER, TENANT = 1, 171
SLOW_SQL = "SELECT o.id, o.amount FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.region = ? ORDER BY o.created_at DESC"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def steer(url, path, body):
    """A test's POST to the control plane; its `data`."""
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())["data"]


def journal_count(url, **filters):
    with urllib.request.urlopen(f"{url}/__mock/requests/count?{encoded_query(filters)}",
                                timeout=10) as answer:
        return json.loads(answer.read())["data"]["count"]


def set_the_scene(url, client):
    """What the test steers: the server, its CPU, the alarm, the slow statement."""
    servers = client.call("GET", f"/api/v2/ob/clusters/{CLUSTER}/servers")["data"]["contents"]
    server = next(s for s in servers if s["status"] == "RUNNING")
    ip = server["ip"]
    window = (CLOCK_START, CLOCK_START + timedelta(minutes=10) - timedelta(seconds=1))
    steer(url, "/__mock/metricOverrides", {
        "metric": "cpu_percent", "labels": {"svr_ip": ip},
        "startTime": iso(window[0]), "endTime": iso(window[1]), "value": 95})
    alarm = steer(url, "/__mock/alarms", {
        "scope": "Host", "level": 2, "target": f"svr_ip={ip}",
        "summary": f"svr_ip={ip} CPU usage 95% over the threshold"})
    steer(url, "/__mock/slowSql", {
        "clusterId": CLUSTER, "tenantId": TENANT, "sqlText": SLOW_SQL, "elapsedMs": 5400,
        "executions": 120, "startTime": iso(window[0]), "endTime": iso(window[1])})
    # Twenty minutes later on the mock clock: the window is past, the alarm still active.
    steer(url, "/__mock/clock/advance?seconds=1200", {})
    return ip, alarm["id"], window


def find_the_alarm(client, ip, raised_id):
    """Step 1: the active alarms, paged as the tool pages them, then the one naming the server."""
    alarms = client.call(*tool.get_alarms(status="Active", keyword=ip))["data"]["contents"]
    ours = [a for a in alarms if a["id"] == raised_id]
    assert ours, (raised_id, [a["id"] for a in alarms])
    detail = client.call(*tool.get_alarm_detail(raised_id))["data"]
    assert detail["level"] == 2 and ip in detail["summary"] and detail["status"] == "Active", detail
    return detail


def read_the_cpu(client, ip, alarm, window):
    """Step 2: the server's CPU, a minute a point, from ten minutes before the alarm opened to
    twenty after: 95 inside the steered window, below it outside."""
    opened = datetime.fromisoformat(alarm["activeAt"])
    assert opened == window[0], (alarm["activeAt"], window)
    start, end = opened - timedelta(minutes=10), opened + timedelta(minutes=20)
    data = client.call(*tool.get_metric_data_with_label(
        iso(start), iso(end), "cpu_percent", "svr_ip", 60, f"app:ob,svr_ip:{ip}"))["data"]
    series = [g for g in data["contents"] if g.get("svr_ip") == ip]
    assert len(series) == 1, data
    points = series[0]["data"]
    inside = [p for p in points if window[0].timestamp() <= p["timestamp"] <= window[1].timestamp()]
    outside = [p for p in points if p not in inside]
    assert len(inside) == 10 and all(p["cpu_percent"] == 95 for p in inside), inside
    assert outside and all(p["cpu_percent"] < 95 for p in outside), outside
    assert all(start.timestamp() <= p["timestamp"] <= end.timestamp() for p in points)
    return points


def find_the_slow_sql(client, window):
    """Step 3: the tenant's slow SQL over the window holds the statement as steered; so does
    its top SQL."""
    start, end = iso(window[0]), iso(window[1])
    slow = client.call(*tool.get_tenant_slow_sql(CLUSTER, TENANT, start, end))["data"]["contents"]
    ours = [s for s in slow if SLOW_SQL.startswith(s["sqlTextShort"].rstrip("."))]
    assert len(ours) == 1, [s["sqlTextShort"] for s in slow]
    statement = ours[0]
    assert abs(statement["avgElapsedTime"] - 5400) < 1 and statement["executions"] >= 120, statement
    top = client.call(*tool.get_tenant_top_sql(CLUSTER, TENANT, start, end))["data"]["contents"]
    assert statement["sqlId"] in [s["sqlId"] for s in top]
    return statement


def read_the_statement(client, statement, window):
    """Step 4: its full text, its plan and the plan's operator tree."""
    start, end = iso(window[0]), iso(window[1])
    sql_id = statement["sqlId"]
    text = client.call(*tool.get_sql_text(CLUSTER, TENANT, sql_id, start, end))["data"]
    assert text["fulltext"] == SLOW_SQL, text
    plans = client.call(*tool.get_sql_top_plan(CLUSTER, TENANT, sql_id, start, end))["data"]
    assert plans["contents"], plans
    uid = plans["contents"][0]["uid"]
    tree = client.call(*tool.get_plan_explain(CLUSTER, TENANT, uid, start, end))["data"]
    assert tree, tree
    return tree


def same_after_restart(binary):
    """Determinism, as a client sees it: two runs with the same clock start and seed answer the
    same data to the same calls (the metric series over their default window, the last 30
    minutes; the tenant's top SQL; the alarms), and a clock advance moves the default window."""
    calls = [
        tool.get_metric_data_with_label(None, None, "sql_all_count,cpu_percent", "svr_ip", 60,
                                        "app:ob"),
        tool.get_tenant_top_sql(CLUSTER, TENANT, iso(CLOCK_START - timedelta(hours=1)),
                                iso(CLOCK_START)),
        tool.get_alarms(size=100),
    ]
    # The series without times: the default window, relative to the mock clock's now (the MCP
    # tool always sends both; a client that leaves them out gets the last 30 minutes).
    for key in ("startTime", "endTime"):
        calls[0][2].pop(key)
    answers = []
    for _ in range(2):
        process, url = start_mock(binary, "--clock-start", iso(CLOCK_START), "--seed", "28")
        try:
            client = McpOcpClient(url)
            answers.append([json.dumps(client.call(*c)["data"], sort_keys=True) for c in calls])
            if len(answers) == 2:
                steer(url, "/__mock/clock/advance?seconds=60", {})
                moved = client.call(*calls[0])["data"]["contents"][0]["data"]
                before = json.loads(answers[0][0])["contents"][0]["data"]
                assert moved[0]["timestamp"] == before[0]["timestamp"] + 60, (moved[0], before[0])
        finally:
            process.terminate()
            process.wait()
    assert answers[0] == answers[1], "a restart with the same --clock-start and --seed differs"
    assert json.loads(answers[0][0])["contents"], answers[0][0]


def main(binary):
    process, url = start_mock(binary, "--clock-start", iso(CLOCK_START), "--seed", "28")
    try:
        client = McpOcpClient(url)
        ip, alarm_id, window = set_the_scene(url, client)
        alarm = find_the_alarm(client, ip, alarm_id)
        read_the_cpu(client, ip, alarm, window)
        statement = find_the_slow_sql(client, window)
        read_the_statement(client, statement, window)
        assert journal_count(url, plane="control", method="POST") == 4
        assert journal_count(url, path="/api/v2/*") == len(client.sent), client.sent
        assert journal_count(url, path="/api/v2/*", status=200) == len(client.sent)
        print(f"diagnosis: alarm {alarm_id} on {ip}, CPU 95% over the window, slow SQL "
              f"{statement['sqlId']} ({statement['avgElapsedTime']} ms), its text, plan and tree; "
              f"{len(client.sent)} calls and 4 steering calls journaled")
    finally:
        process.terminate()
        process.wait()
    same_after_restart(binary)
    print("determinism: the same data after a restart with the same --clock-start and --seed; "
          "a 60 s advance moves the default window by 60 s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
