"""What an assistant adding up the MCP server's answers relies on, checked call by call.

Used by mcp_topology_flow.py. Each function calls some of issue 27's tools (mcp_tools.py) through
an McpOcpClient, checks every element holds what the tool promises, and checks the answers
against each other (issue 27, "One consistent world"; docs/reference/ocp-cluster-topology.md
section 16.1): a zone's servers are the servers of that zone, a unit sits on a server of its
zone, a tenant's units follow its resource pools, a server's stats add up its units' and the
cluster's stats its servers', each parameter is held by every server, and the OBProxy clusters
link to the clusters and users served.
"""

import collections

import mcp_tools as tool
from mcp_tools import connection_type, holds


def contents(client, request):
    return client.call(*request)["data"]["contents"]


def cluster_filters(client, clusters):
    """The list tool's status (one comma string), name and sort parameters."""
    statuses = sorted({c["status"] for c in clusters})
    got = contents(client, tool.get_clusters(size=2000, status=",".join(statuses)))
    assert len(got) == len(clusters), (statuses, len(got))
    for status in statuses:
        got = contents(client, tool.get_clusters(size=2000, status=status))
        assert [c["id"] for c in got] == [c["id"] for c in clusters if c["status"] == status]
    name = clusters[-1]["name"]
    got = contents(client, tool.get_clusters(name=name.upper()))  # a case-insensitive keyword
    assert name in [c["name"] for c in got], (name, got)
    got = contents(client, tool.get_clusters(size=2000, sort="name,asc"))
    assert [c["name"] for c in got] == sorted(c["name"] for c in clusters), got


def zones(client, cluster):
    """The zones, each with its servers; the zone-servers tool agrees with each."""
    cid = cluster["id"]
    found = [holds(z, "zone") for z in contents(client, tool.get_cluster_zones(cid))]
    assert [z["name"] for z in found] == [z["name"] for z in cluster["zones"]], (cid, found)
    for zone, listed in zip(found, cluster["zones"]):  # the cluster list's zones
        assert zone["servers"] == listed["servers"], (cid, zone["name"], listed)
    assert sorted(z["rootServer"]["address"] for z in found if "rootServer" in z) == sorted(
        r["address"] for r in cluster["rootServers"]), (cid, cluster["rootServers"])
    for zone in found:
        assert zone["clusterId"] == cid and zone["obClusterId"] == cluster["obClusterId"], zone
        assert zone["serverCount"] == len(zone["servers"]) == zone["hostCount"], zone
        for server in zone["servers"]:
            assert server["zoneName"] == zone["name"] and server["clusterId"] == cid, server
            assert (server["regionName"], server["idcName"]) == (zone["regionName"],
                                                                zone["idcName"]), server
        roots = [s for s in zone["servers"] if s["withRootserver"]]
        if "rootServer" in zone:
            assert [f"{s['ip']}:{s['port']}" for s in roots] == [zone["rootServer"]["address"]]
        in_zone = contents(client, tool.get_zone_servers(cid, zone["name"]))
        assert in_zone == zone["servers"], (cid, zone["name"], in_zone)
    assert sum(z["serverCount"] for z in found) == cluster["serverCount"], cluster
    assert len({z["regionName"] for z in found}) == cluster["regionCount"], cluster
    return found


def servers(client, cluster, found_zones):
    """The servers: the zones' servers, one per host; the region and IDC filters."""
    cid = cluster["id"]
    every = [holds(s, "server") for s in contents(client, tool.get_cluster_servers(cid))]
    by_id = {s["id"]: s for z in found_zones for s in z["servers"]}
    assert sorted(s["id"] for s in every) == sorted(by_id), (cid, every)
    for s in every:
        assert s == by_id[s["id"]], (s, by_id[s["id"]])
    assert len({(s["hostId"], s["zoneName"]) for s in every}) == len(every), every
    for region in {s["regionName"] for s in every} | {"no-such-region"}:
        got = contents(client, tool.get_cluster_servers(cid, region_name=region))
        assert got == [s for s in every if s["regionName"] == region], (region, got)
    for idc in {s["idcName"] for s in every}:
        got = contents(client, tool.get_cluster_servers(cid, idc_name=idc))
        assert got == [s for s in every if s["idcName"] == idc], (idc, got)
        region = next(s["regionName"] for s in every if s["idcName"] == idc)
        # Both: the query is idcName=…&regionName=…, sorted.
        got = contents(client, tool.get_cluster_servers(cid, region, idc))
        assert got == [s for s in every if (s["regionName"], s["idcName"]) == (region, idc)]
    return every


