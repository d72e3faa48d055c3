import { DE } from './bank-de';
import { EN } from './bank-en';
import { ES } from './bank-es';
import { FR } from './bank-fr';
import { IT } from './bank-it';
import { NL } from './bank-nl';
import { LANGS, type Lang, type LanguageBank } from './types';

/** The tone a message is written in: what a reader of any language would take from it. */
export type Polarity = 'negative' | 'neutral' | 'positive';

/**
 * A message of the banks with its counterpart in every other language, written as a customer of
 * that country would say it. The emulator's translation services translate with these, and the
 * sentiment figures are measured on them (each carries its intended polarity).
 */
interface PhraseSpec {
  from: Lang;
  /** The start of the bank's text; the whole text is taken from the bank. */
  starts: string;
  polarity: Polarity;
  /** The message in the five other languages. */
  in: Partial<Record<Lang, string>>;
}

const SPECS: PhraseSpec[] = [
  {
    from: 'fr',
    starts: '@CafeAurore Je veux être remboursé de mes suppléments lait végétal. #OatGate',
    polarity: 'negative',
    in: {
      en: '@CafeAurore I want a refund for my plant milk surcharges. #OatGate',
      de: '@CafeAurore Ich will meine Aufpreise für Pflanzenmilch zurück. #OatGate',
      nl: '@CafeAurore Ik wil mijn toeslagen voor plantaardige melk terug. #OatGate',
      es: '@CafeAurore Quiero que me devuelvan los suplementos de leche vegetal. #OatGate',
      it: '@CafeAurore Voglio il rimborso dei miei supplementi per il latte vegetale. #OatGate',
    },
  },
  {
    from: 'fr',
    starts: '@CafeAurore Vous avez répondu la même phrase à deux cents personnes',
    polarity: 'negative',
    in: {
      en: '@CafeAurore You answered two hundred people with the same sentence in one hour. Is a real answer possible or not?',
      de: '@CafeAurore Ihr habt zweihundert Leuten in einer Stunde denselben Satz geantwortet. Ist eine echte Antwort möglich oder nicht?',
      nl: '@CafeAurore Jullie hebben in een uur tweehonderd mensen met dezelfde zin geantwoord. Kan er een echt antwoord af of niet?',
      es: '@CafeAurore Habéis respondido la misma frase a doscientas personas en una hora. ¿Es posible una respuesta de verdad o no?',
      it: '@CafeAurore Avete risposto la stessa frase a duecento persone in un’ora. Una risposta vera è possibile o no?',
    },
  },
  {
    from: 'fr',
    starts: '@CafeAurore Est-ce que ça concerne aussi votre café de la gare Saint-Jean',
    polarity: 'neutral',
    in: {
      en: '@CafeAurore Does this also concern your café at Saint-Jean station in Bordeaux? I have an oat latte there every morning and would like to know.',
      de: '@CafeAurore Betrifft das auch euer Café im Bahnhof Saint-Jean in Bordeaux? Ich trinke dort jeden Morgen einen Hafer-Latte und würde es gern wissen.',
      nl: '@CafeAurore Geldt dit ook voor jullie café in station Saint-Jean in Bordeaux? Ik neem daar elke ochtend een haverlatte en wil het graag weten.',
      es: '@CafeAurore ¿Esto afecta también a vuestra cafetería de la estación Saint-Jean de Burdeos? Tomo allí un latte de avena cada mañana y me gustaría saberlo.',
      it: '@CafeAurore Riguarda anche il vostro caffè della stazione Saint-Jean a Bordeaux? Ci prendo un latte d’avena ogni mattina e vorrei saperlo.',
    },
  },
  {
    from: 'fr',
    starts: 'Petit mot pour la barista de @CafeAurore à la gare Saint-Jean',
    polarity: 'positive',
    in: {
      en: 'A word for the barista at @CafeAurore at Saint-Jean station this morning: you found my forgotten order, gave me a croissant and smiled at 6:45. Thank you, sincerely.',
      de: 'Ein kleines Wort an die Barista von @CafeAurore im Bahnhof Saint-Jean heute Morgen: Du hast meine vergessene Bestellung gefunden, mir ein Croissant geschenkt und um 6:45 gelächelt. Danke, von Herzen.',
      nl: 'Even een woordje voor de barista van @CafeAurore op station Saint-Jean vanochtend: je vond mijn vergeten bestelling, gaf me een croissant en glimlachte om 6.45 uur. Dank je wel, echt.',
      es: 'Unas palabras para la barista de @CafeAurore en la estación Saint-Jean esta mañana: encontraste mi pedido olvidado, me regalaste un cruasán y sonreíste a las 6:45. Gracias, de verdad.',
      it: 'Due parole per la barista di @CafeAurore alla stazione Saint-Jean stamattina: hai ritrovato il mio ordine dimenticato, mi hai offerto un cornetto e sorriso alle 6:45. Grazie, di cuore.',
    },
  },
  {
    from: 'en',
    starts: 'Just watched the #OatGate clip.',
    polarity: 'negative',
    in: {
      fr: 'Je viens de voir la vidéo #OatGate. Faire payer un supplément pour le lait d’avoine et servir du lait de vache à la place, ce n’est pas une erreur, @CafeAurore, c’est une fraude.',
      de: 'Gerade das #OatGate-Video gesehen. Aufpreis für Hafermilch verlangen und stattdessen Kuhmilch einschenken ist kein Versehen, @CafeAurore, das ist Betrug.',
      nl: 'Net het #OatGate-filmpje gezien. Extra rekenen voor havermelk en dan koemelk schenken is geen vergissing, @CafeAurore, het is fraude.',
      es: 'Acabo de ver el vídeo del #OatGate. Cobrar de más por la leche de avena y servir leche de vaca no es un error, @CafeAurore, es un fraude.',
      it: 'Ho appena visto il video dell’#OatGate. Far pagare di più il latte d’avena e servire latte vaccino non è uno sbaglio, @CafeAurore, è una frode.',
    },
  },
  {
    from: 'en',
    starts: 'Got my surcharge refund in the app already',
    polarity: 'positive',
    in: {
      fr: 'Déjà reçu le remboursement de mes suppléments dans l’appli, 27 euros en grains. Merci @CafeAurore, franchement je ne m’attendais pas à ce que ce soit si rapide.',
      de: 'Die Erstattung meiner Aufpreise ist schon in der App, 27 Euro in Bohnen. Danke @CafeAurore, ehrlich gesagt hätte ich das nicht so schnell erwartet.',
      nl: 'Mijn toeslag al terug in de app, 27 euro in bonen. Bedankt @CafeAurore, eerlijk gezegd had ik het niet zo snel verwacht.',
      es: 'Ya tengo el reembolso del suplemento en la app, 27 euros en granos. Gracias @CafeAurore, sinceramente no lo esperaba tan rápido.',
      it: 'Ho già ricevuto il rimborso del supplemento nell’app, 27 euro in chicchi. Grazie @CafeAurore, sinceramente non me lo aspettavo così veloce.',
    },
  },
  {
    from: 'en',
    starts: '@CafeAurore Does this affect your London shops too?',
    polarity: 'neutral',
    in: {
      fr: '@CafeAurore Est-ce que ça concerne aussi vos cafés de Londres ? Vraie question, je suis dans celui de Shoreditch presque tous les matins avec un flat white à l’avoine.',
      de: '@CafeAurore Betrifft das auch eure Filialen in London? Ernst gemeinte Frage, ich bin fast jeden Morgen in der in Shoreditch mit einem Hafer-Flat-White.',
      nl: '@CafeAurore Geldt dit ook voor jullie zaken in Londen? Serieuze vraag, ik zit bijna elke ochtend in die van Shoreditch met een flat white met haver.',
      es: '@CafeAurore ¿Esto afecta también a vuestras tiendas de Londres? Lo pregunto en serio, voy casi todas las mañanas a la de Shoreditch a por un flat white de avena.',
      it: '@CafeAurore Riguarda anche i vostri locali di Londra? Domanda sincera, sono in quello di Shoreditch quasi ogni mattina con un flat white all’avena.',
    },
  },
  {
    from: 'en',
    starts: '@CafeAurore You’ve replied to half my timeline with the same sentence.',
    polarity: 'negative',
    in: {
      fr: '@CafeAurore Vous avez répondu à la moitié de mon fil avec la même phrase. Un copier-coller n’est pas une excuse, c’est l’aveu que personne n’écoute.',
      de: '@CafeAurore Ihr habt meiner halben Timeline mit demselben Satz geantwortet. Kopieren und Einfügen ist keine Entschuldigung, sondern das Eingeständnis, dass niemand zuhört.',
      nl: '@CafeAurore Jullie hebben de helft van mijn tijdlijn met dezelfde zin beantwoord. Kopiëren en plakken is geen excuus, het is een bekentenis dat niemand luistert.',
      es: '@CafeAurore Habéis respondido a media cronología mía con la misma frase. Copiar y pegar no es una disculpa, es admitir que nadie está escuchando.',
      it: '@CafeAurore Avete risposto a metà della mia timeline con la stessa frase. Copia e incolla non è una scusa, è l’ammissione che nessuno sta ascoltando.',
    },
  },
  {
    from: 'de',
    starts: 'Wer Aufpreis für Hafermilch nimmt und dann Kuhmilch ausschenkt',
    polarity: 'negative',
    in: {
      fr: 'Faire payer un supplément pour le lait d’avoine puis servir du lait de vache, c’est tricher. C’est aussi simple que ça, @CafeAurore. #OatGate',
      en: 'Charging extra for oat milk and then pouring cow’s milk is cheating. It’s that simple, @CafeAurore. #OatGate',
      nl: 'Wie extra rekent voor havermelk en dan koemelk schenkt, bedriegt. Zo simpel is het, @CafeAurore. #OatGate',
      es: 'Quien cobra un suplemento por la leche de avena y luego sirve leche de vaca está engañando. Así de simple, @CafeAurore. #OatGate',
      it: 'Chi fa pagare un supplemento per il latte d’avena e poi versa latte vaccino imbroglia. È così semplice, @CafeAurore. #OatGate',
    },
  },
  {
    from: 'de',
    starts: 'Heute früh in der Kölner Filiale von @CafeAurore',
    polarity: 'positive',
    in: {
      fr: 'Ce matin, au café @CafeAurore de Cologne, on a ouvert la brique d’avoine sous mes yeux. C’est comme ça qu’on regagne la confiance.',
      en: 'This morning at the @CafeAurore in Cologne they opened the oat carton right in front of me. That’s how you win back trust.',
      nl: 'Vanochtend in de vestiging van @CafeAurore in Keulen werd het pak haver voor mijn ogen geopend. Zo win je vertrouwen terug.',
      es: 'Esta mañana en la cafetería de @CafeAurore en Colonia abrieron el cartón de avena delante de mí. Así se recupera la confianza.',
      it: 'Stamattina nel locale di @CafeAurore a Colonia hanno aperto il cartone d’avena davanti ai miei occhi. Così si riconquista la fiducia.',
    },
  },
  {
    from: 'de',
    starts: '@CafeAurore Enthält der Lebkuchen-Latte Gluten oder Nüsse?',
    polarity: 'neutral',
    in: {
      fr: '@CafeAurore Le latte pain d’épices contient-il du gluten ou des fruits à coque ? Je ne trouve nulle part la liste des allergènes des boissons d’hiver.',
      en: '@CafeAurore Does the gingerbread latte contain gluten or nuts? I can’t find an allergen list for the winter drinks anywhere.',
      nl: '@CafeAurore Zit er gluten of noten in de gingerbread latte? Ik kan nergens een allergenenlijst voor de winterdrankjes vinden.',
      es: '@CafeAurore ¿El latte de jengibre lleva gluten o frutos secos? No encuentro en ningún sitio la lista de alérgenos de las bebidas de invierno.',
      it: '@CafeAurore Il latte al pan di zenzero contiene glutine o frutta a guscio? Non trovo da nessuna parte l’elenco degli allergeni delle bevande invernali.',
    },
  },
  {
    from: 'de',
    starts: '@CafeAurore Ihr habt mir und gefühlt hundert anderen denselben Textbaustein',
    polarity: 'negative',
    in: {
      fr: '@CafeAurore Vous m’avez envoyé, à moi et à une centaine d’autres, le même texte tout fait. Quelqu’un lit-il seulement ?',
      en: '@CafeAurore You sent me and what feels like a hundred others the same boilerplate. Is anyone even reading?',
      nl: '@CafeAurore Jullie hebben mij en zo’n honderd anderen dezelfde standaardtekst gestuurd. Leest er überhaupt iemand mee?',
      es: '@CafeAurore Nos habéis mandado a mí y a otros cien el mismo texto de plantilla. ¿Alguien lo lee siquiera?',
      it: '@CafeAurore Avete mandato a me e ad altri cento lo stesso testo preconfezionato. Qualcuno legge davvero?',
    },
  },
  {
    from: 'nl',
    starts: 'Extra laten betalen voor havermelk en dan gewoon koemelk schenken.',
    polarity: 'negative',
    in: {
      fr: 'Faire payer un supplément pour le lait d’avoine et servir tout simplement du lait de vache. Ce n’est pas une erreur, @CafeAurore, c’est une arnaque. #OatGate',
      en: 'Charging extra for oat milk and then just pouring cow’s milk. That’s not a mistake, @CafeAurore, that’s a scam. #OatGate',
      de: 'Aufpreis für Hafermilch verlangen und dann einfach Kuhmilch einschenken. Das ist kein Versehen, @CafeAurore, das ist Abzocke. #OatGate',
      es: 'Cobrar de más por la leche de avena y luego servir leche de vaca sin más. No es un error, @CafeAurore, es una estafa. #OatGate',
      it: 'Far pagare di più il latte d’avena e poi versare semplicemente latte vaccino. Non è uno sbaglio, @CafeAurore, è una truffa. #OatGate',
    },
  },
  {
    from: 'nl',
    starts: 'Mijn zoontje heeft een koemelkallergie.',
    polarity: 'negative',
    in: {
      fr: 'Mon petit garçon est allergique au lait de vache. Nous venions justement chez @CafeAurore parce qu’ils étaient si clairs sur leurs options végétales. Quelle déception.',
      en: 'My little boy has a cow’s milk allergy. We went to @CafeAurore precisely because they were so clear about their plant-based options. What a disappointment.',
      de: 'Mein kleiner Sohn hat eine Kuhmilchallergie. Wir sind gerade zu @CafeAurore gegangen, weil sie so klar zu ihren pflanzlichen Optionen waren. Was für eine Enttäuschung.',
      es: 'Mi hijo pequeño tiene alergia a la leche de vaca. Íbamos a @CafeAurore precisamente porque eran muy claros con sus opciones vegetales. Qué decepción.',
      it: 'Il mio bambino è allergico al latte vaccino. Andavamo da @CafeAurore proprio perché erano così chiari sulle loro opzioni vegetali. Che delusione.',
    },
  },
  {
    from: 'nl',
    starts: '@CafeAurore Zijn jullie op Rotterdam Centraal ook open op zondagochtend?',
    polarity: 'neutral',
    in: {
      fr: '@CafeAurore Êtes-vous aussi ouverts le dimanche matin à Rotterdam Centraal ? Je veux y retrouver quelqu’un avant le train de neuf heures.',
      en: '@CafeAurore Are you open on Sunday morning at Rotterdam Centraal too? I want to meet someone there before the nine o’clock train.',
      de: '@CafeAurore Habt ihr in Rotterdam Centraal auch sonntagmorgens geöffnet? Ich will mich dort vor dem Zug um neun verabreden.',
      es: '@CafeAurore ¿Abrís también el domingo por la mañana en Rotterdam Centraal? Quiero quedar allí antes del tren de las nueve.',
      it: '@CafeAurore Siete aperti anche la domenica mattina a Rotterdam Centraal? Voglio darmi appuntamento lì prima del treno delle nove.',
    },
  },
  {
    from: 'nl',
    starts: 'Vanochtend op Amsterdam Centraal werd het pak havermelk',
    polarity: 'positive',
    in: {
      fr: 'Ce matin à Amsterdam Centraal, on a ouvert la brique de lait d’avoine devant moi. C’est comme ça qu’il faut faire, @CafeAurore.',
      en: 'This morning at Amsterdam Centraal they opened the oat milk carton right in front of me. That’s how it should be, @CafeAurore.',
      de: 'Heute Morgen in Amsterdam Centraal wurde die Hafermilchpackung vor meiner Nase geöffnet. So gehört sich das, @CafeAurore.',
      es: 'Esta mañana en Amsterdam Centraal abrieron el cartón de leche de avena delante de mí. Así es como debe ser, @CafeAurore.',
      it: 'Stamattina ad Amsterdam Centraal hanno aperto il cartone di latte d’avena sotto il mio naso. Così si fa, @CafeAurore.',
    },
  },
  {
    from: 'es',
    starts: 'Cobrar un suplemento por la avena y servir leche de vaca',
    polarity: 'negative',
    in: {
      fr: 'Faire payer un supplément pour l’avoine et servir du lait de vache, ce n’est pas une erreur, @CafeAurore, c’est une escroquerie. #OatGate',
      en: 'Charging a surcharge for oat milk and serving cow’s milk isn’t a mistake, @CafeAurore, it’s a swindle. #OatGate',
      de: 'Einen Aufpreis für Hafer nehmen und Kuhmilch servieren ist kein Fehler, @CafeAurore, das ist Betrug. #OatGate',
      nl: 'Een toeslag vragen voor haver en koemelk schenken is geen vergissing, @CafeAurore, het is oplichterij. #OatGate',
      it: 'Far pagare un supplemento per l’avena e servire latte vaccino non è un errore, @CafeAurore, è una truffa. #OatGate',
    },
  },
  {
    from: 'es',
    starts: 'Mi hija tiene alergia a la proteína de la leche de vaca.',
    polarity: 'negative',
    in: {
      fr: 'Ma fille est allergique aux protéines du lait de vache. Nous faisions confiance à @CafeAurore parce qu’ils vantaient toujours leurs options végétales. Quelle immense déception.',
      en: 'My daughter is allergic to cow’s milk protein. We trusted @CafeAurore because they always boasted about their plant-based options. Such a huge disappointment.',
      de: 'Meine Tochter ist allergisch gegen Kuhmilcheiweiß. Wir haben @CafeAurore vertraut, weil sie immer mit ihren pflanzlichen Optionen geworben haben. Was für eine riesige Enttäuschung.',
      nl: 'Mijn dochter is allergisch voor koemelkeiwit. We vertrouwden @CafeAurore omdat ze altijd pronkten met hun plantaardige opties. Wat een enorme teleurstelling.',
      it: 'Mia figlia è allergica alle proteine del latte vaccino. Ci fidavamo di @CafeAurore perché si vantavano sempre delle loro opzioni vegetali. Che enorme delusione.',
    },
  },
  {
    from: 'es',
    starts: '@CafeAurore ¿A qué hora abre la cafetería de Atocha los domingos?',
    polarity: 'neutral',
    in: {
      fr: '@CafeAurore À quelle heure ouvre le café d’Atocha le dimanche ? Google indique un horaire et votre site en indique un autre.',
      en: '@CafeAurore What time does the Atocha café open on Sundays? Google says one time and your website says another.',
      de: '@CafeAurore Wann öffnet das Café in Atocha sonntags? Google zeigt eine Uhrzeit an und eure Website eine andere.',
      nl: '@CafeAurore Hoe laat gaat het café in Atocha op zondag open? Google geeft het ene tijdstip en jullie website een ander.',
      it: '@CafeAurore A che ora apre il caffè di Atocha la domenica? Google indica un orario e il vostro sito un altro.',
    },
  },
  {
    from: 'es',
    starts: 'Esta mañana en el @CafeAurore de Gran Vía',
    polarity: 'positive',
    in: {
      fr: 'Ce matin au @CafeAurore de Gran Vía, ils ont ouvert la brique d’avoine devant moi. Là oui, c’est comme ça qu’on regagne la confiance.',
      en: 'This morning at the @CafeAurore on Gran Vía they opened the oat carton in front of me. That’s more like it, that’s how you win trust back.',
      de: 'Heute Morgen im @CafeAurore an der Gran Vía wurde die Haferpackung vor mir geöffnet. So geht das, so gewinnt man Vertrauen zurück.',
      nl: 'Vanochtend in het @CafeAurore aan de Gran Vía maakten ze het pak haver voor mijn neus open. Zo moet het, zo win je vertrouwen terug.',
      it: 'Stamattina al @CafeAurore di Gran Vía hanno aperto il cartone d’avena davanti a me. Così sì, così si recupera la fiducia.',
    },
  },
  {
    from: 'it',
    starts: 'Far pagare un supplemento per l’avena e poi servire latte vaccino',
    polarity: 'negative',
    in: {
      fr: 'Faire payer un supplément pour l’avoine puis servir du lait de vache n’est pas une erreur, @CafeAurore, c’est une belle arnaque. #OatGate',
      en: 'Charging a surcharge for oat and then serving cow’s milk isn’t a mistake, @CafeAurore, it’s a proper rip-off. #OatGate',
      de: 'Einen Aufpreis für Hafer verlangen und dann Kuhmilch servieren ist kein Fehler, @CafeAurore, das ist glatter Betrug. #OatGate',
      nl: 'Een toeslag vragen voor haver en dan koemelk schenken is geen fout, @CafeAurore, het is regelrechte oplichting. #OatGate',
      es: 'Cobrar un suplemento por la avena y luego servir leche de vaca no es un error, @CafeAurore, es una estafa en toda regla. #OatGate',
    },
  },
  {
    from: 'it',
    starts: '@CafeAurore Una risposta in inglese, copiata e incollata',
    polarity: 'negative',
    in: {
      fr: '@CafeAurore Une réponse en anglais, copiée-collée, à une question écrite en italien. Bravo pour l’attention portée aux clients.',
      en: '@CafeAurore A copy-pasted answer in English to a question written in Italian. Well done on the customer care.',
      de: '@CafeAurore Eine kopierte Antwort auf Englisch auf eine Frage, die auf Italienisch gestellt wurde. Glückwunsch zur Kundenorientierung.',
      nl: '@CafeAurore Een gekopieerd antwoord in het Engels op een vraag in het Italiaans. Gefeliciteerd met de aandacht voor klanten.',
      es: '@CafeAurore Una respuesta en inglés, copiada y pegada, a una pregunta escrita en italiano. Enhorabuena por la atención al cliente.',
    },
  },
  {
    from: 'it',
    starts: '@CafeAurore Il locale di Torino Porta Nuova è aperto',
    polarity: 'neutral',
    in: {
      fr: '@CafeAurore Le café de Turin Porta Nuova est-il ouvert le 8 décembre ? J’aimerais passer avant de prendre le train pour Milan.',
      en: '@CafeAurore Is the Torino Porta Nuova café open on 8 December? I’d like to stop by before catching the train to Milan.',
      de: '@CafeAurore Hat das Café in Turin Porta Nuova am 8. Dezember geöffnet? Ich würde gern vorbeischauen, bevor ich den Zug nach Mailand nehme.',
      nl: '@CafeAurore Is het café op Turijn Porta Nuova open op 8 december? Ik wil even langskomen voordat ik de trein naar Milaan neem.',
      es: '@CafeAurore ¿Abre la cafetería de Turín Porta Nuova el 8 de diciembre? Me gustaría pasar antes de coger el tren a Milán.',
    },
  },
  {
    from: 'it',
    starts: 'Grazie al team di @CafeAurore in via Roma a Torino',
    polarity: 'positive',
    in: {
      fr: 'Merci à l’équipe de @CafeAurore de la via Roma à Turin : toujours aimables, cappuccino parfait et aujourd’hui ils m’ont même offert un biscuit. Les petites choses.',
      en: 'Thanks to the @CafeAurore team on Via Roma in Turin: always kind, perfect cappuccino and today they even gave me a biscuit. Little things.',
      de: 'Danke an das Team von @CafeAurore in der Via Roma in Turin: immer freundlich, perfekter Cappuccino und heute haben sie mir sogar einen Keks geschenkt. Kleine Dinge.',
      nl: 'Dank aan het team van @CafeAurore in de Via Roma in Turijn: altijd vriendelijk, perfecte cappuccino en vandaag kreeg ik zelfs een koekje. Kleine dingen.',
      es: 'Gracias al equipo de @CafeAurore en la via Roma de Turín: siempre amables, capuchino perfecto y hoy hasta me han regalado una galleta. Pequeñas cosas.',
    },
  },
];

