import type { ClusterMember } from '../reports/clusters';

/**
 * A day of a crisis, for the clustering spec and the bench: mentions in six languages, a little over
 * half of them retelling one of four complaints in their own way (a word added or left out, the
 * brand's handle, the complaint's hashtag, a link of its own, shouting), the others everyday
 * questions that each say something of their own. The same count and seed always give the same day.
 */

/**
 * Four complaints, each told in six languages: 24 near-duplicate clusters, which the complaint's
 * hashtag (some of each language's retellings carry it) joins into 4 stories.
 */
const STORIES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'your oat milk made me sick after my morning latte',
    'the app charged my card three times for one coffee',
    'found a piece of glass in my almond croissant today',
    'staff at the station shop refused to give me water',
  ],
  fr: [
    'votre lait d’avoine m’a rendu malade après mon latte du matin',
    'l’application a débité ma carte trois fois pour un seul café',
    'j’ai trouvé un morceau de verre dans mon croissant aux amandes',
    'le personnel de la boutique de la gare a refusé de me donner de l’eau',
  ],
  de: [
    'eure Hafermilch hat mich nach dem Latte am Morgen krank gemacht',
    'die App hat meine Karte dreimal für einen Kaffee belastet',
    'ich habe ein Stück Glas in meinem Mandelcroissant gefunden',
    'das Personal im Bahnhofsladen wollte mir kein Wasser geben',
  ],
  nl: [
    'jullie havermelk heeft me ziek gemaakt na mijn ochtendlatte',
    'de app heeft mijn kaart drie keer belast voor één koffie',
    'ik vond een stukje glas in mijn amandelcroissant vandaag',
    'het personeel van de stationswinkel weigerde me water te geven',
  ],
  es: [
    'vuestra leche de avena me puso enfermo después del café con leche',
    'la aplicación cobró mi tarjeta tres veces por un solo café',
    'encontré un trozo de cristal en mi cruasán de almendras hoy',
    'el personal de la tienda de la estación se negó a darme agua',
  ],
  it: [
    'il vostro latte d’avena mi ha fatto stare male dopo il cappuccino',
    'l’app ha addebitato la mia carta tre volte per un caffè',
    'ho trovato un pezzo di vetro nel mio cornetto alle mandorle',
    'il personale del negozio in stazione non mi ha dato acqua',
  ],
};

/** Words a retelling may add: none of them makes two retellings of one story drift apart. */
const FILLERS: Readonly<Record<string, readonly string[]>> = {
  en: ['really', 'so', 'again', 'seriously', 'honestly', 'yesterday'],
  fr: ['vraiment', 'encore', 'sérieusement', 'franchement', 'hier'],
  de: ['wirklich', 'schon', 'wieder', 'ernsthaft', 'gestern'],
  nl: ['echt', 'weer', 'serieus', 'eerlijk', 'gisteren'],
  es: ['realmente', 'otra', 'vez', 'en serio', 'ayer'],
  it: ['davvero', 'ancora', 'sul serio', 'ieri', 'proprio'],
};

