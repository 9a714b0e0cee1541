#include "mock/families/packages/packages_family.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "mock/families/packages/package_file_name.h"
#include "mock/http/multipart.h"
#include "mock/ocp/error_kinds.h"
#include "mock/resources/resource_reply.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using resources::Row;

constexpr std::string_view kFileField = "file";
// The sample's host: what the answer names when the request carries no usable Host.
constexpr std::string_view kDefaultHost = "localhost:8080";

// Lower-case hex, as the docs' sample writes the sha1.
std::string Sha1Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha1(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

// Spring binds no MultipartFile: OCP's invalidParameter naming `file`, saying why.
Status NoFile(const http::Request& request, const std::string& why) {
  std::string sentence =
      "file is required: a multipart/form-data part named \"file\" with a "
      "filename; " +
      why + ".";
  if (!ValuesOf(request.query, std::string(kFileField)).empty()) {
    sentence += " The query's file=NAME (the docs' sample request line) names no file's bytes.";
  }
  return ocp::InvalidParameter(std::string(kFileField), sentence);
}

// The part `file` of the request's multipart/form-data body, as Spring's
// @RequestParam("file") MultipartFile binds it (docs/reference/multipart-form-data.md §3).
StatusOr<http::FormPart> FileOf(const http::Request& request) {
  const std::string* type = http::FindHeader(request.headers, "Content-Type");
  if (type == nullptr || http::MediaType(*type) != "multipart/form-data") {
    return NoFile(request, (type == nullptr ? std::string("the request has no Content-Type")
                                            : "its Content-Type is \"" + Excerpt(*type) + "\"") +
                               " (Spring: \"Current request is not a multipart request\")");
  }
  auto boundary = http::FormBoundary(*type);
  if (!boundary.ok()) {
    return ocp::BadRequest("Failed to parse multipart servlet request: " +
                           boundary.status().message());
  }
  auto parts = http::ParseFormData(request.body, boundary.value());
  if (!parts.ok()) {
    return ocp::BadRequest("Failed to parse multipart servlet request: " +
                           parts.status().message());
  }
  const http::FormPart* file = http::FindPart(parts.value(), kFileField);
  if (file == nullptr) {
    return NoFile(request,
                  "the body has no part named \"file\" (Spring: \"Required request part "
                  "'file' is not present\")");
  }
  if (!file->filename) {
    return NoFile(request, "the part \"file\" has no filename, so Spring reads it as text");
  }
  return *file;
}

// http://HOST: the Host the client reached (the docs' sample: the server's own address), unless it
// is missing or holds what a host and port do not.
std::string SiteOf(const http::Request& request) {
  const std::string* host = http::FindHeader(request.headers, "Host");
  const bool usable = host != nullptr && !host->empty() && host->size() <= 255 &&
                      std::all_of(host->begin(), host->end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) ||
                               std::string_view(".-:[]").find(c) != std::string_view::npos;
                      });
  return "http://" + (usable ? *host : std::string(kDefaultHost));
}

