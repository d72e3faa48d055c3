import type { LanguageBank } from './types';

/** Standalone messages in Dutch (the Netherlands and Flanders). */
export const NL: LanguageBank = {
  lang: 'nl',
  x: [
    {
      topic: 'crisis',
      reply: 'apology-en',
      text: '@CafeAurore Ik betaal al jaren 60 cent extra voor havermelk omdat ik lactose-intolerant ben. Na dat filmpje uit Lyon vraag ik me af wat ik eigenlijk gedronken heb.',
      followUp:
        '@CafeAurore Ik schrijf in het Nederlands en krijg een Engelse standaardtekst terug. Leest er iemand mee?',
    },
    {
      topic: 'crisis',
      text: 'Extra laten betalen voor havermelk en dan gewoon koemelk schenken. Dat is geen vergissing, @CafeAurore, dat is gewoon oplichting. #OatGate',
    },
    {
      topic: 'crisis',
      text: '@CafeAurore Geldt dit ook voor jullie winkels in Nederland? Ik haal elke ochtend koffie op Utrecht Centraal, altijd met haver.',
    },
    {
      topic: 'copypaste',
      text: '@CafeAurore Jullie reageren in het Engels met een standaardzin op Nederlandse vragen. Is er iemand in Nederland die dit leest?',
    },
    {
      topic: 'crisis',
      text: 'Mijn zoontje heeft een koemelkallergie. We kwamen juist bij @CafeAurore omdat ze zo duidelijk waren over hun plantaardige opties. Wat een teleurstelling.',
    },
    {
      topic: 'wave2',
      text: 'Oud-medewerker van @CafeAurore in Antwerpen: als de haver op was, moesten we gewoon doorwerken en niks zeggen. Het kwam echt van bovenaf.',
    },
    {
      topic: 'aftermath',
      at: '19 12:30',
      text: '@CafeAurore Goede verklaring vanochtend, en fijn dat er ook een Nederlandse versie is. Had alleen dinsdagavond al moeten komen.',
    },
    {
      topic: 'aftermath',
      at: '20 08:40',
      text: 'Vanochtend op Amsterdam Centraal werd het pak havermelk voor mijn neus opengemaakt. Zo hoort het, @CafeAurore.',
    },
    {
      topic: 'hours',
      text: '@CafeAurore Zijn jullie op Rotterdam Centraal ook open op zondagochtend? Ik wil er afspreken voor de trein van negen uur.',
      reply: 'Hoi! Rotterdam Centraal is op zondag open vanaf 7.00 uur. Fijne reis alvast!',
    },
    {
      topic: 'loyalty',
      text: '@CafeAurore Mijn bonen van de Club Aurore zijn na de update ineens verdwenen uit de app. Hoe krijg ik die terug?',
    },
    {
      topic: 'app',
      text: '@CafeAurore De app crasht elke keer als ik met iDEAL wil betalen. Ik heb hem al opnieuw geïnstalleerd, maakt niks uit.',
      reply:
        'Vervelend! Het probleem met iDEAL is bekend en wordt vandaag opgelost in versie 4.2.1. Tot die tijd werkt betalen met je bankpas in de app wel.',
      followUp: '@CafeAurore Update binnen, het werkt weer. Bedankt voor de snelle reactie!',
    },
    {
      topic: 'praise',
      text: 'Complimenten voor het team van @CafeAurore in De Pijp: altijd vrolijk, altijd snel en de speculaaslatte is echt heerlijk.',
    },
    {
      topic: 'jobs',
      text: '@CafeAurore Zoeken jullie nog mensen voor de nieuwe vestiging in Utrecht? Ik heb twee jaar ervaring als barista in Den Haag.',
    },
    {
      topic: 'lost',
      text: '@CafeAurore Ik ben gisteren mijn blauwe sjaal vergeten in jullie zaak aan de Meir in Antwerpen. Heeft iemand hem toevallig gevonden?',
    },
  ],
  facebook: [
    {
      topic: 'crisis',
      reply: 'apology-en',
      text: 'Ik drink al jaren havermelk bij jullie vanwege mijn lactose-intolerantie. Na dat filmpje weet ik echt niet meer wat ik moet geloven.',
    },
    {
      topic: 'silence',
      text: 'Jullie plaatsen een vrolijke post over speculaas terwijl iedereen het over dat filmpje heeft. Wordt er ook nog iets over gezegd?',
    },
    {
      topic: 'crisis',
      text: 'Mijn dochter heeft een koemelkallergie. Kunnen jullie garanderen dat het in Amsterdam niet gebeurd is? Graag een duidelijk ja of nee.',
    },
    {
      topic: 'crisis',
      text: 'Ik werk zelf in de horeca en weet hoe het gaat als iets op is. Maar dan zeg je dat gewoon tegen de klant, je gaat niet stiekem iets anders schenken.',
    },
    {
      topic: 'copypaste',
      text: 'Waarom reageren jullie in het Engels op een Nederlandse pagina? Jullie hebben toch ook Nederlandse medewerkers?',
    },
    {
      topic: 'crisis',
      text: 'Is het in België ook gebeurd? Ik kom vaak in jullie winkel in Gent en bestel daar altijd sojamelk.',
    },
    {
      topic: 'wave2',
      text: 'Ik heb een jaar bij jullie in Antwerpen gewerkt. Er was een ongeschreven regel: nooit zeggen dat iets op is. Dat komt niet van de barista’s zelf.',
    },
    {
      topic: 'aftermath',
      text: 'Eindelijk een duidelijke verklaring, en nog in het Nederlands ook. Fijn dat jullie de barista’s niet de schuld geven.',
    },
    {
      topic: 'aftermath',
      text: 'Goed dat er in Nederland en België niets gevonden is. Maar wie heeft dat gecontroleerd? Jullie zelf?',
      reply:
        'Goede vraag! De controles zijn uitgevoerd door een extern laboratorium, in alle 23 winkels in Nederland en België. Het rapport staat op aurore.cafe/nl.',
      followUp: 'Dank voor het antwoord, dat stelt me wel gerust. Ik ga het rapport even lezen.',
    },
    {
      topic: 'aftermath',
      text: 'Mijn terugbetaling staat al in de app: 34 euro aan bonen. Netjes geregeld, dat moet ik toegeven.',
    },
    {
      topic: 'aftermath',
      text: 'Geen toeslag meer tot het einde van het jaar is mooi, maar waarom daarna weer wel? Havermelk kost jullie echt geen zestig cent extra.',
    },
    {
      topic: 'aftermath',
      at: '20 09:20',
      text: 'Vanochtend in Den Haag werd het pak sojamelk voor mijn ogen opengemaakt. De barista zei dat ze blij was dat het nu zo gaat.',
    },
    {
      topic: 'aftermath',
      text: 'Ik vind het goed dat de directeur het zelf ondertekent. Maar anderhalve dag stilte blijft raar voor zo’n groot bedrijf.',
    },
    {
      topic: 'praise',
      text: 'De speculaaslatte in Utrecht was vanochtend weer heerlijk. Het team daar is altijd zo vriendelijk!',
    },
    {
      topic: 'hours',
      text: 'Is de nieuwe vestiging aan het Vredenburg in Utrecht ook op zondag open? Ik kan de openingstijden nergens vinden.',
      reply:
        'Hoi! Vredenburg is op zondag open van 9.00 tot 18.00 uur. De tijden staan vanaf morgen ook in de app.',
    },
    {
      topic: 'loyalty',
      text: 'Tellen de dubbele bonen ook als ik met een cadeaukaart betaal? Ik heb er een gekregen voor mijn verjaardag.',
      reply:
        'Zeker! De dubbele bonen gelden voor elke betaalwijze, dus ook met een cadeaukaart. Alvast gefeliciteerd!',
    },
    {
      topic: 'app',
      text: 'Sinds de update kan ik niet meer inloggen in de app. Ik krijg steeds de melding dat mijn wachtwoord onjuist is, terwijl het echt klopt.',
    },
    {
      topic: 'allergens',
      text: 'Zit er gluten in de speculaassiroop? Mijn vriendin heeft coeliakie en wil hem graag proberen.',
      reply:
        'Goede vraag! De siroop zelf is glutenvrij, maar het speculaaskoekje dat we erbij serveren niet. Vraag gerust om de latte zonder koekje.',
    },
    {
      topic: 'jobs',
      text: 'Zoeken jullie nog studenten voor de feestdagen in Rotterdam? Ik kan in het weekend en in de kerstvakantie werken.',
    },
    {
      topic: 'lost',
      text: 'Ik heb gisteren een zwarte handschoen laten liggen in jullie zaak op Amsterdam Zuid. Zou iemand hem voor me willen bewaren?',
    },
    {
      topic: 'product',
      text: 'Jammer dat de kaneelbroodjes niet meer in het assortiment zitten. Die waren echt het lekkerste bij de koffie.',
    },
    {
      topic: 'spam',
      text: 'Verdien €500 per dag vanuit huis met deze simpele methode! Stuur me een bericht voor meer informatie 💸',
    },
    {
      topic: 'order',
      text: 'Mijn bestelling via Thuisbezorgd kwam koud aan en de koekjes ontbraken. Bij wie kan ik daarvoor terecht?',
    },
    {
      topic: 'other',
      text: 'Verkopen jullie de wintermelange ook als bonen om thuis te zetten? Ik zou graag een zak kopen voor mijn vader.',
    },
  ],
};
