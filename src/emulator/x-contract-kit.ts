import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Validation of X answers against the official X API v2 OpenAPI document (`fixtures/x-openapi.json`),
 * made strict: every object schema that lists its properties refuses any other key, at every depth.
 * `allOf` compositions are merged into one object (so the merged properties are all allowed), and
 * the discriminated `Problem` and `Media` become a `oneOf` of their mapped schemas, each fixing its
 * discriminating value. The spec itself is not changed.
 */

type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const SPEC: Spec = JSON.parse(
  readFileSync(new URL('./fixtures/x-openapi.json', import.meta.url), 'utf8'),
) as Spec;
const PREFIX = '#/components/schemas/';
const components = SPEC.components.schemas;

const nameOf = (ref: string) => ref.slice(PREFIX.length);

/** A component as written, without its discriminator (the base a mapped schema extends). */
function base(name: string): Schema {
  const { discriminator: _ignored, ...rest } = components[name]!;
  return rest;
}

/** `allOf` members merged into one object schema: properties and required lists joined. */
function merge(members: Schema[]): Schema {
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  let description: unknown;
  for (const member of members) {
    const flat = flatten(member);
    Object.assign(properties, flat.properties as Record<string, Schema> | undefined);
    for (const name of (flat.required as string[] | undefined) ?? []) required.add(name);
    description ??= flat.description;
  }
  return {
    type: 'object',
    ...(description !== undefined ? { description } : {}),
    properties,
    ...(required.size > 0 ? { required: [...required] } : {}),
  };
}

/** A schema with its `allOf` merged and its `$ref`s followed (for merging only). */
function flatten(schema: Schema): Schema {
  if (typeof schema.$ref === 'string') return flatten(base(nameOf(schema.$ref)));
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    return { ...rest, ...merge(allOf as Schema[]) };
  }
  return schema;
}

/** The strict form of a schema: closed objects, merged `allOf`, discriminators as `oneOf`. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  let s = schema as Schema;
  if (Array.isArray(s.allOf)) s = flatten(s);
  const out: Schema = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'discriminator' || key === 'example') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strict(v)]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key)) out[key] = strict(value);
    else if (['oneOf', 'anyOf'].includes(key)) out[key] = strict(value);
    else out[key] = value;
  }
  if (out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/** A discriminated component: one closed schema per mapped value, each fixing that value. */
function discriminated(name: string): Schema {
  const { propertyName, mapping } = components[name]!.discriminator as {
    propertyName: string;
    mapping: Record<string, string>;
  };
  return {
    type: 'object',
    required: [propertyName],
    discriminator: { propertyName },
    oneOf: Object.entries(mapping).map(([value, ref]) => {
      const one = strict(flatten(base(nameOf(ref)))) as Schema;
      const properties = { ...(one.properties as Schema), [propertyName]: { const: value } };
      return {
        ...one,
        properties,
        required: [...new Set([...((one.required as string[]) ?? []), propertyName])],
      };
    }),
  };
}

const strictComponents = Object.fromEntries(
  Object.keys(components).map((name) => [
    name,
    name === 'Problem' || name === 'Media' ? discriminated(name) : strict(components[name]),
  ]),
);

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true, discriminator: true }));
ajv.addSchema({ components: { schemas: strictComponents } }, 'x-api');

const validators = new Map<string, ValidateFunction>();
function validator(ref: string): ValidateFunction {
  let found = validators.get(ref);
  if (!found) {
    found = ajv.getSchema(`x-api${ref}`);
    if (!found) throw new Error(`no schema ${ref} in the X spec`);
    validators.set(ref, found);
  }
  return found;
}

export interface ContractAnswer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * What is wrong with an answer of `method path` (the spec's path, `/2/users/{id}/mentions`) by the
 * spec: the response of its status (or `default`), the schema of its content type
 * (`application/problem+json` for problems). An empty list when it conforms.
 */
export function contractProblems(method: string, path: string, answer: ContractAnswer): string[] {
  const operation = SPEC.paths[path]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${path} is not in the X spec`];
  const response = operation.responses[String(answer.status)] ?? operation.responses.default;
  if (!response?.content) return [`${method} ${path} has no response for ${answer.status}`];
  const type = (answer.contentType ?? '').split(';')[0]!.trim();
  const media = response.content[type];
  if (!media)
    return [
      `${answer.status} ${type || '(none)'} is not one of ${Object.keys(response.content).join(', ')}`,
    ];
  const ref = media.schema.$ref as string;
  const validate = validator(ref);
  if (validate(answer.body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${nameOf(ref)}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
