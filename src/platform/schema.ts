// The platform's types the web app reads (it imports server types only from a schema.ts).
export type { Grant } from './auth/actor.ts';
export type { Role, ScopeKind } from './auth/roles.ts';
export type { Bilingual, FieldError } from './http/problem.ts';
export type { ErrorCode } from './http/error-codes.ts';
