/** Pure translation: look a key up in a dictionary and fill `{name}` placeholders. No React here, so it is unit-testable. */
export type Params = Record<string, string | number>;

export function translate(dict: Readonly<Record<string, string>>, key: string, params?: Params): string {
  const text = dict[key];
  // A missing key shows itself rather than an empty gap; the i18n test keeps this from reaching users.
  if (text === undefined) return key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
