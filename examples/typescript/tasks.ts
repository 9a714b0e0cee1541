// A TypeScript client of OCP's task list, typed by what openapi-typescript generates from
// ocp-mock's OpenAPI document for OCP 4.2.2 (docs/openapi.md, "Generating a client"): the query
// it sends and the page it reads are checked by `tsc --noEmit` against ./ocp-4.2.2.ts, which the
// commands on that page write beside this file. Nothing here is written by hand to match OCP:
// a field the document does not have, or a filter value it does not allow, fails to compile.
import type { paths } from "./ocp-4.2.2";

type ListTasks = paths["/api/v2/tasks/instances"]["get"];
export type TaskQuery = NonNullable<ListTasks["parameters"]["query"]>;
export type TaskPage = ListTasks["responses"][200]["content"]["application/json"];
export type TaskStatus = TaskPage["data"]["contents"][number]["status"];

// The query as OCP reads it: a repeated parameter is sent once per value (`status=A&status=B`),
// as the document's `explode: true` says.
function queryString(query: TaskQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  return search.toString();
}

// GET /api/v2/tasks/instances with HTTP Basic credentials ("user:password"); the status of the
// first task on the page, or undefined for an empty page.
export async function firstTaskStatus(
  baseUrl: string,
  credentials: string,
  query: TaskQuery = {},
): Promise<TaskStatus | undefined> {
  const url = new URL(`/api/v2/tasks/instances?${queryString(query)}`, baseUrl);
  const response = await fetch(url, {
    headers: { Authorization: `Basic ${btoa(credentials)}`, Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const { data } = (await response.json()) as TaskPage; // OCP's envelope: the page is its data
  return data.contents[0]?.status;
}

// What a caller writes: the filter values are the document's enum, so a typo does not compile.
export async function firstFailedTask(baseUrl: string): Promise<boolean> {
  const status = await firstTaskStatus(baseUrl, "admin:Admin@123", { status: ["FAILED"], size: 1 });
  return status === "FAILED";
}
