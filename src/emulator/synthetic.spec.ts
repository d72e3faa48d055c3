import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { withSyntheticItems } from './synthetic';
import { PROBE_RUNS, digest, probeScenario, runProbe } from './synthetic-probe';

const SIZE = { mentions: 10_000, comments: 10_000, seed: 7 };

/**
 * What the emulator served for the probe at SIZE before its stores were indexed (when generating
 * was quadratic): SHA-256 digests (first 16 hex digits) of the scenario as served and of each
 * answer's status and body, byte for byte, the emulator's origin blanked. The X answers were
 * recorded again when tweets started being served as X serves them (text escaped, links as t.co,
 * no `source`, users' `public_metrics` as the X spec lists them).
 */
const EXPECTED: Record<
  keyof typeof PROBE_RUNS,
  { scenario: string; answers: Record<string, string> }
> = {
  'as written': {
    scenario: '96678378f27334ad',
    answers: {
      'mentions 1': '0e8e0293bca121f5',
      'mentions 2': 'e2b53eca818ed340',
      'mentions 3': '9505b020cbb91b5a',
      'mentions 4': 'bf0bfbb7c10bf25f',
      'mentions 5': '75e108c00959b1ac',
      'mentions 6': '761b6cf5eca6c4ec',
      'mentions 7': '7df743134509f7b2',
      'mentions 8': 'aa9f60d0bc07a6e0',
      'mentions previous': '7df743134509f7b2',
      'mentions until': '329f35bab79fde00',
      'mentions since': 'b3504f40b76cfb05',
      'mentions window': '97d17dbe27b0e4af',
      'brand tweets': 'cbbbb527069a869d',
      'brand tweets no replies': '353fb0d4de3ae60f',
      'fan 7000000000000000001 tweets': 'cae24f544dea0925',
      'fan 7000000000000000001': '3bef24b7d6a71f2b',
      'fan 7000000000000000002 tweets': 'f5513d45a9117fed',
      'fan 7000000000000000002': 'a31406f07c0bfa85',
      brand: '31f4ddc4ab60be33',
      broadcast: '8f3b53e8e579d393',
      root: 'd6819e93e90dafdc',
      'feed 200000000000001': 'f2fbce0399f24d74',
      'feed 200000000000001 2': 'ea7b126285a08d5d',
      '200000000000001_5005 stream 1': '5c497ed8f546f260',
      '200000000000001_5005 stream last': '634284f22817494c',
      '200000000000001_5005 toplevel 1': '5c497ed8f546f260',
      '200000000000001_5005 toplevel last': '634284f22817494c',
      '200000000000001_5005 range': '5c497ed8f546f260',
      '200000000000001_5005 node': '97d7f43aa9a182fe',
      '200000000000001_5004 stream 1': 'de6b7900b78ec9fe',
      '200000000000001_5004 stream last': '0b227bbf271b2bd0',
      '200000000000001_5004 toplevel 1': 'd3b8148251152c83',
      '200000000000001_5004 toplevel last': '058a40b7415cbdcd',
      '200000000000001_5004 range': '5c497ed8f546f260',
      '200000000000001_5004 node': '681df4f301c15835',
      '5004_8000009644 node': '022a721a980f2fec',
      '200000000000001_5002 stream 1': '1f2226a0573aa24e',
      '200000000000001_5002 stream 2': '4fa3094249c28182',
      '200000000000001_5002 stream 2 previous': '1f2226a0573aa24e',
      '200000000000001_5002 stream last': '2e27acfecccc460a',
      '200000000000001_5002 stream before last': '73a9c5d481c5868c',
      '200000000000001_5002 toplevel 1': 'b53ed1e141f5798c',
      '200000000000001_5002 toplevel 2': 'b8d37cf984287464',
      '200000000000001_5002 toplevel 2 previous': 'b53ed1e141f5798c',
      '200000000000001_5002 toplevel last': '89dbb26ccaa0c1c6',
      '200000000000001_5002 toplevel before last': '7d624378e1b46417',
      '200000000000001_5002 range': 'd5bd805141c76e0b',
      '200000000000001_5002 node': '554db035f110c4d1',
      '5002_9004 node': '0fe8e45476cc9997',
      '200000000000001_5001 stream 1': 'ed06ae49c6fae657',
      '200000000000001_5001 stream 2': 'd958b5226603dcdd',
      '200000000000001_5001 stream 2 previous': 'ed06ae49c6fae657',
      '200000000000001_5001 stream last': '885b236de0ada460',
      '200000000000001_5001 stream before last': '7a5c4e96939007f2',
      '200000000000001_5001 toplevel 1': '822f8c3039cd05ec',
      '200000000000001_5001 toplevel 2': '9bce33d9cc3ea240',
      '200000000000001_5001 toplevel 2 previous': '822f8c3039cd05ec',
      '200000000000001_5001 toplevel last': '2c979a538a8e418e',
      '200000000000001_5001 toplevel before last': '20b886d15867720c',
      '200000000000001_5001 range': '3f2afd74b8ce9e88',
      '200000000000001_5001 node': '89b5040a355fe256',
      '5001_8000000001 node': 'a5dec6073a6c162a',
      'feed 200000000000002': '9c14dc2d6ead6ad9',
      '200000000000002_5003 stream 1': '51b9f96b7cea7c96',
      '200000000000002_5003 stream 2': 'e8029139461c18cf',
      '200000000000002_5003 stream 2 previous': '51b9f96b7cea7c96',
      '200000000000002_5003 stream last': '4fe1bfdd9c1bef12',
      '200000000000002_5003 stream before last': 'bb6497c97af34f55',
      '200000000000002_5003 toplevel 1': 'd61dd7d8c3e9f88c',
      '200000000000002_5003 toplevel 2': '5917562f96bfdc99',
      '200000000000002_5003 toplevel 2 previous': 'd61dd7d8c3e9f88c',
      '200000000000002_5003 toplevel last': '74b1fe35bbe3fcd6',
      '200000000000002_5003 toplevel before last': 'd2d5dacc13342cef',
      '200000000000002_5003 range': '549ea1ba03a4a97b',
      '200000000000002_5003 node': '06878fcbb869cec2',
      '5003_8000007122 node': 'f7a7f86e0f535f72',
    },
  },
  'two days before the anchor': {
    scenario: '96678378f27334ad',
    answers: {
      'mentions 1': '4a54a6f6018ad08f',
      'mentions 2': '006a970258ce74f2',
      'mentions 3': 'b98297573f3c0b45',
      'mentions 4': 'f37dc3f6843b1596',
      'mentions 5': 'f14a29ec39fe4306',
      'mentions 6': '4b02a19281f5c566',
      'mentions 7': 'c57e92dc22cbf56c',
      'mentions 8': '982f076e7654ef74',
      'mentions previous': 'c57e92dc22cbf56c',
      'mentions until': '217a340c8783b949',
      'mentions since': 'b89e04b5cd42d7d8',
      'mentions window': '99628360400b4b65',
      'brand tweets': '97d17dbe27b0e4af',
      'brand tweets no replies': '97d17dbe27b0e4af',
      'fan 7000000000000000001 tweets': '38f2262666ce7f63',
      'fan 7000000000000000001': '438fe4ecf5cba0df',
      'fan 7000000000000000002 tweets': '700d1b7728c86250',
      'fan 7000000000000000002': 'f9ebe17b3e66dd9b',
      brand: 'abaf09e00ceba261',
      broadcast: '811529cce526580f',
      root: '6ec8e1cc25e3a11f',
      'feed 200000000000001': 'dc6b82aac30afa75',
      '200000000000001_5002 stream 1': '66fe8ede8eb6ccc0',
      '200000000000001_5002 stream 2': '92fb4bae438feb1a',
      '200000000000001_5002 stream 2 previous': '66fe8ede8eb6ccc0',
      '200000000000001_5002 stream last': 'ea3e03d32fde8fdc',
      '200000000000001_5002 stream before last': 'eabd9136846396a7',
      '200000000000001_5002 toplevel 1': '2ee8645b366f0de2',
      '200000000000001_5002 toplevel 2': '4f26be1103457c17',
      '200000000000001_5002 toplevel 2 previous': '2ee8645b366f0de2',
      '200000000000001_5002 toplevel last': '9a0b1a1ac8a9fab6',
      '200000000000001_5002 toplevel before last': 'a9c09c511a0638c6',
      '200000000000001_5002 range': '7bf6b43758743252',
      '200000000000001_5002 node': '27c83e577733e7ec',
      '5002_8000005682 node': '326f6fe8c8b46d70',
      '200000000000001_5001 stream 1': 'bb12770481ffbcd4',
      '200000000000001_5001 stream 2': '54c9bcae27388dd1',
      '200000000000001_5001 stream 2 previous': 'bb12770481ffbcd4',
      '200000000000001_5001 stream last': '1ba6c4dbdedeaaec',
      '200000000000001_5001 stream before last': '53380df14b352be7',
      '200000000000001_5001 toplevel 1': 'c768301efa71c24a',
      '200000000000001_5001 toplevel 2': '66217d9e072d5571',
      '200000000000001_5001 toplevel 2 previous': 'c768301efa71c24a',
      '200000000000001_5001 toplevel last': '73aeadf59fc54069',
      '200000000000001_5001 toplevel before last': '75844c79f834f583',
      '200000000000001_5001 range': '43ef8f1d2577cb6e',
      '200000000000001_5001 node': '6a2947bf9f82eb70',
      '5001_8000000001 node': 'a5dec6073a6c162a',
      'feed 200000000000002': '73a14062ac7bfda2',
      '200000000000002_5003 stream 1': '5c497ed8f546f260',
      '200000000000002_5003 stream last': '634284f22817494c',
      '200000000000002_5003 toplevel 1': '5c497ed8f546f260',
      '200000000000002_5003 toplevel last': '634284f22817494c',
      '200000000000002_5003 range': '5c497ed8f546f260',
      '200000000000002_5003 node': '3e6ac0ad44f9142b',
    },
  },
};

