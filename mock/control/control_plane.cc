#include "mock/control/control_plane.h"

#include "mock/ui/ui_pages.h"

namespace mock::api {

ControlPlane::ControlPlane(ControlState s)
    : control_(s.parts),
      journal_(s.parts.journal),
      faults_(s.parts.faults, s.schemas),
      scenarios_(s.parts.store, s.schemas),
      reload_(std::move(s.source), s.parts.store, s.parts.entities, s.authenticator,
              s.parts.families) {}

std::vector<Route> ControlPlane::Routes() const {
  const Access mock = Access::kControl;
  const ControlHandlers* c = &control_;
  const JournalHandlers* j = &journal_;
  const FaultHandlers* f = &faults_;
  const ScenarioHandlers* s = &scenarios_;
  const ReloadHandlers* r = &reload_;
  std::vector<Route> routes = {
      {"GET", "/__mock/clock", mock, [c](const Call&) { return c->Clock(); }},
      {"POST", "/__mock/clock/advance", mock,
       [c](const Call& call) { return c->AdvanceClock(call.request.query); }},
      {"POST", "/__mock/reset", mock,
       [c](const Call& call) { return c->Reset(call.request.query); }},
      {"GET", "/__mock/requests", mock, [j](const Call& call) { return j->List(call.request); }},
      {"GET", "/__mock/requests.har", mock, [j](const Call& call) { return j->Har(call.request); }},
      {"DELETE", "/__mock/requests", mock, [j](const Call&) { return j->Clear(); }},
      {"GET", "/__mock/requests/count", mock,
       [j](const Call& call) { return j->Count(call.request.query); }},
      {"POST", "/__mock/faults", mock, [f](const Call& call) { return f->Add(call.request.body); }},
      {"GET", "/__mock/faults", mock, [f](const Call&) { return f->List(); }},
      {"DELETE", "/__mock/faults", mock, [f](const Call&) { return f->Clear(); }},
      {"DELETE", "/__mock/faults/{faultId}", mock,
       [f](const Call& call) { return f->Remove(call.ids[0]); }},
      {"PUT", "/__mock/tasks/{taskId}", mock,
       [s](const Call& call) { return s->PutTask(call.ids[0], call.request.body); }},
      {"POST", "/__mock/tasks", mock,
       [s](const Call& call) { return s->PostTasks(call.request.body); }},
      {"DELETE", "/__mock/tasks/{taskId}", mock,
       [s](const Call& call) { return s->DeleteTask(call.ids[0]); }},
      {"POST", "/__mock/fixtures/reload", mock, [r](const Call&) { return r->Reload(); }},
  };
  for (Route& route : ui::UiRoutes()) routes.push_back(std::move(route));  // /__mock/ui
  return routes;
}

}  // namespace mock::api
