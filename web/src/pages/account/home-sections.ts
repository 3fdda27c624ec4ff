import type { HomeSection } from '../../../../src/access/schema.ts';
import type { Role } from '../../../../src/platform/schema.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/id.ts';

export type { HomeSection };

// Spelled out (not built from strings) so the type checker and the i18n test see every key.
export const ROLE_LABEL: Record<Role, MessageKey> = {
  platform_admin: 'role.platform_admin',
  pengampu_officer: 'role.pengampu_officer',
  pendamping: 'role.pendamping',
  kasatpel: 'role.kasatpel',
  kurator: 'role.kurator',
  umkm_owner: 'role.umkm_owner',
  pa_kpa: 'role.pa_kpa',
  ppk: 'role.ppk',
  pejabat_pengadaan: 'role.pejabat_pengadaan',
  bendahara: 'role.bendahara',
  bppbj_analyst: 'role.bppbj_analyst',
  auditor: 'role.auditor',
  mall_partner: 'role.mall_partner',
  lender_officer: 'role.lender_officer',
  asn_buyer: 'role.asn_buyer',
  public_buyer: 'role.public_buyer',
};

const SCOPE_LABEL: Record<string, MessageKey> = {
  fostering_agency: 'scope.fostering_agency',
  district: 'scope.district',
  agency: 'scope.agency',
  mall: 'scope.mall',
  lender: 'scope.lender',
};

export const roleLabel = (role: string, t: I18n['t']) => (role in ROLE_LABEL ? t(ROLE_LABEL[role as Role]) : role);
export const scopeLabel = (kind: string, t: I18n['t']) => (kind in SCOPE_LABEL ? t(SCOPE_LABEL[kind]!) : kind);

/** A figure's value in the reader's number format and unit: `1.250`, `Rp 1.250.000`, `2.000 m²`, `40%`. */
export function figureText(f: HomeSection['figures'][number], i18n: Pick<I18n, 'num' | 'rupiah'>): string {
  switch (f.unit) {
    case 'rupiah':
      return i18n.rupiah(f.value);
    case 'm2':
      return `${i18n.num(f.value)}\u00a0m²`;
    case 'percent':
      return `${i18n.num(f.value)}%`;
    default:
      return i18n.num(f.value);
  }
}
