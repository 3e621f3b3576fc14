// Opening a place in an article: the command behind the claims view's figures.
import * as vscode from 'vscode';

export interface PlaceArgs {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export async function revealFigure(place: PlaceArgs | undefined): Promise<void> {
  if (!place?.uri || !place.range) return;
  const range = new vscode.Range(place.range.start.line, place.range.start.character, place.range.end.line, place.range.end.character);
  try {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(place.uri), { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (e) {
    void vscode.window.showWarningMessage(`Cannot open ${place.uri}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
