/**
 * A multi-step QuickPick/InputBox flow with a Back button and step numbers, after VS Code's
 * quickinput sample: each step is a function returning the next one; Back re-runs the previous.
 */
import * as vscode from 'vscode';

class FlowBack {}
class FlowCancel {}

export type Step<S> = (input: MultiStepInput, state: S) => Promise<Step<S> | undefined>;

interface Common {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends Common {
  readonly items: readonly T[];
  readonly placeholder: string;
  readonly activeItem?: T;
}

export interface TextOptions extends Common {
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** An error message, or undefined when the value is acceptable. */
  readonly validate: (value: string) => string | undefined;
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private readonly history: Step<unknown>[] = [];

  /** Runs the flow; resolves true when it reached its end, false when the user cancelled. */
  static async run<S>(start: Step<S>, state: S): Promise<boolean> {
    const input = new MultiStepInput();
    try {
      return await input.stepThrough(start as Step<unknown>, state);
    } finally {
      input.current?.dispose();
    }
  }

  private async stepThrough(start: Step<unknown>, state: unknown): Promise<boolean> {
    let step: Step<unknown> | undefined = start;
    while (step) {
      this.history.push(step);
      if (this.current) {
        this.current.enabled = false;
        this.current.busy = true;
      }
      try {
        step = await step(this, state);
      } catch (err) {
        if (err instanceof FlowBack) {
          this.history.pop();
          step = this.history.pop();
        } else if (err instanceof FlowCancel) {
          return false;
        } else {
          throw err;
        }
      }
    }
    return true;
  }

  pickOne<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    return this.show<T>((resolve) => {
      const pick = vscode.window.createQuickPick<T>();
      this.setCommon(pick, options);
      pick.placeholder = options.placeholder;
      pick.items = options.items;
      if (options.activeItem) pick.activeItems = [options.activeItem];
      return [
        pick,
        [
          pick.onDidAccept(() => {
            const chosen = pick.selectedItems[0];
            if (chosen) resolve(chosen);
          }),
        ],
      ];
    });
  }

  inputText(options: TextOptions): Promise<string> {
    return this.show<string>((resolve) => {
      const box = vscode.window.createInputBox();
      this.setCommon(box, options);
      box.prompt = options.prompt;
      box.value = options.value ?? '';
      box.placeholder = options.placeholder;
      box.password = options.password ?? false;
      box.validationMessage = undefined;
      return [
        box,
        [
          box.onDidAccept(() => {
            const error = options.validate(box.value);
            box.validationMessage = error;
            if (!error) resolve(box.value.trim());
          }),
          box.onDidChangeValue((value) => {
            // Validate while typing only once a message is showing, so an empty box starts clean.
            if (box.validationMessage) box.validationMessage = options.validate(value);
          }),
        ],
      ];
    });
  }

  private setCommon(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, options: Common): void {
    input.title = options.title;
    input.step = options.step;
    input.totalSteps = options.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  private async show<T>(build: (resolve: (value: T) => void) => [vscode.QuickInput, vscode.Disposable[]]): Promise<T> {
    const listeners: vscode.Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const [input, own] = build(resolve);
        listeners.push(
          ...own,
          (input as vscode.InputBox).onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(new FlowBack());
          }),
          input.onDidHide(() => reject(new FlowCancel())),
        );
        // Show the new step before closing the old one, so the widget does not flicker shut.
        const previous = this.current;
        this.current = input;
        input.show();
        previous?.dispose();
      });
    } finally {
      for (const listener of listeners) listener.dispose();
    }
  }
}
