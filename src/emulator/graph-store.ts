import { graphIdParts } from './ids';
import type { Scenario } from './scenario';

export type GraphPage = Scenario['facebook']['pages'][number];
export type GraphPost = Scenario['facebook']['posts'][number] & { createdMs: number };
export type GraphComment = Scenario['facebook']['comments'][number] & { createdMs: number };

export type GraphObject =
  | { kind: 'page'; page: GraphPage }
  | { kind: 'post'; post: GraphPost; page: GraphPage }
  | { kind: 'comment'; comment: GraphComment; post: GraphPost; page: GraphPage };

/** The Graph id of a page, post or comment. */
export function objectId(object: GraphObject): string {
  return object.kind === 'page'
    ? object.page.id
    : object.kind === 'post'
      ? object.post.id
      : object.comment.id;
}

/** Ordering of Graph items: creation time, then id; stable whatever the scenario's order. */
export function compareItems(
  a: { createdMs: number; id: string },
  b: { createdMs: number; id: string },
) {
  if (a.createdMs !== b.createdMs) return a.createdMs - b.createdMs;
  const x = graphIdParts(a.id).right.padStart(24, '0');
  const y = graphIdParts(b.id).right.padStart(24, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Facebook's side of a scenario, indexed: Pages by id and token, posts, comments and their replies.
 * With `liveRelease`, items dated in the future stay invisible until their time comes.
 */
export class GraphStore {
  private readonly pages = new Map<string, GraphPage>();
  private readonly tokens = new Map<string, string>();
  private readonly people = new Map<string, { id: string; name: string }>();
  private readonly posts = new Map<string, GraphPost>();
  private readonly comments = new Map<string, GraphComment>();
  /** Direct children of a post (top-level comments) or of a comment (replies), oldest first. */
  private readonly children = new Map<string, GraphComment[]>();
  private nextCommentSeq = 1;
  private nextPostSeq = 1;
  /** Comments the Page already answered with a private reply (one is allowed per comment). */
  private readonly privatelyAnswered = new Set<string>();

  constructor(
    scenario: Scenario,
    private readonly now: () => number,
    private readonly liveRelease: boolean,
  ) {
    for (const page of scenario.facebook.pages) {
      this.pages.set(page.id, page);
      this.tokens.set(page.access_token, page.id);
    }
    for (const user of scenario.facebook.users) this.people.set(user.id, user);
    for (const post of scenario.facebook.posts)
      this.posts.set(post.id, { ...post, createdMs: Date.parse(post.created_time) });
    for (const c of scenario.facebook.comments)
      this.insertComment({ ...c, createdMs: Date.parse(c.created_time) });
  }

  private insertComment(comment: GraphComment): void {
    this.comments.set(comment.id, comment);
    const parent = comment.parent_id ?? comment.post_id;
    const siblings = this.children.get(parent) ?? [];
    siblings.push(comment);
    siblings.sort(compareItems);
    this.children.set(parent, siblings);
  }

  private released(item: { createdMs: number }): boolean {
    return !this.liveRelease || item.createdMs <= this.now();
  }

  pageIdForToken(token: string): string | null {
    return this.tokens.get(token) ?? null;
  }

  revokeToken(token: string): boolean {
    return this.tokens.delete(token);
  }

  page(id: string): GraphPage | null {
    return this.pages.get(id) ?? null;
  }

  /** A visible page, post or comment by id. */
  object(id: string): GraphObject | null {
    const page = this.pages.get(id);
    if (page) return { kind: 'page', page };
    const post = this.posts.get(id);
    if (post) {
      if (!this.released(post)) return null;
      return { kind: 'post', post, page: this.pages.get(post.page_id)! };
    }
    const comment = this.comments.get(id);
    if (comment && this.released(comment)) {
      const of = this.posts.get(comment.post_id)!;
      return { kind: 'comment', comment, post: of, page: this.pages.get(of.page_id)! };
    }
    return null;
  }

  /** A Page's visible posts, newest first. */
  postsOf(pageId: string): GraphPost[] {
    return [...this.posts.values()]
      .filter((p) => p.page_id === pageId && this.released(p))
      .sort((a, b) => compareItems(b, a));
  }

  /** Visible direct children (`toplevel`) or all descendants (`stream`) of a post or comment, oldest first. */
  commentsUnder(objectId: string, filter: 'toplevel' | 'stream'): GraphComment[] {
    const direct = (this.children.get(objectId) ?? []).filter((c) => this.released(c));
    if (filter === 'toplevel') return direct;
    const all: GraphComment[] = [];
    const visit = (list: GraphComment[]) => {
      for (const c of list) {
        all.push(c);
        visit((this.children.get(c.id) ?? []).filter((r) => this.released(r)));
      }
    };
    visit(direct);
    return all.sort(compareItems);
  }

  comment(id: string): GraphComment | null {
    const comment = this.comments.get(id);
    return comment && this.released(comment) ? comment : null;
  }

  /** `{id, name}` of a person or Page, as Graph's `from`. */
  author(id: string): { id: string; name: string } | null {
    const page = this.pages.get(id);
    if (page) return { id: page.id, name: page.name };
    return this.people.get(id) ?? null;
  }

  /** When a post last changed: its creation or its newest visible comment. */
  lastActivityMs(post: GraphPost): number {
    return this.commentsUnder(post.id, 'stream').reduce(
      (max, c) => Math.max(max, c.createdMs),
      post.createdMs,
    );
  }

  /** Adds a comment now, as the Page, on a post or as a reply; a reply to a reply joins its thread. */
  addComment(input: {
    target: Exclude<GraphObject, { kind: 'page' }>;
    fromId: string;
    message: string;
    application?: GraphComment['application'];
  }): GraphComment {
    const post = input.target.post;
    const parentId =
      input.target.kind === 'post'
        ? undefined
        : (input.target.comment.parent_id ?? input.target.comment.id);
    const nowMs = this.now();
    const comment: GraphComment = {
      id: `${graphIdParts(post.id).right}_${9_000_000_000_000 + this.nextCommentSeq++}`,
      post_id: post.id,
      ...(parentId !== undefined ? { parent_id: parentId } : {}),
      from_id: input.fromId,
      message: input.message,
      created_time: new Date(nowMs).toISOString(),
      createdMs: nowMs,
      ...(input.application ? { application: input.application } : {}),
      like_count: 0,
      is_hidden: false,
    };
    this.insertComment(comment);
    return comment;
  }

  /** Publishes a post on the Page's feed now (`POST /{page-id}/feed`). */
  addPost(input: { pageId: string; message: string }): GraphPost {
    const nowMs = this.now();
    const post: GraphPost = {
      id: `${input.pageId}_${8_000_000_000_000 + this.nextPostSeq++}`,
      page_id: input.pageId,
      message: input.message,
      created_time: new Date(nowMs).toISOString(),
      createdMs: nowMs,
    };
    this.posts.set(post.id, post);
    return post;
  }

  markPrivatelyAnswered(id: string): void {
    this.privatelyAnswered.add(id);
  }

  isPrivatelyAnswered(id: string): boolean {
    return this.privatelyAnswered.has(id);
  }

  setHidden(id: string, hidden: boolean): void {
    const comment = this.comments.get(id);
    if (comment) comment.is_hidden = hidden;
  }
}
