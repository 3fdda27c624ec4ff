import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data (UU 27/2022): NIK, phone. Each value is encrypted with AES-256-GCM under a random 96-bit nonce,
 * and looked up by an HMAC-SHA-256 keyed hash so the database can enforce uniqueness without holding the value.
 * Two subkeys are derived from one master key (PL_DATA_KEY, 32 bytes as base64 or hex).
 */
export interface PersonalDataKeys {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer | Uint8Array): string;
  hash(plain: string): Buffer;
}

export function keysFrom(master: Buffer): PersonalDataKeys {
  if (master.length !== 32) throw new Error('PL_DATA_KEY must be 32 bytes (base64 or hex)');
  const sub = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const encKey = sub('pasar-lokal/personal-data/aes-256-gcm');
  const macKey = sub('pasar-lokal/personal-data/hmac');
  return {
    encrypt(plain) {
      const nonce = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, nonce);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([Buffer.from([1]), nonce, c.getAuthTag(), body]); // version 1 | nonce | tag | ciphertext
    },
    decrypt(sealed) {
      const b = Buffer.from(sealed);
      if (b[0] !== 1) throw new Error('unknown personal-data envelope version');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, b.subarray(1, 13));
      d.setAuthTag(b.subarray(13, 29));
      return Buffer.concat([d.update(b.subarray(29)), d.final()]).toString('utf8');
    },
    hash(plain) {
      return crypto.createHmac('sha256', macKey).update(plain, 'utf8').digest();
    },
  };
}

function decodeKey(text: string): Buffer {
  const t = text.trim();
  return /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
}

let cached: PersonalDataKeys | undefined;

/**
 * The key comes from PL_DATA_KEY. Without it the platform makes a local key file (PL_DATA_KEY_FILE, default
 * ./data/pl-data.key), says where, and carries on: it never refuses to start. Losing that file loses the data.
 */
export function personalDataKeys(
  env: NodeJS.ProcessEnv = process.env,
  log: (msg: string) => void = console.warn,
): PersonalDataKeys {
  if (cached) return cached;
  if (env.PL_DATA_KEY) {
    cached = keysFrom(decodeKey(env.PL_DATA_KEY));
    return cached;
  }
  const file = path.resolve(env.PL_DATA_KEY_FILE || './data/pl-data.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      log(
        `PL_DATA_KEY is not set: generated a local personal-data key at ${file}. Back it up; set PL_DATA_KEY in production.`,
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  cached = keysFrom(decodeKey(fs.readFileSync(file, 'utf8')));
  return cached;
}
