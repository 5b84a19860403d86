/**
 * Vendor strings that try to break the UI: markup, script breakouts, URL schemes, bidi overrides,
 * emoji, theme-icon syntax, autolinkable URLs, control characters and a 10 KB string. They only appear in the apps labelled "Hostile strings" so the webview's escaping tests have data.
 */
export const HOSTILE_LABEL = 'Hostile strings';

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(1)</script>',
  jsUrl: 'javascript:alert(1)',
  /** Arabic, then a right-to-left override that flips "exe.txt". */
  rtl: 'مرحبا \u202Etxt.exe',
  emoji: '🎥 直播 👩‍🚀🔥',
  /** Theme-icon syntax, which tooltips and quick picks would render as icons. */
  codicons: '$(terminal) $(zap) run',
  /** Text a Markdown tooltip would turn into live links. */
  url: 'see https://example.com/x?a=1 or http://127.0.0.1:9/',
  /** NUL, BEL, an ANSI escape and a C1 control: never shown raw. */
  control: 'nul\u0000bel\u0007esc\u001b[31mred\u0085c1',
  /** 10 KB in one field: cut everywhere but the details panel. */
  huge: `long-${'x'.repeat(10_240)}`,
} as const;
