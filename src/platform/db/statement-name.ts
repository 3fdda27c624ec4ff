import crypto from 'node:crypto';

// A prepared statement's name is its text's hash: the same text is the same statement on every connection.
const names = new Map<string, string>();

export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `pl_${crypto.createHash('sha1').update(sql).digest('hex')}`;
    if (names.size < 1000) names.set(sql, name);
  }
  return name;
}
