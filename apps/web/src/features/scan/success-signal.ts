/**
 * A short beep and a buzz when a code is read: on a noisy quay or with gloves on, the officer
 * knows at once without looking. Either may be missing (no vibrator on iPhones, sound muted).
 */
export function signalSuccess() {
  if ('vibrate' in navigator) navigator.vibrate(120);
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 1760;
    volume.gain.value = 0.2;
    tone.connect(volume).connect(audio.destination);
    tone.onended = () => void audio.close();
    tone.start();
    tone.stop(audio.currentTime + 0.12);
  } catch {
    // No audio output on this device: the buzz and the next screen still say it.
  }
}
