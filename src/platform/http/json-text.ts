// Answers kept as JSON text (src/procurement/share/read-cache.ts): shaped once by the route's own response schema,
// then sent as they are, so a kept answer is byte for byte what the route would have serialized.

/** The part of a reply these helpers use; any route's reply has it, whatever its schema types. */
export interface JsonReply {
  getSerializationFunction(httpStatus: string): unknown;
  type(contentType: string): unknown;
  header(name: string, value: string): unknown;
  request: { headers: Record<string, string | string[] | undefined> };
}

/** `value` serialized by the route's response schema for HTTP 200. */
export function serializeOk(reply: JsonReply, value: object): string {
  const serialize = reply.getSerializationFunction('200') as ((v: object) => string) | undefined;
  if (!serialize) throw new Error('the route has no response schema for 200');
  return serialize(value);
}

/**
 * Sends JSON text already shaped by serializeOk. The route's types expect the answer's object, not its text: the
 * cast is that, and fastify sends a string with a JSON content type as it is.
 */
export function sendJsonText<R extends JsonReply>(reply: R, body: string): R {
  (reply.type('application/json; charset=utf-8') as { send(body: string): unknown }).send(body);
  return reply;
}

/** Whether the client takes gzip (every browser and fetch does). */
export const acceptsGzip = (reply: JsonReply) =>
  /\bgzip\b/.test(String(reply.request.headers['accept-encoding'] ?? ''));

/** Sends JSON text kept gzipped (the same bytes every time, compressed once), saying so. */
export function sendJsonGzip<R extends JsonReply>(reply: R, gzipped: Buffer): R {
  reply.header('content-encoding', 'gzip');
  reply.header('vary', 'accept-encoding');
  (reply.type('application/json; charset=utf-8') as { send(body: Buffer): unknown }).send(gzipped);
  return reply;
}