def units(client, cluster, found_servers):
    """The cluster's units, each on a server of its zone."""
    at = {(s["ip"], s["port"]): s for s in found_servers}
    found = [holds(u, "unit info") for u in contents(client, tool.get_cluster_units(cluster["id"]))]
    for unit in found:
        holds(unit["unitConfig"], "unit config")
        server = at[(unit["svrIp"], unit["svrPort"])]
        assert unit["zone"] == server["zoneName"], (unit, server)
    assert len({u["obUnitId"] for u in found}) == len(found), found
    return found


def stats(client, cluster, found_servers, found_units):
    """serverStats: one per server, each its units' sum; stats: the servers' sum."""
    cid = cluster["id"]
    per_server = [holds(s, "server stats")
                  for s in contents(client, tool.get_cluster_server_stats(cid))]
    assert sorted((s["ip"], s["port"], s["zone"]) for s in per_server) == sorted(
        (s["ip"], s["port"], s["zoneName"]) for s in found_servers), per_server
    sums = {"cpuAssigned": ("unitConfig", "minCpuCoreCount"),
            "memoryAssignedByte": ("unitConfig", "minMemoryByte"),
            "logDiskAssignedByte": ("unitConfig", "logDiskSizeByte"),
            "logDiskUsedByte": (None, "logDiskUsedByte"),
            "dataDiskUsedByte": (None, "dataDiskUsedByte")}
    for s in per_server:
        on = [u for u in found_units if (u["svrIp"], u["svrPort"]) == (s["ip"], s["port"])]
        assert s["unitCount"] == len(on), (s, on)
        for field, (inner, unit_field) in sums.items():
            total = sum((u[inner] if inner else u)[unit_field] for u in on)
            assert abs(s[field] - total) < 1e-6, (s["ip"], field, s[field], total)
        for used, total in (("cpuAssigned", "cpuTotal"), ("memoryAssignedByte", "memoryTotalByte"),
                            ("logDiskUsedByte", "logDiskTotalByte"),
                            ("dataDiskUsedByte", "dataDiskTotalByte")):
            assert 0 <= s[used] <= s[total], (s["ip"], used, total)
    whole = holds(client.call(*tool.get_cluster_stats(cid))["data"], "cluster stats")
    assert (whole["clusterId"], whole["clusterName"], whole["obClusterId"]) == (
        cid, cluster["name"], cluster["obClusterId"]), whole
    for field, value in whole.items():
        if isinstance(value, (int, float)) and field in per_server[0] and field != "timestamp":
            total = sum(s[field] for s in per_server)
            assert abs(value - total) < 1e-6, (cid, field, value, total)
    assert whole["unitCount"] == len(found_units), whole
    if "tenantCount" in whole:
        assert whole["tenantCount"] == cluster["tenantCount"], whole


def tenant_units(client, cid, tenant, found_servers, found_units):
    """A tenant's detail and units: the units follow its resource pools."""
    tid = tenant["id"]
    detail = holds(client.call(*tool.get_tenant_detail(cid, tid))["data"], "tenant detail")
    assert {k: detail[k] for k in tool.PROMISES["tenant"]} == {
        k: tenant[k] for k in tool.PROMISES["tenant"]}, (detail, tenant)
    mine = [holds(u, "tenant unit") for u in contents(client, tool.get_tenant_units(cid, tid))]
    assert sorted(u["id"] for u in mine) == sorted(
        u["id"] for z in detail["zones"] for u in z["units"]), (mine, detail["zones"])
    servers_by_id = {s["id"]: s for s in found_servers}
    info = {u["obUnitId"]: u for u in found_units if u["tenantId"] == tid}
    assert sorted(info) == sorted(u["id"] for u in mine), (tid, info, mine)
    for zone in detail["zones"]:
        pool = zone["resourcePool"]
        in_zone = [u for u in mine if u["zoneName"] == zone["name"]]
        assert len(in_zone) == pool["unitCount"], (tid, zone, in_zone)
        for unit in in_zone:
            server = servers_by_id[unit["serverId"]]
            assert (server["ip"], server["port"], server["zoneName"]) == (
                unit["serverIp"], unit["serverPort"], unit["zoneName"]), (unit, server)
            assert unit["resourcePoolId"] == pool["id"] == info[unit["id"]]["resourcePoolId"]
            given = info[unit["id"]]["unitConfig"]
            for field in ("maxCpuCoreCount", "minCpuCoreCount", "maxMemorySize", "minMemorySize"):
                assert given[field] == pool["unitConfig"][field], (tid, field, given, pool)
        got = contents(client, tool.get_tenant_units(cid, tid, zone_name=zone["name"]))
        assert got == in_zone, (tid, zone["name"], got)
    return detail


