// Facts about the addresses the server binds to.
#pragma once

#include <string_view>

namespace mock::http {

// True for 127.0.0.0/8, ::1 and "localhost": addresses only this machine can reach.
bool IsLoopback(std::string_view address);

}  // namespace mock::http
