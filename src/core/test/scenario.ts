import type { ScenarioInput } from '../../emulator/scenario';
import type { InboxService } from '../service';

/** Snowflake id for an instant, as X makes them, so id order is time order. */
export function snowflake(iso: string, seq = 0): string {
  return (((BigInt(Date.parse(iso)) - 1288834974657n) << 22n) | BigInt(seq)).toString();
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();

export const BRAND_X = {
  id: '1000000000000000001',
  username: 'CafeAurore',
  token: 'x-token-for-tests-0001',
};
export const PAGE = {
  id: '200000000000001',
  name: 'Café Aurore',
  token: 'page-token-for-tests-0001',
};
export const APP = { id: '183319479611', name: 'Hootsuite' };

/**
 * A small scenario whose right answers are known: X has 3 customers (one thread 4 deep with brand
 * replies), Facebook has one Page post with a thread and a brand reply made with Hootsuite.
 */
export function smallScenario(extraMentions = 0): ScenarioInput {
  const customer = {
    id: '3000000000000000001',
    username: 'marie_l',
    name: 'Marie L.',
    followers_count: 240,
  };
  const journalist = {
    id: '3000000000000000002',
    username: 'jan_nieuws',
    name: 'Jan de Vries',
    followers_count: 650_000,
    verified: true,
  };
  const root = snowflake(at(0));
  const brandReply = snowflake(at(5));
  const followUp = snowflake(at(9));
  const brandAgain = snowflake(at(12));
  return {
    name: 'small',
    anchor: at(59),
    x: {
      accounts: [{ user_id: BRAND_X.id, access_token: BRAND_X.token }],
      users: [
        {
          id: BRAND_X.id,
          username: BRAND_X.username,
          name: 'Café Aurore',
          followers_count: 180_000,
          verified: true,
        },
        customer,
        journalist,
      ],
      tweets: [
        {
          id: root,
          author_id: customer.id,
          text: '@CafeAurore Ma commande de ce matin était froide et personne ne répond au téléphone.',
          created_at: at(0),
          lang: 'fr',
        },
        {
          id: brandReply,
          author_id: BRAND_X.id,
          text: '@marie_l Nous sommes désolés, pouvez-vous nous écrire en privé ?',
          created_at: at(5),
          lang: 'fr',
          in_reply_to: root,
          source: 'Twitter Web App',
        },
        {
          id: followUp,
          author_id: customer.id,
          text: '@CafeAurore Merci, je vous ai envoyé un message privé avec le numéro.',
          created_at: at(9),
          lang: 'fr',
          in_reply_to: brandReply,
        },
        {
          id: brandAgain,
          author_id: BRAND_X.id,
          text: '@marie_l Bien reçu, un remboursement est en route.',
          created_at: at(12),
          lang: 'fr',
          in_reply_to: followUp,
        },
        {
          id: snowflake(at(20)),
          author_id: journalist.id,
          text: '@CafeAurore Klopt het dat jullie koffie uit de nieuwe fabriek komt? Graag een reactie voor mijn artikel.',
          created_at: at(20),
          lang: 'nl',
        },
        {
          id: snowflake(at(21)),
          author_id: BRAND_X.id,
          text: 'Our autumn menu is here! Pumpkin spice is back.',
          created_at: at(21),
          lang: 'en',
        },
        ...Array.from({ length: extraMentions }, (_, i) => ({
          id: snowflake(at(30), i + 1),
          author_id: customer.id,
          text: `@CafeAurore Encore une question numéro ${i + 1} sur ma carte de fidélité, merci de répondre.`,
          created_at: at(30),
          lang: 'fr',
        })),
      ],
    },
    facebook: {
      pages: [{ id: PAGE.id, name: PAGE.name, fan_count: 1_200_000, access_token: PAGE.token }],
      users: [
        { id: '4000000001', name: 'Klaus Becker' },
        { id: '4000000002', name: 'Giulia Rossi' },
      ],
      applications: [APP],
      posts: [
        {
          id: `${PAGE.id}_5001`,
          page_id: PAGE.id,
          message: 'Notre déclaration sur le rappel de produits.',
          created_time: at(1),
        },
      ],
      comments: [
        {
          id: '5001_9001',
          post_id: `${PAGE.id}_5001`,
          from_id: '4000000001',
          message:
            'Warum habt ihr so lange gewartet, bevor ihr die Kunden informiert habt? Das ist enttäuschend.',
          created_time: at(2),
        },
        {
          id: '5001_9002',
          post_id: `${PAGE.id}_5001`,
          parent_id: '5001_9001',
          from_id: PAGE.id,
          message: 'Es tut uns sehr leid, Klaus. Wir haben sofort nach den Tests gehandelt.',
          created_time: at(8),
          application: APP,
        },
        {
          id: '5001_9003',
          post_id: `${PAGE.id}_5001`,
          parent_id: '5001_9001',
          from_id: '4000000001',
          message: 'Danke für die Antwort, aber ich möchte mein Geld zurück bekommen.',
          created_time: at(15),
        },
        {
          id: '5001_9004',
          post_id: `${PAGE.id}_5001`,
          from_id: '4000000002',
          message: 'Io compro il vostro caffè da anni e sono molto delusa da questa storia.',
          created_time: at(25),
        },
      ],
    },
  };
}

/** Connects the scenario's X account and Page to a service; returns both accounts. */
export async function connectAll(service: InboxService) {
  const x = await service.connectAccount({ platform: 'x', token: BRAND_X.token });
  const fb = await service.connectAccount({ platform: 'facebook', token: PAGE.token });
  return { x, fb };
}
