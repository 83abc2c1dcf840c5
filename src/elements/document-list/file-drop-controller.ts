import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface DropHost extends ReactiveControllerHost, HTMLElement {
  dragging: boolean;
}

/**
 * Makes the whole host a drop target for files: sets `dragging` while files hover (nested
 * dragenter/dragleave pairs are counted, so children do not make it flicker) and hands dropped files on.
 */
export class FileDropController implements ReactiveController {
  private depth = 0;

  constructor(
    private readonly host: DropHost,
    private readonly options: { enabled(): boolean; drop(files: File[]): void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragenter', this.onEnter);
    this.host.addEventListener('dragover', this.onOver);
    this.host.addEventListener('dragleave', this.onLeave);
    this.host.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragenter', this.onEnter);
    this.host.removeEventListener('dragover', this.onOver);
    this.host.removeEventListener('dragleave', this.onLeave);
    this.host.removeEventListener('drop', this.onDrop);
    this.depth = 0;
    this.host.dragging = false;
  }

  private accepts(e: DragEvent): boolean {
    return this.options.enabled() && [...(e.dataTransfer?.types ?? [])].includes('Files');
  }

  private readonly onEnter = (e: DragEvent): void => {
    if (!this.accepts(e)) return;
    e.preventDefault();
    this.depth++;
    this.host.dragging = true;
  };

  private readonly onOver = (e: DragEvent): void => {
    if (!this.accepts(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private readonly onLeave = (): void => {
    if (!this.host.dragging) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.host.dragging = false;
  };

  private readonly onDrop = (e: DragEvent): void => {
    this.depth = 0;
    this.host.dragging = false;
    if (!this.accepts(e)) return;
    e.preventDefault();
    this.options.drop([...(e.dataTransfer?.files ?? [])]);
  };
}
