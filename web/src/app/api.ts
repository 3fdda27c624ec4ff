import type { Bilingual, ErrorCode, FieldError } from '../../../src/platform/schema.ts';
import { navigate } from './router.tsx';
import { csrfToken, signedOut } from './session.ts';

/**
 * Calls the API with JSON, the session cookie and the CSRF token. Failures become an ApiProblem carrying the
 * server's problem+json (stable code, bilingual message, field errors); a dropped connection is code 'network'.
 */
/**
 * What a failed call is known by: the server's problem code (the one list, platform/http/error-codes.ts), or the
 * client's own 'network' and 'http_<status>' when no problem came back. A code the server cannot send does not
 * compile.
 */
export type ProblemCode = ErrorCode | 'network' | `http_${number}`;

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly bilingual: Bilingual | undefined,
    readonly errors: FieldError[] = [],
    readonly retryAfter?: number,
  ) {
    super(code);
  }

  /** Field errors by the form field's name: `body.password` → `password`. */
  fieldErrors(): Record<string, Bilingual> {
    const out: Record<string, Bilingual> = {};
    for (const e of this.errors) {
      const name = e.field.replace(/^body\./, '');
      out[name] ??= e.message;
    }
    return out;
  }
}

export async function api<T>(
  path: string,
  opts: { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  const token = csrfToken();
  if (method !== 'GET') {
    // Fastify refuses an empty body sent as JSON, so a write without fields sends `{}`.
    headers['content-type'] = 'application/json';
    if (token) headers['x-csrf-token'] = token;
  }
  return send<T>(path, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}) });
}

/**
 * Sends a multipart form (a file upload) with the session cookie and CSRF token. Failures become the same
 * ApiProblem as `api()` gives, so field errors (`body.document`) land next to their field.
 */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  return send<T>(path, { method: 'POST', headers, body: form });
}

/** The request itself, and what `api()` and `upload()` make of a failure. */
async function send<T>(
  path: string,
  init: { method: string; headers: Record<string, string>; body: BodyInit | undefined },
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiProblem(0, 'network', undefined);
  }
  if (res.ok) return (await res.json()) as T;
  let problem: { code?: ErrorCode; message?: Bilingual; errors?: FieldError[] } = {};
  try {
    problem = await res.json();
  } catch {
    /* not JSON (a proxy's error page): the status alone */
  }
  const retry = Number(res.headers.get('retry-after'));
  const p = new ApiProblem(
    res.status,
    problem.code ?? `http_${res.status}`,
    problem.message,
    problem.errors ?? [],
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
  // The server opens nothing else until a TOTP-requiring account has enrolled: take the user there.
  if (p.code === 'totp_enrolment_required' && location.pathname !== '/keamanan/totp')
    navigate('/keamanan/totp', { replace: true });
  // The session ended elsewhere (logout on another device, password changed): back to the login page.
  if (p.code === 'unauthenticated') {
    signedOut();
    if (location.pathname !== '/masuk')
      navigate(`/masuk?lanjut=${encodeURIComponent(location.pathname)}`, { replace: true });
  }
  throw p;
}
