import type { Lang } from './types';

/** A list written as comma-separated lines, to keep long lists of names short. */
function list(...lines: string[]): string[] {
  return lines.flatMap((line) => line.split(', '));
}

/**
 * First names by gender, last names, nickname handles, towns and short bios of each language's
 * public. Handles and bios that show a writer's gender (French `lectrice`, Spanish `madrugadora`)
 * start with `f:` or `m:`; they only go to people of that gender.
 */
export interface NameBank {
  female: string[];
  male: string[];
  last: string[];
  handles: string[];
  places: string[];
  bios: string[];
}

export const NAMES: Record<Lang, NameBank> = {
  fr: {
    female: list(
      'Camille, Léa, Manon, Chloé, Inès, Julie, Sarah, Élodie, Pauline, Margaux, Clara',
      'Anaïs, Émilie, Nathalie, Sophie, Lucie, Amandine, Céline, Fatou, Sylvie',
    ),
    male: list(
      'Thomas, Nicolas, Julien, Maxime, Antoine, Hugo, Lucas, Romain, Guillaume, Kévin',
      'Mehdi, Yanis, Baptiste, Quentin, Olivier, Karim, Jérôme',
    ),
    last: list(
      'Martin, Bernard, Dubois, Durand, Lefebvre, Moreau, Laurent, Simon, Michel, Garcia',
      'Roux, Fournier, Girard, Dupont, Lambert, Fontaine, Rousseau, Vincent, Muller, Faure',
      'André, Mercier, Blanc, Guérin, Boyer, Chevalier, Robin, Masson, Nguyen, Diallo',
      'Perrin, Gauthier, Lemaire, Renaud, Barbier',
    ),
    handles: list(
      'cafe_et_velo, lamouette33, petitbrunch, f:mamanpressee, lyon_nomade, ptit_dej_pro',
      'matinal_paris, bobo_du_11e, lecturesdumatin, chouquette_69',
    ),
    places: list(
      'Paris, Lyon, Marseille, Lille, Bordeaux, Nantes, Toulouse, Strasbourg, Rennes',
      'Montpellier, Grenoble, Bruxelles, Nice, Villeurbanne, Paris 11e',
    ),
    bios: [
      'f:Prof de SVT le jour, lectrice la nuit',
      'Développement web. Café, vélo, et rien d’autre.',
      'f:Maman de deux loulous, infirmière de nuit',
      'Supporter de l’OL depuis toujours',
      'm:Étudiant en droit, éternel retardataire',
      'Photographe amateur, cafés et balades',
      'Je râle, mais avec amour',
      'Graphiste freelance. Lyon ↔ Paris',
      'f:Végétarienne, intolérante au lactose, curieuse',
      'm:Consultant, toujours dans un TGV',
    ],
  },
  en: {
    female: list(
      'Emma, Olivia, Sophie, Lucy, Charlotte, Amelia, Grace, Chloe, Megan, Jessica, Rachel',
      'Laura, Kate, Sarah, Aisha, Zara, Niamh, Ellie',
    ),
    male: list(
      'James, Oliver, Jack, Harry, Tom, Daniel, Ben, Ryan, Luke, Adam, Michael, Josh, Liam',
      'Noah, Ethan, Callum, Rohan, Kwame',
    ),
    last: list(
      'Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright',
      'Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Patel',
      'Khan, Murphy, Hughes, Edwards, Turner, Hill, Cooper, Ward, Morris, Price, Bennett',
      'Gray, Reid, Mensah, Byrne',
    ),
    handles: list(
      'flatwhite_fan, oatmilk_daily, commuter_coffee, the_tea_leaf, brewsandviews',
      'latte_every_day, caffeinated_cat, mornings_suck, londonbean, decaf_denier',
    ),
    places: list(
      'London, Manchester, Dublin, Bristol, Leeds, Edinburgh, Brighton, Paris, Brussels',
      'Amsterdam, Berlin, Toronto, Birmingham, Glasgow',
    ),
    bios: [
      'Coffee first, then everything else.',
      'Product designer. Opinions are my own.',
      'Nurse. Cyclist. Occasional baker.',
      'Londoner in Paris, learning French the hard way',
      'f:Dog mum, plant killer, latte lover',
      'Writing about food and the people who make it',
      'PhD student, powered by caffeine',
      'Teacher. Tired. Mostly harmless.',
      'Marketing by day, gigs by night',
      'Just here for the memes and the flat whites',
    ],
  },
  de: {
    female: list(
      'Lena, Anna, Laura, Julia, Sarah, Lisa, Katharina, Sophie, Hannah, Marie, Johanna',
      'Franziska, Jana, Miriam, Elif, Svenja, Sabine',
    ),
    male: list(
      'Lukas, Jonas, Felix, Maximilian, Leon, Paul, Tim, Jan, Florian, Niklas, Philipp',
      'Moritz, Stefan, Sebastian, Markus, Can, Emre, Dirk, Uwe',
    ),
    last: list(
      'Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann',
      'Koch, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger',
      'Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Yılmaz, Kaya, Vogel, Frank, Berger',
      'Kowalski, Petersen, Seidel',
    ),
    handles: list(
      'kaffeejunkie, haferliebe, f:pendlerin_ffm, spreeufer, fruehaufsteher, milchschaum',
      'kiezkind_b, latte_macchiato, bahnfahrer_84, cappu_cino',
    ),
    places: list(
      'Berlin, Hamburg, München, Köln, Frankfurt am Main, Stuttgart, Düsseldorf, Leipzig',
      'Dresden, Hannover, Bremen, Nürnberg, Wien, Zürich',
    ),
    bios: [
      'f:Pendlerin zwischen Mainz und Frankfurt',
      'm:Lehrer, Vater, Kaffeetrinker',
      'Studiere Medizin in Leipzig',
      'm:Softwareentwickler. Meinung ist meine eigene.',
      'Laktoseintolerant seit 2015 und trotzdem gut gelaunt',
      'Fotografie, Fahrrad, Filterkaffee',
      'f:Krankenpflegerin im Schichtdienst',
      'Kiezkind aus Neukölln',
      'Fußball, Familie, Frühstück',
      'Immer auf der Suche nach dem besten Flat White der Stadt',
    ],
  },
  nl: {
    female: list(
      'Sanne, Lotte, Anouk, Fleur, Emma, Lisa, Iris, Femke, Eva, Noor, Julia, Maud, Esther',
      'Ilse, Fatima, Marieke, Hanneke',
    ),
    male: list(
      'Daan, Bram, Thijs, Ruben, Jesse, Sem, Lars, Niels, Joris, Pieter, Wouter, Stijn',
      'Koen, Yusuf, Mohamed, Jeroen, Wim',
    ),
    last: list(
      'de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit',
      'Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, van Leeuwen, Dekker, Brouwer',
      'de Wit, Dijkstra, Smits, de Graaf, van der Meer, Kok, Jacobs, Peeters, Maes, Claes',
      'Willems, Vermeulen, El Amrani, Verbeek',
    ),
    handles: list(
      'koffieleut, haverdrinker, forens_030, utrecht_koffie, fietsenkoffie, spitsuur',
      'gezellig_gent, mokkeltje, stroopwafel_nl, tramlijn_13',
    ),
    places: list(
      'Amsterdam, Utrecht, Rotterdam, Den Haag, Eindhoven, Groningen, Haarlem, Leiden',
      'Antwerpen, Gent, Brussel, Nijmegen, Arnhem, Delft',
    ),
    bios: [
      'Forens, fietser, koffieliefhebber',
      'Verpleegkundige in het UMC',
      'Student in Groningen, altijd te laat',
      'f:Moeder van drie en nog steeds wakker',
      'Werkt in de zorg, drinkt veel koffie',
      'Grafisch ontwerper uit Gent',
      'Lactose-intolerant en trots',
      'Docent Nederlands. Let op je spelling.',
      'Amsterdammer in hart en nieren',
      'Leraar, hardloper, speculaasfan',
    ],
  },
  es: {
    female: list(
      'Lucía, María, Paula, Laura, Marta, Andrea, Sara, Carmen, Elena, Irene, Claudia, Alba',
      'Nuria, Cristina, Raquel, Montse, Rocío',
    ),
    male: list(
      'Javier, Pablo, Alejandro, David, Daniel, Sergio, Carlos, Adrián, Álvaro, Jorge, Iván',
      'Rubén, Marcos, Héctor, Diego, Jordi, Aitor',
    ),
    last: list(
      'García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez',
      'Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Romero, Torres, Domínguez',
      'Vázquez, Ramos, Gil, Serrano, Blanco, Molina, Ortiz, Castro, Ferrer, Soler, Iglesias',
      'Etxeberria, Cano',
    ),
    handles: list(
      'cafeconleche_, f:madrugadora, f:la_del_metro, cortadito_bcn, f:vallecana',
      'f:malaguita_, nomadadigital, tortilla_fan, m:el_de_atocha, sinlactosa_',
    ),
    places: list(
      'Madrid, Barcelona, Valencia, Sevilla, Málaga, Bilbao, Zaragoza, Granada, Alicante',
      'Valladolid, Palma, Murcia',
    ),
    bios: [
      'f:Enfermera. Café antes de hablar.',
      'Profe de inglés en un instituto de Getafe',
      'f:Diseñadora gráfica en Barcelona',
      'Intolerante a la lactosa, no al café',
      'Estudiante de Derecho en Sevilla',
      'm:Corredor popular y cafetero',
      'f:Madre, abogada y fan del café con avena',
      'm:Ingeniero en Bilbao. Opiniones mías.',
      'Viajando siempre que puedo',
      'f:Periodista en paro, lectora compulsiva',
    ],
  },
  it: {
    female: list(
      'Giulia, Chiara, Francesca, Sara, Martina, Valentina, Alessia, Federica, Elisa',
      'Silvia, Elena, Sofia, Aurora, Beatrice, Roberta, Ilaria',
    ),
    male: list(
      'Marco, Luca, Alessandro, Andrea, Matteo, Lorenzo, Davide, Simone, Federico, Stefano',
      'Riccardo, Paolo, Giorgio, Tommaso, Nicola, Emanuele',
    ),
    last: list(
      'Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco',
      'Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti',
      'Barbieri, Fontana, Santoro, Mariani, Caruso, Ferrara, Galli, Martini, Leone, Longo',
      'Gentile, Vitale',
    ),
    handles: list(
      'caffe_corretto, pendolare_mi, la_tazzina, cornetto_cappu, torinese_doc',
      'f:romana_de_roma, avena_addicted, spritz_o_caffe, f:lettrice_notte, moka_e_basta',
    ),
    places: list(
      'Milano, Roma, Torino, Bologna, Firenze, Napoli, Genova, Verona, Padova, Bergamo',
      'Palermo, Bari',
    ),
    bios: [
      'Milanese d’adozione, caffè prima di tutto',
      'Insegnante di lettere. Romana.',
      'f:Infermiera, mamma, sempre di corsa',
      'm:Sviluppatore a Torino',
      'Intollerante al lattosio ma non al buon umore',
      'f:Studentessa di architettura a Firenze',
      'm:Fotografo per passione',
      'm:Tifoso, pendolare, cappuccino addicted',
      'Scrivo di cibo e viaggi',
      'f:Avvocata. Opinioni personali.',
    ],
  },
};
