#include "mock/api/openapi_endpoint.h"

#include <algorithm>
#include <utility>

#include "mock/api/api_description.h"
#include "mock/core/log.h"
#include "mock/json/schema_set.h"
#include "mock/ocp/error_kinds.h"
#include "mock/versions/profile.h"

namespace mock::api {
namespace {

namespace fs = std::filesystem;

Operation OpenApiOperation() {
  return {
      .method = "GET",
      .pattern = std::string(kOpenApiPath),
      .id = "getOpenApiDocument",
      .summary =
          "The OpenAPI 3.1 document of an OCP version as the mock plays it, or of the "
          "control plane",
      .description =
          "Generated from the route table, each route's Operation, the version's JSON Schemas "
          "and its profile (docs/openapi.md). The body is the document itself, not in OCP's "
          "envelope, byte for byte what `ocp-mock openapi --out DIR` writes for the version. "
          "Each document is built on its first request and kept.",
      .provenance = Provenance::kMock,
      .params = {{.name = "version",
                  .pattern = "^[0-9]+\\.[0-9]+\\.[0-9]+$",
                  .description = "The OCP version to describe (`ocp-mock --list-versions`); "
                                 "default: the version played. A version the mock does not "
                                 "know is a 400 naming those it knows.",
                  .provenance = Provenance::kMock},
                 {.name = "plane",
                  .allowed = {"ocp", "control", "all"},
                  .default_value = "ocp",
                  .description = "`ocp`: OCP's paths; `control`: the mock's own under /__mock/; "
                                 "`all`: both, for a validation proxy in front of the mock.",
                  .provenance = Provenance::kMock},
                 {.name = "strict",
                  .type = "boolean",
                  .default_value = "false",
                  .description = "`true`: OCP's objects closed as ocp-mock's schemas close them, "
                                 "to check ocp-mock's own answers; `false`: open, as a real "
                                 "OCP adds fields of its own.",
                  .provenance = Provenance::kMock}},
      .answer = {.enveloped = false, .description = "The OpenAPI 3.1 document"},
      .errors = {ocp::ErrorKind::kInvalidParameter}};
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string VariantName(openapi::Variant v) {
  const char* plane = v.plane == openapi::Plane::kControl ? "control"
                      : v.plane == openapi::Plane::kAll   ? "all"
                                                          : "ocp";
  return std::string("plane=") + plane + (v.strict ? "&strict=true" : "");
}

// `schemas`: the version's, which the samples are checked against.
StatusOr<rapidjson::Document> DocumentOf(const versions::Profile& profile,
                                         const json::SchemaSet& schemas,
                                         const std::vector<openapi::Part>& parts,
                                         const fs::path& samples, openapi::Variant variant,
                                         std::vector<std::string>* problems) {
  openapi::Joined joined = openapi::Join(parts);
  if (problems != nullptr) *problems = joined.problems;
  return openapi::BuildDocument({.plane = variant.plane,
                                 .profile = &profile,
                                 .operations = std::move(joined.operations),
                                 .tags = std::move(joined.tags),
                                 .undescribed = std::move(joined.undescribed),
                                 .samples_dir = samples,
                                 .schemas = &schemas,
                                 .strict = variant.strict});
}

}  // namespace

openapi::Part OpenApiPart(Handler handler) {
  return {.name = "openapi",
          .description = PartDescription("openapi"),
          .routes = {{"GET", std::string(kOpenApiPath), Access::kControl, std::move(handler)}},
          .operations = {OpenApiOperation()}};
}

fs::path SamplesBeside(const fs::path& schemas_root) {
  fs::path root = schemas_root;
  if (!root.has_filename()) root = root.parent_path();  // "schemas/"
  const fs::path samples = root.parent_path() / "contract_tests" / "samples";
  std::error_code ec;
  return fs::is_directory(samples, ec) ? samples : fs::path();
}

StatusOr<rapidjson::Document> BuildVersionDocument(const OpenApiSources& sources,
                                                   const std::string& version,
                                                   openapi::Variant variant,
                                                   std::vector<std::string>* problems) {
  auto profile = versions::LoadProfile(sources.schemas_root, version);
  if (!profile.ok()) return profile.status();
  auto standin = StandIn::Make(profile.value());
  if (!standin.ok()) return standin.status();
  return DocumentOf(profile.value(), standin.value()->schemas(),
                    standin.value()->Parts(OpenApiPart({})), sources.samples_dir, variant,
                    problems);
}

OpenApiEndpoint::OpenApiEndpoint(OpenApiSources sources,
                                 std::function<std::vector<openapi::Part>()> played)
    : sources_(std::move(sources)), played_(std::move(played)) {}

openapi::Part OpenApiEndpoint::Part() const {
  return OpenApiPart([this](const Call& call) { return Serve(call.request.query); });
}

StatusOr<Reply> OpenApiEndpoint::Serve(const QueryParams& query) const {
  std::string version = sources_.version;
  openapi::Variant variant;
  for (const auto& [key, value] : query) {
    if (query.count(key) > 1) return ocp::InvalidParameter(key, "Give it once.");
    if (key == "version") {
      version = value;
    } else if (key == "plane" && (value == "ocp" || value == "control" || value == "all")) {
      variant.plane = value == "control" ? openapi::Plane::kControl
                      : value == "all"   ? openapi::Plane::kAll
                                         : openapi::Plane::kOcp;
    } else if (key == "plane") {
      return ocp::InvalidParameter("plane", "'" + Excerpt(value) + "' is not ocp, control or all.");
    } else if (key == "strict" && (value == "true" || value == "false")) {
      variant.strict = value == "true";
    } else if (key == "strict") {
      return ocp::InvalidParameter("strict", "'" + Excerpt(value) + "' is not true or false.");
    } else {
      return ocp::InvalidParameter(
          Excerpt(key), "GET /__mock/openapi.json takes only `version`, `plane` and `strict`.");
    }
  }
  if (sources_.schemas_root.empty()) {
    return ocp::BadRequest("this mock was started without a schema folder: it has no document");
  }
  const std::vector<std::string> known = versions::KnownVersions(sources_.schemas_root);
  if (std::find(known.begin(), known.end(), version) == known.end()) {
    return ocp::InvalidParameter(
        "version",
        "'" + Excerpt(version) + "' is not a version ocp-mock knows: " + Joined(known) + ".");
  }
  auto text = Document(version, variant);
  if (!text.ok()) return text.status();
  return Reply{.write_data = {}, .bare_body = *text.value(), .content_type = "application/json"};
}

StatusOr<std::shared_ptr<const std::string>> OpenApiEndpoint::Document(
    const std::string& version, openapi::Variant variant) const {
  const std::string key = version + " " + VariantName(variant);
  {
    MutexLock lock(mutex_);
    auto it = documents_.find(key);
    if (it != documents_.end()) return it->second;
  }
  // Built without the lock: a slow first build (another version's schemas) holds up no other
  // document. Two first requests at once may both build; the first kept is served to both.
  auto text = Build(version, variant);
  if (!text.ok()) {
    Log(LogLevel::kError, "GET /__mock/openapi.json?version=" + version + "&" +
                              VariantName(variant) + ": " + text.status().message());
    return ocp::OcpError(ocp::ErrorKind::kInternal, "",
                         {"the OpenAPI document could not be built; the server log says why"});
  }
  auto built = std::make_shared<const std::string>(std::move(text).value());
  MutexLock lock(mutex_);
  return documents_.emplace(key, std::move(built)).first->second;
}

StatusOr<std::string> OpenApiEndpoint::Build(const std::string& version,
                                             openapi::Variant variant) const {
  auto doc = version == sources_.version && played_
                 ? PlayedDocument(variant)
                 : BuildVersionDocument(sources_, version, variant);
  if (!doc.ok()) return doc.status();
  return openapi::DocumentText(doc.value(), true);
}

StatusOr<rapidjson::Document> OpenApiEndpoint::PlayedDocument(openapi::Variant variant) const {
  auto profile = versions::LoadProfile(sources_.schemas_root, sources_.version);
  if (!profile.ok()) return profile.status();
  // The version's own set: the Api's may be another (tests give the shared schemas alone).
  auto schemas = json::SchemaSet::Load(profile.value().schema_dirs);
  if (!schemas.ok()) return schemas.status();
  return DocumentOf(profile.value(), schemas.value(), played_(), sources_.samples_dir, variant,
                    nullptr);
}

}  // namespace mock::api
