#include "mock/bench/page_bench.h"

#include <benchmark/benchmark.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>

#include <utility>

#include "mock/http/message.h"
#include "mock/json/json_writer.h"

namespace mock::bench {
namespace {

// What a request costs below HTTP: the handler, then its data written as JSON.
Status AnswerPage(const api::Route& route, const api::Call& call, rapidjson::StringBuffer& buf) {
  auto reply = route.handler(call);
  if (!reply.ok()) return reply.status();
  json::JsonWriter w(buf);
  reply.value().write_data(w);
  return Status();
}

Status CheckPage(const PageCase& c, const api::Route& route, const api::Call& call) {
  rapidjson::StringBuffer buf;
  if (Status s = AnswerPage(route, call, buf); !s.ok()) return s;
  rapidjson::Document d;
  d.Parse(buf.GetString(), buf.GetSize());
  if (d.HasParseError() || !d.IsObject()) return InternalError("not a JSON object");
  if (!c.member.empty()) {
    return d.HasMember(c.member.c_str()) ? Status() : InternalError("no " + c.member);
  }
  if (!d.HasMember("contents") || !d["contents"].IsArray()) return InternalError("not a list");
  if (c.listed && d["contents"].Size() != *c.listed) {
    return InternalError(std::to_string(d["contents"].Size()) + " items, expected " +
                         std::to_string(*c.listed));
  }
  return Status();
}

}  // namespace

Status RegisterPage(const PageCase& c, const std::shared_ptr<const std::vector<api::Route>>& routes,
                    std::shared_ptr<const void> keep) {
  const api::Route* route = nullptr;
  for (const api::Route& r : *routes) {
    if (r.method == "GET" && r.pattern == c.pattern) route = &r;
  }
  if (route == nullptr) return NotFound("no route GET " + c.pattern);
  auto request = http::MakeRequest("GET", c.target);
  if (!request.ok()) return request.status();
  auto held = std::make_shared<const http::Request>(std::move(request).value());
  if (Status s = CheckPage(c, *route, api::Call{*held, c.ids, nullptr, c.texts}); !s.ok()) {
    return s;
  }
  benchmark::RegisterBenchmark(
      c.name.c_str(), [keep = std::move(keep), routes, route, held, c](benchmark::State& state) {
        const api::Call call{*held, c.ids, nullptr, c.texts};
        for (auto _ : state) {
          rapidjson::StringBuffer buf;
          benchmark::DoNotOptimize(AnswerPage(*route, call, buf));
          benchmark::DoNotOptimize(buf.GetString());
        }
      });
  return Status();
}

}  // namespace mock::bench