def cluster_parameters(client, cid, found_servers):
    """Each cluster parameter is held by every server of the cluster, one value each."""
    every = {f"{s['ip']}:{s['port']}": s for s in found_servers}
    for p in contents(client, tool.get_cluster_parameters(cid)):
        holds(p, "cluster parameter")
        value = holds(p["currentValue"], "cluster parameter value")
        held = {}
        for ob in value["obParameters"]:
            holds(ob, "ob parameter")
            key = f"{ob['svrIp']}:{ob['svrPort']}"
            assert ob["name"] == p["name"] and ob["zone"] == every[key]["zoneName"], ob
            held[key] = ob["value"]
        assert sorted(held) == sorted(every), (p["name"], held)
        assert sorted(value["values"]) == sorted(set(held.values())), p
        assert {v: sorted(k) for v, k in value["valueToServers"].items()} == {
            v: sorted(k for k, x in held.items() if x == v) for v in value["values"]}, p
        assert value["singleValueInCluster"] == (len(value["values"]) == 1), p


def tenant_parameters(client, cid, tenant):
    """The tenant's parameters and variables; its compatibility mode is its mode."""
    found = {p["name"]: holds(p, "tenant parameter")
             for p in contents(client, tool.get_tenant_parameters(cid, tenant["id"]))}
    for p in found.values():
        assert p["parameterType"] in ("OB_TENANT_PARAMETER", "OB_SYSTEM_VARIABLE"), p
    if "ob_compatibility_mode" in found:
        assert found["ob_compatibility_mode"]["currentValue"] == tenant["mode"], tenant
    return found


def tenant_objects(client, cid, tenant, found_servers):
    """Databases (MySQL), users, roles and objects (Oracle); the users' names."""
    tid, mode = tenant["id"], tenant["mode"]
    sql_at = {f"-h{s['ip']} -P{s['sqlPort']}" for s in found_servers} | {
        f"{s['ip']}:{s['sqlPort']}" for s in found_servers}
    users = {u["username"]: u for u in contents(client, tool.get_tenant_users(cid, tid))}
    for user in users.values():
        holds(holds(user, "user"), mode + " user")
        for connection in user["connectionStrings"]:
            if connection_type(connection) == "DIRECT":
                assert any(at in connection["connectionString"] for at in sql_at), connection
        detail = client.call(*tool.get_tenant_user_detail(cid, tid, user["username"], "%"))
        assert detail["data"] == user, (detail["data"], user)
    assert ("root" if mode == "MYSQL" else "SYS") in users, (tid, sorted(users))
    if mode == "MYSQL":
        databases = [holds(d, "database") for d in contents(client,
                                                           tool.get_tenant_databases(cid, tid))]
        names = {d["dbName"] for d in databases}
        assert {"oceanbase", "information_schema"} <= names, names
        for d in databases:
            assert all(connection_type(c) for c in d["connectionUrls"]), d
        for user in users.values():
            assert set(user["accessibleDatabases"]) <= names, user
            assert {p["dbName"] for p in user["dbPrivileges"]} <= names, user
    else:
        oracle_objects(client, cid, tid, users)
    return users


def oracle_objects(client, cid, tid, users):
    """Roles agree with the users they are granted to; objects belong to users' schemas."""
    roles = {r["name"]: holds(r, "role") for r in contents(client, tool.get_tenant_roles(cid, tid))}
    assert {"CONNECT", "RESOURCE", "DBA", "PUBLIC"} <= set(roles), sorted(roles)
    for name, role in roles.items():
        assert client.call(*tool.get_tenant_role_detail(cid, tid, name))["data"] == role
        assert sorted(role["userGrantees"]) == sorted(
            u for u, user in users.items() if name in user["grantedRoles"]), (role, users)
    for user in users.values():
        assert set(user["grantedRoles"]) <= set(roles), user
    for obj in contents(client, tool.get_tenant_objects(cid, tid)):
        holds(obj, "object")
        assert obj["objectType"] in ("TABLE", "VIEW", "STORED_PROCEDURE"), obj
        assert obj["fullName"] == f"{obj['schemaName']}.{obj['objectName']}", obj
        assert obj["schemaName"] in users, (obj, sorted(users))


