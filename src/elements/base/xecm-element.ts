import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from './localize-controller.js';
import { tokens } from './tokens.styles.js';
import { define } from './define.js';

/**
 * Base of every xecm element: shared tokens, a typed `emit()`, localization, reactive `lang`/`dir`.
 * No data loading and no auth here (see XecmDataElement).
 */
export class XecmElement extends LitElement {
  static override styles: CSSResultGroup = [tokens];

  /**
   * Elements this one renders by tag (e.g. the card renders `xecm-approval-badge`). They are defined
   * under those tags when the element is created, if nobody did so before.
   */
  static dependencies: Record<string, CustomElementConstructor> = {};

  /** Language of this element's strings and formats; inherited from the nearest ancestor when absent. */
  @property({ reflect: true }) override lang!: string;
  /** Text direction; inherited like `lang` when absent. */
  @property({ reflect: true }) override dir!: string;

  protected readonly localize = new LocalizeController(this);

  constructor() {
    super();
    const { dependencies } = this.constructor as typeof XecmElement;
    for (const [tag, ctor] of Object.entries(dependencies)) define(tag, ctor);
  }

  /** Dispatches `event`; returns false when a cancelable event was vetoed with `preventDefault()`. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}
