import type { XThread } from './types';

/** Handwritten X conversations about everything else: points, lost things, apps, jobs, hours. */
export const EVERYDAY_THREADS: XThread[] = [
  {
    key: 'priya',
    lang: 'en',
    steps: [
      {
        by: 'priya_builds',
        at: '19 14:10',
        to: null,
        text: '@CafeAurore Since the app update my Club Aurore balance dropped from 1,240 grains to zero. That’s about four free drinks gone. Can someone look into it?',
        likes: 3,
      },
      {
        by: 'brand',
        at: '19 14:32',
        text: '@priya_builds Sorry about that! A small number of accounts lost their balance display after 4.2, but the grains are still there. Could you DM us the email linked to your account?',
      },
      { by: 'priya_builds', at: '19 14:40', text: '@CafeAurore Done, just sent you a DM with it.' },
      {
        by: 'brand',
        at: '19 15:05',
        text: '@priya_builds Thanks, found it: your 1,240 grains are back, plus 200 for the trouble. Closing and reopening the app should show them.',
      },
      {
        by: 'priya_builds',
        at: '19 15:12',
        text: '@CafeAurore Yep, all there now. Thanks for the quick fix, that was painless.',
        likes: 2,
      },
    ],
  },
  {
    key: 'camille',
    lang: 'fr',
    steps: [
      {
        by: 'camille_vdm',
        at: '18 16:20',
        to: null,
        text: '@CafeAurore Bonjour, j’ai oublié mon chargeur de MacBook (USB-C, blanc, avec un autocollant Totoro) au café de Lille Flandres vers 14h. Quelqu’un l’a trouvé ?',
      },
      {
        by: 'brand',
        at: '18 17:45',
        text: '@camille_vdm Bonjour ! Nous avons demandé à l’équipe de Lille Flandres de regarder. Vous repassez dans le coin bientôt ?',
      },
      {
        by: 'camille_vdm',
        at: '18 17:52',
        text: '@CafeAurore Je reprends le train demain matin à 8h, je peux passer vers 7h30 si le café est ouvert.',
      },
      {
        by: 'brand',
        at: '18 18:30',
        text: '@camille_vdm Bonne nouvelle : le chargeur (et son Totoro) vous attend au comptoir. Le café ouvre à 6h30 en semaine, demandez Yanis.',
        likes: 14,
      },
      {
        by: 'camille_vdm',
        at: '19 07:41',
        text: '@CafeAurore Récupéré, merci à Yanis et à vous ! Un peu de bonne nouvelle au milieu de tout le reste 😅',
        likes: 9,
      },
    ],
  },
  {
    key: 'tobias',
    lang: 'de',
    steps: [
      {
        by: 'tobi_schmitt',
        at: '18 07:55',
        to: null,
        text: '@CafeAurore Eure App stürzt seit dem Update jedes Mal ab, wenn ich mit Google Pay bezahlen will. Pixel 8, Android 15. Stehe gerade in der Schlange am Hackeschen Markt…',
      },
      {
        by: 'brand',
        at: '18 09:30',
        text: '@tobi_schmitt Oh nein, das tut uns leid! Welche App-Version zeigt dir Einstellungen > Über? Wir geben es direkt an unser Entwicklerteam weiter.',
      },
      {
        by: 'tobi_schmitt',
        at: '18 09:48',
        text: '@CafeAurore Version 4.2.0 (4211). Neu installieren hat leider nichts gebracht.',
      },
      {
        by: 'brand',
        at: '18 10:15',
        text: '@tobi_schmitt Danke! Der Fehler ist bekannt, Version 4.2.1 kommt heute Nachmittag. Bis dahin klappt die Zahlung mit hinterlegter Karte in der App, nur ohne Google Pay.',
      },
      {
        by: 'tobi_schmitt',
        at: '18 19:20',
        text: '@CafeAurore Das Update ist da und Google Pay geht wieder. Danke für die schnelle Info!',
        likes: 1,
      },
    ],
  },
  {
    key: 'marco',
    lang: 'it',
    steps: [
      {
        by: 'marco_rinaldi93',
        at: '19 11:15',
        to: null,
        text: '@CafeAurore Buongiorno, ho fatto il colloquio per barista nel vostro locale di Porta Nuova tre settimane fa e non ho più saputo niente. È normale aspettare così tanto?',
      },
      {
        by: 'brand',
        at: '19 12:40',
        lang: 'en',
        text: '@marco_rinaldi93 Hi Marco, sorry for the wait. Could you DM us your full name and the date of the interview? We’ll check with the Milan team.',
      },
      {
        by: 'marco_rinaldi93',
        at: '19 12:55',
        text: '@CafeAurore Fatto, vi ho mandato tutto in privato. Grazie, anche se non parlo benissimo inglese.',
      },
      {
        by: 'brand',
        at: '19 16:20',
        text: '@marco_rinaldi93 Grazie Marco, e ci scusi per l’inglese. La responsabile di Porta Nuova la chiamerà domani mattina: la sua candidatura è ancora aperta.',
      },
      {
        by: 'marco_rinaldi93',
        at: '19 16:33',
        text: '@CafeAurore Perfetto, grazie mille! Incrocio le dita per domani 🤞',
        likes: 2,
      },
    ],
  },
  {
    key: 'joost',
    lang: 'nl',
    steps: [
      {
        by: 'joost_pendelt',
        at: '20 07:10',
        to: null,
        text: '@CafeAurore Is jullie vestiging op Amsterdam Centraal op zondag ook vóór zeven uur open? Mijn trein vertrekt om kwart over zeven.',
      },
      {
        by: 'brand',
        at: '20 08:02',
        text: '@joost_pendelt Goedemorgen! Op zondag opent Amsterdam Centraal om 6.30 uur, dus je hebt ruim de tijd voor een koffie. Goede reis!',
      },
      {
        by: 'joost_pendelt',
        at: '20 08:10',
        text: '@CafeAurore Top, dank je! En is de havercappuccino daar inmiddels echt haver? 😉',
        likes: 11,
      },
      {
        by: 'brand',
        at: '20 08:25',
        text: '@joost_pendelt Ja 🙂 Sinds deze week wordt elk pak plantaardige drank geopend waar je bij staat. Je mag er altijd om vragen.',
        likes: 6,
      },
      {
        by: 'joost_pendelt',
        at: '20 08:31',
        text: '@CafeAurore Goed zo. Dan zie ik jullie zondagochtend op het station.',
      },
    ],
  },
  {
    key: 'aurelie',
    lang: 'fr',
    steps: [
      {
        by: 'aurelie_b',
        at: '19 15:40',
        to: null,
        text: '@CafeAurore Le sirop pain d’épices de votre latte d’hiver contient-il des fruits à coque ? Ma fille est allergique aux noisettes et la fiche sur le site ne dit rien.',
      },
      {
        by: 'brand',
        at: '19 16:05',
        text: '@aurelie_b Bonjour, le sirop ne contient pas de fruits à coque, mais il est préparé dans un atelier qui manipule des noisettes : il porte la mention « traces éventuelles ». Nous préférons vous le dire clairement.',
      },
      {
        by: 'aurelie_b',
        at: '19 16:12',
        text: '@CafeAurore Merci pour la franchise, c’est précieux. Et le chocolat chaud classique, il est sûr pour elle ?',
      },
      {
        by: 'brand',
        at: '19 16:30',
        text: '@aurelie_b Le chocolat chaud classique est sans fruits à coque et sans traces. Demandez la fiche allergènes au comptoir : elle est désormais disponible dans tous nos cafés.',
      },
      {
        by: 'aurelie_b',
        at: '19 16:34',
        text: '@CafeAurore Parfait, on fera comme ça mercredi. Merci beaucoup !',
      },
    ],
  },
  {
    key: 'jordi',
    lang: 'es',
    steps: [
      {
        by: 'jordi_bcn',
        at: '20 09:05',
        to: null,
        text: '@CafeAurore Esta mañana en Passeig de Gràcia me han cobrado dos veces el mismo cortado con la tarjeta. Tengo el ticket. ¿Cómo lo soluciono?',
      },
      {
        by: 'brand',
        at: '20 09:40',
        text: '@jordi_bcn ¡Buenos días, Jordi! El segundo cargo es una preautorización que desaparece en tres días. Si el lunes sigue ahí, mándanos el ticket por DM y lo devolvemos.',
      },
      {
        by: 'jordi_bcn',
        at: '20 09:51',
        text: '@CafeAurore Vale, perfecto. Gracias por responder tan rápido y en castellano.',
      },
    ],
  },
];
