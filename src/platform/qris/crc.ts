// CRC-16/CCITT-FALSE, the checksum of an EMVCo payload (tag 63): polynomial 0x1021, initial value 0xFFFF, no
// reflection, no final XOR. It covers the payload from `000201` up to and including the literal `6304`.

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let b = 0; b < 8; b++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

/** The CRC of a string's characters taken as bytes (QRIS payloads are ASCII), as 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    const byte = text.charCodeAt(i) & 0xff;
    crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
