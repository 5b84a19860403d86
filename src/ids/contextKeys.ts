/** The `when`-clause context keys the extension sets; package.json's menus read the same names. */
export const ContextKeys = {
  /** At least one account exists (welcome view, palette entries that need an account). */
  hasAccounts: 'mediaTasks.hasAccounts',
  /** The tree filter is on (Clear Filter button). */
  filtered: 'mediaTasks.filtered',
} as const;
