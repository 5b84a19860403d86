/**
 * Add Account… / Edit Account… / Re-enter Credentials…: the multi-step input. It only collects and
 * validates; the command probes and saves. The secret is typed in password boxes.
 */
import * as vscode from 'vscode';
import type { Account, AccountSecret, TencentSite } from '../model/account';
import type { NewAccount } from './accountStore';
import { parseUint32, TENCENT_REGIONS, validateOptionalUint32, validateRegion, validateRequired, validateRequiredUint32, validateSecret } from './accountInput';
import { MultiStepInput, type Step } from './multiStepInput';

const t = vscode.l10n.t;

interface Draft {
  vendor?: 'tencent' | 'zego';
  label: string;
  site: TencentSite;
  region: string;
  trtcSdkAppId: string;
  gmeBizId: string;
  cssEnabled: boolean;
  cssDomain: string;
  cssApp: string;
  vodSubAppId: string;
  appId: string;
  secretId: string;
  secretKey: string;
  serverSecret: string;
}

export interface AccountFlowResult {
  readonly account: NewAccount;
  /** Undefined when editing without changing the secret. */
  readonly secret?: AccountSecret;
}

function draftOf(account: Account | undefined): Draft {
  const str = (n: number | undefined): string => (n === undefined ? '' : String(n));
  return {
    vendor: account?.vendor,
    label: account?.label ?? '',
    site: account?.vendor === 'tencent' ? account.site : 'intl',
    region: account?.vendor === 'tencent' ? account.region : 'ap-singapore',
    trtcSdkAppId: account?.vendor === 'tencent' ? str(account.trtcSdkAppId) : '',
    gmeBizId: account?.vendor === 'tencent' ? str(account.gmeBizId) : '',
    cssEnabled: account?.vendor === 'tencent' ? Boolean(account.cssEnabled) : false,
    cssDomain: account?.vendor === 'tencent' ? (account.cssDomain ?? '') : '',
    cssApp: account?.vendor === 'tencent' ? (account.cssApp ?? '') : '',
    vodSubAppId: account?.vendor === 'tencent' ? str(account.vodSubAppId) : '',
    appId: account?.vendor === 'zego' ? String(account.appId) : '',
    secretId: '',
    secretKey: '',
    serverSecret: '',
  };
}

function resultOf(d: Draft, endpoint: string | undefined, withSecret: boolean): AccountFlowResult {
  if (d.vendor === 'zego') {
    return {
      account: { vendor: 'zego', label: d.label, endpoint, appId: parseUint32(d.appId) ?? 0 },
      secret: withSecret ? { vendor: 'zego', serverSecret: d.serverSecret } : undefined,
    };
  }
  return {
    account: {
      vendor: 'tencent',
      label: d.label,
      endpoint,
      site: d.site,
      region: d.region,
      trtcSdkAppId: parseUint32(d.trtcSdkAppId),
      gmeBizId: parseUint32(d.gmeBizId),
      cssEnabled: d.cssEnabled || undefined,
      cssDomain: d.cssEnabled ? d.cssDomain || undefined : undefined,
      cssApp: d.cssEnabled ? d.cssApp || undefined : undefined,
      vodSubAppId: parseUint32(d.vodSubAppId),
    },
    secret: withSecret ? { vendor: 'tencent', secretId: d.secretId, secretKey: d.secretKey } : undefined,
  };
}

/**
 * Runs the flow. `existing` pre-fills it (Edit); `credentialsOnly` asks for the secret alone
 * (Re-enter Credentials). Resolves undefined when cancelled.
 */
