import type { LanguageBank } from './types';

/** Standalone messages in Italian. */
export const IT: LanguageBank = {
  lang: 'it',
  x: [
    {
      topic: 'crisis',
      reply: 'apology-en',
      text: '@CafeAurore Sono intollerante al lattosio e da anni pago 60 centesimi in più per la bevanda all’avena. Dopo il video di Lione mi chiedo cosa ho bevuto davvero.',
      followUp:
        '@CafeAurore Vi scrivo in italiano e mi rispondete in inglese con un testo copiato. C’è qualcuno che legge davvero?',
    },
    {
      topic: 'crisis',
      text: 'Far pagare un supplemento per l’avena e poi servire latte vaccino non è un errore, @CafeAurore, è una truffa bella e buona. #OatGate',
    },
    {
      topic: 'crisis',
      text: '@CafeAurore Succede anche nei vostri locali di Milano? Vado ogni mattina in quello di Porta Nuova prima del lavoro e prendo sempre l’avena.',
    },
    {
      topic: 'crisis',
      text: 'Mio figlio ha un’allergia alle proteine del latte. Ci fidavamo di @CafeAurore proprio per le bevande vegetali. Sono davvero senza parole.',
    },
    {
      topic: 'copypaste',
      text: '@CafeAurore Una risposta in inglese, copiata e incollata, a una domanda scritta in italiano. Complimenti per l’attenzione ai clienti.',
    },
    {
      topic: 'copypaste',
      at: '18 19:30',
      text: 'Ventiquattro ore di silenzio totale in italiano da parte di @CafeAurore. Nel frattempo il video gira ovunque e nessuno spiega niente.',
    },
    {
      topic: 'wave2',
      text: 'Ho lavorato due anni da @CafeAurore a Roma Termini: quando finiva l’avena ci dicevano di usare il latte normale e stare zitti. Non è colpa dei baristi.',
    },
    {
      topic: 'aftermath',
      at: '19 14:05',
      text: '@CafeAurore Il comunicato di oggi è chiaro e onesto. Peccato che sia arrivato con un giorno e mezzo di ritardo.',
    },
    {
      topic: 'aftermath',
      at: '20 09:41',
      text: 'Stamattina da @CafeAurore in Duomo hanno aperto il cartone di avena davanti a me senza che lo chiedessi. Così si ricostruisce la fiducia.',
    },
    {
      topic: 'aftermath',
      text: '@CafeAurore Il rimborso del supplemento vale anche per chi non ha la tessera del club? Pagavo sempre con il bancomat.',
      reply:
        'Sì! Può richiederlo anche senza tessera e senza scontrino su aurore.cafe/it/rimborso. Esaminiamo ogni richiesta.',
    },
    {
      topic: 'hours',
      text: '@CafeAurore Il locale di Torino Porta Nuova è aperto l’8 dicembre? Vorrei passare prima di prendere il treno per Milano.',
    },
    {
      topic: 'loyalty',
      text: '@CafeAurore Dopo l’aggiornamento dell’app i miei chicchi del Club Aurore sono spariti. Come posso recuperarli?',
    },
    {
      topic: 'app',
      text: '@CafeAurore L’app si blocca ogni volta che provo a ordinare in anticipo. iPhone 14, ultima versione di iOS. Qualcun altro ha lo stesso problema?',
    },
    {
      topic: 'praise',
      text: 'Grazie al team di @CafeAurore in via Roma a Torino: sempre gentili, cappuccino perfetto e oggi mi hanno anche regalato un biscotto. Piccole cose.',
    },
    {
      topic: 'lost',
      text: '@CafeAurore Ieri pomeriggio ho dimenticato gli occhiali da vista in una custodia verde nel vostro locale in piazza Duomo. Qualcuno li ha trovati?',
    },
    {
      topic: 'spam',
      text: '@CafeAurore Guadagna 500 € a settimana lavorando da casa con il trading online! Scrivimi in privato per scoprire come 💸',
    },
  ],
  facebook: [
    {
      topic: 'crisis',
      gender: 'f',
      reply: 'apology-en',
      text: 'Sono intollerante al lattosio e pago il supplemento per l’avena da anni. Dopo aver visto il video mi sento presa in giro.',
    },
    {
      topic: 'silence',
      text: 'Pubblicate la pubblicità del latte al pan di zenzero mentre tutti parlano del video. C’è qualcuno che gestisce questa pagina?',
    },
    {
      topic: 'crisis',
      text: 'Potete confermare se nei locali di Milano si faceva la stessa cosa? Mia figlia è allergica alle proteine del latte.',
    },
    {
      topic: 'copypaste',
      text: 'Mi avete risposto in inglese con la stessa frase che avete scritto a tutti. Un po’ di rispetto per i clienti italiani, per favore.',
    },
    {
      topic: 'crisis',
      text: 'I baristi fanno quello che gli dicono di fare. Se è successo in più locali, la responsabilità è dell’azienda e di nessun altro.',
    },
    {
      topic: 'wave2',
      text: 'Confermo quello che dicono gli ex dipendenti: anche a Roma non potevamo mai dire che qualcosa era finito.',
    },
    {
      topic: 'aftermath',
      text: 'Finalmente un comunicato serio, con numeri e responsabilità chiare. Bene che non abbiate scaricato la colpa sui baristi.',
    },
    {
      topic: 'aftermath',
      text: 'Ho già ricevuto il rimborso nell’app, 31 euro in chicchi. Almeno su questo siete stati veloci.',
    },
    {
      topic: 'aftermath',
      text: 'Togliere il supplemento fino a fine anno va bene, ma a gennaio cosa succede? Torniamo a pagare di più per l’avena?',
    },
    {
      topic: 'aftermath',
      at: '20 10:40',
      text: 'Stamattina a Torino la barista mi ha mostrato il cartone sigillato prima di aprirlo. Bel gesto, continuate così.',
    },
    {
      topic: 'loyalty',
      text: 'I chicchi doppi valgono anche per le bevande da asporto ordinate con l’app? Non è chiaro dal post.',
      reply:
        'Certo! I chicchi doppi valgono per tutte le bevande invernali, anche da asporto ordinate in app. Buona giornata!',
    },
    {
      topic: 'app',
      text: 'Dopo l’aggiornamento l’app non mi fa più accedere, continua a chiedermi il codice di verifica che non arriva mai.',
    },
    {
      topic: 'jobs',
      text: 'Assumete anche in Italia per le feste? Ho esperienza come barista a Bologna e sto cercando lavoro a Milano.',
    },
    {
      topic: 'praise',
      text: 'Provato oggi il chai al cardamomo a Milano, davvero buonissimo e non troppo dolce. Complimenti a tutto lo staff!',
    },
    {
      topic: 'allergens',
      gender: 'f',
      text: 'Lo sciroppo al pan di zenzero contiene glutine? Sono celiaca e vorrei provarlo in sicurezza.',
    },
    {
      topic: 'spam',
      text: 'Guadagna 2.000 € al mese lavorando solo due ore al giorno dal tuo telefono! Scrivimi in privato 💰',
    },
  ],
};
