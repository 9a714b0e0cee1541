#include "mock/reply/operation.h"

namespace mock::api {

const char* ProvenanceName(Provenance p) {
  switch (p) {
    case Provenance::kDoc:
      return "doc";
    case Provenance::kFramework:
      return "framework";
    case Provenance::kClient:
      return "client";
    case Provenance::kMock:
      return "mock";
  }
  return "mock";
}

}  // namespace mock::api
