// The HTTP benchmark's ceiling: a bare Pistache 0.0.5 server that answers every request with
// one fixed body, configured as ocp-mock configures Pistache (same thread count, same flags).
// Whatever ocp-mock adds on top (routing, authentication, the query, JSON) shows up as the gap
// between the two in tools/bench. It talks to Pistache directly on purpose: it measures the
// library, not our adapter. Pistache closes a connection whose request has no Connection header
// (docs/reference/pistache-0.0.5.md P9), so tools/bench sends "Connection: keep-alive" to every
// server.
//
//   ocp-pistache-ceiling --body page.json [--port 0] [--threads 1]
//   # prints "listening on http://127.0.0.1:PORT", like ocp-mock
#include <pistache/endpoint.h>
#include <pistache/http.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

class FixedBody : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(FixedBody)

  explicit FixedBody(std::string body) : body_(std::move(body)) {}

  void onRequest(const Pistache::Http::Request&, Pistache::Http::ResponseWriter response) override {
    response.headers().add<Pistache::Http::Header::ContentType>(MIME(Application, Json));
    response.send(Pistache::Http::Code::Ok, body_);
  }

 private:
  std::string body_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"A bare Pistache server answering one fixed body: tools/bench's ceiling."};
  std::string body_file;
  uint16_t port = 0;
  int threads = 1;
  app.add_option("--body", body_file, "file whose content is every response's body")->required();
  app.add_option("--port", port, "port on 127.0.0.1 (0: any free port)");
  app.add_option("--threads", threads, "Pistache worker threads (ocp-mock's default: 1)")
      ->check(CLI::Range(1, 64));
  CLI11_PARSE(app, argc, argv);
  std::ifstream in(body_file, std::ios::binary);
  if (!in) return std::fprintf(stderr, "cannot read %s\n", body_file.c_str()), 2;
  std::ostringstream body;
  body << in.rdbuf();

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Pistache::Http::Endpoint endpoint(
      Pistache::Address(Pistache::Ipv4::loopback(), Pistache::Port(port)));
  endpoint.init(Pistache::Http::Endpoint::options().threads(threads).flags(
      Pistache::Tcp::Options::ReuseAddr));
  endpoint.setHandler(Pistache::Http::make_handler<FixedBody>(body.str()));
  endpoint.serveThreaded();
  std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(endpoint.getPort()));
  std::fflush(stdout);
  int signal = 0;
  sigwait(&signals, &signal);
  endpoint.shutdown();
  return 0;
}
