/**
 * Vendor strings that try to break the UI: markup, script breakouts, URL schemes, bidi overrides and
 * emoji. They only appear in the apps labelled "Hostile strings" so the webview's escaping tests have data.
 */
export const HOSTILE_LABEL = 'Hostile strings';

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(1)</script>',
  jsUrl: 'javascript:alert(1)',
  /** Arabic, then a right-to-left override that flips "exe.txt". */
  rtl: 'مرحبا \u202Etxt.exe',
  emoji: '🎥 直播 👩‍🚀🔥',
} as const;
