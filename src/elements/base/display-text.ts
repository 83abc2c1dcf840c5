// Embedding, override and isolate controls reorder the text after them: "invoice\u202Efdp.exe" shows as
// "invoiceexe.pdf". The BFF refuses them in uploaded file names and new workspace names, but names made in
// xECM itself (or workflow and step names) may still carry them, so text from xECM is shown without them:
// what users read is what the file is. The LRM/RLM marks stay; they cannot reverse a run of text.
const REORDERING_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` from xECM as it should be shown: without bidi embedding, override and isolate controls. */
export function displayText(text: string): string {
  return text.replace(REORDERING_CONTROLS, '');
}
