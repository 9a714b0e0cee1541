// OCP's software packages: POST /api/v2/software-packages, the multipart/form-data upload that
// obdeploy's OCP deployment runs (plugins/ocp-server/4.2.1/upload_packages.py) and OCP's FAQ
// shows with `curl -F "file=@NAME"` (docs/reference/ocp-client-flows.md §4.6, §2.2, §6, §8).
// Documented alike in every version the mock plays; the answer is the SoftwarePackageMeta of the
// docs' table and sample. On the resource pattern: fixtures/software-packages/*.json, with
// /__mock/softwarePackages, reset and reload from ResourceFamily.
//
// Contract (docs/takeover.md, "Uploading a package", gives each choice and its provenance):
//  - `doc`: PACKAGE_MANAGER; the part named `file`; an .rpm only, else OCP's 7503 / PKG10003
//    {suffix given, "rpm"}; a file name held already is 7512 / PKG10012 {file name};
//  - `framework` (Spring's MultipartFile binding): a request that is not multipart/form-data,
//    has no part `file`, or whose `file` part has no filename, binds no file: invalidParameter
//    naming `file`, whatever the query says (the docs' sample request `?file=NAME` alone binds
//    nothing); a body that is not framed by its boundary is badRequest;
//  - `mock`: name, version, buildNumber, operatingSystem and architecture read from the file's
//    name (package_file_name.h), an unreadable name being invalidParameter naming `file` with
//    OCP's 7506 sentence; the type inferred from the name; size and sha1 of the bytes received,
//    which are never kept; downloadUrl http://HOST/api/v2/files/sys-package/FILE (HOST the
//    request's Host, else localhost:8080, as the sample), a path the mock does not serve.
// The bytes' size limit is the HTTP server's (--max-upload-bytes, mock/http/server.h BodyLimit).
#pragma once

#include <optional>
#include <vector>

#include "mock/http/message.h"
#include "mock/resources/resource_family.h"

namespace mock::families {

class PackagesFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;
  // The upload's path, which the server gives a body limit of its own.
  static constexpr const char* kUploadPath = "/api/v2/software-packages";

  // `schemas` must outlive the family.
  PackagesFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                 std::optional<resources::ResourceSource> source);

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // One per OCP route (packages_operations.cc).
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> Upload(const http::Request& request) const;
};

}  // namespace mock::families
