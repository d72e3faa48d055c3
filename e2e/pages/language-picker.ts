import { expect } from '@playwright/test';
import type { Locator } from '@playwright/test';

/** A language picker (a combobox): languages chosen by name or code, shown as chips. */
export class LanguagePicker {
  readonly input: Locator;
  readonly chips: Locator;

  constructor(readonly root: Locator) {
    this.input = root.getByRole('combobox');
    this.chips = root.getByTestId('language-chip');
  }

  /** Types a name or a code and takes the first language found, from the keyboard. */
  async choose(typed: string, name: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(typed);
    await expect(this.root.getByRole('option').first()).toHaveAccessibleName(
      new RegExp(`^${name}`),
    );
    await this.input.press('Enter');
    await expect(this.chips.filter({ hasText: name })).toHaveCount(1);
    await expect(this.input).toHaveValue('');
  }

  async remove(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Remove ${name}` }).click();
    await expect(this.chips.filter({ hasText: name })).toHaveCount(0);
  }
}
