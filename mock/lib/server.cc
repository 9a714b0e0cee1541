// ocpmock::Server (include/ocpmock/server.h): mock::app::Instance, started from the library's
// options, with the control endpoints called in process.
#include "ocpmock/server.h"

#include <dlfcn.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/app/instance.h"
#include "mock/core/data_dir.h"
#include "mock/core/log.h"
#include "mock/http/message.h"
#include "mock/json/json.h"

namespace ocpmock {
namespace {

namespace fs = std::filesystem;

// The bundled data, looked for from this library's own file: installed, beside it in
// share/ocpmock; in a build tree, in the source tree.
fs::path BundledData() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&BundledData), &info) == 0 || info.dli_fname == nullptr) {
    return mock::DataDir(OCPMOCK_SOURCE_FROM_BINARY);
  }
  return mock::DataDirNear(fs::path(info.dli_fname).parent_path(),
                           {OCPMOCK_LIB_TO_DATA, OCPMOCK_SOURCE_FROM_BINARY});
}

std::string MessageOf(const rapidjson::Document& doc, const std::string& body) {
  const auto* error = mock::json::Find(doc, "error");
  auto message = error != nullptr ? mock::json::GetString(*error, "message") : std::nullopt;
  return message ? std::string(*message) : body.substr(0, 300);
}

}  // namespace

struct Server::Impl {
  fs::path inline_dir;  // holds fixture_json while it is served
  std::unique_ptr<mock::app::Instance> instance;
  std::string url;

  ~Impl() {
    instance.reset();
    std::error_code ec;
    if (!inline_dir.empty()) fs::remove_all(inline_dir, ec);
  }

  // Calls a control endpoint; its `data`, or Error with the message it answered.
  rapidjson::Document Call(const std::string& method, const std::string& target,
                           std::string body = {}) {
    auto request = mock::http::MakeRequest(method, target, {}, std::move(body));
    if (!request.ok()) throw Error(target + ": " + request.status().message());
    const mock::http::Response r = instance->api().Handle(request.value());
    auto doc = mock::json::ParseJson(r.body);
    if (!doc.ok()) throw Error(method + " " + target + ": HTTP " + std::to_string(r.status));
    if (r.status >= 400) throw Error(method + " " + target + ": " + MessageOf(doc.value(), r.body));
    return std::move(doc).value();
  }
};

Server::Server(const Options& o) : impl_(std::make_unique<Impl>()) {
  auto level = mock::ParseLogLevel(o.log_level);
  if (!level) throw Error("log_level: \"" + o.log_level + "\" is not error, warn, info or debug");
  mock::SetLogLevel(*level);
  const fs::path data = BundledData();
  mock::app::Config c;
  c.fixtures = o.fixtures_dir.empty() ? (data / "fixtures").string() : o.fixtures_dir;
  c.schemas = (data / "schemas").string();
  c.bundled_users = (data / "fixtures" / "users.json").string();
  if (data.empty()) throw Error("the bundled data was not found; set OCPMOCK_DATA_DIR");
  if (!o.fixture_json.empty()) {
    std::string dir = (fs::temp_directory_path() / "ocpmock-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) throw Error("cannot make a folder for fixture_json");
    impl_->inline_dir = dir;
    fs::create_directories(impl_->inline_dir / "tasks");
    std::ofstream(impl_->inline_dir / "tasks" / "inline.json") << o.fixture_json;
    c.fixtures = impl_->inline_dir.string();
  }
  c.users = o.users_file;
  c.no_auth = o.no_auth;
  c.ocp_version = o.ocp_version;
  c.time_scale = o.time_scale;
  c.quirks = o.quirks;
  c.server.bind = o.bind;
  c.server.port = o.port;
  c.api.seed = o.seed;
  c.api.journal_size = o.journal_size;
  c.api.server_name = "ocp-mock";
  auto started = mock::app::Instance::Start(std::move(c));
  if (!started.ok()) throw Error(started.status().message());
  impl_->instance = std::move(started).value();
  impl_->url = impl_->instance->url();
}

Server::~Server() = default;

const std::string& Server::url() const { return impl_->url; }
uint16_t Server::port() const { return impl_->instance->port(); }

void Server::AdvanceClock(double seconds) {
  impl_->Call("POST", "/__mock/clock/advance?seconds=" + std::to_string(seconds));
}
void Server::Reset() { impl_->Call("POST", "/__mock/reset"); }

void Server::PutTask(int64_t id, const std::string& entry_json) {
  impl_->Call("PUT", "/__mock/tasks/" + std::to_string(id), entry_json);
}
void Server::PutTasks(const std::string& fixture_json) {
  impl_->Call("POST", "/__mock/tasks", fixture_json);
}
void Server::RemoveTask(int64_t id) {
  impl_->Call("DELETE", "/__mock/tasks/" + std::to_string(id));
}

size_t Server::CountRequests(const std::string& filters) {
  auto doc = impl_->Call("GET", "/__mock/requests/count" + (filters.empty() ? "" : "?" + filters));
  return static_cast<size_t>(doc["data"]["count"].GetInt64());
}
std::string Server::Requests(const std::string& filters) {
  auto doc = impl_->Call("GET", "/__mock/requests" + (filters.empty() ? "" : "?" + filters));
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc["data"].Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

int64_t Server::AddFault(const std::string& rule_json) {
  auto doc = impl_->Call("POST", "/__mock/faults", rule_json);
  return doc["data"]["id"].GetInt64();
}
void Server::RemoveFault(int64_t id) {
  impl_->Call("DELETE", "/__mock/faults/" + std::to_string(id));
}
void Server::ClearFaults() { impl_->Call("DELETE", "/__mock/faults"); }

}  // namespace ocpmock
