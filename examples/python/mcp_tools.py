"""Issue 27's tools of OceanBase's MCP server: the request each sends and what each promises.

Each function is named after ocp_tool.py's (oceanbase/awesome-oceanbase-mcp @ bcdfae0,
src/ocp_mcp_server/ocp_mcp/ocp_tool.py) and returns (method, path, params, payload) exactly as it
builds them, for McpOcpClient.call or .refused: `page` and `size` as strings, optional filters only
when given, names interpolated raw into the path, PUT bodies [{name, value[, parameterType]}].

The field sets are what each tool's description promises. server.py's docstrings at bcdfae0 name
the answer ("Dictionary containing Zone list and pagination information", "ClusterResourceStats
information") and, for the cluster list, "cluster ID, name, status, version"; the fields are those
of the pages they name, as the tools' longer docstrings at 4ab2a66 listed them
(docs/reference/ocp-cluster-topology.md sections 2 to 11 and 17.3;
docs/reference/ocp-tenant-objects-and-obproxy.md sections 3 to 9). Where OCP's own sample lacks a
documented row, the row is not required either (named below).
"""

C = "/api/v2/ob/clusters"
TOOLS = []  # every tool's name, in ocp_tool.py's order
called = set()  # the tools whose request was built since the caller last cleared it


def tool(build):
    """Registers `build` as a tool and notes each call of it in `called`."""
    TOOLS.append(build.__name__)

    def request(*args, **kwargs):
        called.add(build.__name__)
        return build(*args, **kwargs)

    request.__name__ = build.__name__
    return request


def paged(page, size, **filters):
    params = {"page": str(page), "size": str(size)}
    params.update({k: v for k, v in filters.items() if v})
    return params


@tool
def get_clusters(page=1, size=10, sort=None, name=None, status=None):
    return "GET", C, paged(page, size, sort=sort, name=name, status=status), None


@tool
def get_cluster_zones(cluster_id):
    return "GET", f"{C}/{cluster_id}/zones", None, None


@tool
def get_cluster_servers(cluster_id, region_name=None, idc_name=None):
    params = {k: v for k, v in (("regionName", region_name), ("idcName", idc_name)) if v}
    return "GET", f"{C}/{cluster_id}/servers", params or None, None


@tool
def get_zone_servers(cluster_id, zone_name):
    return "GET", f"{C}/{cluster_id}/zones/{zone_name}/servers", None, None


@tool
def get_cluster_stats(cluster_id):
    return "GET", f"{C}/{cluster_id}/stats", None, None


@tool
def get_cluster_server_stats(cluster_id):
    return "GET", f"{C}/{cluster_id}/serverStats", None, None


@tool
def get_cluster_units(cluster_id):
    return "GET", f"{C}/{cluster_id}/units", None, None


@tool
def get_cluster_tenants(cluster_id, page=1, size=10, sort=None, name=None, mode=None,
                        status=None):
    params = paged(page, size, sort=sort, name=name, mode=mode, status=status)
    return "GET", f"{C}/{cluster_id}/tenants", params, None


@tool
def get_tenant_detail(cluster_id, tenant_id):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}", None, None


@tool
def get_tenant_units(cluster_id, tenant_id, zone_name=None):
    params = {"zoneName": zone_name} if zone_name else None
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/units", params, None


@tool
def get_tenant_parameters(cluster_id, tenant_id):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/parameters", None, None


@tool
def get_cluster_parameters(cluster_id):
    return "GET", f"{C}/{cluster_id}/parameters", None, None


@tool
def set_tenant_parameters(cluster_id, tenant_id, parameters):
    payload = [{"name": str(p["name"]), "value": p["value"],
                "parameterType": str(p["parameterType"])} for p in parameters]
    return "PUT", f"{C}/{cluster_id}/tenants/{tenant_id}/parameters", None, payload


@tool
def set_cluster_parameters(cluster_id, parameters):
    payload = [{"name": str(p["name"]), "value": p["value"]} for p in parameters]
    return "PUT", f"{C}/{cluster_id}/parameters", None, payload


@tool
def get_obproxy_clusters(page=1, size=10):
    return "GET", "/api/v2/obproxy/clusters", paged(page, size), None


@tool
def get_obproxy_cluster_detail(cluster_id):
    return "GET", f"/api/v2/obproxy/clusters/{cluster_id}", None, None


@tool
def get_obproxy_cluster_parameters(cluster_id):
    return "GET", f"/api/v2/obproxy/clusters/{cluster_id}/parameters", None, None


@tool
def get_tenant_databases(cluster_id, tenant_id):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/databases", None, None


@tool
def get_tenant_users(cluster_id, tenant_id):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/users", None, None


@tool
def get_tenant_user_detail(cluster_id, tenant_id, username, host_name=None):
    params = {"hostName": host_name} if host_name else None
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/users/{username}", params, None


@tool
def get_tenant_roles(cluster_id, tenant_id):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/roles", None, None