def obproxies(client, clusters):
    """OBProxy clusters: detail = list element, links to served clusters, parameters per proxy.

    Answers {OceanBase cluster id: the usernames OBProxy clusters connect to it as}.
    """
    served = {c["id"]: c for c in clusters}
    links = collections.defaultdict(set)
    listed = contents(client, tool.get_obproxy_clusters(size=2000))
    for proxy in listed:
        holds(proxy, "obproxy cluster")
        if proxy.get("workMode") == "CONFIG_URL":
            assert proxy["configUrl"], proxy
        detail = client.call(*tool.get_obproxy_cluster_detail(proxy["id"]))["data"]
        assert detail == proxy, (detail, proxy)
        for link in proxy["obLinks"]:
            holds(link, "ob link")
            cluster = served[link["clusterId"]]
            assert (link["clusterName"], link["obClusterId"]) == (cluster["name"],
                                                                  cluster["obClusterId"]), link
            links[link["clusterId"]].add(link["username"])
        ips = [holds(p, "obproxy")["ip"] for p in proxy["obproxies"]]
        assert all(p["clusterId"] == proxy["id"] for p in proxy["obproxies"]), proxy
        assert {v["version"]: v["count"] for v in proxy["versions"]} == dict(
            collections.Counter(p["version"] for p in proxy["obproxies"])), proxy
        assert {t["idcName"]: t["count"] for t in proxy["topo"]} == dict(
            collections.Counter(p["idcName"] for p in proxy["obproxies"])), proxy
        for p in contents(client, tool.get_obproxy_cluster_parameters(proxy["id"])):
            holds(p, "obproxy parameter")
            holding = [ip for v in p["values"] for ip in v["obproxies"]]
            assert sorted(holding) == sorted(ips), (proxy["id"], p)
    first = contents(client, tool.get_obproxy_clusters(page=1, size=1))
    assert first == listed[:1], first
    return links


# OCP's codes for a value a parameter cannot take and for a tenant parameter it does not have,
# per version (docs/reference/ocp-cluster-topology.md section 14, R2 and R10; 3.1.1 and 4.0.0
# take no AK/SK). The HTTP status is the mock's, 400 (docs/parameters.md, "Changes").
REFUSAL_CODES = {"4.2.2": ("OBE31202", "OBE31301")}
NUMERIC_REFUSAL_CODES = (11056, 15060)


def parameter_changes(admin, viewer, clusters, version):
    """PUT round trips, a refused value, a refused caller; what was changed, to undo."""
    bad_value, unknown = REFUSAL_CODES.get(version, NUMERIC_REFUSAL_CODES)
    cid = clusters[0]["id"]
    other = clusters[1]["id"]

    def cluster_value(cluster_id, name):
        found = {p["name"]: p for p in contents(admin, tool.get_cluster_parameters(cluster_id))}
        return found[name]["currentValue"]["values"]

    name = "memory_limit_percentage"
    default = cluster_value(cid, name)
    put = tool.set_cluster_parameters(cid, [{"name": name, "value": "75"}])
    answer = admin.call(*put)
    assert "data" not in answer, answer  # the envelope alone, as OCP's sample
    assert cluster_value(cid, name) == ["75"] and cluster_value(other, name) == default
    status, refused = admin.refused(*tool.set_cluster_parameters(cid, [{"name": name,
                                                                        "value": "95"}]))
    assert status == 400 and refused["error"]["code"] == bad_value, refused
    assert name in refused["error"]["message"], refused
    status, refused = viewer.refused(*tool.set_cluster_parameters(cid, [{"name": name,
                                                                         "value": "70"}]))
    assert status == 403, (status, refused)
    assert cluster_value(cid, name) == ["75"], "a refused PUT changed the parameter"
    changed = [("cluster", cid, None, name, default[0])]

    tenant = contents(admin, tool.get_cluster_tenants(cid))[0]
    before = tenant_parameters(admin, cid, tenant)
    wanted = [{"name": "ob_query_timeout", "value": "20000000",
               "parameterType": "OB_SYSTEM_VARIABLE"},
              {"name": "freeze_trigger_percentage", "value": "30",
               "parameterType": "OB_TENANT_PARAMETER"}]
    bad = [wanted[0], dict(wanted[1], parameterType="OB_SYSTEM_VARIABLE")]  # not its type
    status, refused = admin.refused(*tool.set_tenant_parameters(cid, tenant["id"], bad))
    assert status == 400 and refused["error"]["code"] == unknown, refused
    assert "freeze_trigger_percentage" in refused["error"]["message"], refused
    assert tenant_parameters(admin, cid, tenant) == before, "a refused PUT changed a value"
    admin.call(*tool.set_tenant_parameters(cid, tenant["id"], wanted))
    after = tenant_parameters(admin, cid, tenant)
    for p in wanted:
        assert after[p["name"]]["currentValue"] == p["value"], after[p["name"]]
        assert after[p["name"]]["parameterType"] == p["parameterType"], after[p["name"]]
        changed.append(("tenant", cid, tenant, p["name"], before[p["name"]]["defaultValue"]))
    return changed


def parameters_at_defaults(client, changed):
    """After POST /__mock/reset?only=parameters, every changed parameter is at its default."""
    for kind, cid, tenant, name, default in changed:
        if kind == "cluster":
            found = {p["name"]: p for p in contents(client, tool.get_cluster_parameters(cid))}
            assert found[name]["currentValue"]["values"] == [default], found[name]
        else:
            assert tenant_parameters(client, cid, tenant)[name]["currentValue"] == default
