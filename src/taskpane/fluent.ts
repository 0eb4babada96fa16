/**
 * Registers the Fluent UI web components the pane uses: buttons and the language switch.
 * Imported one by one (not the whole library) to keep the bundle small; the text
 * fields and the progress bar are native elements styled alike (taskpane.css), which
 * saves another 15 KB and gives them plain <label>s.
 */
import {
  accentBaseColor,
  fluentButton,
  fluentSwitch,
  provideFluentDesignSystem,
  SwatchRGB,
} from "@fluentui/web-components";

/** Excel's brand green (#107C41), so accents look like Excel's own panes. */
const EXCEL_GREEN = SwatchRGB.create(0x10 / 255, 0x7c / 255, 0x41 / 255);

export function registerFluentComponents(): void {
  accentBaseColor.withDefault(EXCEL_GREEN);
  provideFluentDesignSystem().register(fluentButton(), fluentSwitch());
}
