#include "tools/client/signing.h"

#include "mock/auth/signature.h"
#include "mock/http/url.h"

namespace contract {

std::vector<std::string> AkSkHeaders(const std::string& base_url, const std::string& target,
                                     const std::string& ak, const std::string& sk,
                                     std::time_t when) {
  char date[64];
  std::tm tm{};
  gmtime_r(&when, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  std::string host = base_url.substr(base_url.find("//") + 2);
  host = host.substr(0, host.find('/'));
  const size_t q = target.find('?');
  mock::auth::SignedParts parts{"GET",
                                target.substr(0, q),
                                {},
                                {{"Date", date}, {"Host", host}, {"x-ocp-origin", "ocpmock"}},
                                ""};
  if (q != std::string::npos) {
    auto parsed = mock::http::ParseTarget(target);
    if (parsed.ok()) parts.query = parsed.value().query;
  }
  std::string signature = mock::auth::Sign(sk, mock::auth::CanonicalMessage(parts, {}));
  return {std::string("Date: ") + date, "x-ocp-origin: ocpmock",
          "Authorization: OCP-ACCESS-KEY-HMACSHA1 " + ak + ":" + signature};
}

}  // namespace contract
