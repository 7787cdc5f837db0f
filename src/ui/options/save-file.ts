// Handing a generated file to the user as a download (the export). DOM only, no extension API.

export interface SavedFile {
  name: string;
  type: string;
  text: string;
}

export function downloadFile(file: SavedFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
