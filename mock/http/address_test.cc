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

}  // namespace
}  // namespace mock::http
