// ocp-mock's page (docs/ui.md): plain modules, no framework, no build step. The views are
// sections of index.html, one shown at a time, chosen by the side navigation and kept in the
// address's fragment (#tasks, #journal, ...) so that a reload stays on the view.
import { credentials, onUnauthorized } from "./api.js";
import { byId, say } from "./dom.js";
import { initClock, showClock } from "./clock.js";
import { initFaults, showFaults } from "./faults.js";
import { initJournal, showJournal } from "./journal.js";
import { initSystem, loadHealth, loadSystem } from "./system.js";
import { initTasks, loadTasks, showTasks } from "./tasks.js";

const VIEWS = ["tasks", "journal", "faults", "clock", "system"];
let current = null;

function show(view) {
  const name = VIEWS.includes(view) ? view : "tasks";
  if (name === current) return;
  current = name;
  for (const v of VIEWS) {
    byId(`view-${v}`).hidden = v !== name;
    byId(`tab-${v}`).classList.toggle("active", v === name);
    if (v === name) byId(`tab-${v}`).setAttribute("aria-current", "page");
    else byId(`tab-${v}`).removeAttribute("aria-current");
  }
  showJournal(name === "journal");
  showFaults(name === "faults");
  showClock(name === "clock");
  if (name === "tasks") showTasks();
  if (name === "system") loadSystem();
  if (window.location.hash !== `#${name}`) window.history.replaceState(null, "", `#${name}`);
}

// The login bar: shown by a 401 or the user button; the credentials stay in memory only.
function initLogin() {
  const bar = byId("login-bar");
  onUnauthorized((answer) => {
    say(byId("login-message"), `${answer.message}. Give a user of the mock's users file.`);
    bar.hidden = false;
  });
  byId("login-toggle").addEventListener("click", () => {
    say(byId("login-message"), "The credentials the page sends (kept in this page only).");
    bar.hidden = !bar.hidden;
  });
  bar.addEventListener("submit", (event) => {
    event.preventDefault();
    credentials.user = byId("login-user").value;
    credentials.password = byId("login-password").value;
    byId("login-current").textContent = credentials.user;
    bar.hidden = true;
    if (current === "tasks") loadTasks();
    if (current === "system") loadSystem();
  });
}

function start() {
  initLogin();
  initTasks();
  initJournal();
  initFaults();
  initClock();
  initSystem();
  for (const v of VIEWS) byId(`tab-${v}`).addEventListener("click", () => show(v));
  window.addEventListener("hashchange", () => show(window.location.hash.slice(1)));
  loadHealth();
  show(window.location.hash.slice(1));
  document.body.dataset.ready = "true";
}

start();
