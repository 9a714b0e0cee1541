// Facts about the addresses the server binds to.
#pragma once

#include <string_view>

#include "mock/core/status.h"

namespace mock::http {

// True for 127.0.0.0/8, ::1 and "localhost": addresses only this machine can reach.
bool IsLoopback(std::string_view address);

// Whether the server may try to bind `address`: an IPv4 address in dotted decimal, an IPv6
// address with or without brackets, or a host name (which the bind resolves). kInvalidArgument
// saying what is wrong ("300.1.1.1 is not an IPv4 address: each of its four numbers is 0 to
// 255") for anything else, before any socket is tried.
Status CheckBindAddress(std::string_view address);

}  // namespace mock::http
