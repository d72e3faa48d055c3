import { graphIdParts } from './ids';
import { firstIndex, insertSorted, listIn, sortByKey } from './sorted-list';
import type { Scenario } from './scenario';

export type GraphPage = Scenario['facebook']['pages'][number];
export type GraphPost = Scenario['facebook']['posts'][number] & { createdMs: number };
export type GraphComment = Scenario['facebook']['comments'][number] & { createdMs: number };

/** A change of a comment, as a Page's `feed` webhook tells it (`verb`). */
export interface CommentChange {
  verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide';
  comment: GraphComment;
  post: GraphPost;
}

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

/** Where an item sorts: its creation time, then its own id as a number (ids are digit strings). */
function sortKey(item: { createdMs: number; id: string }): { ms: number; id: string } {
  return { ms: item.createdMs, id: graphIdParts(item.id).right.padStart(24, '0') };
}

function compareKeys(x: { ms: number; id: string }, y: { ms: number; id: string }): number {
  if (x.ms !== y.ms) return x.ms - y.ms;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** Ordering of Graph items: creation time, then id; stable whatever the scenario's order. */
export function compareItems(
  a: { createdMs: number; id: string },
  b: { createdMs: number; id: string },
) {
  return compareKeys(sortKey(a), sortKey(b));
}

/**
 * Visible comments, oldest first: `items[start]` to `items[end - 1]`, a window of a sorted list the
 * store keeps (read it, never change it).
 */
export interface CommentRange {
  items: readonly GraphComment[];
  start: number;
  end: number;
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
  /** Every comment on a post, replies included, oldest first: the post's `stream`. */
  private readonly threads = new Map<string, GraphComment[]>();
  /**
   * Replies dated before an ancestor (each with the ancestor's time): they show only once it does,
   * so their post's stream is not cut at a time alone. Hand-written scenarios only.
   */
  private readonly lateReplies = new Map<string, number>();
  private readonly postsWithLateReplies = new Set<string>();
  private nextCommentSeq = 1;
  private nextPostSeq = 1;
  /** Comments the Page already answered with a private reply (one is allowed per comment). */
  private readonly privatelyAnswered = new Set<string>();
  /** Told of every comment added, edited, removed, hidden or shown (the webhooks). */
  private readonly watchers: ((change: CommentChange) => void)[] = [];

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
    for (const c of scenario.facebook.comments) {
      const comment = { ...c, createdMs: Date.parse(c.created_time) };
      this.comments.set(comment.id, comment);
      listIn(this.children, comment.parent_id ?? comment.post_id).push(comment);
      listIn(this.threads, comment.post_id).push(comment);
    }
    // Sorted once: the order a sort after each comment would give.
    for (const list of [...this.children.values(), ...this.threads.values()])
      sortByKey(list, sortKey, compareKeys);
    for (const comment of this.comments.values()) this.noteIfLate(comment);
  }

  private insertComment(comment: GraphComment): void {
    this.comments.set(comment.id, comment);
    insertSorted(
      listIn(this.children, comment.parent_id ?? comment.post_id),
      comment,
      compareItems,
    );
    insertSorted(listIn(this.threads, comment.post_id), comment, compareItems);
    this.noteIfLate(comment);
  }

  /** Records a reply dated before one of its ancestors (see `lateReplies`). */
  private noteIfLate(comment: GraphComment): void {
    let shownFrom = comment.createdMs;
    // Bounded walk: the scenario check refuses cycles before a store is built.
    let up = comment.parent_id;
    for (let steps = 0; up !== undefined && steps < this.comments.size; steps++) {
      const parent = this.comments.get(up);
      if (!parent) break;
      shownFrom = Math.max(shownFrom, parent.createdMs);
      up = parent.parent_id;
    }
    if (shownFrom === comment.createdMs) return;
    this.lateReplies.set(comment.id, shownFrom);
    this.postsWithLateReplies.add(comment.post_id);
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
  commentsUnder(objectId: string, filter: 'toplevel' | 'stream'): CommentRange {
    if (filter === 'toplevel' || this.posts.has(objectId)) {
      const list =
        (filter === 'toplevel' ? this.children : this.threads).get(objectId) ?? NO_COMMENTS;
      if (filter === 'stream' && this.postsWithLateReplies.has(objectId)) {
        const shown = list.filter((c) =>
          this.released({ createdMs: this.lateReplies.get(c.id) ?? c.createdMs }),
        );
        return { items: shown, start: 0, end: shown.length };
      }
      // Sorted by time first: the visible ones are those up to now.
      const end = this.liveRelease
        ? firstIndex(0, list.length, (i) => list[i]!.createdMs > this.now())
        : list.length;
      return { items: list, start: 0, end };
    }
    const all: GraphComment[] = [];
    const visit = (list: GraphComment[]) => {
      for (const c of list) {
        if (!this.released(c)) continue;
        all.push(c);
        visit(this.children.get(c.id) ?? []);
      }
    };
    visit(this.children.get(objectId) ?? []);
    all.sort(compareItems);
    return { items: all, start: 0, end: all.length };
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
    const { items, start, end } = this.commentsUnder(post.id, 'stream');
    return end > start ? Math.max(post.createdMs, items[end - 1]!.createdMs) : post.createdMs;
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
    this.tell('add', comment);
    return comment;
  }

  /** Publishes a post on the Page's feed now (`POST /{page-id}/feed`), or at `createdMs`. */
  addPost(input: { pageId: string; message: string; createdMs?: number }): GraphPost {
    const nowMs = input.createdMs ?? this.now();
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
    if (!comment || (comment.is_hidden ?? false) === hidden) return;
    comment.is_hidden = hidden;
    this.tell(hidden ? 'hide' : 'unhide', comment);
  }

  /** A person (a comment's author), added when new. */
  addPerson(person: { id: string; name: string }): void {
    if (!this.people.has(person.id)) this.people.set(person.id, person);
  }

  /** Its author changes a comment's text. */
  editComment(id: string, message: string): GraphComment | null {
    const comment = this.comments.get(id);
    if (!comment) return null;
    comment.message = message;
    this.tell('edited', comment);
    return comment;
  }

  /** A comment deleted, with its replies (Graph then answers that it does not exist). */
  removeComment(id: string): GraphComment | null {
    const comment = this.comments.get(id);
    if (!comment) return null;
    for (const reply of [...(this.children.get(id) ?? [])]) this.removeComment(reply.id);
    this.comments.delete(id);
    this.children.delete(id);
    const drop = (list: GraphComment[] | undefined) => {
      const at = list?.indexOf(comment) ?? -1;
      if (at >= 0) list!.splice(at, 1);
    };
    drop(this.children.get(comment.parent_id ?? comment.post_id));
    drop(this.threads.get(comment.post_id));
    this.tell('remove', comment);
    return comment;
  }

  /** Calls `watcher` on every change of a comment from now on. */
  watch(watcher: (change: CommentChange) => void): void {
    this.watchers.push(watcher);
  }

  private tell(verb: CommentChange['verb'], comment: GraphComment): void {
    const post = this.posts.get(comment.post_id);
    if (!post) return;
    for (const watcher of this.watchers) watcher({ verb, comment, post });
  }
}

const NO_COMMENTS: GraphComment[] = [];
