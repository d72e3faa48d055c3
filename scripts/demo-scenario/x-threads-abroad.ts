import { X_APOLOGY } from './canned';
import type { XThread } from './types';

/**
 * The crisis as it reached Spain, Germany, the Netherlands and Italy: customers who got the
 * copy-paste apology in English, a German journalist, and a former barista who spoke up.
 */

const EN = X_APOLOGY.en!;
const DE = X_APOLOGY.de!;

export const ABROAD_THREADS: XThread[] = [
  {
    key: 'lucia',
    lang: 'es',
    steps: [
      {
        by: 'lucia_vlc',
        at: '18 09:20',
        to: null,
        text: '@CafeAurore Tengo intolerancia a la lactosa y pago el suplemento de avena en vuestro local de Valencia casi cada día. ¿Alguien me puede asegurar que allí no pasa lo mismo? 😡',
        likes: 96,
      },
      { by: 'brand', at: '18 12:10', lang: 'en', text: `@lucia_vlc ${EN}` },
      {
        by: 'lucia_vlc',
        at: '18 12:31',
        text: '@CafeAurore ¿En serio me contestáis en inglés y con un copia y pega? Tenéis treinta cafeterías en España. Ni una respuesta en español en todo el día.',
        likes: 1_420,
        retweets: 388,
      },
      {
        by: 'brand',
        at: '18 19:45',
        text: '@lucia_vlc Tienes toda la razón y te pedimos disculpas. Desde hoy respondemos en español. En Valencia hemos revisado las existencias y no hemos encontrado irregularidades, pero la auditoría sigue. Te escribimos por DM.',
        likes: 54,
      },
      {
        by: 'lucia_vlc',
        at: '18 20:10',
        text: '@CafeAurore Vale, gracias por contestar en español por fin. Espero que la auditoría sea seria y que publiquéis los resultados, no solo un mensaje bonito.',
        likes: 212,
      },
      {
        by: 'brand',
        at: '19 08:50',
        text: '@lucia_vlc Aquí están los resultados y los cambios: aurore.cafe/es/compromisos. Los suplementos de bebida vegetal se devuelven a los socios del Club Aurore. Gracias por tu paciencia.',
      },
      {
        by: 'lucia_vlc',
        at: '19 10:05',
        text: '@CafeAurore Mejor tarde que nunca. Ya he pedido el reembolso desde la app, a ver si de verdad funciona.',
        likes: 140,
      },
    ],
  },
  {
    key: 'nerea',
    lang: 'es',
    steps: [
      {
        by: 'nerea_mad',
        at: '18 17:20',
        to: null,
        text: 'Trabajé dos años en el @CafeAurore de Gran Vía. Cuando se acababa la avena, el encargado nos decía que usáramos leche normal y que no dijéramos nada. No es un caso aislado de Lyon, era la norma en hora punta. #OatGate',
        likes: 8_340,
        retweets: 3_105,
        replyCount: 402,
      },
      {
        by: 'sam_in_madrid',
        at: '18 18:03',
        lang: 'en',
        text: '@nerea_mad @CafeAurore This is the part that matters. The barista in the video is going to be the scapegoat while the instruction came from above.',
        likes: 610,
      },
      {
        by: 'brand',
        at: '19 09:05',
        to: 0,
        text: '@nerea_mad Gracias por contarlo. Nuestra investigación confirma que en algunos locales se daban instrucciones así. No es culpa de los baristas y nadie será sancionado por haberlas seguido. Todo está aquí: aurore.cafe/es/compromisos',
        likes: 930,
      },
      {
        by: 'nerea_mad',
        at: '19 09:40',
        text: '@CafeAurore Me alegro de que lo reconozcáis. Ahora falta que los encargados dejen de castigar a quien se atreve a decir «se nos ha acabado».',
        likes: 2_210,
      },
    ],
  },
  {
    key: 'katrin',
    lang: 'de',
    steps: [
      {
        by: 'katrinvogt',
        at: '18 14:05',
        to: null,
        text: '@CafeAurore Guten Tag, ich recherchiere für einen Verbraucherbeitrag: Gilt das, was in Lyon gefilmt wurde, auch für Ihre 28 Filialen in Deutschland? Wer ist hier Ihr Ansprechpartner für die Presse?',
        likes: 1_030,
        retweets: 240,
      },
      { by: 'brand', at: '18 14:20', text: `@katrinvogt ${DE}`, source: 'Hootsuite Inc.' },
      {
        by: 'katrinvogt',
        at: '18 14:41',
        text: '@CafeAurore Danke, aber das beantwortet meine Frage nicht. Ich bin Journalistin und brauche einen Pressekontakt, keine Entschuldigung aus Textbausteinen.',
        likes: 2_870,
        retweets: 510,
      },
      {
        by: 'brand',
        at: '18 15:30',
        text: '@katrinvogt Entschuldigung, das war ungeschickt. Unsere Pressestelle in Berlin erreichen Sie unter presse.de@aurore.cafe, Frau Lehmann meldet sich heute noch bei Ihnen.',
      },
      {
        by: 'katrinvogt',
        at: '18 18:50',
        text: '@CafeAurore Frau Lehmann hat sich gemeldet, danke. Sie bestätigt eine Überprüfung aller deutschen Filialen, die Ergebnisse sollen morgen früh kommen.',
        likes: 690,
      },
      {
        by: 'brand',
        at: '19 09:20',
        text: '@katrinvogt Die Ergebnisse sind online: aurore.cafe/de/versprechen. In Deutschland ist eine Filiale betroffen (Köln Hbf). Für Rückfragen steht Frau Lehmann weiterhin bereit.',
        likes: 120,
      },
    ],
  },
  {
    key: 'ellen',
    lang: 'nl',
    steps: [
      {
        by: 'mama_van_twee',
        at: '18 08:05',
        to: null,
        text: '@CafeAurore Mijn dochter heeft een koemelkallergie en drinkt bij jullie in Utrecht elke zaterdag een warme chocolademelk met haverdrank. Kunnen jullie garanderen dat het daar niet gebeurt?',
        likes: 64,
      },
      { by: 'brand', at: '18 13:12', lang: 'en', text: `@mama_van_twee ${EN}` },
      {
        by: 'mama_van_twee',
        at: '18 13:30',
        text: '@CafeAurore Een standaardtekst in het Engels. Ik vroeg iets heel concreets over Utrecht. Ik wil gewoon weten of mijn dochter daar veilig is.',
        likes: 480,
        retweets: 95,
      },
      {
        by: 'brand',
        at: '18 20:02',
        text: '@mama_van_twee Excuses, u had recht op een echt antwoord in het Nederlands. Onze winkels in Utrecht zijn vandaag gecontroleerd en er is niets gevonden. Vanaf morgen wordt elke plantaardige drank uit een verzegeld pak geschonken.',
        likes: 41,
      },
      {
        by: 'mama_van_twee',
        at: '18 20:30',
        text: '@CafeAurore Dank voor het eerlijke antwoord. We komen zaterdag gewoon, en ik ga kijken of dat pak echt voor onze neus wordt opengemaakt.',
        likes: 120,
      },
      {
        by: 'brand',
        at: '18 20:41',
        text: '@mama_van_twee Graag! Vraag gerust aan de barista om het pak te laten zien, dat hoort er vanaf nu gewoon bij. Fijn weekend alvast.',
        likes: 18,
      },
    ],
  },
  {
    key: 'giulia',
    lang: 'it',
    steps: [
      {
        by: 'giuliaferri_',
        at: '18 09:45',
        to: null,
        text: 'Ho appena visto il video di @CafeAurore a Lione. Chi ha un’allergia alle proteine del latte non può permettersi un «tanto nessuno se ne accorge». Aspetto una risposta seria, anche per i vostri clienti italiani.',
        likes: 15_820,
        retweets: 2_930,
        replyCount: 640,
      },
      { by: 'brand', at: '18 11:05', lang: 'en', text: `@giuliaferri_ ${EN}` },
      {
        by: 'giuliaferri_',
        at: '18 11:30',
        text: '@CafeAurore Vi ho scritto in italiano, avete quattordici locali tra Milano, Torino e Roma, e mi rispondete in inglese con un testo preconfezionato. Ecco, appunto.',
        likes: 11_204,
        retweets: 1_870,
      },
      {
        by: 'marcotorino',
        at: '18 11:52',
        text: '@giuliaferri_ @CafeAurore Stessa identica risposta in inglese anche a me, parola per parola. Almeno cambiate una virgola.',
        likes: 930,
      },
      {
        by: 'brand',
        at: '19 09:10',
        to: 2,
        text: '@giuliaferri_ Ha ragione e ci scusiamo. Qui trova l’esito dell’indagine e cosa cambia da oggi, anche in Italia: aurore.cafe/it/impegni. Nessun locale italiano è risultato coinvolto.',
        likes: 760,
      },
      {
        by: 'giuliaferri_',
        at: '19 10:02',
        text: '@CafeAurore Grazie per la risposta in italiano, finalmente. Dare la colpa ai baristi sarebbe stato facile: apprezzo che non l’abbiate fatto.',
        likes: 6_310,
        retweets: 420,
      },
    ],
  },
];
