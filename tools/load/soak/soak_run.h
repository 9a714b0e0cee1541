// One soak: starts ocp-mock (port 0, awaited on its ready line) with the soak's fault rules,
// runs the clients and the controller for the set time while sampling, then stops the server.
#pragma once

#include <string>
#include <vector>

#include "tools/load/soak/controller.h"
#include "tools/load/soak/growth.h"
#include "tools/load/soak/ledger.h"
#include "tools/load/soak/plot.h"

namespace soak {

struct SoakOptions {
  int seconds = 600;
  int clients = 4;
  std::string mock_binary;  // ocp-mock
  std::string source_dir;   // the checkout: fixtures/ and schemas/
};

struct SoakResult {
  double seconds = 0;
  int sample_ms = 0;
  int epoch_seconds = 0;
  std::vector<Sample> samples;
  Ledger::Counts counts;
  Controller::Activity activity;
  GrowthVerdict growth;
  bool clean_exit = false;  // the server exited with status 0 on SIGTERM after the run
};

// Sampling period: 120 samples over the run, between 0.5 s and 5 s (5 s for 10 minutes).
int SamplePeriodMs(int seconds);
// Epoch length: a tenth of the run, between 5 s and 30 s.
int EpochSeconds(int seconds);

// Runs the soak; throws std::runtime_error when the mock cannot be started or read.
SoakResult RunSoak(const SoakOptions& options);

}  // namespace soak
