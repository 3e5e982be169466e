import { eq } from 'drizzle-orm';
import { gs1CheckDigit } from '@verity/codes';
import type { ProductInput } from '@verity/contract';
import type { Database } from '../platform/db';
import type { Actor } from '../platform/policy';
import { users } from '../organisations/organisations.tables';
import { createOrganisationsService } from '../organisations/organisations.service';
import { createCatalog } from '../catalog/catalog.module';
import { demoImages } from './demo-images';
import { createAlertsService } from '../alerts/alerts.service';

export const DEMO_PASSWORD = 'verity-demo';

/** A valid GTIN-13 from a 12-digit body (demo prefixes 379…: GS1 France's range, fictional items). */
export const gtin13 = (body12: string) => body12 + String(gs1CheckDigit(body12));
const gtin14 = (indicator: string, body12: string) => indicator + body12 + String(gs1CheckDigit(indicator + body12));

/**
 * Demo data for trying Verity: a secretariat, two customs administrations, two right
 * holders with brands, products, contacts and applications for action. Loaded once, in
 * demo mode only (never in production mode: the passwords are public).
 */
export async function loadDemoDataOnce(database: Database): Promise<boolean> {
  const db = database.db;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.test')).limit(1);
  if (existing) return false;

  const orgs = createOrganisationsService({ db });
  const catalog = createCatalog({ database, maxImageBytes: 10 * 1024 * 1024 }).service;

  const secretariat = await orgs.provisionOrganisation({ kind: 'secretariat', name: 'Verity Secretariat' });
  const frCustoms = await orgs.provisionOrganisation({
    kind: 'customs',
    name: 'Direction générale des douanes (FR)',
    country: 'FR',
  });
  const esCustoms = await orgs.provisionOrganisation({
    kind: 'customs',
    name: 'Agencia Tributaria – Aduanas (ES)',
    country: 'ES',
  });
  const lumiere = await orgs.provisionOrganisation({ kind: 'right_holder', name: 'Maison Lumière SA', country: 'FR' });
  const rapid = await orgs.provisionOrganisation({ kind: 'right_holder', name: 'Rapid Sports GmbH', country: 'DE' });

  const person = (
    email: string,
    name: string,
    organisationId: string,
    role: Parameters<typeof orgs.provisionUser>[0]['role'],
    locale: 'en' | 'fr' | 'es' = 'en',
  ) => orgs.provisionUser({ email, name, password: DEMO_PASSWORD, organisationId, role, locale });
  await person('admin@demo.test', 'Ada Admin', secretariat.id, 'secretariat_admin');
  await person('officer@demo.test', 'Olivier Officer', frCustoms.id, 'officer', 'fr');
  await person('customs-admin@demo.test', 'Camille Focal Point', frCustoms.id, 'administration_admin', 'fr');
  await person('officer-es@demo.test', 'Elena Oficial', esCustoms.id, 'officer', 'es');
  const rh = await person('rightholder@demo.test', 'Rita Rightholder', lumiere.id, 'right_holder_admin');
  const rh2 = await person('rightholder2@demo.test', 'Rolf Rapid', rapid.id, 'right_holder_admin');

  const actorFor = (userId: string, organisationId: string): Actor => ({
    userId,
    membershipId: userId,
    role: 'right_holder_admin',
    organisationId,
    organisationKind: 'right_holder',
    country: null,
  });
  const lumiereActor = actorFor(rh.id, lumiere.id);
  const rapidActor = actorFor(rh2.id, rapid.id);

  const aurora = await catalog.brands.createBrand(lumiereActor, {
    name: 'Aurora',
    description: 'Luxury watches and leather goods',
    trademarks: [
      {
        office: 'EUIPO',
        registrationNumber: '018000001',
        niceClasses: [14, 18],
        countries: [],
        validUntil: '2031-05-01',
      },
      {
        office: 'WIPO',
        registrationNumber: '1500001',
        niceClasses: [14],
        countries: ['CN', 'US', 'MA'],
        validUntil: '2030-01-15',
      },
    ],
  });
  const lumina = await catalog.brands.createBrand(lumiereActor, {
    name: 'Lumina',
    description: 'Perfumes and cosmetics',
    trademarks: [],
  });
  const sprint = await catalog.brands.createBrand(rapidActor, {
    name: 'Sprintex',
    description: 'Running shoes and sportswear',
    trademarks: [
      {
        office: 'DPMA',
        registrationNumber: '302019000001',
        niceClasses: [25],
        countries: ['DE'],
        validUntil: '2029-12-31',
      },
    ],
  });

  const product = (brandId: string, p: Partial<ProductInput> & Pick<ProductInput, 'name'>): ProductInput => ({
    brandId,
    reference: null,
    status: 'published',
    defaultLanguage: 'en',
    description: {},
    instructions: {},
    category: null,
    hsCode: null,
    identifiers: [],
    features: [],
    supplyChain: { manufacturedIn: [], markets: [], notes: {} },
    ...p,
  });
  const lumiereProducts: ProductInput[] = [
    product(aurora.id, {
      reference: 'AUR-CHR-001',
      name: { en: 'Aurora Chronograph 42 mm', fr: 'Chronographe Aurora 42 mm', es: 'Cronógrafo Aurora 42 mm' },
      description: {
        en: 'Steel automatic chronograph, sapphire crystal, blue dial.',
        fr: 'Chronographe automatique en acier, verre saphir, cadran bleu.',
        es: 'Cronógrafo automático de acero, cristal de zafiro, esfera azul.',
      },
      instructions: {
        en: 'Check the engraved serial number between the lugs at 6 o’clock; it must match the warranty card.',
        fr: 'Vérifier le numéro de série gravé entre les cornes à 6 h ; il doit correspondre à la carte de garantie.',
        es: 'Compruebe el número de serie grabado entre las asas a las 6; debe coincidir con la tarjeta de garantía.',
      },
      category: 'Watches',
      hsCode: '910221',
      supplyChain: {
        manufacturedIn: ['CH'],
        markets: ['CH', 'FR', 'DE', 'ES', 'IT', 'GB', 'US', 'JP'],
        notes: {
          en: 'Made in Switzerland and shipped by air from Geneva to authorised retailers only; never sold through marketplaces or in bulk.',
          fr: 'Fabriqué en Suisse et expédié par avion depuis Genève aux seuls détaillants agréés ; jamais vendu sur des places de marché ni en gros.',
          es: 'Fabricado en Suiza y enviado por avión desde Ginebra solo a minoristas autorizados; nunca se vende en plataformas ni a granel.',
        },
      },
      identifiers: [
        { kind: 'gtin', value: gtin13('379000000001'), packagingLevel: 'each' },
        // The case of 6: indicator digit 1 in front of the item's GTIN-13 body (GTIN-14).
        { kind: 'gtin', value: gtin14('1', '379000000001'), packagingLevel: 'case' },
        { kind: 'proprietary', value: '^AUR-[0-9]{6}-[A-Z]{2}$', description: 'Serial on the case back' },
      ],
      features: [
        {
          kind: 'genuine',
          title: {
            en: 'Crown engraved with the sun logo',
            fr: 'Couronne gravée du logo soleil',
            es: 'Corona grabada con el logotipo del sol',
          },
          description: {
            en: 'Deep, sharp engraving; the sun has 12 rays.',
            fr: 'Gravure profonde et nette ; le soleil a 12 rayons.',
            es: 'Grabado profundo y nítido; el sol tiene 12 rayos.',
          },
          imageIds: [],
        },
        {
          kind: 'counterfeit',
          title: {
            en: 'Printed (not engraved) logo on the crown',
            fr: 'Logo imprimé (non gravé) sur la couronne',
            es: 'Logotipo impreso (no grabado) en la corona',
          },
          description: {
            en: 'Fakes often show 10 or 11 rays.',
            fr: 'Les contrefaçons montrent souvent 10 ou 11 rayons.',
            es: 'Las falsificaciones suelen mostrar 10 u 11 rayos.',
          },
          imageIds: [],
        },
        {
          kind: 'security',
          title: {
            en: 'Hologram sticker on the case back',
            fr: 'Hologramme au dos du boîtier',
            es: 'Holograma en la tapa trasera',
          },
          description: {
            en: 'Changes from gold to green when tilted.',
            fr: 'Passe de l’or au vert quand on l’incline.',
            es: 'Cambia de dorado a verde al inclinarlo.',
          },
          imageIds: [],
        },
        {
          kind: 'packaging',
          title: {
            en: 'Navy blue box with embossed sun',
            fr: 'Boîte bleu marine au soleil en relief',
            es: 'Caja azul marino con sol en relieve',
          },
          description: {},
          imageIds: [],
        },
      ],
    }),
    product(aurora.id, {
      reference: 'AUR-DIV-002',
      name: { en: 'Aurora Diver 300', fr: 'Aurora Plongée 300', es: 'Aurora Buceo 300' },
      category: 'Watches',
      hsCode: '910221',
      identifiers: [{ kind: 'gtin', value: gtin13('379000000002'), packagingLevel: 'each' }],
    }),
    product(aurora.id, {
      reference: 'AUR-BAG-010',
      name: { en: 'Aurora leather handbag', fr: 'Sac à main en cuir Aurora', es: 'Bolso de cuero Aurora' },
      category: 'Leather goods',
      hsCode: '420221',
      identifiers: [{ kind: 'gtin', value: gtin13('379000000010'), packagingLevel: 'each' }],
    }),
    product(lumina.id, {
      reference: 'LUM-EDP-050',
      defaultLanguage: 'fr',
      name: { fr: 'Lumina Eau de Parfum 50 ml', en: 'Lumina Eau de Parfum 50 ml' },
      description: { fr: 'Flacon en verre facetté, bouchon magnétique.' },
      category: 'Perfumes',
      hsCode: '330300',
      identifiers: [{ kind: 'gtin', value: gtin13('379000000050'), packagingLevel: 'each' }],
      features: [
        {
          kind: 'counterfeit',
          title: { fr: 'Bouchon non magnétique', en: 'Cap is not magnetic' },
          description: {},
          imageIds: [],
        },
      ],
    }),
    product(lumina.id, {
      reference: 'LUM-CRM-030',
      status: 'draft',
      name: { en: 'Lumina night cream (launch 2027)' },
      category: 'Cosmetics',
      identifiers: [{ kind: 'gtin', value: gtin13('379000000030'), packagingLevel: 'each' }],
    }),
  ];
  const created = [];
  for (const p of lumiereProducts) created.push(await catalog.products.createProduct(lumiereActor, p));
  await addDemoPictures(catalog, lumiereActor, created[0]!);
  await createAlertsService({ db: database.db }).createAlert(lumiereActor, {
    defaultLanguage: 'en',
    title: {
      en: 'Counterfeit Aurora chronographs expected by sea',
      fr: 'Chronographes Aurora contrefaits attendus par voie maritime',
      es: 'Cronógrafos Aurora falsificados previstos por vía marítima',
    },
    description: {
      en: 'Batches of 50 to 200 watches declared as "fashion accessories", crowns with 10 printed rays.',
      fr: 'Lots de 50 à 200 montres déclarées comme « accessoires de mode », couronnes à 10 rayons imprimés.',
      es: 'Lotes de 50 a 200 relojes declarados como «accesorios de moda», coronas con 10 rayos impresos.',
    },
    countries: ['FR', 'ES', 'BE'],
    origins: ['CN', 'HK'],
    route: 'Container ships via Le Havre and Algeciras',
    validFrom: `${new Date().getUTCFullYear() - 1}-01-01`,
    validUntil: `${new Date().getUTCFullYear() + 1}-12-31`,
    productIds: [created[0]!.id],
  });

  await catalog.products.createProduct(
    rapidActor,
    product(sprint.id, {
      reference: 'SPX-RUN-001',
      name: { en: 'Sprintex Runner Pro running shoe', es: 'Zapatilla Sprintex Runner Pro' },
      category: 'Footwear',
      hsCode: '640411',
      identifiers: [{ kind: 'gtin', value: gtin13('400000000001'), packagingLevel: 'each' }],
    }),
  );
  await catalog.products.createProduct(
    rapidActor,
    product(sprint.id, {
      reference: 'SPX-PHN-001',
      name: { en: 'Sprintex FitPhone' },
      category: 'Electronics',
      identifiers: [{ kind: 'imei_tac', value: '35209900' }],
    }),
  );

  await catalog.contacts.createContact(lumiereActor, {
    brandId: null,
    country: 'FR',
    name: 'Service anti-contrefaçon',
    role: 'Brand protection France',
    email: 'douane-fr@lumiere.example',
    phone: '+33 1 23 45 67 89',
    languages: ['fr', 'en'],
  });
  await catalog.contacts.createContact(lumiereActor, {
    brandId: null,
    country: null,
    name: 'Global brand protection',
    role: 'Brand protection',
    email: 'brand-protection@lumiere.example',
    phone: '+41 22 000 00 00',
    languages: ['en'],
  });
  await catalog.contacts.createContact(lumiereActor, {
    brandId: null,
    country: 'ES',
    name: 'Protección de marca España',
    role: null,
    email: 'aduanas-es@lumiere.example',
    phone: null,
    languages: ['es'],
  });
  const year = new Date().getUTCFullYear();
  await catalog.contacts.createApplication(lumiereActor, {
    brandId: null,
    country: 'FR',
    reference: `FR-AFA-${year}-0042`,
    validFrom: `${year - 1}-01-01`,
    validUntil: `${year + 1}-12-31`,
  });
  await catalog.contacts.createApplication(lumiereActor, {
    brandId: aurora.id,
    country: 'ES',
    reference: `ES-AFA-${year - 3}-0007`,
    validFrom: `${year - 3}-01-01`,
    validUntil: `${year - 2}-12-31`,
  });
  await catalog.contacts.createContact(rapidActor, {
    brandId: null,
    country: null,
    name: 'Rapid legal',
    role: 'Legal',
    email: 'legal@rapid.example',
    phone: null,
    languages: ['en'],
  });
  return true;
}

type Catalog = ReturnType<typeof createCatalog>['service'];

/** The chronograph's photo first (its thumbnail), then its crown, genuine and fake, on the features. */
async function addDemoPictures(
  catalog: Catalog,
  actor: Actor,
  sheet: { id: string; features: ProductInput['features'] },
) {
  const add = async (draw: () => Promise<Buffer>) => (await catalog.images.addImage(actor, sheet.id, draw)).id;
  await add(demoImages.chronograph);
  const genuine = await add(demoImages.genuineCrown);
  const counterfeit = await add(demoImages.counterfeitCrown);
  const features = sheet.features.map((feature) =>
    feature.kind === 'genuine'
      ? { ...feature, imageIds: [genuine] }
      : feature.kind === 'counterfeit'
        ? { ...feature, imageIds: [counterfeit] }
        : feature,
  );
  await catalog.products.updateProduct(actor, sheet.id, { features });
}
