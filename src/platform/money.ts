/** Money is whole rupiah (integers; bigint in the database). Shown as `Rp 1.250.000`. */
export function formatRupiah(amount: number | bigint): string {
  const n = typeof amount === 'bigint' ? amount : BigInt(Math.trunc(amount));
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}Rp ${digits}`;
}

export function isWholeRupiah(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}