export async function runAccountFlow(existing?: Account, credentialsOnly = false): Promise<AccountFlowResult | undefined> {
  const d = draftOf(existing);
  const editing = existing !== undefined;
  const title = credentialsOnly ? t('Re-enter Credentials: {0}', existing?.label ?? '') : editing ? t('Edit Account: {0}', existing.label) : t('Add Account');
  // Editing may keep the stored secret; adding and re-entering must provide one.
  let keepSecret = editing && !credentialsOnly;
  const tencentSteps = 10;
  const zegoSteps = 4;
  const total = (): number => (credentialsOnly ? (d.vendor === 'tencent' ? 2 : 1) : d.vendor === 'zego' ? zegoSteps : tencentSteps);
  const at = (n: number): number => (credentialsOnly ? n - (total() === 2 ? 8 : 3) : n);

  const pickVendor: Step<Draft> = async (input) => {
    const items = [
      { label: 'Tencent Cloud', description: t('TRTC recording and relay, GME, CSS'), vendor: 'tencent' as const },
      { label: 'ZEGO', description: t('Cloud recording'), vendor: 'zego' as const },
    ];
    const chosen = await input.pickOne({ title, step: 1, totalSteps: tencentSteps, items, placeholder: t('Which cloud is the account on?') });
    d.vendor = chosen.vendor;
    if (!d.label) d.label = chosen.label;
    return enterLabel;
  };
  const enterLabel: Step<Draft> = async (input) => {
    d.label = await input.inputText({
      title,
      step: 2,
      totalSteps: total(),
      prompt: t('A name for this account in the tree'),
      value: d.label,
      validate: (v) => validateRequired(v, vscode.l10n),
    });
    return d.vendor === 'zego' ? enterZegoAppId : pickSite;
  };
  const pickSite: Step<Draft> = async (input) => {
    const items = [
      { label: t('International'), description: '*.intl.tencentcloudapi.com', site: 'intl' as const },
      { label: t('Chinese mainland'), description: '*.tencentcloudapi.com', site: 'mainland' as const },
    ];
    const chosen = await input.pickOne({
      title,
      step: 3,
      totalSteps: total(),
      items,
      activeItem: items.find((i) => i.site === d.site),
      placeholder: t('Which Tencent Cloud site is the account on?'),
    });
    d.site = chosen.site;
    return pickRegion;
  };
  const pickRegion: Step<Draft> = async (input) => {
    const items = TENCENT_REGIONS.map((region) => ({ label: region }));
    const chosen = await input.pickOne({
      title,
      step: 4,
      totalSteps: total(),
      items,
      activeItem: items.find((i) => i.label === d.region),
      placeholder: t('Default region (TRTC and CSS are regional; GME ignores it)'),
    });
    d.region = validateRegion(chosen.label, vscode.l10n) ? d.region : chosen.label;
    return enterTrtc;
  };
  const enterTrtc: Step<Draft> = async (input) => {
    d.trtcSdkAppId = await input.inputText({
      title,
      step: 5,
      totalSteps: total(),
      prompt: t('TRTC SdkAppId (leave empty if you do not use TRTC recording or relay)'),
      value: d.trtcSdkAppId,
      validate: (v) => validateOptionalUint32(v, vscode.l10n),
    });
    return enterGme;
  };
  const enterGme: Step<Draft> = async (input) => {
    d.gmeBizId = await input.inputText({
      title,
      step: 6,
      totalSteps: total(),
      prompt: t('GME BizId (leave empty if you do not use GME recording)'),
      value: d.gmeBizId,
      validate: (v) => validateOptionalUint32(v, vscode.l10n),
    });
    return enterCss;
  };
  const enterCss: Step<Draft> = async (input) => {
    const domain = await input.inputText({
      title,
      step: 7,
      totalSteps: total(),
      prompt: t('CSS: "-" to skip CSS live recording; otherwise an optional push domain and app name, as domain/app'),
      placeholder: t('5000.livepush.myqcloud.com/live'),
      value: d.cssEnabled ? [d.cssDomain, d.cssApp].filter(Boolean).join('/') : '-',
      validate: () => undefined,
    });
    d.cssEnabled = domain !== '-';
    const [cssDomain = '', cssApp = ''] = d.cssEnabled ? domain.split('/') : [];
    d.cssDomain = cssDomain.trim();
    d.cssApp = cssApp.trim();
    if (!d.trtcSdkAppId && !d.gmeBizId && !d.cssEnabled) {
      void vscode.window.showWarningMessage(t('Set up at least one product: a TRTC SdkAppId, a GME BizId or CSS.'));
      return enterTrtc;
    }
    return enterVod;
  };
  const enterVod: Step<Draft> = async (input) => {
    d.vodSubAppId = await input.inputText({
      title,
      step: 8,
      totalSteps: total(),
      prompt: t('VOD SubAppId, if your recordings go to a VOD sub-application (required for VOD accounts opened since 2023-12-25); leave empty otherwise'),
      value: d.vodSubAppId,
      validate: (v) => validateOptionalUint32(v, vscode.l10n),
    });
    return keepOrEnterSecret;
  };
  const enterZegoAppId: Step<Draft> = async (input) => {
    d.appId = await input.inputText({
      title,
      step: 3,
      totalSteps: total(),
      prompt: t('ZEGO AppId'),
      value: d.appId,
      validate: (v) => validateRequiredUint32(v, vscode.l10n),
    });
    return keepOrEnterSecret;
  };
  const keepOrEnterSecret: Step<Draft> = async (input) => {
    if (!editing || credentialsOnly) return d.vendor === 'zego' ? enterServerSecret : enterSecretId;
    const items = [
      { label: t('Keep the stored secret'), keep: true },
      { label: t('Enter a new secret…'), keep: false },
    ];
    const chosen = await input.pickOne({ title, step: total(), totalSteps: total(), items, placeholder: t('Credentials') });
    keepSecret = chosen.keep;
    return keepSecret ? undefined : d.vendor === 'zego' ? enterServerSecret : enterSecretId;
  };
  const enterSecretId: Step<Draft> = async (input) => {
    d.secretId = await input.inputText({
      title,
      step: at(9),
      totalSteps: total(),
      prompt: t('SecretId (CAM API key)'),
      value: d.secretId,
      validate: (v) => validateSecret(v, vscode.l10n),
    });
    return enterSecretKey;
  };
  const enterSecretKey: Step<Draft> = async (input) => {
    d.secretKey = await input.inputText({
      title,
      step: at(10),
      totalSteps: total(),
      prompt: t('SecretKey: stored in VS Code SecretStorage only'),
      password: true,
      validate: (v) => validateSecret(v, vscode.l10n),
    });
    return undefined;
  };
  const enterServerSecret: Step<Draft> = async (input) => {
    d.serverSecret = await input.inputText({
      title,
      step: at(4),
      totalSteps: total(),
      prompt: t('ServerSecret: stored in VS Code SecretStorage only'),
      password: true,
      validate: (v) => validateSecret(v, vscode.l10n),
    });
    return undefined;
  };

  const start = credentialsOnly ? (d.vendor === 'zego' ? enterServerSecret : enterSecretId) : editing ? enterLabel : pickVendor;
  const done = await MultiStepInput.run(start, d);
  return done ? resultOf(d, existing?.endpoint, !keepSecret) : undefined;
}
