import { graphIdParts } from './ids';
import type { Scenario } from './scenario';

/** A scenario whose parts do not refer to each other correctly; `problems` lists each one. */
export class ScenarioIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`The scenario is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ScenarioIntegrityError';
  }
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

/**
 * Cross-references the schema cannot express: unique ids and tokens, accounts and authors that exist,
 * comments on known posts and parents. A reply to a tweet missing from the scenario is allowed (it
 * may have been deleted on X).
 */
export function scenarioProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const { x, facebook } = scenario;
  const xUsers = new Set(x.users.map((u) => u.id));

  for (const id of duplicates(x.users.map((u) => u.id)))
    problems.push(`x.users: id ${id} appears twice`);
  for (const name of duplicates(x.users.map((u) => u.username.toLowerCase())))
    problems.push(`x.users: username @${name} appears twice`);
  for (const id of duplicates(x.tweets.map((t) => t.id)))
    problems.push(`x.tweets: id ${id} appears twice`);
  for (const [i, account] of x.accounts.entries())
    if (!xUsers.has(account.user_id))
      problems.push(`x.accounts[${i}]: user_id ${account.user_id} is not in x.users`);
  for (const [i, tweet] of x.tweets.entries()) {
    if (!xUsers.has(tweet.author_id))
      problems.push(`x.tweets[${i}] (${tweet.id}): author_id ${tweet.author_id} is not in x.users`);
    if (tweet.in_reply_to === tweet.id)
      problems.push(`x.tweets[${i}] (${tweet.id}) replies to itself`);
  }

  const pages = new Set(facebook.pages.map((p) => p.id));
  const people = new Set(facebook.users.map((u) => u.id));
  const posts = new Map(facebook.posts.map((p) => [p.id, p]));
  const comments = new Map(facebook.comments.map((c) => [c.id, c]));
  for (const id of duplicates(facebook.pages.map((p) => p.id)))
    problems.push(`facebook.pages: id ${id} appears twice`);
  for (const id of duplicates(facebook.users.map((u) => u.id)))
    problems.push(`facebook.users: id ${id} appears twice`);
  for (const [i, user] of facebook.users.entries())
    if (pages.has(user.id))
      problems.push(`facebook.users[${i}] (${user.name}): id ${user.id} is a Page's id`);
  for (const id of duplicates([
    ...facebook.posts.map((p) => p.id),
    ...facebook.comments.map((c) => c.id),
  ]))
    problems.push(`facebook: object id ${id} appears twice`);
  for (const [i, post] of facebook.posts.entries()) {
    if (!pages.has(post.page_id))
      problems.push(
        `facebook.posts[${i}] (${post.id}): page_id ${post.page_id} is not in facebook.pages`,
      );
    else if (graphIdParts(post.id).left !== post.page_id)
      problems.push(
        `facebook.posts[${i}]: id ${post.id} should start with its page id ${post.page_id}_`,
      );
  }
  for (const [i, c] of facebook.comments.entries()) {
    const where = `facebook.comments[${i}] (${c.id})`;
    const post = posts.get(c.post_id);
    if (!post) problems.push(`${where}: post_id ${c.post_id} is not in facebook.posts`);
    else if (graphIdParts(c.id).left !== graphIdParts(post.id).right)
      problems.push(
        `${where}: id should start with the post's own id ${graphIdParts(post.id).right}_`,
      );
    if (!people.has(c.from_id) && !pages.has(c.from_id))
      problems.push(`${where}: from_id ${c.from_id} is neither in facebook.users nor a page`);
    if (c.parent_id !== undefined) {
      const parent = comments.get(c.parent_id);
      if (!parent) problems.push(`${where}: parent_id ${c.parent_id} is not in facebook.comments`);
      else if (parent.post_id !== c.post_id)
        problems.push(`${where}: parent ${c.parent_id} is on another post`);
    }
  }
  for (const id of cyclicComments(facebook.comments))
    problems.push(`facebook.comments: ${id} is its own ancestor`);
  problems.push(...oauthProblems(scenario));

  const tokens = [
    ...x.accounts.map((a) => a.access_token),
    ...facebook.pages.map((p) => p.access_token),
  ];
  if (duplicates(tokens).length > 0)
    problems.push('an access_token is used by two accounts or pages');
  return problems;
}

/** The OAuth side: unique app and admin ids, admins managing Pages that exist. */
function oauthProblems({ x, facebook }: Scenario): string[] {
  const problems: string[] = [];
  const pages = new Set(facebook.pages.map((p) => p.id));
  for (const id of duplicates(x.apps.map((a) => a.client_id)))
    problems.push(`x.apps: client_id ${id} appears twice`);
  for (const id of duplicates(facebook.admins.map((a) => a.id)))
    problems.push(`facebook.admins: id ${id} appears twice`);
  for (const [i, admin] of facebook.admins.entries()) {
    for (const pageId of admin.page_ids)
      if (!pages.has(pageId))
        problems.push(
          `facebook.admins[${i}] (${admin.id}): page_id ${pageId} is not in facebook.pages`,
        );
    for (const pageId of duplicates(admin.page_ids))
      problems.push(`facebook.admins[${i}] (${admin.id}): page_id ${pageId} appears twice`);
    if (pages.has(admin.id)) problems.push(`facebook.admins[${i}]: id ${admin.id} is a Page's id`);
  }
  return problems;
}

function cyclicComments(comments: Scenario['facebook']['comments']): string[] {
  const parentOf = new Map(comments.map((c) => [c.id, c.parent_id]));
  const cyclic: string[] = [];
  for (const c of comments) {
    const seen = new Set<string>([c.id]);
    let parent = c.parent_id;
    while (parent !== undefined) {
      if (seen.has(parent)) {
        cyclic.push(c.id);
        break;
      }
      seen.add(parent);
      parent = parentOf.get(parent);
    }
  }
  return cyclic;
}