/** The everyday: a few common words and a few of its own, an order number, a shop number. */
const EVERYDAY: Readonly<Record<string, { common: readonly string[]; words: string }>> = {
  en: {
    common: ['my', 'the', 'is', 'a', 'for', 'please', 'i', 'you', 'to', 'and', 'of', 'it'],
    words:
      'order delivery refund voucher loyalty card points hours opening shop menu vegan decaf syrup ' +
      'cup lid size price receipt invoice wifi parking table booking cake muffin bagel tea chai ' +
      'mocha beans grinder machine subscription newsletter job application feedback manager',
  },
  fr: {
    common: ['ma', 'le', 'la', 'est', 'pour', 'merci', 'je', 'vous', 'de', 'et', 'un', 'les'],
    words:
      'commande livraison remboursement bon fidélité carte points horaires ouverture boutique menu ' +
      'végétalien déca sirop gobelet couvercle taille prix ticket facture wifi parking table ' +
      'réservation gâteau muffin thé chaï moka grains moulin machine abonnement lettre emploi avis',
  },
  de: {
    common: ['mein', 'die', 'der', 'ist', 'für', 'bitte', 'ich', 'ihr', 'und', 'zu', 'ein', 'das'],
    words:
      'Bestellung Lieferung Erstattung Gutschein Treue Karte Punkte Öffnungszeiten Laden Menü ' +
      'vegan entkoffeiniert Sirup Becher Deckel Größe Preis Beleg Rechnung WLAN Parkplatz Tisch ' +
      'Reservierung Kuchen Muffin Tee Chai Mokka Bohnen Mühle Maschine Abo Newsletter Stelle',
  },
  nl: {
    common: ['mijn', 'de', 'het', 'is', 'voor', 'graag', 'ik', 'jullie', 'en', 'van', 'een', 'te'],
    words:
      'bestelling levering terugbetaling bon klantenkaart punten openingstijden winkel menu ' +
      'veganistisch cafeïnevrij siroop beker deksel maat prijs bonnetje factuur wifi parkeren ' +
      'tafel reservering taart muffin thee chai mokka bonen molen machine abonnement vacature',
  },
  es: {
    common: ['mi', 'el', 'la', 'es', 'para', 'gracias', 'yo', 'que', 'de', 'y', 'un', 'los'],
    words:
      'pedido entrega reembolso vale fidelidad tarjeta puntos horario apertura tienda menú vegano ' +
      'descafeinado sirope vaso tapa tamaño precio recibo factura wifi aparcamiento mesa reserva ' +
      'tarta magdalena té chai moca granos molinillo máquina suscripción boletín empleo opinión',
  },
  it: {
    common: ['mio', 'il', 'la', 'è', 'per', 'grazie', 'io', 'che', 'di', 'e', 'un', 'non'],
    words:
      'ordine consegna rimborso buono fedeltà tessera punti orari apertura negozio menù vegano ' +
      'decaffeinato sciroppo bicchiere coperchio misura prezzo scontrino fattura wifi parcheggio ' +
      'tavolo prenotazione torta muffin tè chai moka chicchi macinino macchina abbonamento lavoro',
  },
};

/** Each complaint's hashtag, the same in every language. */
const HASHTAGS = ['#OatGate', '#TripleCharge', '#GlassGate', '#NoWaterForYou'];

const LANGUAGES = Object.keys(STORIES);

/** Mulberry32: small, fast, and the same everywhere. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrisisDay {
  members: ClusterMember[];
  /** Story key (`0` … `3`) → the ids of the mentions that retell it, oldest first. */
  stories: Map<string, string[]>;
  /** Cluster key (`en:0` … `it:3`: a story in one language) → the ids of its mentions. */
  clusters: Map<string, string[]>;
}

/** `count` mentions, one every few seconds over the day that starts at `start`. */
export function crisisDay(count: number, seed = 1, start = '2026-03-08T00:00:00.000Z'): CrisisDay {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const startMs = Date.parse(start);
  const step = Math.floor(86_400_000 / Math.max(1, count));
  const members: ClusterMember[] = [];
  const stories = new Map<string, string[]>();
  const clusters = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const language = pick(LANGUAGES);
    const id = `x:${9_000_000 + i}`;
    let text: string;
    if (random() < 0.55) {
      const story = Math.floor(random() * 4);
      const key = `${language}:${story}`;
      clusters.set(key, [...(clusters.get(key) ?? []), id]);
      stories.set(String(story), [...(stories.get(String(story)) ?? []), id]);
      text = retell(STORIES[language]![story]!, HASHTAGS[story]!, FILLERS[language]!, random);
    } else {
      const { common, words } = EVERYDAY[language]!;
      const own = words.split(' ');
      const chosen = new Set<string>();
      while (chosen.size < 5) chosen.add(pick(own));
      const order = String(100_000 + i);
      const shop = String(100 + Math.floor(random() * 900));
      text = [pick(common), pick(common), ...chosen, pick(common), order, shop].join(' ');
    }
    members.push({
      id,
      createdAt: new Date(startMs + i * step).toISOString(),
      language,
      text,
      answered: random() < 0.3,
    });
  }
  return { members, stories, clusters };
}

/** One person's way of telling the story. */
function retell(
  story: string,
  hashtag: string,
  fillers: readonly string[],
  random: () => number,
): string {
  const words = story.split(' ');
  const change = random();
  if (change < 0.25) words.splice(1 + Math.floor(random() * (words.length - 1)), 1);
  else if (change < 0.6)
    words.splice(
      Math.floor(random() * words.length),
      0,
      fillers[Math.floor(random() * fillers.length)]!,
    );
  let text = words.join(' ');
  if (random() < 0.1) text = text.toUpperCase();
  if (random() < 0.7) text = `@CafeAurore ${text}`;
  if (random() < 0.3) text += ` ${hashtag}`;
  if (random() < 0.2) text += ` https://t.co/${Math.floor(random() * 1e9).toString(36)}`;
  if (random() < 0.4) text += random() < 0.5 ? '!!' : ' ?!';
  return text;
}
