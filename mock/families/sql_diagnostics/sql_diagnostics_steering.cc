// POST, GET /__mock/slowSql and DELETE /__mock/slowSql/{id} (slow_sql_book.h;
// docs/sql-diagnostics.md "Steering"): the body read after its schema, each refusal naming the
// member.
#include <string>

#include "mock/families/sql_diagnostics/sql_diagnostics_family.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"

namespace mock::families {
namespace {

using sql_diagnostics::SlowSql;
using sql_diagnostics::Statement;

std::string MemberText(const rapidjson::Value& body, const char* key, std::string fallback) {
  auto it = body.FindMember(key);
  if (it == body.MemberEnd() || !it->value.IsString()) return fallback;
  return {it->value.GetString(), it->value.GetStringLength()};
}

bool Has(const rapidjson::Value& body, const char* key) {
  return body.FindMember(key) != body.MemberEnd();
}

// The window: startTime and endTime, or `minutes` from now on the mock clock.
Status ReadWindow(const rapidjson::Value& body, int64_t now_ms, SlowSql& s) {
  const bool start = Has(body, "startTime");
  const bool end = Has(body, "endTime");
  if (Has(body, "minutes")) {
    if (start || end) {
      return ocp::InvalidParameter("minutes",
                                   "minutes: give either minutes or startTime and endTime.");
    }
    s.start_s = now_ms / 1000;
    s.end_s = s.start_s + body["minutes"].GetInt64() * 60;
    s.start_text = std::string(model::MakeTimestamp(s.start_s * 1000, 0).text());
    s.end_text = std::string(model::MakeTimestamp(s.end_s * 1000, 0).text());
    return Status();
  }
  if (!start || !end) {
    const char* missing = start ? "endTime" : "startTime";
    return ocp::InvalidParameter(missing, std::string(missing) +
                                              " is required without minutes (give minutes, or "
                                              "startTime and endTime).");
  }
  s.start_text = MemberText(body, "startTime", "");
  s.end_text = MemberText(body, "endTime", "");
  const auto from = model::ParseTimestamp(s.start_text);
  const auto to = model::ParseTimestamp(s.end_text);
  if (!from) return ocp::InvalidParameter("startTime", "startTime: not a valid date-time.");
  if (!to) return ocp::InvalidParameter("endTime", "endTime: not a valid date-time.");
  s.start_s = from->epoch_ms / 1000;
  s.end_s = to->epoch_ms / 1000;
  if (s.end_s < s.start_s) {
    return ocp::InvalidParameter("endTime", "endTime: " + s.end_text + " is before startTime.");
  }
  return Status();
}

void WriteSlowSql(json::JsonWriter& w, const SlowSql& s) {
  w.StartObject();
  w.Field("id", s.id);
  w.Field("clusterId", s.cluster_id);
  w.Field("tenantId", s.tenant_id);
  w.Field("sqlId", s.statement.sql_id);
  w.Field("sqlText", s.statement.text);
  w.Field("sqlType", s.statement.sql_type);
  w.Field("dbName", s.statement.db_name);
  w.Field("userName", s.statement.user_name);
  w.Field("elapsedMs", s.elapsed_ms);
  w.Field("executions", s.executions);
  w.Field("serverId", s.server_id);
  w.Field("server", s.server_ip + ":" + std::to_string(s.server_port));
  w.Field("planUid", sql_diagnostics::PlanUid(s.statement.sql_id, s.server_id));
  w.Field("startTime", s.start_text);
  w.Field("endTime", s.end_text);
  w.EndObject();
}

}  // namespace

StatusOr<api::Reply> SqlDiagnosticsFamily::AddSlowSql(const std::string& body) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "slow-sql-request", *schemas());
  if (!doc.ok()) return doc.status();
  const rapidjson::Value& b = doc.value();
  SlowSql s;
  s.cluster_id = b["clusterId"].GetInt64();
  s.tenant_id = b["tenantId"].GetInt64();
  auto tenant = Find(s.cluster_id, s.tenant_id);
  if (!tenant.ok()) {
    const bool cluster = ocp::KindOf(tenant.status()) == ocp::ErrorKind::kClusterNotFound;
    const char* member = cluster ? "clusterId" : "tenantId";
    return ocp::InvalidParameter(member, std::string(member) + ": " + tenant.status().message());
  }
  const auto& units = tenant.value().all_units;
  if (units.empty()) {
    return ocp::InvalidParameter("tenantId", "tenantId: tenant " + std::to_string(s.tenant_id) +
                                                 " has no unit on any OBServer.");
  }
  const sql_diagnostics::UnitRef* unit = &units.front();
  if (Has(b, "serverId")) {
    const int64_t wanted = b["serverId"].GetInt64();
    unit = nullptr;
    for (const auto& u : units) unit = u.input.server_id == wanted ? &u : unit;
    if (unit == nullptr) {
      return ocp::InvalidParameter("serverId", "serverId: the tenant has no unit on OBServer " +
                                                   std::to_string(wanted) + ".");
    }
  }
  s.server_id = unit->input.server_id;
  s.server_ip = unit->ip;
  s.server_port = unit->port;
  if (Status w = ReadWindow(b, clock_.NowMs(), s); !w.ok()) return w;
  const bool oracle = tenant.value().mode == sql_diagnostics::SqlMode::kOracle;
  Statement& st = s.statement;
  st.mode = tenant.value().mode;
  st.text = MemberText(b, "sqlText", "");
  st.sql_id = sql_diagnostics::SqlIdOf(st.text);
  st.sql_type = sql_diagnostics::SqlTypeOf(st.text);
  st.db_name = MemberText(b, "dbName", oracle ? "SYS" : "oceanbase");
  st.user_name = MemberText(b, "userName", oracle ? "SYS" : "root");
  st.elapsed_ms = b["elapsedMs"].GetDouble();
  st.plan = sql_diagnostics::GuessPlan(st.text);
  st.table_scan = st.plan.property == "full scan" ||
                  (!st.plan.children.empty() && st.plan.children[0].property == "full scan");
  s.elapsed_ms = st.elapsed_ms;
  if (Has(b, "executions")) s.executions = b["executions"].GetInt64();
  auto added = book_.Add(std::move(s));
  if (!added.ok()) return added.status();
  return api::Reply{[e = std::move(added).value()](json::JsonWriter& w) { WriteSlowSql(w, e); }};
}

api::Reply SqlDiagnosticsFamily::ListSlowSql() const {
  return api::Reply{[all = book_.All()](json::JsonWriter& w) {
    w.StartArray();
    for (const SlowSql& s : all) WriteSlowSql(w, s);
    w.EndArray();
  }};
}

StatusOr<api::Reply> SqlDiagnosticsFamily::RemoveSlowSql(int64_t id) const {
  if (!book_.Remove(id)) {
    return NotFound("no slow statement " + std::to_string(id) +
                    "; GET /__mock/slowSql lists them.");
  }
  return api::Reply{};
}

}  // namespace mock::families