@tool
def get_tenant_role_detail(cluster_id, tenant_id, role_name):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/roles/{role_name}", None, None


@tool
def get_tenant_objects(cluster_id, tenant_id):
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/objects", None, None


# What each answer's elements hold. `withRootserver` as every sample spells it (the servers
# tables say withRootServer); a server's `availableOperations` (S17) is in no sample. The zone and
# tenant-unit tools promise "pagination information" too: their tables list `page`, which no
# sample of theirs has, nor the mock's answer; that is not checked.
PROMISES = {
    "cluster": {"id", "name", "status", "obVersion"},
    "page": {"number", "size", "totalElements", "totalPages"},
    "zone": {"name", "idcName", "regionName", "servers", "clusterId", "obClusterId",
             "serverCount", "hostCount"},
    "server": {"id", "ip", "port", "sqlPort", "version", "withRootserver", "status", "updateTime",
               "clusterId", "zoneName", "regionName", "idcName", "hostId", "hostTypeName",
               "startTime", "stopTime"},
    "unit info": {"obUnitId", "tenantId", "tenantName", "obTenantId", "svrIp", "svrPort", "zone",
                  "unitConfig", "status", "migrateType", "migrateOppositeSvrIp",
                  "migrateOppositeSvrPort", "manualMigrate", "logDiskUsedByte",
                  "dataDiskUsedByte"},
    "unit config": {"maxCpuCoreCount", "minCpuCoreCount", "maxMemoryByte", "minMemoryByte",
                    "logDiskSizeByte", "maxIops", "minIops", "iopsWeight", "logDiskSize",
                    "minMemorySize", "maxMemorySize"},
    "tenant unit": {"id", "resourcePoolId", "serverId", "serverIp", "serverPort", "zoneName",
                    "status"},
    "cluster stats": {"clusterId", "clusterName", "obClusterId", "cpuTotal", "cpuAssigned",
                      "memoryTotalByte", "memoryAssignedByte", "logDiskTotalByte",
                      "logDiskAssignedByte", "logDiskUsedByte", "dataDiskTotalByte",
                      "dataDiskUsedByte"},
    "server stats": {"ip", "port", "zone", "partitionCount", "timestamp", "unitCount", "cpuTotal",
                     "cpuAssigned", "cpuTotalMin", "cpuTotalMax", "memoryTotalByte",
                     "memoryAssignedByte", "logDiskTotalByte", "logDiskAssignedByte",
                     "logDiskUsedByte", "dataDiskTotalByte", "dataDiskUsedByte"},
    "tenant": {"id", "name", "mode", "status"},
    "tenant detail": {"id", "name", "mode", "status", "clusterId", "obTenantId", "zones"},
    "cluster parameter": {"name", "section", "defaultValue", "valueRange", "currentValue",
                          "needRestart", "readonly", "description"},
    "cluster parameter value": {"obParameters", "singleValueInCluster", "valueToServers",
                                "values"},
    "ob parameter": {"zone", "svrIp", "svrPort", "name", "value"},
    # parameterType: the PUT needs it back (server.py: OB_SYSTEM_VARIABLE or OB_TENANT_PARAMETER).
    "tenant parameter": {"name", "currentValue", "defaultValue", "description", "readonly",
                         "valueRange", "parameterType"},
    # configUrl: only a CONFIG_URL cluster has one (checked there).
    "obproxy cluster": {"id", "name", "parameterVersion", "creatorId", "creatorName",
                        "createTime", "updateTime", "address", "port", "obLinks", "versions",
                        "topo", "obproxies"},
    "ob link": {"clusterId", "clusterName", "username", "status", "connections", "obClusterId",
                "clusterType"},
    "obproxy": {"id", "clusterId", "hostId", "idcName", "lastActiveTime", "parameterVersion", "ip",
                "sqlPort", "exporterPort", "version", "status", "operateStatus", "architecture"},
    "obproxy parameter": {"name", "description", "needReboot", "values"},
    # primaryZone and requiredSize: not in OCP's sample.
    "database": {"dbName", "charset", "collation", "readonly", "createTime", "connectionUrls",
                 "id"},
    "user": {"username", "globalPrivileges", "isLocked", "createTime", "connectionStrings"},
    "MYSQL user": {"dbPrivileges", "accessibleDatabases"},
    "ORACLE user": {"objectPrivileges", "grantedRoles"},
    "role": {"name", "createTime", "updateTime", "globalPrivileges", "objectPrivileges",
             "grantedRoles", "userGrantees", "roleGrantees"},
    "object": {"objectType", "objectName", "schemaName", "fullName"},
}


def holds(item, what):
    """`item`, once it holds every field promised for `what`."""
    missing = PROMISES[what] - set(item)
    assert not missing, (what, sorted(missing), item)
    return item


def connection_type(connection):
    """A connection string's type: `type` in OCP's samples, connectionStringType in its tables."""
    kind = connection.get("type", connection.get("connectionStringType"))
    assert kind in ("DIRECT", "OBPROXY") and connection["connectionString"], connection
    return kind
