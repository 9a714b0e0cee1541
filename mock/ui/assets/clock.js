// The mock's clock: now and the time scale (GET /__mock/clock, again every second while shown),
// and an advance by N seconds (POST /__mock/clock/advance?seconds=N).
import { call } from "./api.js";
import { byId, say } from "./dom.js";

// run: the number of the latest load; an answer to an older one is dropped (journal.js).
const state = { timer: 0, run: 0, visible: false };

function render(clock) {
  byId("clock-now").textContent = clock.now;
  byId("clock-epoch").textContent = clock.epochMillis;
  byId("clock-scale").textContent =
    clock.timeScale === 0
      ? "0 (time stands still until advanced)"
      : `${clock.timeScale}× real time`;
}

async function loadClock() {
  clearTimeout(state.timer);
  const run = ++state.run;
  const answer = await call("GET", "/__mock/clock");
  if (run !== state.run) return;
  if (answer.ok) render(answer.data);
  else say(byId("clock-answer"), answer.message, "error");
  if (state.visible) state.timer = setTimeout(loadClock, 1000);
}

async function advance(event) {
  event.preventDefault();
  const seconds = byId("clock-seconds").value.trim();
  state.run += 1; // a poll under way would show the time before the advance
  const answer = await call("POST", "/__mock/clock/advance", { query: { seconds } });
  if (answer.ok) {
    render(answer.data);
    say(byId("clock-answer"), `Advanced by ${seconds} s.`, "ok");
  } else {
    say(byId("clock-answer"), answer.message, "error");
  }
  if (state.visible) state.timer = setTimeout(loadClock, 1000);
}

export function initClock() {
  byId("clock-form").addEventListener("submit", advance);
}

export function showClock(visible) {
  state.visible = visible;
  if (visible) loadClock();
  else {
    clearTimeout(state.timer);
    state.run += 1;
  }
}
