#include "mock/http/address.h"

#include <gtest/gtest.h>

namespace mock::http {
namespace {

TEST(AddressTest, LoopbackAddresses) {
  for (const char* yes : {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) {
    EXPECT_TRUE(IsLoopback(yes)) << yes;
  }
  for (const char* no :
       {"0.0.0.0", "::", "10.0.0.1", "192.168.1.1", "127.0.0.1.example.com", "1270.0.0.1", ""}) {
    EXPECT_FALSE(IsLoopback(no)) << no;
  }
}

// A bad --bind is refused before any socket, saying what is wrong with it (Pistache's own
// message was "Failed to get IPv4 addresses").
TEST(AddressTest, BindAddressesAreCheckedBeforeAnySocket) {
  for (const char* yes : {"127.0.0.1", "0.0.0.0", "::", "::1", "[::1]", "[::]", "fe80::1",
                          "localhost", "ci-box.example"}) {
    EXPECT_TRUE(CheckBindAddress(yes).ok()) << yes << ": " << CheckBindAddress(yes).message();
  }
  EXPECT_EQ("300.1.1.1 is not an IPv4 address: four numbers from 0 to 255 separated by dots",
            CheckBindAddress("300.1.1.1").message());
  for (const char* no :
       {"300.1.1.1", "1.2.3", "1.2.3.4.5", "::g", "[::1", "1::2::3", "", "host name", "a/b"}) {
    Status s = CheckBindAddress(no);
    EXPECT_EQ(StatusCode::kInvalidArgument, s.code()) << no;
    EXPECT_FALSE(s.message().empty()) << no;
  }
}

}  // namespace
}  // namespace mock::http
