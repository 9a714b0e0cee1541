"""Issue 28's tools of OceanBase's MCP server, and the plan calls another client makes.

Each function is named after ocp_tool.py's (oceanbase/awesome-oceanbase-mcp @ bcdfae0,
src/ocp_mcp_server/ocp_mcp/ocp_tool.py) and returns (method, path, params, payload) exactly as it
builds them, for McpOcpClient.call: `page`, `size`, `interval`, `serverId`, `limit` and
`sqlTextLength` as strings, `level`, `minStep` and `maxPoints` as given, Booleans as "true" or
"false", optional parameters only when given. The MCP server has no tool for a statement's plans;
get_sql_top_plan and get_plan_explain are the calls another public client makes
(docs/reference/ocp-client-calls.md, ROC).
"""

C = "/api/v2/ob/clusters"


def _given(params, **optional):
    params.update({k: v for k, v in optional.items() if v is not None})
    return params


def get_metric_groups(type, scope, page=1, size=10, sort=None, target=None, target_id=None):
    params = {"type": type, "scope": scope, "page": str(page), "size": str(size)}
    return "GET", "/api/v2/monitor/metricGroups", _given(
        params, sort=sort or None, target=target or None, targetId=target_id), None


def get_metric_data_with_label(start_time, end_time, metrics, group_by, interval, labels,
                               min_step=None, max_points=None):
    params = {"startTime": start_time, "endTime": end_time, "metrics": metrics,
              "groupBy": group_by, "interval": str(interval), "labels": labels}
    return "GET", "/api/v2/monitor/metricsWithLabel", _given(
        params, minStep=min_step, maxPoints=max_points), None


def get_alarms(page=1, size=10, app_type=None, scope=None, level=None, status=None,
               active_at_start=None, active_at_end=None, is_subscribed_by_me=None, keyword=None):
    params = {"page": str(page), "size": str(size)}
    subscribed = None if is_subscribed_by_me is None else str(is_subscribed_by_me).lower()
    return "GET", "/api/v2/alarm/alarms", _given(
        params, appType=app_type or None, scope=scope or None, level=level,
        status=status or None, activeAtStart=active_at_start or None,
        activeAtEnd=active_at_end or None, isSubscribedByMe=subscribed,
        keyword=keyword or None), None


def get_alarm_detail(alarm_id):
    return "GET", f"/api/v2/alarm/alarms/{alarm_id}", None, None


def get_tenant_top_sql(cluster_id, tenant_id, start_time, end_time, server_id=None, inner=None,
                       sql_text=None, search_attr=None, search_op=None, search_val=None):
    params = {"startTime": start_time, "endTime": end_time}
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/topSql", _given(
        params, serverId=None if server_id is None else str(server_id),
        inner=None if inner is None else str(inner).lower(), sqlText=sql_text or None,
        searchAttr=search_attr or None, searchOp=search_op or None,
        searchVal=search_val or None), None


def get_tenant_slow_sql(cluster_id, tenant_id, start_time, end_time, server_id=None, inner=None,
                        sql_text=None, filter_expression=None, limit=None, sql_text_length=None):
    params = {"startTime": start_time, "endTime": end_time}
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/slowSql", _given(
        params, serverId=None if server_id is None else str(server_id),
        inner=None if inner is None else str(inner).lower(), sqlText=sql_text or None,
        filterExpression=filter_expression or None,
        limit=None if limit is None else str(limit),
        sqlTextLength=None if sql_text_length is None else str(sql_text_length)), None


def get_sql_text(cluster_id, tenant_id, sql_id, start_time, end_time, db_name=None):
    params = {"startTime": start_time, "endTime": end_time}
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/sqls/{sql_id}/text", _given(
        params, dbName=db_name), None


def get_sql_top_plan(cluster_id, tenant_id, sql_id, start_time, end_time):
    params = {"startTime": start_time, "endTime": end_time}
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/sqls/{sql_id}/topPlan", params, None


def get_plan_explain(cluster_id, tenant_id, plan_uid, start_time, end_time):
    params = {"startTime": start_time, "endTime": end_time}
    return "GET", f"{C}/{cluster_id}/tenants/{tenant_id}/plans/{plan_uid}/explain", params, None
