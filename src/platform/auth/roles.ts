/** The roles of the platform and the kind of scope each is limited to. One account may hold several roles. */
export const ROLES = {
  platform_admin: { scope: 'province', totp: true }, // Dinas PPKUKM
  pengampu_officer: { scope: 'fostering_agency', totp: false }, // one fostering agency (pengampu)
  pendamping: { scope: 'district', totp: false }, // field mentor of one kecamatan
  kasatpel: { scope: 'district', totp: false }, // Kasatpel PPKUKM kecamatan
  kurator: { scope: 'province', totp: false },
  umkm_owner: { scope: 'own', totp: false }, // the businesses of the account's registry person
  pa_kpa: { scope: 'agency', totp: true }, // Pengguna Anggaran / Kuasa PA: budget holder
  ppk: { scope: 'agency', totp: true }, // Pejabat Pembuat Komitmen: commitment officer
  pejabat_pengadaan: { scope: 'agency', totp: false }, // procurement officer
  bendahara: { scope: 'agency', totp: true }, // treasurer
  bppbj_analyst: { scope: 'province', totp: false }, // procurement bureau
  auditor: { scope: 'province', totp: false }, // read-only, e.g. the inspectorate
  mall_partner: { scope: 'mall', totp: false },
  lender_officer: { scope: 'lender', totp: false },
  asn_buyer: { scope: 'agency', totp: false }, // civil servant buying on Jumat Beli Lokal
  public_buyer: { scope: 'none', totp: false },
} as const;

export type Role = keyof typeof ROLES;
export type ScopeKind = (typeof ROLES)[Role]['scope'];
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Roles that approve or move money or change rules must log in with a second factor (TOTP). */
export const requiresTotp = (roles: readonly Role[]) => roles.some((r) => ROLES[r].totp);

export const isRole = (r: string): r is Role => r in ROLES;
