// GET /__mock/openapi.json: the generated OpenAPI 3.1 document (mock/openapi/document.h) of the
// OCP version played; `?version=4.0.0` another version's; `?plane=control` the control plane's
// (every /__mock/ path), of the version played or of `version`; `?plane=all` both, for a
// validation proxy in front of the mock; `?strict=true` OCP's objects closed as the mock's
// schemas close them (document.h, DocumentInputs::strict). The body is the document itself,
// not in OCP's envelope; a version the mock does not know, an unknown `plane` or any other
// parameter is a 400 in the envelope naming what is accepted.
//
// The version played is described from this Api's own families and control plane; another
// version from a stand-in over empty stores (api_description.h), whose schemas are loaded for
// the purpose. Each document is built on its first request and kept: at most one per known
// version and variant, never rebuilt (the routes do not change while the mock runs).
//
//   OpenApiEndpoint openapi({schemas_root, samples_dir, "4.2.2"}, [&] { return parts; });
//   openapi.Part();  // its route and Operation, for the route table and the documents
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/params.h"
#include "mock/core/thread_annotations.h"
#include "mock/openapi/document.h"
#include "mock/openapi/join.h"
#include "mock/reply/route.h"

namespace mock::api {

inline constexpr std::string_view kOpenApiPath = "/__mock/openapi.json";

// The route (with `handler`) and its Operation, as a part of their own, "openapi". A stand-in
// passes no handler: its parts are only described.
openapi::Part OpenApiPart(Handler handler);

// Where the documents' inputs are.
struct OpenApiSources {
  // The shared schema folder (schemas/): versions/<v>/ holds each version's profile and
  // schemas. Empty: every request is refused, saying so.
  std::filesystem::path schemas_root{};
  // contract_tests/samples/, or empty: the documents have no examples of success answers.
  std::filesystem::path samples_dir{};
  std::string version{};  // the version played
};

// `samples_dir` for the data folder `schemas_root` sits in: its contract_tests/samples/ when
// there is one (a source tree), else empty (an installed data folder has none).
std::filesystem::path SamplesBeside(const std::filesystem::path& schemas_root);

// The document of `version` and `plane` from a stand-in: what `ocp-mock openapi` writes. The
// routes without an Operation are left out and listed in `x-ocp-undescribed`; `problems` (if
// given) receives the route walk's sentences (openapi/join.h). kConfig naming what is wrong.
StatusOr<rapidjson::Document> BuildVersionDocument(const OpenApiSources& sources,
                                                   const std::string& version,
                                                   openapi::Variant variant,
                                                   std::vector<std::string>* problems = nullptr);

class OpenApiEndpoint {
 public:
  // `played`: the parts the Api serves, the OpenAPI part included; called once, on the first
  // request for the version played.
  OpenApiEndpoint(OpenApiSources sources, std::function<std::vector<openapi::Part>()> played);

  // OpenApiPart bound to this endpoint, which must outlive the route.
  openapi::Part Part() const;

  StatusOr<Reply> Serve(const QueryParams& query) const;

 private:
  StatusOr<std::shared_ptr<const std::string>> Document(const std::string& version,
                                                        openapi::Variant variant) const;
  StatusOr<std::string> Build(const std::string& version, openapi::Variant variant) const;
  // The version played, from this Api's own parts.
  StatusOr<rapidjson::Document> PlayedDocument(openapi::Variant variant) const;

  OpenApiSources sources_;
  std::function<std::vector<openapi::Part>()> played_;
  mutable Mutex mutex_;
  // "4.2.2 ocp", "4.2.2 control": the documents built so far, as text.
  mutable std::map<std::string, std::shared_ptr<const std::string>> documents_
      OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::api
