import { BRAND_X, CAST, type CastMember } from './cast';
import { snowflake } from './ids';
import { NAMES } from './names';
import type { Random } from './random';
import type { Gender, Lang } from './types';

export interface XUserOut {
  id: string;
  username: string;
  name: string;
  verified: boolean;
  followers_count: number;
  following_count: number;
  tweet_count: number;
  created_at: string;
  description?: string;
  location?: string;
}

export interface FbUserOut {
  id: string;
  name: string;
}

/** Letters and digits of a name, accents dropped, as people type their handles. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z0-9]/g, '');
}

/**
 * An X user id as X would have given it when the account was made: a sequential number before
 * snowflakes reached user ids (2013), a snowflake of the creation instant after.
 */
function xUserId(createdMs: number, random: Random): string {
  const snowflakeUsers = Date.parse('2013-06-01T00:00:00Z');
  if (createdMs < snowflakeUsers) {
    const from = Date.parse('2009-01-01T00:00:00Z');
    const share = (createdMs - from) / (snowflakeUsers - from);
    return String(Math.floor(18_000_000 + share * 1_480_000_000 + random.int(0, 999_999)));
  }
  return snowflake(createdMs, random.int(0, 4095));
}

/** Everyone who writes in the scenario, made up on demand and each made once. */
export class People {
  readonly xUsers: XUserOut[] = [];
  readonly fbUsers: FbUserOut[] = [];
  private readonly usernames = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly fbNames = new Map<string, FbUserOut>();
  private readonly cast = new Map<string, XUserOut>();

  constructor(private readonly random: Random) {
    this.add({ ...BRAND_X });
    for (const member of CAST) this.cast.set(member.username, this.fromCast(member));
  }

  /** The brand's X user. */
  get brand(): XUserOut {
    return this.xUsers[0]!;
  }

  /** A cast member by username. */
  member(username: string): XUserOut {
    if (username === 'brand') return this.brand;
    const user = this.cast.get(username);
    if (!user) throw new Error(`no cast member @${username}`);
    return user;
  }

  private add(user: XUserOut): XUserOut {
    const key = user.username.toLowerCase();
    if (this.usernames.has(key)) throw new Error(`@${user.username} is taken`);
    if (this.ids.has(user.id)) throw new Error(`X user id ${user.id} is taken`);
    this.usernames.add(key);
    this.ids.add(user.id);
    this.xUsers.push(user);
    return user;
  }

  private fromCast(member: CastMember): XUserOut {
    const createdMs = Date.parse(`${member.created}T00:00:00Z`) + this.random.int(0, 86_399_999);
    return this.add({
      id: xUserId(createdMs, this.random),
      username: member.username,
      name: member.name,
      verified: member.verified ?? false,
      followers_count: member.followers,
      following_count: member.following,
      tweet_count: member.tweets,
      created_at: new Date(createdMs).toISOString(),
      ...(member.description !== undefined ? { description: member.description } : {}),
      ...(member.location !== undefined ? { location: member.location } : {}),
    });
  }

  /** Most people have a few hundred followers; some have tens of thousands. */
  private followers(): number {
    const r = this.random.next();
    if (r < 0.8) return this.random.logUniform(10, 2_000);
    if (r < 0.9) return this.random.logUniform(2_000, 10_000);
    return this.random.logUniform(10_000, 100_000);
  }

  /** Entries of a handle or bio list that suit `gender` (unprefixed ones suit everyone). */
  private suited(entries: string[], gender: Gender): string[] {
    return entries
      .filter((e) => !/^[fm]:/.test(e) || e.startsWith(`${gender}:`))
      .map((e) => e.replace(/^[fm]:/, ''));
  }

  private username(lang: Lang, gender: Gender, first: string, last: string): string {
    const bank = NAMES[lang];
    const f = ascii(first);
    const l = ascii(last);
    const yy = String(this.random.int(70, 105) % 100).padStart(2, '0');
    const candidates = [
      `${f}_${l}`.toLowerCase(),
      `${f}${l}`,
      `${f.toLowerCase()}${yy}`,
      `${f[0]}${l}${yy}`.toLowerCase(),
      `${l}_${f[0]}`.toLowerCase(),
      `${f}${l[0]}_`,
      this.random.pick(this.suited(bank.handles, gender)),
    ];
    const order = this.random.shuffle(candidates);
    for (const candidate of order) {
      const name = candidate.slice(0, 15);
      if (/^[A-Za-z0-9_]{1,15}$/.test(name) && !this.usernames.has(name.toLowerCase())) return name;
    }
    for (let n = 2; ; n++) {
      const name = `${f.slice(0, 10)}_${n}`.toLowerCase();
      if (!this.usernames.has(name)) return name;
    }
  }

  private gender(gender?: Gender): Gender {
    return gender ?? (this.random.chance(0.5) ? 'f' : 'm');
  }

  /** A new X user who writes in `lang`, a woman or a man as `gender` says (either if absent). */
  newXUser(lang: Lang, wanted?: Gender): XUserOut & { gender: Gender } {
    const bank = NAMES[lang];
    const gender = this.gender(wanted);
    const first = this.random.pick(gender === 'f' ? bank.female : bank.male);
    const last = this.random.pick(bank.last);
    const shortLast = this.random.chance(0.25) ? `${last[0]}.` : last;
    const name = this.random.chance(0.1) ? first : `${first} ${shortLast}`;
    const createdMs =
      Date.parse('2009-03-01T00:00:00Z') + this.random.next() * 16.5 * 31_557_600_000;
    let id = xUserId(createdMs, this.random);
    while (this.ids.has(id)) id = String(BigInt(id) + 1n);
    const followers = this.followers();
    const user = this.add({
      id,
      username: this.username(lang, gender, first, last),
      name,
      verified: followers > 30_000 && this.random.chance(0.3),
      followers_count: followers,
      following_count: this.random.logUniform(30, 1_500),
      tweet_count: this.random.logUniform(40, 40_000),
      created_at: new Date(Math.floor(createdMs)).toISOString(),
      ...(this.random.chance(0.55)
        ? { description: this.random.pick(this.suited(bank.bios, gender)) }
        : {}),
      ...(this.random.chance(0.6) ? { location: this.random.pick(bank.places) } : {}),
    });
    return { ...user, gender };
  }

  /** A Facebook id: recent accounts start with 6155, older ones with 1000. */
  private fbId(): string {
    for (;;) {
      const id = this.random.chance(0.3)
        ? `6155${this.random.string(10, '0123456789')}`
        : `1000${this.random.string(11, '0123456789')}`;
      if (!this.fbUsers.some((u) => u.id === id)) return id;
    }
  }

  /** The Facebook user with this name, made the first time it is asked for. */
  fbNamed(name: string): FbUserOut {
    const known = this.fbNames.get(name);
    if (known) return known;
    const user = { id: this.fbId(), name };
    this.fbNames.set(name, user);
    this.fbUsers.push(user);
    return user;
  }

  /** A new Facebook user who writes in `lang`, with a name nobody else has. */
  newFbUser(lang: Lang, wanted?: Gender): FbUserOut & { gender: Gender } {
    const bank = NAMES[lang];
    const gender = this.gender(wanted);
    for (;;) {
      const first = this.random.pick(gender === 'f' ? bank.female : bank.male);
      const name = `${first} ${this.random.pick(bank.last)}`;
      if (!this.fbNames.has(name)) return { ...this.fbNamed(name), gender };
    }
  }
}
