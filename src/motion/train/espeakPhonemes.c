// Synthesises text with espeak-ng and prints its phoneme events ("ms<TAB>mnemonic") to stdout;
// the audio (raw s16 mono 22050 Hz) goes to argv[2]. Build (needs apt libespeak-ng-dev):
//   gcc -O2 -o /tmp/espeak-phonemes src/motion/train/espeakPhonemes.c -lespeak-ng
// Usage: espeak-phonemes <voice> <out.raw> <rate wpm> <pitch 0-99> <text>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static FILE *out;
static int cb(short *wav, int n, espeak_EVENT *ev) {
  if (wav && n > 0) fwrite(wav, 2, n, out);
  for (; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
    if (ev->type == espeakEVENT_PHONEME) { char s[9] = {0}; memcpy(s, ev->id.string, 8); printf("%d\t%s\n", ev->audio_position, s); }
    else if (ev->type == espeakEVENT_END) printf("%d\t_end\n", ev->audio_position);
  }
  return 0;
}
int main(int argc, char **argv) {
  // argv: voice outfile rate pitch text
  out = fopen(argv[2], "wb");
  int sr = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_PHONEME_EVENTS);
  if (sr <= 0) return 1;
  espeak_SetVoiceByName(argv[1]);
  espeak_SetParameter(espeakRATE, atoi(argv[3]), 0);
  espeak_SetParameter(espeakPITCH, atoi(argv[4]), 0);
  espeak_SetSynthCallback(cb);
  espeak_Synth(argv[5], strlen(argv[5]) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
  espeak_Synchronize();
  fclose(out);
  return 0;
}
