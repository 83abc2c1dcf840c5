/**
 * Unicode text-direction controls: LRM/RLM (U+200E, U+200F), the embeddings and overrides U+202A–U+202E
 * and the isolates U+2066–U+2069. In a name they reorder what people see: "\u202Efdp.exe" shows as
 * "exe.pdf". Names that reach xECM (and every user's screen) are refused when they contain one.
 */
const DIRECTION_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function hasDirectionControls(name: string): boolean {
  return DIRECTION_CONTROLS.test(name);
}

/** The reason given in a 400 `bad-request` problem, after "The file name" / "The workspace name". */
export const DIRECTION_CONTROLS_RULE =
  'must not contain text-direction control characters (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069): they can disguise what the name shows, such as a file type.';
