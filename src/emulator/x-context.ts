import type { EmuRequest, EmuResponse, RouteLike } from './http-kit';

/** What an X handler knows besides the request: the caller and the route's path parameters. */
export interface XContext {
  req: EmuRequest;
  params: Record<string, string>;
  token: string;
  callerId: string;
}

export interface XRoute extends RouteLike {
  handler: (ctx: XContext) => Promise<EmuResponse> | EmuResponse;
}
