// Client side of OCP's AK/SK signature: the headers that sign a GET request.
//
//   auto headers = AkSkHeaders(base_url, "/api/v2/tasks/instances?size=1", ak, sk, time(nullptr));
//   client.Send("GET", target, headers, /*with_credentials=*/false);
#pragma once

#include <ctime>
#include <string>
#include <vector>

namespace contract {

// "Date: ...", "x-ocp-origin: ...", "Authorization: OCP-ACCESS-KEY-HMACSHA1 AK:SIGNATURE" for a
// GET of `target` (path and an already encoded query) on the server at `base_url`, signed as at
// `when`.
std::vector<std::string> AkSkHeaders(const std::string& base_url, const std::string& target,
                                     const std::string& ak, const std::string& sk,
                                     std::time_t when);

}  // namespace contract
