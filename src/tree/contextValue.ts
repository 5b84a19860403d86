/**
 * A node's `contextValue`: the sorted `;`-joined set of what it is and what can be done with it
 * (`forgettable;hasFiles;refreshable;running;task`). package.json menus match single tokens with
 * `viewItem =~ /(^|;)token(;|$)/`, so tokens can be added without breaking any `when` clause.
 */
import { traitsOf } from '../model/productTraits';
import type { Product, TaskStatus } from '../model/task';
import type { NodeKind } from './nodes';

export interface NodeFacts {
  readonly kind: NodeKind;
  readonly product?: Product;
  readonly status?: TaskStatus;
  readonly hasFiles?: boolean;
  readonly pinned?: boolean;
  /** A room the user pinned (GME): Forget unpins it. */
  readonly pinnedRoom?: boolean;
  /** An error row whose failure was the credentials'. */
  readonly authError?: boolean;
}

const tracksTaskIds = (product: Product | undefined): boolean => product !== undefined && traitsOf(product).asked === 'byTaskId';

export function contextTokens(facts: NodeFacts): Set<string> {
  const tokens = new Set<string>([facts.kind]);
  switch (facts.kind) {
    case 'account':
      tokens.add('refreshable');
      break;
    case 'product':
      tokens.add('refreshable');
      if (facts.product !== undefined && traitsOf(facts.product).asked === 'byRoom') tokens.add('canAddRoom');
      if (tracksTaskIds(facts.product)) tokens.add('canTrackTask');
      break;
    case 'room':
      tokens.add('refreshable');
      if (facts.pinnedRoom) tokens.add('forgettable');
      if (tracksTaskIds(facts.product)) tokens.add('canTrackTask');
      break;
    case 'task':
      tokens.add('refreshable');
      tokens.add('forgettable');
      if (facts.status) tokens.add(facts.status);
      if (facts.hasFiles) tokens.add('hasFiles');
      if (facts.pinned) tokens.add('pinned');
      break;
    case 'error':
      tokens.add('retry');
      if (facts.authError) tokens.add('auth');
      break;
    case 'dayGroup':
    case 'file':
    case 'loadMore':
    case 'placeholder':
      break;
  }
  return tokens;
}

export function buildContextValue(facts: NodeFacts): string {
  return [...contextTokens(facts)].sort().join(';');
}
