import type { LanguageBank } from './types';

/** Standalone messages in German. */
export const DE: LanguageBank = {
  lang: 'de',
  x: [
    {
      topic: 'crisis',
      reply: 'apology',
      text: '@CafeAurore Ich zahle seit Jahren 60 Cent Aufpreis für Hafermilch, weil ich laktoseintolerant bin. Nach dem Video aus Lyon frage ich mich, was ich eigentlich getrunken habe.',
      followUp:
        '@CafeAurore Habe euch wie gewünscht eine DM geschrieben. Zurück kam eine automatische Antwort, sonst nichts.',
    },
    {
      topic: 'crisis',
      text: 'Wer Aufpreis für Hafermilch nimmt und dann Kuhmilch ausschenkt, betrügt. So einfach ist das, @CafeAurore. #OatGate',
    },
    {
      topic: 'crisis',
      text: '@CafeAurore Gilt das auch für eure Filialen in Deutschland? Ich gehe jeden Morgen in die am Hackeschen Markt und bestelle immer mit Hafer.',
    },
    {
      topic: 'crisis',
      text: 'Mein Kind hat eine Kuhmilchallergie. Wir waren im Sommer im @CafeAurore in München, der Kakao war angeblich mit Hafermilch. Danach hatte er Ausschlag. Jetzt verstehe ich, warum.',
    },
    {
      topic: 'silence',
      text: '@CafeAurore Seit gestern Abend kein einziges Wort von euch, obwohl das Video überall ist. Das macht es nicht besser, eher im Gegenteil.',
    },
    {
      topic: 'copypaste',
      text: '@CafeAurore Ihr habt mir und gefühlt hundert anderen denselben Textbaustein geschickt. Liest da überhaupt jemand mit?',
    },
    {
      topic: 'crisis',
      text: 'Ehrlich gesagt überrascht mich das nicht. In der Gastronomie wird so etwas oft von oben angeordnet. @CafeAurore sollte jetzt nicht die Baristas opfern.',
    },
    {
      topic: 'wave2',
      text: 'Ich habe zwei Jahre bei @CafeAurore in Köln gearbeitet. Wenn der Hafer aus war, hieß es: „Nimm normale, merkt eh keiner.“ Nerea hat völlig recht.',
    },
    {
      topic: 'aftermath',
      at: '19 11:40',
      text: '@CafeAurore Die Stellungnahme von heute Morgen ist ordentlich: Zahlen, Ursachen, Maßnahmen. Hätte nur nicht anderthalb Tage dauern dürfen.',
    },
    {
      topic: 'aftermath',
      at: '19 09:55',
      text: 'Heute früh in der Kölner Filiale von @CafeAurore wurde die Haferpackung vor meinen Augen geöffnet. So gewinnt man Vertrauen zurück.',
    },
    {
      topic: 'aftermath',
      text: '@CafeAurore Die Erstattung in der App zeigt bei mir 0 Euro an, obwohl ich seit drei Jahren fast täglich mit Hafer bestelle. Ist das ein Fehler?',
      reply:
        'Danke für den Hinweis! Die Erstattungen werden nach und nach gutgeschrieben, bis Sonntag sollte alles sichtbar sein. Wenn nicht, schreib uns bitte eine DM.',
    },
    {
      topic: 'hours',
      at: '17 15:20',
      text: '@CafeAurore Hat die Filiale am Dresdner Hauptbahnhof morgen am Buß- und Bettag normal geöffnet? Auf eurer Website steht nichts dazu.',
      reply:
        'Hallo! Ja, Dresden Hbf hat morgen ganz normal von 6 bis 21 Uhr geöffnet. Wir ergänzen das auf der Website, danke für den Hinweis!',
    },
    {
      topic: 'loyalty',
      text: '@CafeAurore Meine Club-Aurore-Bohnen von der alten Karte wurden nicht in die neue App übernommen. Wie bekomme ich die zurück?',
      reply:
        'Hallo! Die Übernahme klappt, wenn du die alte Karte unter Profil > Meine Karten hinzufügst. Die Bohnen werden dann innerhalb von 24 Stunden gutgeschrieben.',
      followUp: '@CafeAurore Hat funktioniert, alle Bohnen sind wieder da. Danke!',
    },
    {
      topic: 'app',
      text: '@CafeAurore Die App zeigt mir seit dem Update nur noch Filialen in Frankreich an. Ich wohne in Leipzig und die Standortfreigabe ist an.',
    },
    {
      topic: 'allergens',
      text: '@CafeAurore Enthält der Lebkuchen-Latte Gluten oder Nüsse? Ich finde nirgends eine Allergenliste für die Wintergetränke.',
    },
    {
      topic: 'jobs',
      text: '@CafeAurore Sucht ihr in Hamburg noch Aushilfen für die Weihnachtszeit? Ich studiere und hätte an den Wochenenden Zeit.',
    },
    {
      topic: 'praise',
      text: 'Großes Lob an das Team von @CafeAurore in der Frankfurter Innenstadt: trotz langer Schlange freundlich und schnell, und der Cappuccino war perfekt.',
    },
    {
      topic: 'lost',
      text: '@CafeAurore Ich habe gestern meinen Schlüsselbund mit einem roten Anhänger in eurer Filiale am Jungfernstieg liegen lassen. Hat den jemand gefunden?',
    },
    {
      topic: 'spam',
      text: '@CafeAurore 🔥 Verdiene bis zu 2.000 € pro Woche mit Krypto-Trading! Schreib mir jetzt eine DM für kostenlose Signale 📈',
    },
    {
      topic: 'order',
      text: '@CafeAurore Schon zweimal war mein Flat White, über die App bestellt, nur noch lauwarm. Filiale Stuttgart Königstraße. Liegt das an der Abholstation?',
    },
  ],
  facebook: [
    {
      topic: 'crisis',
      reply: 'apology',
      text: 'Ich bin fassungslos. Wir haben für unseren Sohn mit Milcheiweißallergie bei euch extra Hafermilch bestellt. Wie soll man euch jetzt noch vertrauen?',
    },
    {
      topic: 'silence',
      text: 'Ihr postet Werbung für den Lebkuchen-Latte, während alle über das Video reden. Gibt es hier niemanden, der die Seite betreut?',
    },
    {
      topic: 'crisis',
      text: 'Ich trinke seit Jahren Sojamilch bei euch. Wurde da auch getrickst, oder betrifft das nur Hafer?',
    },
    {
      topic: 'crisis',
      text: 'Laktoseintolerant und jahrelang Aufpreis bezahlt. Ich möchte wissen, ob die Filiale in Düsseldorf auch betroffen ist.',
    },
    {
      topic: 'copypaste',
      text: 'Immer die gleiche Antwort unter jedem Kommentar. Das wirkt wie ein Bot und macht die ganze Sache nur noch schlimmer.',
    },
    {
      topic: 'crisis',
      text: 'Die Baristas können nichts dafür, die machen, was die Filialleitung sagt. Bitte lasst das jetzt nicht an den Angestellten aus.',
    },
    {
      topic: 'wave2',
      gender: 'f',
      text: 'Ehemalige Schichtleiterin aus Berlin hier: „Niemals sagen, dass etwas aus ist“ war bei uns eine feste Regel. Das Problem ist hausgemacht.',
    },
    {
      topic: 'aftermath',
      text: 'Endlich eine richtige Stellungnahme. Dass ihr die Schuld nicht bei den Baristas abladet, finde ich gut.',
    },
    {
      topic: 'aftermath',
      text: 'Eine Filiale in Deutschland, nämlich Köln Hbf. Gut, dass ihr das offen sagt. Ich gehe trotzdem erst mal woanders hin.',
    },
    {
      topic: 'aftermath',
      text: 'Die Erstattung hat bei mir geklappt, 41 Euro als Bohnen. Trotzdem ärgerlich, dass es erst ein Video gebraucht hat.',
    },
    {
      topic: 'aftermath',
      text: 'Gilt die Erstattung auch für Leute ohne Club-Karte? Ich habe immer bar bezahlt.',
      reply:
        'Ja! Über das Formular auf aurore.cafe/de/erstattung geht es auch ohne Karte und ohne Beleg. Wir bearbeiten jeden Antrag.',
    },
    {
      topic: 'loyalty',
      text: 'Zählen die doppelten Bohnen auch, wenn ich über die Lieferdienste bestelle?',
      reply:
        'Leider nein, die doppelten Bohnen gibt es nur bei Bestellungen in der App oder direkt im Café. Sorry!',
    },
    {
      topic: 'app',
      text: 'Seit dem Update kann ich keine Bestellung mehr vorab aufgeben, die App hängt beim Bezahlen fest. Samsung S23.',
    },
    {
      topic: 'jobs',
      text: 'Sucht ihr auch in Berlin Leute, oder nur in Frankreich und Belgien? Ich habe drei Jahre Erfahrung als Barista.',
    },
    {
      topic: 'allergens',
      text: 'Ist im Kardamom-Chai Milchpulver drin? Ich würde ihn gerne vegan bestellen.',
    },
    {
      topic: 'praise',
      text: 'Der Lebkuchen-Latte in der Filiale am Marienplatz war heute richtig gut. Nicht zu süß, schön würzig.',
    },
    {
      topic: 'hours',
      text: 'Habt ihr am 24. Dezember in Frankfurt geöffnet? Wir wollen morgens vor der Fahrt zur Familie noch vorbeikommen.',
    },
    {
      topic: 'spam',
      text: 'Hallo, deine Seite verstößt gegen unsere Richtlinien. Bestätige innerhalb von 24 Stunden dein Konto, sonst wird sie gelöscht: meta-hilfe-center.com',
    },
  ],
};
