/** The big Scan button. (Being built: the camera, decoder worker and gallery fallback.) */
export function ScanButton(_props: { onDetected: (text: string) => void }) {
  return null;
}
