/**
 * The map's opening frames (MapView): the arcs drawn first, their points once a frame has
 * drawn them (arcs-first.ts), and luma.gl's texture-format question asked after that
 * (texture-formats.ts).
 */
import { askTextureFormatsWhenIdle, type FormatQueries } from './texture-formats';

export class OpeningFrame {
  /** True until a frame has drawn the incidents: until then their points wait. */
  arcsWaiting = $state(true);
  private releasing = false;
  private formatsAsked = false;

  /** After each deck.gl frame, with how many incidents it drew. */
  drew(incidents: number, device: FormatQueries): void {
    if (this.arcsWaiting && incidents > 0 && !this.releasing) {
      this.releasing = true;
      // Two animation frames: the page shows the arcs' frame before the points' program is made.
      requestAnimationFrame(() => requestAnimationFrame(() => (this.arcsWaiting = false)));
    }
    if (!this.formatsAsked && !this.arcsWaiting) {
      this.formatsAsked = true;
      askTextureFormatsWhenIdle(device);
    }
  }
}
