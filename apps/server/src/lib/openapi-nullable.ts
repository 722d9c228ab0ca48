type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A schema that accepts `null` and nothing else, said the OpenAPI 3.0.3 way: `nullable` only adds `null` to
 * the `type` of its own schema object, and the enum then keeps `null` alone.
 */
export const NULL_ONLY = { type: "string", nullable: true, enum: [null] } as const;

const isNullMember = (value: unknown) =>
  isObject(value) && Object.keys(value).length === 1 && value.nullable === true;

const mapValues = (map: Json, f: (value: unknown) => unknown) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, f(value)]));

/**
 * The document with its `null`s valid in OpenAPI 3.0.3. zod-to-openapi writes `z.null()` as `{ "nullable": true }`
 * (a union member, or the `allOf` partner of a nullable `$ref`), and `z.unknown()` the same way; without a `type`
 * beside it, `nullable` means nothing, so such a member accepts any value. Here a union's null member becomes
 * NULL_ONLY, `allOf: [X, null]` becomes `anyOf: [X, NULL_ONLY]`, and a lone untyped `nullable` is dropped
 * (an untyped schema already accepts null): the document then says what the API accepts and returns.
 */
export function validNullables<T>(document: T): T {
  return inDocument(document) as T;
}

// Down to the schemas: each `schema` field (of a parameter, header or media type) and each component schema.
function inDocument(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) return node.map((item) => inDocument(item));
  if (!isObject(node)) return node;
  const copy: Json = {};
  for (const [name, value] of Object.entries(node)) {
    if (name === "example" || name === "examples") copy[name] = value;
    else if (name === "schema") copy[name] = inSchema(value);
    else if (name === "schemas" && key === "components" && isObject(value))
      copy[name] = mapValues(value, inSchema);
    else copy[name] = inDocument(value, name);
  }
  return copy;
}

function inSchema(node: unknown): unknown {
  if (!isObject(node)) return node;
  const copy: Json = { ...node };
  if (isObject(node.properties)) copy.properties = mapValues(node.properties, inSchema);
  if (isObject(node.additionalProperties)) copy.additionalProperties = inSchema(node.additionalProperties);
  if (node.items !== undefined) copy.items = inSchema(node.items);
  if (node.not !== undefined) copy.not = inSchema(node.not);
  for (const union of ["anyOf", "oneOf"] as const) {
    const members = node[union];
    if (Array.isArray(members))
      copy[union] = members.map((member) => (isNullMember(member) ? NULL_ONLY : inSchema(member)));
  }
  if (Array.isArray(node.allOf)) {
    const others = node.allOf.filter((member) => !isNullMember(member)).map(inSchema);
    delete copy.allOf;
    if (others.length === node.allOf.length) copy.allOf = others;
    // With no other member, "anything or null" is anything (and `allOf: []` is invalid).
    else if (others.length > 0) {
      const orNull = [others.length === 1 ? others[0] : { allOf: others }, NULL_ONLY];
      if (copy.anyOf === undefined) copy.anyOf = orNull;
      else copy.allOf = [{ anyOf: orNull }];
    }
  }
  if (copy.nullable !== undefined && copy.type === undefined) delete copy.nullable;
  return copy;
}
