// Every call the page makes: same origin, with the header X-OCP-Mock-UI: 1 (the mock refuses a
// browser's state-changing request without it, so a page of another origin cannot forge one:
// it cannot add a custom header without a CORS preflight, which the mock never grants) and the
// credentials held in memory as Basic auth. Nothing is stored in the browser.

export const credentials = { user: "admin", password: "Admin@123" };

const listeners = new Set();
// onUnauthorized(fn): fn(answer) runs whenever a call answers 401.
export function onUnauthorized(fn) {
  listeners.add(fn);
}

function basic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

// call('GET', '/api/v2/...', {query, body}) resolves to an answer: {status, ok, envelope, data,
// message}, where envelope is the parsed JSON body (or null) and message says, as text, what
// OCP answered: "200", or "400 TSK10016: The expected status is ...". It never rejects: a
// network failure is an answer with status 0.
export async function call(method, path, { query, body } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.append(key, value);
  }
  const headers = {
    "X-OCP-Mock-UI": "1",
    Accept: "application/json",
    Authorization: basic(credentials.user, credentials.password),
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  let text;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      credentials: "omit",
      cache: "no-store",
      redirect: "error",
    });
    text = await response.text();
  } catch (e) {
    // No answer, or one cut short (a fault rule may reset or truncate the page's own calls).
    const status = response ? response.status : 0;
    const message = `${response ? `${status}, cut short` : "no answer"}: ${e.message}`;
    return { status, ok: false, envelope: null, data: null, message };
  }
  let envelope = null;
  try {
    envelope = text ? JSON.parse(text) : null;
  } catch {
    envelope = null;
  }
  const answer = {
    status: response.status,
    ok: response.ok,
    envelope,
    data: envelope && typeof envelope === "object" && "data" in envelope ? envelope.data : envelope,
    message: describe(response, envelope, text),
  };
  if (response.status === 401) for (const fn of listeners) fn(answer);
  return answer;
}

function describe(response, envelope, text) {
  const error = envelope && envelope.error;
  if (error) return `${response.status} ${error.code ?? ""}: ${error.message ?? ""}`;
  if (response.ok) return `${response.status} OK`;
  return `${response.status} ${response.statusText} ${text.slice(0, 200)}`.trim();
}
