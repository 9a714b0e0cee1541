// What POST /api/v2/software-packages is (reply/operation.h), for the OpenAPI documents. The
// facts: docs/reference/ocp-client-flows.md 4.6, 6, 8, 9 item 6 and
// docs/reference/multipart-form-data.md; the choices: docs/takeover.md, "Uploading a package".
#include "mock/families/packages/packages_family.h"

#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

std::vector<Operation> PackagesFamily::OcpOperations() const {
  // The part the handler reads. Every other part is ignored, as Spring binds one
  // @RequestParam("file") MultipartFile (framework), so the body documents this one field.
  Param file{.name = "file",
             .required = true,
             .format = "binary",
             .description =
                 "The file to be uploaded to the server (doc): an RPM, read from the part named "
                 "`file` whose Content-Disposition has a `filename` (framework: Spring binds a "
                 "MultipartFile from a part with a filename, the first of its name). The file "
                 "name gives name, version, buildNumber, operatingSystem, architecture and type "
                 "(NAME-VERSION-BUILD.OS.ARCH.rpm; mock); the bytes give size and sha1 and are "
                 "never kept.",
             .provenance = Provenance::kDoc};
  return {
      {.method = "POST",
       .pattern = kUploadPath,
       .id = "uploadSoftwarePackage",
       .summary = "Uploads a software package (an RPM), answering its SoftwarePackageMeta",
       .description =
           "Documented alike in every version (PACKAGE_MANAGER, multipart/form-data, the "
           "parameter `file`; doc). The docs' sample request line `?file=NAME` carries no bytes: "
           "a request without a multipart body binds no file whatever its query says, "
           "invalidParameter naming `file` (framework). Not an .rpm: 7503 / PKG10003; a file name "
           "held already: 7512 / PKG10012 (doc). A file name that does not read as an RPM's, or "
           "whose package type the mock cannot infer, is invalidParameter naming `file` with "
           "OCP's 7506 / 7513 words (mock). A body its boundary does not frame is badRequest "
           "(framework). The body is limited by --max-upload-bytes (64 MiB by default) instead "
           "of --max-body-bytes: over it, 413 payloadTooLarge before the body is read when "
           "Content-Length says so, and nothing changes (framework: Spring Boot's multipart "
           "limits, which OCP must raise and does not document; mock: the value and the code). "
           "At most 10,000 uploads between resets (then badRequest; mock).",
       .provenance = Provenance::kDoc,
       .body = api::Body{.media_type = "multipart/form-data", .fields = {std::move(file)}},
       .answer = {.schema = "software-package-response"},
       .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest,
                  ErrorKind::kPackageSuffixInvalid, ErrorKind::kPackageExists,
                  ErrorKind::kPayloadTooLarge},
       .samples = api::SampleFiles("upload-software-package")}};
}

}  // namespace mock::families
