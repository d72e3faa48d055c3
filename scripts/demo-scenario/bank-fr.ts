import type { LanguageBank } from './types';

/** Standalone messages in French. */
export const FR: LanguageBank = {
  lang: 'fr',
  x: [
    {
      topic: 'crisis',
      gender: 'f',
      reply: 'apology',
      text: '@CafeAurore 60 centimes de supplément pour du lait d’avoine et on vous sert du lait de vache en douce ? Je suis intolérante au lactose, je comprends mieux mes maux de ventre. Dégoûtée.',
      followUp:
        '@CafeAurore Je vous ai écrit en privé comme demandé. Réponse automatique et puis plus rien. Super.',
    },
    {
      topic: 'crisis',
      text: 'Je viens de voir la vidéo de Part-Dieu. @CafeAurore vous jouez avec la santé d’enfants allergiques, c’est d’une gravité incroyable. #OatGate',
    },
    {
      topic: 'crisis',
      text: '@CafeAurore « Personne voit la différence »… sauf les allergiques, qui finissent aux urgences. Vous attendez quoi pour réagir ?',
    },
    {
      topic: 'crisis',
      gender: 'm',
      text: 'Client fidèle depuis dix ans chez @CafeAurore, carte Club Aurore niveau Or. C’est terminé. On ne triche pas sur ce que les gens mettent dans leur corps.',
    },
    {
      topic: 'silence',
      text: '@CafeAurore Toujours aucun message de votre part ce matin ? La vidéo a dépassé les quatre millions de vues. Le silence, c’est aussi une réponse.',
    },
    {
      topic: 'crisis',
      text: 'Je travaille en pharmacie et je vois chaque semaine des parents paniqués par les allergies de leurs enfants. @CafeAurore ce que montre cette vidéo est tout simplement dangereux.',
    },
    {
      topic: 'copypaste',
      text: '@CafeAurore Vous avez répondu la même phrase à deux cents personnes en une heure. Une vraie réponse, c’est possible ou pas ?',
    },
    {
      topic: 'crisis',
      gender: 'f',
      at: '18 08:47',
      text: 'Bon, j’ai pris mon café chez le concurrent d’en face ce matin. Désolée @CafeAurore mais la confiance, ça ne se remplit pas avec du lait de vache.',
    },
    {
      topic: 'crisis',
      reply: 'apology',
      text: '@CafeAurore Est-ce que ça concerne aussi votre café de la gare Saint-Jean à Bordeaux ? J’y prends un latte avoine tous les matins et j’aimerais savoir.',
    },
    {
      topic: 'campaign',
      gender: 'm',
      text: '@CafeAurore Je veux être remboursé de mes suppléments lait végétal. #OatGate',
    },
    {
      topic: 'campaign',
      gender: 'f',
      text: '@CafeAurore Je veux être remboursée de mes suppléments lait végétal. #OatGate',
    },
    {
      topic: 'campaign',
      gender: 'm',
      text: '@CafeAurore je veux être remboursé de mes suppléments lait végétal #OatGate',
    },
    {
      topic: 'campaign',
      text: '@CafeAurore Je veux être remboursé(e) de mes suppléments lait végétal. #OatGate #BoycottAurore',
    },
    {
      topic: 'campaign',
      gender: 'f',
      text: '@CafeAurore Je veux être remboursée de tous mes suppléments lait végétal. Deux ans à 0,60 € par jour, faites le calcul. #OatGate',
    },
    {
      topic: 'campaign',
      gender: 'm',
      text: '@CafeAurore Je veux être remboursé de mes suppléments lait végétal. #OatGate @ConsoVigilance',
    },
    {
      topic: 'campaign',
      gender: 'm',
      text: 'Je veux être remboursé de mes suppléments lait végétal @CafeAurore #OatGate',
    },
    {
      topic: 'wave2',
      gender: 'f',
      text: 'Ancienne barista chez @CafeAurore à Paris Opéra : quand il n’y avait plus d’avoine, on nous disait de « faire avec ». Merci à Nerea d’avoir parlé, c’était pareil chez nous.',
    },
    {
      topic: 'wave2',
      text: 'Donc si je comprends bien, la consigne venait d’en haut et c’est la barista de Lyon qui va payer ? @CafeAurore ne faites pas ça, ce serait lamentable.',
    },
    {
      topic: 'aftermath',
      at: '19 10:12',
      text: '@CafeAurore Le communiqué de ce matin est clair et honnête, ça change des copier-coller d’hier. Reste à voir dans les faits.',
    },
    {
      topic: 'aftermath',
      at: '19 09:48',
      text: 'Ce matin à Paris Opéra, la barista a ouvert la brique d’avoine devant moi sans que je demande. Bien joué @CafeAurore, dommage qu’il ait fallu en arriver là.',
    },
    {
      topic: 'aftermath',
      at: '19 15:50',
      text: '@CafeAurore J’ai demandé le remboursement de mes suppléments dans l’app, ça affiche « en cours de traitement » depuis ce matin. C’est normal ?',
      reply:
        'Bonjour ! Oui, les remboursements sont versés sous 48 h, en grains ou sur votre carte. Si rien n’apparaît samedi, écrivez-nous en DM et nous regarderons.',
      followUp: '@CafeAurore D’accord, merci. J’attends samedi alors.',
    },
    {
      topic: 'aftermath',
      text: 'Supprimer le supplément jusqu’à la fin de l’année, c’est bien. Mais pourquoi seulement jusqu’à la fin de l’année @CafeAurore ? Ça ne coûte pas plus cher de faire mousser de l’avoine.',
    },
    {
      topic: 'hours',
      text: '@CafeAurore Bonjour, le café de la place Bellecour est-il ouvert dimanche matin ? Sur Google c’est marqué fermé mais sur votre site ouvert.',
      reply:
        'Bonjour ! Bellecour est ouvert le dimanche de 8h à 19h, nous faisons corriger la fiche Google. Merci de nous l’avoir signalé !',
    },
    {
      topic: 'loyalty',
      text: '@CafeAurore Ma carte Club Aurore physique ne passe plus en caisse depuis la nouvelle app. Il faut obligatoirement utiliser le téléphone maintenant ?',
      reply:
        'Bonjour ! La carte physique reste valable : il suffit de la relier une fois à votre compte dans l’app (Profil > Mes cartes). Ensuite elle fonctionne comme avant.',
    },
    {
      topic: 'app',
      text: '@CafeAurore L’app m’a débité deux fois pour un seul cappuccino ce matin à La Défense 😤 Je fais comment pour récupérer mes 4,20 € ?',
      reply:
        'Désolés pour ce double débit ! Le second paiement est une pré-autorisation qui disparaît sous 72 h. S’il est toujours là lundi, écrivez-nous en DM avec l’heure d’achat.',
    },
    {
      topic: 'jobs',
      text: '@CafeAurore Vous prenez des étudiants à temps partiel pour les fêtes à Lille ? Je suis disponible le week-end et pendant les vacances de Noël.',
    },
    {
      topic: 'lost',
      text: '@CafeAurore J’ai oublié un parapluie bleu marine au café de la rue de Rivoli hier en fin d’après-midi. Si quelqu’un l’a mis de côté, je repasse samedi 🙏',
    },
    {
      topic: 'praise',
      at: '20 07:18',
      text: 'Petit mot pour la barista de @CafeAurore à la gare Saint-Jean ce matin : vous avez retrouvé ma commande oubliée, offert un croissant et souri à 6h45. Merci, sincèrement.',
    },
    {
      topic: 'order',
      text: '@CafeAurore Commande Uber Eats arrivée sans les deux cookies et avec un latte renversé dans le sac. Le restaurant ne répond pas au téléphone. Qui dois-je contacter ?',
    },
    {
      topic: 'allergens',
      text: '@CafeAurore Vos croissants sont faits avec du beurre ou de la margarine ? Je cherche une option sans lait pour mon copain, et vu l’actualité je préfère demander avant.',
    },
    {
      topic: 'spam',
      text: '@CafeAurore Gagnez 500 € par jour depuis chez vous 💶 Méthode 100 % légale, places limitées, écrivez « INFO » en message privé 👉',
    },
  ],
  facebook: [
    {
      topic: 'crisis',
      reply: 'apology',
      text: 'Je viens de voir la vidéo tournée à Lyon. Mon fils est allergique aux protéines de lait, on venait chez vous justement parce qu’on pensait pouvoir vous faire confiance. Plus jamais.',
    },
    {
      topic: 'silence',
      text: 'Vous publiez une promo pour le latte pain d’épices pendant que tout le monde parle de votre lait d’avoine trafiqué. Il y a quelqu’un qui gère cette page ?',
    },
    {
      topic: 'crisis',
      gender: 'f',
      reply: 'apology',
      text: 'Je suis intolérante au lactose et je paie le supplément avoine depuis des années. Maintenant je me demande combien de fois j’ai été malade à cause de vous.',
    },
    {
      topic: 'crisis',
      text: 'Deux ans que je prends mon latte avoine à Part-Dieu tous les matins avant le train. Je veux savoir si ça date d’hier ou si ça dure depuis le début.',
    },
    {
      topic: 'crisis',
      text: 'C’est honteux. Quand on vend un produit plus cher parce qu’il est végétal, on sert ce produit. Point.',
    },
    {
      topic: 'silence',
      text: 'Aucune réponse ici depuis hier soir alors que la vidéo tourne partout. Votre silence en dit long sur votre respect des clients.',
    },
    {
      topic: 'crisis',
      text: 'Les baristas sont sous pression, payés au SMIC, et on leur demande de ne jamais dire qu’il manque quelque chose. Le problème vient d’en haut, pas de la fille de la vidéo.',
    },
    {
      topic: 'crisis',
      text: 'Soyons honnêtes, ça arrive sûrement partout. Mais c’est vous qui vous êtes fait prendre, et c’est vous qui facturez 60 centimes de plus pour ça.',
    },
    {
      topic: 'crisis',
      reply: 'apology',
      text: 'J’ai posé la question en message privé hier soir, toujours pas de réponse. Est-ce que le café de Grenoble est concerné, oui ou non ?',
    },
    {
      topic: 'copypaste',
      text: 'Vous répondez la même phrase sous chaque commentaire, c’est pire que de ne rien dire du tout.',
    },
    {
      topic: 'wave2',
      gender: 'm',
      text: 'J’ai été barista chez vous à Nantes pendant un an. On avait une consigne orale : ne jamais dire « rupture » au client. Je n’étais pas fier de ce qu’on faisait.',
    },
    {
      topic: 'aftermath',
      text: 'Merci pour ce communiqué, il est clair et vous ne rejetez pas la faute sur les baristas. Je reviendrai, mais je vais surveiller la brique.',
    },
    {
      topic: 'aftermath',
      text: 'Neuf cafés sur 212, c’est ce que vous avez trouvé en cherchant vous-mêmes. Combien vous n’avez pas trouvé ?',
    },
    {
      topic: 'aftermath',
      text: 'Le remboursement pour les membres du Club, c’est bien, mais ceux qui payaient en espèces sans carte, on fait comment ?',
      reply:
        'Bonjour, un formulaire est disponible sur aurore.cafe/remboursement : une estimation de votre fréquence de visite suffit, sans ticket. Nous traitons chaque demande.',
    },
    {
      topic: 'aftermath',
      at: '19 13:25',
      text: 'J’ai reçu le remboursement dans l’app ce midi, 38 € en grains. Ça ne rachète pas tout mais c’est un geste concret.',
    },
    {
      topic: 'aftermath',
      at: '20 10:15',
      text: 'Ce matin à Nation, la barista m’a montré la brique avant même que je demande. Elle avait l’air soulagée de ne plus avoir à mentir.',
    },
    {
      topic: 'aftermath',
      text: 'Pourquoi ce message n’a pas été publié mardi soir ? Une journée et demie de silence, c’est ça qu’on retiendra.',
    },
    {
      topic: 'aftermath',
      text: 'Bravo d’avoir reconnu votre responsabilité et signé de votre nom, monsieur Ferrand. C’est plutôt rare dans ce genre d’affaire.',
    },
    {
      topic: 'loyalty',
      text: 'Les grains comptent double aussi sur les boissons payées avec une carte cadeau ? Ma mère m’en a offert une pour mon anniversaire.',
      reply:
        'Oui, les grains doublés s’appliquent quel que soit le moyen de paiement, carte cadeau comprise. Joyeux anniversaire !',
    },
    {
      topic: 'app',
      text: 'La nouvelle app est plus jolie mais il faut cinq clics pour commander mon café habituel. Vous pourriez remettre le bouton « Comme d’habitude » ?',
    },
    {
      topic: 'app',
      text: 'Impossible d’ajouter ma carte bancaire dans l’app, ça affiche « erreur 402 » à chaque fois. Quelqu’un a trouvé une solution ?',
    },
    {
      topic: 'jobs',
      text: 'Est-ce que vous recrutez aussi à Strasbourg ? Je suis barista depuis trois ans et je déménage là-bas en janvier.',
    },
    {
      topic: 'jobs',
      text: 'Le poste de barista, c’est en CDI ou seulement en contrat saisonnier pour les fêtes ?',
      reply:
        'Bonjour ! Les deux : la plupart des postes sont des CDD jusqu’à fin janvier, et une partie est ensuite proposée en CDI.',
    },
    {
      topic: 'hours',
      text: 'Vous serez ouverts le 25 décembre à la gare Montparnasse ? On part très tôt ce jour-là et j’aimerais bien un café avant le train.',
    },
    {
      topic: 'allergens',
      text: 'Le chaï à la cardamome contient-il du gluten ? Je suis cœliaque et je n’ai rien trouvé sur le site.',
      reply:
        'Bonjour, le chaï ne contient pas de gluten. La liste complète des allergènes de la gamme d’hiver est sur aurore.cafe/allergenes, et au comptoir sur demande.',
    },
    {
      topic: 'praise',
      text: 'Goûté le latte pain d’épices ce matin à Rennes, toujours aussi bon. L’équipe de la rue Le Bastard est adorable.',
    },
    {
      topic: 'lost',
      text: 'Bonjour, j’ai perdu une écharpe grise en laine hier au café de la place de la Comédie à Montpellier. Elle a une valeur sentimentale, si jamais quelqu’un l’a trouvée…',
    },
    {
      topic: 'product',
      text: 'Le nouveau mélange d’hiver est trop amer à mon goût comparé à celui de l’an dernier. Vous avez changé de torréfaction ?',
    },
    {
      topic: 'spam',
      text: 'Votre page a été signalée pour non-respect des droits d’auteur. Pour éviter sa suppression, confirmez votre compte ici : meta-verif-support.com',
    },
    {
      topic: 'spam',
      text: 'Je gagne 300 € par semaine en travaillant deux heures par jour sur mon téléphone, demandez-moi comment 👇👇',
    },
  ],
};
