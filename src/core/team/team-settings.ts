import { DEFAULT_TEAM_SETTINGS, SaveTeamSettingsInputSchema } from '../../shared';
import type { ApiInput, InboxEvent, TeamSettings } from '../../shared';
import type { Actor } from '../audit/audit-facts';
import type { InboxCommits } from '../store/inbox-commits';
import type { Workspace, WorkspaceStore } from '../store/workspace-store';

/** The team's settings in the settings document, the defaults where it says nothing. */
export function teamSettingsOf(data: Pick<Workspace, 'teamSettings'>): TeamSettings {
  return { ...DEFAULT_TEAM_SETTINGS, ...data.teamSettings };
}

/** What the team decided once for the inbox: read by everyone, changed by managers, recorded. */
export class TeamSettingsBook {
  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly commits: InboxCommits,
    private readonly emit: (event: InboxEvent) => void,
  ) {}

  get(_input?: ApiInput<'getTeamSettings'>): TeamSettings {
    return teamSettingsOf(this.workspace.data);
  }

  async save(input: ApiInput<'saveTeamSettings'>, by: Actor): Promise<TeamSettings> {
    const change = SaveTeamSettingsInputSchema.parse(input);
    const before = this.get();
    const next: TeamSettings = { ...before };
    if (change.answeredOutsideStatus !== undefined)
      next.answeredOutsideStatus = change.answeredOutsideStatus;
    if (JSON.stringify(next) === JSON.stringify(before)) return before;
    await this.commits.commit(
      [
        {
          ...by,
          action: 'team.settings',
          conversationId: null,
          details: { from: before, to: next },
        },
      ],
      { settings: [(data) => void (data.teamSettings = next)] },
    );
    this.emit({ type: 'team.settings', settings: next });
    return next;
  }
}
