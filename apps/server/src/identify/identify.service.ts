import { identify as parseCode } from '@verity/codes';
import type { IdentifyResponse, Language } from '@verity/contract';
import type { Actor } from '../platform/policy';
import type { CatalogService } from '../catalog/catalog.module';
import { presentSummary } from '../catalog/products.present';
import type { AlertsService } from '../alerts/alerts.service';

/**
 * C2 "identify this": parse whatever was typed or scanned, then find the product by the
 * strongest evidence first — GTIN (any packaging level), IMEI TAC, a right holder's
 * proprietary code pattern — and only then by text.
 */
export function createIdentifyService({
  catalog,
  alerts,
}: {
  catalog: CatalogService;
  alerts: Pick<AlertsService, 'alertsMatching'>;
}) {
  async function identify(actor: Actor, input: string, requestedLang?: Language): Promise<IdentifyResponse> {
    const lang = requestedLang ?? actor.locale ?? undefined;
    const { input: _input, ...parsed } = parseCode(input);
    const lookups = catalog.products.lookups(actor);
    const present = (rows: Parameters<typeof presentSummary>[0][]) => rows.map((r) => presentSummary(r, lang));
    // Risk alerts in force for the officer's country about a product found: shown with the answer.
    const answer = async (
      matchedBy: IdentifyResponse['matchedBy'],
      products: IdentifyResponse['products'],
    ): Promise<IdentifyResponse> => ({
      input,
      parsed,
      matchedBy,
      products,
      alerts: await alerts.alertsMatching(
        actor,
        products.map((p) => p.id),
      ),
    });

    if (parsed.gtin) {
      const rows = await lookups.byGtin(parsed.gtin);
      if (rows.length > 0) return answer('gtin', present(rows));
    }
    if (parsed.imei?.tac) {
      const rows = await lookups.byTac(parsed.imei.tac);
      if (rows.length > 0) return answer('imei_tac', present(rows));
    }
    const code = input.trim();
    if (code.length > 0 && code.length <= 200) {
      const rows = await lookups.byProprietaryCode(code);
      if (rows.length > 0) return answer('proprietary', present(rows));
    }
    if (parsed.kind === 'text' && code.length > 0) {
      const result = await catalog.products.searchProducts(actor, { q: code, lang, limit: 10 });
      if (result.items.length > 0) return answer('text', result.items);
    }
    return answer('none', []);
  }
  return { identify };
}
export type IdentifyService = ReturnType<typeof createIdentifyService>;
