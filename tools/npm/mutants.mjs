// Mutants of a valid answer that its schema must refuse, for ajv-agree.mjs: each a change at a
// place where the draft-07 schema files, read here without any validator, say for certain that
// the value is wrong. So a mutant a validator accepts is that validator's fault (or the
// conversion's), never a doubtful mutant.
//
//   mutantsOf(body, "task-list-response", files, seed)
//   // [{kind: "required-removed", where: "/data/page/totalElements", body: {...}}, ...]
//
// Certain means: the subschemas reached from the root through `$ref`, `allOf`, `properties`,
// `items` (one schema) and `additionalProperties` (a schema, where no `patternProperties`) all
// apply to the value, and a value one of them refuses is invalid. What applies only for some
// values (`anyOf`, `oneOf`, `not`, `if`) is not followed, so those places get no mutant. The
// four kinds, one of each per body at most, the place picked by `seed` among those possible:
//   required-removed   a member some applying schema lists in `required`, removed
//   wrong-type         a value replaced by one of a JSON type some applying `type` excludes, or
//                      outside some applying `enum` or `const`
//   unknown-member     "ocpMockUnknownMember": 1 added where some applying schema has
//                      `additionalProperties: false` and neither `properties` nor
//                      `patternProperties` lets it in
//   not-an-enum-value  a string under an applying `enum` set to "NOT_A_VALUE"
export const MUTANT_KINDS = [
  "required-removed",
  "wrong-type",
  "unknown-member",
  "not-an-enum-value",
];

const UNKNOWN = "ocpMockUnknownMember";
const NOT_A_VALUE = "NOT_A_VALUE";

// The value at `fragment` ("/definitions/x") of `doc`.
function pointer(doc, fragment) {
  let value = doc;
  for (const part of fragment.split("/").slice(1)) {
    const key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
    value = value?.[key];
  }
  return value;
}

// A `$ref` of file `file` ("x.schema.json", "x.schema.json#/definitions/y", "#/definitions/y").
function resolve(ref, file, files) {
  const [target, fragment = ""] = ref.split("#");
  const name = target === "" ? file : target;
  const doc = files.get(name);
  return doc === undefined ? null : { schema: pointer(doc, fragment), file: name };
}

// `at` and every subschema it certainly brings along: its $ref's target (draft-07 ignores the
// keywords beside a $ref, so `at` itself is then not kept) and its allOf's members, recursively.
function certain(at, files, out) {
  const { schema, file } = at;
  if (schema === null || typeof schema !== "object" || out.some((o) => o.schema === schema)) {
    return out;
  }
  if (typeof schema.$ref === "string") {
    const target = resolve(schema.$ref, file, files);
    if (target) certain(target, files, out);
    return out;
  }
  out.push(at);
  for (const member of schema.allOf ?? []) certain({ schema: member, file }, files, out);
  return out;
}

const has = (object, key) =>
  object !== null && typeof object === "object" && Object.hasOwn(object, key);

// The subschemas certain to apply to member `key` of an object that `applying` apply to.
function memberSchemas(applying, key, files) {
  const out = [];
  for (const { schema, file } of applying) {
    if (has(schema.properties, key)) {
      certain({ schema: schema.properties[key], file }, files, out);
    } else if (!schema.patternProperties && typeof schema.additionalProperties === "object") {
      certain({ schema: schema.additionalProperties, file }, files, out);
    }
  }
  return out;
}

function itemSchemas(applying, files) {
  const out = [];
  for (const { schema, file } of applying) {
    if (schema.items !== null && typeof schema.items === "object" && !Array.isArray(schema.items)) {
      certain({ schema: schema.items, file }, files, out);
    }
  }
  return out;
}

function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeAllows(type, value) {
  const types = Array.isArray(type) ? type : [type];
  const t = jsonType(value);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Whether some applying schema refuses `value` by its type, enum or const.
function refusesValue(applying, value) {
  return applying.some(
    ({ schema }) =>
      (schema.type !== undefined && !typeAllows(schema.type, value)) ||
      (Array.isArray(schema.enum) && !schema.enum.some((e) => same(e, value))) ||
      (has(schema, "const") && !same(schema.const, value)),
  );
}

// A value of another JSON type than `value`'s.
function otherType(value) {
  switch (jsonType(value)) {
    case "string":
      return 12345;
    case "integer":
    case "number":
      return "12345";
    case "boolean":
      return "true";
    case "null":
      return "null";
    case "array":
      return {};
    default:
      return [];
  }
}

// Every possible mutant place of `value` (at JSON pointer `where`), by kind.
function places(value, where, applying, files, found) {
  if (applying.length === 0) return;
  if (where !== "" && refusesValue(applying, otherType(value))) {
    found["wrong-type"].push({ where, set: otherType(value) });
  }
  if (typeof value === "string" && applying.some(({ schema }) => Array.isArray(schema.enum))) {
    if (refusesValue(applying, NOT_A_VALUE)) {
      found["not-an-enum-value"].push({ where, set: NOT_A_VALUE });
    }
  }
  if (Array.isArray(value)) {
    const items = itemSchemas(applying, files);
    value.forEach((item, i) => places(item, `${where}/${i}`, items, files, found));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const closed = applying.some(
    ({ schema }) =>
      schema.additionalProperties === false &&
      !schema.patternProperties &&
      !has(schema.properties, UNKNOWN),
  );
  if (closed && !has(value, UNKNOWN)) found["unknown-member"].push({ where, add: UNKNOWN });
  for (const [key, member] of Object.entries(value)) {
    const path = `${where}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const requires = ({ schema }) => schema.required?.includes?.(key) === true;
    if (applying.some(requires)) {
      found["required-removed"].push({ where: path, remove: key });
    }
    places(member, path, memberSchemas(applying, key, files), files, found);
  }
}

// The object or array holding the value at `where` (a JSON pointer into a body), and its key.
function locate(body, where) {
  const parts = where.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = parts.pop();
  let parent = body;
  for (const part of parts) parent = parent[part];
  return { parent, last };
}

// The value at `where` of `body`.
function pointerIn(body, where) {
  const { parent, last } = locate(body, where);
  return parent[last];
}

function apply(body, place) {
  const copy = structuredClone(body);
  if (place.add) {
    const target = place.where === "" ? copy : pointerIn(copy, place.where);
    target[place.add] = 1;
  } else if (place.remove) {
    const { parent, last } = locate(copy, place.where);
    delete parent[last];
  } else {
    const { parent, last } = locate(copy, place.where);
    parent[last] = place.set;
  }
  return copy;
}

// At most one mutant of each kind of `body` (valid against `schema`, one of `files`).
export function mutantsOf(body, schema, files, seed) {
  const file = `${schema}.schema.json`;
  if (!files.has(file)) return [];
  const found = Object.fromEntries(MUTANT_KINDS.map((k) => [k, []]));
  places(body, "", certain({ schema: files.get(file), file }, files, []), files, found);
  const mutants = [];
  for (const kind of MUTANT_KINDS) {
    const list = found[kind];
    if (list.length === 0) continue;
    const place = list[(seed * 7919) % list.length];
    mutants.push({ kind, where: place.where || "/", body: apply(body, place) });
  }
  return mutants;
}