describe('generated items, 10,000 mentions and 10,000 comments (seed 7)', () => {
  it('are the same people, mentions, comments and replies as before', () => {
    const scenario = withSyntheticItems(
      parseScenario(probeScenario(SIZE.mentions, SIZE.comments, SIZE.seed)),
    );
    const mentions = scenario.x.tweets.filter((t) => t.author_id.startsWith('70000'));
    const comments = scenario.facebook.comments.filter((c) => c.from_id.startsWith('71'));
    expect(mentions).toHaveLength(10_000);
    expect(comments).toHaveLength(10_000);
    expect(scenario.x.users.at(-1)).toEqual({
      id: '7000000000000000250',
      username: 'fan_0250',
      name: 'Fan 250',
      verified: false,
      followers_count: 7166,
      following_count: 676,
      tweet_count: 10444,
    });
    expect(mentions[0]).toMatchObject({
      id: '2028822699835392000',
      author_id: '7000000000000000001',
      text: '@CafeAurore Die App stürzt beim Bezahlen immer ab.',
      created_at: '2026-03-03T13:20:00.000Z',
      lang: 'de',
      like_count: 2,
    });
    expect(mentions.at(-1)).toMatchObject({
      id: '2031339030577161999',
      author_id: '7000000000000000250',
      created_at: '2026-03-10T11:59:00.000Z',
      lang: 'es',
      like_count: 3,
    });
    expect(comments[0]).toEqual({
      id: '5001_8000000001',
      post_id: '200000000000001_5001',
      from_id: '7100000001',
      message: '¿Tenéis opciones sin lactosa en todas las tiendas?',
      created_time: '2026-03-05T12:00:01.000Z',
      like_count: 1,
      is_hidden: false,
    });
    expect(comments.at(-1)).toMatchObject({
      id: '5004_8000010000',
      post_id: '200000000000001_5004',
      created_time: '2026-03-10T11:59:00.000Z',
    });
    expect(comments.find((c) => c.parent_id !== undefined)).toMatchObject({
      id: '5001_8000000003',
      parent_id: '5001_8000000002',
    });
    expect(comments.filter((c) => c.parent_id !== undefined)).toHaveLength(1553);
  });

  it.each(Object.keys(PROBE_RUNS) as Array<keyof typeof PROBE_RUNS>)(
    'are served %s as before: every page of mentions, timelines, feeds and comment lists',
    async (run) => {
      const { scenario, answers } = await runProbe(run, SIZE);
      expect(answers.every(([, answer]) => answer.startsWith('200 '))).toBe(true);
      expect(digest(scenario)).toBe(EXPECTED[run].scenario);
      expect(answers.map(([label]) => label)).toEqual(Object.keys(EXPECTED[run].answers));
      expect(Object.fromEntries(answers.map(([label, text]) => [label, digest(text)]))).toEqual(
        EXPECTED[run].answers,
      );
    },
  );
});
