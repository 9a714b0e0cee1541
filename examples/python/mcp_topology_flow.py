#!/usr/bin/env python3
"""The OceanBase MCP server's cluster, tenant, parameter and OBProxy tools against ocp-mock.

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/mcp_topology_flow.py build/mock/ocp-mock

Every request is built as the MCP server's ocp_tool.py builds it (oceanbase/awesome-oceanbase-mcp
@ bcdfae0, src/ocp_mcp_server/ocp_mcp/; docs/reference/ocp-client-calls.md section 1.2) and sent
by mcp_ocp_client.py, OCPClient's signing shared with mcp_awr_flow.py: AK/SK with
`x-ocp-origin: mcp-server`, the query sorted and quote(safe='')-encoded, `page` and `size` as
strings, a status list as one comma-separated string, zone, user and role names raw in the path.
It calls all 23 tools of issue 27 on every cluster, tenant and OBProxy cluster the
mock serves (the Oracle tenants' roles and objects in the versions that have Oracle tenants), checks that each answer holds the fields the tool's description promises
(mcp_tools.py), and checks what an assistant adding the answers up relies on
(mcp_topology_checks.py): zones, servers, units and the tenants' resource pools agree, serverStats
sum to stats, a parameter PUT shows in the next GET and a refused one changes nothing, the OBProxy
clusters link to the clusters and users served. Then the journal must show every call as sent,
signed with the admin's access key. It does so in every OCP version that accepts AK/SK (4.0.3 on);
3.1.1 and 4.0.0 accept Basic only, so there the MCP server's first call is refused 401.
Exits 0 when every check holds.
"""

import subprocess
import sys
import urllib.request

import mcp_tools as tool
import mcp_topology_checks as check
from mcp_ocp_client import McpOcpClient, journal
from mcp_tools import holds
from wait_task import start_mock

# The bundled viewer's access key (fixtures/users.json): CLUSTER_VIEWER, not CLUSTER_MANAGER.
VIEWER_KEY = ("viewerAccessKey1", "viewer-secret-key-0001")


def all_pages(client, request_of_page):
    """Every element of a paged list, asking page after page as the tool would (size 10)."""
    items, page = [], 1
    while True:
        data = client.call(*request_of_page(page))["data"]
        holds(data["page"], "page")
        items += data["contents"]
        if page >= data["page"]["totalPages"]:
            assert len(items) == data["page"]["totalElements"], data["page"]
            return items
        page += 1


def check_cluster(client, cluster, obproxy_links):
    """Every read tool on one cluster and its tenants; the number of calls made."""
    before = len(client.sent)
    cid = cluster["id"]
    zones = check.zones(client, cluster)
    servers = check.servers(client, cluster, zones)
    units = check.units(client, cluster, servers)
    check.stats(client, cluster, servers, units)
    check.cluster_parameters(client, cid, servers)
    tenants = all_pages(client, lambda page: tool.get_cluster_tenants(cid, page=page))
    assert len(tenants) == cluster["tenantCount"], (cid, len(tenants), cluster["tenantCount"])
    pool_zones, sys_users = set(), None
    for tenant in tenants:
        holds(tenant, "tenant")
        detail = check.tenant_units(client, cid, tenant, servers, units)
        pool_zones |= {zone["name"] for zone in detail["zones"]}
        check.tenant_parameters(client, cid, tenant)
        users = check.tenant_objects(client, cid, tenant, servers)
        if tenant["name"] == "sys":
            sys_users = set(users)
    if cid in obproxy_links:  # the users OBProxy clusters log in as are the sys tenant's
        assert sys_users is not None and obproxy_links[cid] <= sys_users, (cid, sys_users)
    if tenants:  # the zones are the ones the tenants' resource pools name
        assert pool_zones == {zone["name"] for zone in zones}, (cid, pool_zones)
    # MYSQL: the one mode every version documents (4.2.0's community edition has no ORACLE).
    mysql = all_pages(client, lambda page: tool.get_cluster_tenants(cid, page=page, mode="MYSQL"))
    assert [t["id"] for t in mysql] == [t["id"] for t in tenants if t["mode"] == "MYSQL"], mysql
    return len(client.sent) - before


def check_signing(url, sent):
    """A wrong secret, and a signed x-ocp-origin left out of the request, are refused 401: the
    journal keeps no header, so this is how the example shows the mock reads x-ocp-origin."""
    client = McpOcpClient(url, sent=sent)
    status, _, _ = client.send(*tool.get_clusters(), secret="not-the-secret")
    assert status == 401, status
    status, _, body = client.send(*tool.get_clusters(), unsigned_headers=("x-ocp-origin",))
    assert status == 401, (status, body[:300])


def check_journal(url, sent):
    """The journal holds every call sent, in order, each with its access key and user."""
    entries = journal(url)
    assert len(entries) == len(sent), (len(entries), len(sent))
    for entry, call in zip(entries, sent):
        assert {k: entry.get(k) for k in call} == call, (entry, call)
        # OCPClient sets Content-Type on every request; the journal keeps no other header.
        assert entry["contentType"] == "application/json", entry
        user = {VIEWER_KEY[0]: "viewer"}.get(call["accessKey"], "admin")
        assert entry["user"] == (user if call["status"] != 401 else ""), entry
    return len(entries)


def run(binary, version):
    process, url = start_mock(binary, "--ocp-version", version)
    tool.called.clear()
    try:
        sent = []
        admin = McpOcpClient(url, sent=sent)
        if version in ("3.1.1", "4.0.0"):  # Basic only: the MCP server cannot sign in
            status, envelope = admin.refused(*tool.get_clusters())
            assert status == 401 and "AK/SK" in envelope["error"]["message"], envelope
            return f"{version}: AK/SK refused with 401, as this version accepts Basic only"
        clusters = all_pages(admin, lambda page: tool.get_clusters(page=page))
        for cluster in clusters:
            holds(cluster, "cluster")
        check.cluster_filters(admin, clusters)
        obproxy_links = check.obproxies(admin, clusters)
        calls = sum(check_cluster(admin, c, obproxy_links) for c in clusters)
        changed = check.parameter_changes(admin, McpOcpClient(url, *VIEWER_KEY, sent=sent),
                                          clusters, version)
        check_signing(url, sent)
        recorded = check_journal(url, sent)
        reset = urllib.request.Request(url + "/__mock/reset?only=parameters", method="POST")
        with urllib.request.urlopen(reset, timeout=10) as answer:
            assert answer.status == 200
        check.parameters_at_defaults(admin, changed)
        unused = [name for name in tool.TOOLS if name not in tool.called]
        return (f"{version}: {len(clusters)} clusters, {calls} calls on them; "
                f"{len(changed)} parameter changes round-tripped and reset; "
                f"{recorded} calls journaled as sent; tools not called: {unused or 'none'}")
    finally:
        process.terminate()
        process.wait()


def main(binary):
    listed = subprocess.run([binary, "--list-versions"], check=True, capture_output=True,
                            text=True).stdout
    versions = [line.split()[0] for line in listed.splitlines() if line.strip()]
    assert {"3.1.1", "4.0.0", "4.2.2"} <= set(versions), versions
    every = set()
    for version in versions:
        print("ok:", run(binary, version))
        every |= tool.called
    assert every == set(tool.TOOLS), sorted(set(tool.TOOLS) - every)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
