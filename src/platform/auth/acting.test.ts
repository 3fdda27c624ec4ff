import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/problem.ts';
import { acting, actingAs, signedIn } from './acting.ts';
import { type AccountActor, ANONYMOUS } from './actor.ts';

const account = (...roles: AccountActor['grants'][number]['role'][]): AccountActor => ({
  kind: 'account',
  accountId: 7,
  displayName: 'Sari',
  ownerId: null,
  grants: roles.map((role) => ({ role, scopeKind: 'district', scopeId: '317101' })),
  sessionHash: Buffer.alloc(0),
  csrfToken: 't',
  mustEnrolTotp: false,
});
const request = (actor: FastifyRequest['actor']) => ({ actor, id: 'req-1' }) as FastifyRequest;

describe('acting', () => {
  it('gives the signed-in account, and refuses an anonymous caller with 401', () => {
    const a = account('pendamping');
    expect(signedIn(request(a))).toBe(a);
    let refused: unknown;
    try {
      signedIn(request(ANONYMOUS));
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('acts in the first role of the rule the account holds, and audits under it', () => {
    const a = acting(request(account('kasatpel', 'platform_admin')), ['platform_admin', 'pendamping', 'kasatpel']);
    expect(a.role).toBe('platform_admin');
    expect(a.who).toEqual({ accountId: 7, role: 'platform_admin', label: 'Sari', requestId: 'req-1' });
    expect(acting(request(account('kasatpel')), ['platform_admin', 'pendamping', 'kasatpel']).role).toBe('kasatpel');
  });

  it('acts in a named role', () => {
    expect(actingAs(request(account('pendamping')), 'umkm_owner').who.role).toBe('umkm_owner');
  });
});
