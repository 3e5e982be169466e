/**
 * Message lookup with the conventions of i18next (which the full app will use): nested keys read
 * with dots (`auth.email`), `{{name}}` placeholders, and plural forms as `key_one`, `key_other`, ...
 * chosen by the language's CLDR rules when `count` is given. Pure, so it is tested without a browser.
 */
export type Messages = { readonly [key: string]: string | Messages };
export type Params = Readonly<Record<string, string | number>>;

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message for `key` in the first of `catalogs` that has it (the chosen language, then the
 * fallback language), or undefined when none has it.
 */
export function translate(
  lang: string,
  catalogs: readonly Messages[],
  key: string,
  params?: Params,
): string | undefined {
  const count = params?.count;
  const candidates =
    typeof count === 'number' ? [`${key}_${new Intl.PluralRules(lang).select(count)}`, `${key}_other`, key] : [key];
  for (const messages of catalogs) {
    for (const candidate of candidates) {
      const found = lookup(messages, candidate);
      if (found !== undefined) {
        const formatted = typeof count === 'number' ? { ...params, count: count.toLocaleString(lang) } : params;
        return interpolate(found, formatted);
      }
    }
  }
  return undefined;
}

/** Every key of a message file, with dots (`auth.email`), to compare files with each other. */
export function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );
}

/** The `{{placeholders}}` a message uses, sorted: translations must keep the same ones. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}
