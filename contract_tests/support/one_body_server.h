// For the tools' tests: a server that is not OCP.
#pragma once

#include <memory>
#include <string>

#include "tools/client/mock_process.h"

namespace contract {

// A server that answers every request with `body` (ocp-pistache-ceiling). The body is written
// to `dir`/body first.
std::unique_ptr<MockProcess> ServeOneBody(const std::string& body, const std::string& dir);

}  // namespace contract
