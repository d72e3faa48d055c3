import type { Lang, LanguageBank } from './types';

/**
 * Friday morning, the crisis flares up again: at 09:00 a consumer programme puts online its
 * hidden-camera report from three more shops, and within the hour people in every language share
 * its link with the brand's handle (the full YouTube address, the short one, with a start time).
 * The demo's crisis view shows it as the day's spike and as one story in six languages.
 */

const VIDEO = 'https://www.youtube.com/watch?v=Kq3oatVt9Xs';
const SHORT = 'https://youtu.be/Kq3oatVt9Xs';
const AT_42 = 'https://youtu.be/Kq3oatVt9Xs?t=42';

const TEXTS: Record<Lang, string[]> = {
  fr: [
    `@CafeAurore Le reportage en caméra cachée est sorti ce matin et ce n’est pas une erreur isolée à Lyon. Trois cafés, la même chose. ${VIDEO}`,
    `Regardez la vidéo jusqu’au bout, le moment où la manager dit de ne pas changer le lait est à 0:42 @CafeAurore ${AT_42}`,
    `@CafeAurore Vous nous avez dit jeudi que c’était un cas isolé. Ce reportage montre le contraire dans trois boutiques. ${SHORT}`,
    `Je viens de voir le reportage sur @CafeAurore et je suis vraiment en colère pour tous les parents d’enfants allergiques. ${VIDEO}`,
    `@CafeAurore Bordeaux, Lille et Nantes dans la même vidéo. Ce n’est pas une rupture de stock, c’est une habitude. ${SHORT}`,
    `Partagez ce reportage autour de vous, les gens doivent savoir ce qu’ils boivent chez @CafeAurore depuis des mois ${VIDEO}`,
    `@CafeAurore Quand est-ce que vous allez répondre sur ce que montre la caméra cachée ? On attend toujours. ${VIDEO}`,
    `Ma fille est allergique et on allait chez @CafeAurore tous les samedis. Ce reportage me donne envie de pleurer. ${SHORT}`,
    `@CafeAurore Votre déclaration de jeudi ne tient plus du tout après ce reportage diffusé ce matin. ${VIDEO}`,
    `Le reportage est sorti il y a une demi-heure et il est déjà partout. Bon courage à l’équipe de @CafeAurore ${VIDEO}`,
    `@CafeAurore Je demande le remboursement de tous mes laits d’avoine de cette année, la vidéo est claire. ${SHORT}`,
    `Ce qui me choque le plus dans ce reportage sur @CafeAurore, c’est le sourire quand elle dit que personne ne voit la différence ${AT_42}`,
  ],
  en: [
    `@CafeAurore The hidden camera report from this morning shows the same thing in three more of your shops. Not a one-off. ${VIDEO}`,
    `Watch from 0:42, where the manager tells the barista not to bother with oat milk. Unbelievable, @CafeAurore ${AT_42}`,
    `@CafeAurore You said on Thursday it was an isolated case in Lyon. This report says otherwise. ${SHORT}`,
    `My son has a milk allergy and we have been going to @CafeAurore for years. I can’t watch this report twice. ${VIDEO}`,
    `@CafeAurore Three cities, three shops, the same jug of cow’s milk. What is your answer to this report? ${SHORT}`,
    `This report on @CafeAurore is now everywhere on my timeline. Please share it with anyone who has an allergy. ${VIDEO}`,
    `@CafeAurore Are you going to say anything about the new video, or just paste the same apology again? ${VIDEO}`,
    `I was a regular at the @CafeAurore near my office. After this report I am done with them for good. ${SHORT}`,
    `@CafeAurore Your statement from Thursday does not hold up after what this report shows. ${VIDEO}`,
    `The worst part of this report is that they all knew. Every shop. Shame on you, @CafeAurore ${AT_42}`,
  ],
  de: [
    `@CafeAurore Die versteckte Kamera zeigt es in drei weiteren Filialen. Das ist kein Einzelfall, wie ihr am Donnerstag geschrieben habt. ${VIDEO}`,
    `Ab Minute 0:42 sagt die Filialleiterin, man soll die Hafermilch nicht nehmen. Ich bin sprachlos, @CafeAurore ${AT_42}`,
    `@CafeAurore Ich habe die Reportage eben gesehen und bin wirklich wütend. Mein Kind ist allergisch gegen Kuhmilch. ${SHORT}`,
    `Die Reportage über @CafeAurore ist erst eine Stunde online und schon überall. Bitte teilt sie weiter. ${VIDEO}`,
    `@CafeAurore Gilt das auch für eure Filialen in Deutschland? Nach dieser Reportage glaube ich euch nichts mehr. ${SHORT}`,
    `Wer diese Reportage sieht, geht nicht mehr zu @CafeAurore. Das ist Betrug an allen, die Aufpreis zahlen. ${VIDEO}`,
    `@CafeAurore Eure Erklärung vom Donnerstag ist nach dieser Reportage nichts mehr wert. Was sagt ihr jetzt dazu? ${VIDEO}`,
    `Ich habe jeden Morgen bei @CafeAurore einen Latte mit Hafer bestellt. Nach der Reportage will ich mein Geld zurück. ${SHORT}`,
  ],
  nl: [
    `@CafeAurore De reportage met verborgen camera van vanochtend laat het in drie andere winkels zien. Het is dus geen uitzondering. ${VIDEO}`,
    `Kijk vanaf 0:42, daar zegt de manager dat het niet uitmaakt welke melk. Ongelooflijk, @CafeAurore ${AT_42}`,
    `@CafeAurore Jullie zeiden donderdag dat het een geval in Lyon was. Deze reportage laat iets heel anders zien. ${SHORT}`,
    `Mijn dochter is allergisch voor koemelk en we gingen elke week naar @CafeAurore in Amsterdam. Ik ben er echt klaar mee. ${VIDEO}`,
    `@CafeAurore Wanneer komen jullie met een antwoord op deze reportage? Het staat al overal online. ${SHORT}`,
  ],
  es: [
    `@CafeAurore El reportaje con cámara oculta de esta mañana muestra lo mismo en tres tiendas más. No es un caso aislado. ${VIDEO}`,
    `Mirad el vídeo desde el minuto 0:42, cuando la encargada dice que da igual la leche. Increíble, @CafeAurore ${AT_42}`,
    `@CafeAurore El jueves nos dijisteis que era un error de una tienda. Este reportaje dice otra cosa. ${SHORT}`,
    `Mi hijo es alérgico a la leche de vaca y vamos a @CafeAurore en Madrid todas las semanas. Me parece indignante. ${VIDEO}`,
    `@CafeAurore Después de este reportaje quiero que me devolváis lo que he pagado de más por la avena. ${SHORT}`,
  ],
  it: [
    `@CafeAurore Il servizio con la telecamera nascosta di stamattina mostra la stessa cosa in altri tre negozi. Non è un caso isolato. ${VIDEO}`,
    `Guardate il video dal minuto 0:42, quando la responsabile dice che non importa il latte. Vergogna, @CafeAurore ${AT_42}`,
    `@CafeAurore Giovedì avete detto che era un errore di un solo negozio. Questo servizio dice il contrario. ${SHORT}`,
    `Mio figlio è allergico al latte di mucca e andavamo da @CafeAurore a Milano ogni sabato. È davvero una vergogna. ${VIDEO}`,
  ],
};

/** Minutes after 09:00 on Friday the 20th: the shares come in through the next three quarters of an hour. */
const FIRST_MINUTE = 2;

/**
 * The shares as one bank a language, their times taken in turn across the languages (one a minute),
 * so that every language shares the link through the whole burst.
 */
export function tvReportBanks(): LanguageBank[] {
  const langs = Object.keys(TEXTS) as Lang[];
  const banks = new Map<Lang, LanguageBank>(
    langs.map((lang) => [lang, { lang, x: [], facebook: [] }]),
  );
  let minute = FIRST_MINUTE;
  for (let round = 0; langs.some((l) => TEXTS[l].length > round); round++)
    for (const lang of langs) {
      const text = TEXTS[lang][round];
      if (text === undefined) continue;
      const at = `20 09:${String(minute).padStart(2, '0')}`;
      banks.get(lang)?.x.push({ topic: 'aftermath', text, at });
      minute += 1;
    }
  return [...banks.values()];
}