std::string_view FileNameOf(const Row& row) {
  auto it = row.doc->FindMember("fileName");
  if (it == row.doc->MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

// What the answer and the store hold of an upload: its SoftwarePackageMeta, never its bytes.
struct Meta {
  RpmFileName rpm;
  std::string file_name, type, sha1, download_url;
  size_t size = 0;
};

// The row of the package, its keys in alphabetical order as OCP writes them (the docs' sample;
// docs/reference/ocp-client-flows.md §2.4, SORT_PROPERTIES_ALPHABETICALLY).
Row NewRow(int64_t id, const Meta& m) {
  auto doc = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& a = doc->GetAllocator();
  auto text = [&](const std::string& s) {
    return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
  };
  doc->AddMember("architecture", text(m.rpm.architecture), a);
  doc->AddMember("buildNumber", text(m.rpm.build_number), a);
  doc->AddMember("downloadUrl", text(m.download_url), a);
  doc->AddMember("extension", "rpm", a);
  doc->AddMember("fileName", text(m.file_name), a);
  doc->AddMember("id", id, a);
  doc->AddMember("name", text(m.rpm.name), a);
  doc->AddMember("operatingSystem", text(m.rpm.operating_system), a);
  doc->AddMember("sha1", text(m.sha1), a);
  doc->AddMember("size", static_cast<uint64_t>(m.size), a);
  doc->AddMember("type", text(m.type), a);
  doc->AddMember("version", text(m.rpm.version), a);
  return Row{id, std::move(doc)};
}

// The metadata of an upload whose part `file` is `file`, or OCP's error for its name.
StatusOr<Meta> MetaOf(const http::Request& request, const http::FormPart& file) {
  Meta m;
  m.file_name = *file.filename;
  const std::string_view suffix = SuffixOf(m.file_name);
  if (suffix != "rpm") {
    return ocp::OcpError(ocp::ErrorKind::kPackageSuffixInvalid,
                         "file: \"" + Excerpt(m.file_name) + "\" is not an .rpm.",
                         {Excerpt(suffix), "rpm"});
  }
  auto rpm = ParseRpmFileName(m.file_name);
  if (!rpm.ok()) {
    return ocp::InvalidParameter(std::string(kFileField),
                                 "Failed to parse the software package information (OCP's 7506 / "
                                 "PKG10006): " +
                                     rpm.status().message() + ".");
  }
  m.rpm = std::move(rpm).value();
  auto type = PackageTypeOf(m.rpm.name);
  if (!type) {
    return ocp::InvalidParameter(
        std::string(kFileField),
        "no package type for the name \"" + Excerpt(m.rpm.name) +
            "\" (OCP's 7513 / PKG10013): the mock knows oceanbase, oceanbase-ce and "
            "oceanbase-standalone (OB_SERVER_INSTALL_PACKAGE), obproxy* (OBPROXY_INSTALL_PACKAGE), "
            "*ocp-agent* (OCP_AGENT_INSTALL_PACKAGE) and *backup-agent* "
            "(OB_BACKUP_AGENT_INSTALL_PACKAGE).");
  }
  m.type = std::string(*type);
  m.sha1 = Sha1Hex(file.data);
  m.size = file.data.size();
  m.download_url = SiteOf(request) + "/api/v2/files/sys-package/" + m.file_name;
  return m;
}

}  // namespace

const resources::ResourceSpec PackagesFamily::kSpec{"softwarePackages", "software-packages",
                                                    "software-package", "softwarePackages"};

PackagesFamily::PackagesFamily(std::vector<Row> rows, const json::SchemaSet* schemas,
                               std::optional<resources::ResourceSource> source)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)) {}

std::vector<api::Route> PackagesFamily::OcpRoutes() const {
  return {{"POST", kUploadPath, Access::kPackageManager,
           [this](const Call& c) { return Upload(c.request); }}};
}

StatusOr<api::Reply> PackagesFamily::Upload(const http::Request& request) const {
  auto file = FileOf(request);
  if (!file.ok()) return file.status();
  auto meta = MetaOf(request, file.value());
  if (!meta.ok()) return meta.status();
  const Meta& m = meta.value();
  auto added = store().Add([&](int64_t id) { return NewRow(id, m); },
                           [&](const std::vector<Row>& held) -> Status {
                             for (const Row& r : held) {
                               if (FileNameOf(r) != m.file_name) continue;
                               return ocp::OcpError(ocp::ErrorKind::kPackageExists,
                                                    "file: a package of this file name is held "
                                                    "already (id " +
                                                        std::to_string(r.id) + ").",
                                                    {m.file_name});
                             }
                             return Status();
                           });
  if (!added.ok()) return added.status();
  return resources::RowReply(added.value());
}

}  // namespace mock::families
