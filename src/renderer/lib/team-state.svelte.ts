/** Whether the team screen is shown. */
export class TeamState {
  open = $state(false);
}