export interface Phrase {
  polarity: Polarity;
  /** The language the message was written in, in the banks. */
  from: Lang;
  texts: Record<Lang, string>;
}

const BANKS: Record<Lang, LanguageBank> = { fr: FR, en: EN, de: DE, nl: NL, es: ES, it: IT };

/**
 * Every phrase with its whole bank text (the text equal to its start, or else the one text that
 * begins with it); throws when a start names no text, or more than one.
 */
export function phraseBook(): Phrase[] {
  return SPECS.map((spec) => {
    const bank = BANKS[spec.from];
    const texts = [...bank.x, ...bank.facebook].map((entry) => entry.text);
    const found = texts.includes(spec.starts)
      ? [spec.starts]
      : texts.filter((text, i) => text.startsWith(spec.starts) && texts.indexOf(text) === i);
    if (found.length !== 1)
      throw new Error(`the phrase book's "${spec.starts}" names ${found.length} bank texts`);
    const all = { ...spec.in, [spec.from]: found[0]! } as Partial<Record<Lang, string>>;
    const missing = LANGS.filter((lang) => !all[lang]);
    if (missing.length > 0)
      throw new Error(`the phrase "${spec.starts}" lacks ${missing.join(', ')}`);
    return { polarity: spec.polarity, from: spec.from, texts: all as Record<Lang, string> };
  });
}
