// What one spec learns and a later one needs (specs run in file order against one workbench).
export const state: {
  /** aria-label of a task row found in the tree */
  taskRowLabel?: string;
  /** the Task ID read from its details panel */
  taskId?: string;
} = {};
